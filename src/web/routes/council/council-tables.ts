/** A council page's tables as data, for their downloads (the same figures the page shows). */
import { GRADE_WORDING, JUDGEMENT_AREA_COLUMNS, JUDGEMENT_AREAS, type Grade } from '../../../domain/index.ts';
import type { CouncilStory, DownloadTable } from '../../../services/index.ts';

const wording = (grade: Grade | null | undefined) => (grade ? GRADE_WORDING[grade] : null);

export function councilTables(story: CouncilStory): DownloadTable[] {
  const name = story.council.name;
  return [
    {
      id: 'history',
      title: `${name}: every graded inspection published by ${story.asAt}`,
      columns: [
        'urn',
        'local_authority',
        'inspection_start',
        'inspection_end',
        'published',
        'version',
        'kind',
        ...JUDGEMENT_AREAS.flatMap((area) => [JUDGEMENT_AREA_COLUMNS[area], `${JUDGEMENT_AREA_COLUMNS[area]}_change`]),
      ],
      rows: story.history.map((entry) => [
        story.council.urn,
        name,
        entry.inspectionStart,
        entry.inspectionEnd,
        entry.published,
        entry.version,
        entry.kind,
        ...JUDGEMENT_AREAS.flatMap((area) => [wording(entry.judgements[area]), entry.changes[area] ?? null]),
      ]),
    },
    {
      id: 'place',
      title: `${name}: place in its region and among its statistical neighbours as at ${story.asAt}`,
      columns: [
        'group',
        'group_name',
        'judgement_area',
        'grade',
        'place',
        'same_or_better',
        'councils',
        'outstanding',
        'good',
        'requires_improvement',
        'inadequate',
      ],
      rows: story.positions.map((position) => [
        position.group,
        position.groupName,
        JUDGEMENT_AREA_COLUMNS[position.area],
        wording(position.grade),
        position.rank,
        position.sameOrBetter,
        position.included,
        position.counts.outstanding,
        position.counts.good,
        position.counts.requires_improvement,
        position.counts.inadequate,
      ]),
    },
    {
      id: 'neighbours',
      title: `${name}: statistical neighbours as at ${story.asAt}, nearest first`,
      columns: ['urn', 'local_authority', 'overall_effectiveness_held', 'overall_from_published', 'latest_published'],
      rows: story.neighbours.map((neighbour) => [
        neighbour.urn,
        neighbour.name,
        wording(neighbour.overall),
        neighbour.overallFrom?.published ?? null,
        neighbour.published,
      ]),
    },
  ];
}
