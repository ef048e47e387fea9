/** A council page's tables as data, for their downloads (the same figures the page shows). */
import {
  GRADE_WORDING,
  INSPECTION_KIND_LABELS,
  JUDGEMENT_AREA_COLUMNS,
  JUDGEMENT_AREAS,
  VISIT_THEME_LABELS,
  type Grade,
} from '../../../domain/index.ts';
import type { CouncilStory, DownloadTable } from '../../../services/index.ts';

const wording = (grade: Grade | null | undefined) => (grade ? GRADE_WORDING[grade] : null);

/** The ids of the tables a council page offers as files, in the page's order. */
export const COUNCIL_TABLE_IDS = ['latest', 'history', 'letters', 'place', 'neighbours'] as const;

export function councilTables(story: CouncilStory): DownloadTable[] {
  const name = story.council.name;
  const latest = story.history.find((entry) => entry.id === story.latest?.id);
  return [
    {
      id: 'latest',
      title: `${name}: latest graded inspection published by ${story.asAt}, each grade against the inspection before`,
      columns: ['urn', 'local_authority', 'published', 'version', 'judgement_area', 'grade', 'grade_before', 'change'],
      rows: latest
        ? JUDGEMENT_AREAS.filter((area) => latest.judgements[area] !== undefined).map((area) => [
            story.council.urn,
            name,
            latest.published,
            latest.version,
            JUDGEMENT_AREA_COLUMNS[area],
            wording(latest.judgements[area]),
            wording(latest.previous[area]),
            latest.changes[area] ?? null,
          ])
        : [],
    },
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
      id: 'letters',
      title: `${name}: letters after ungraded visits published by ${story.asAt}, latest first`,
      columns: [
        'urn',
        'local_authority',
        'published',
        'kind',
        'visit_start',
        'visit_end',
        'theme',
        'focus',
        'to_improve',
        'priority_actions',
        'reader_warnings',
      ],
      rows: story.letters.map((letter) => [
        story.council.urn,
        name,
        letter.published,
        INSPECTION_KIND_LABELS[letter.kind],
        letter.visitStart,
        letter.visitEnd,
        letter.theme ? VISIT_THEME_LABELS[letter.theme] : null,
        letter.focus,
        letter.recommendations.length,
        letter.priorityActions.length,
        letter.warnings.length,
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
