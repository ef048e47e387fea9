/**
 * An inspection page's tables as data, for their downloads (the same facts the page shows): the
 * judgements, the statutory deadlines and the recommendations (for a letter, what needs to improve
 * and the areas for priority action). A table with no rows is left out.
 */
import { AREA_WORDING, GRADE_WORDING, JUDGEMENT_AREA_COLUMNS, JUDGEMENT_AREAS } from '../../../domain/index.ts';
import type { DeadlineView, DownloadTable, InspectionDetail } from '../../../services/index.ts';

/** Who a recommendation is made to, as the file says it. */
const LIST_NAMES = { la: 'council', lscb: 'local safeguarding children board' } as const;

export function inspectionTables(
  inspection: InspectionDetail,
  deadlines: readonly DeadlineView[],
  statusOn: string,
): DownloadTable[] {
  const name = inspection.council.name;
  const what = `${name}: ${inspection.letter ? 'letter' : 'inspection'} published ${inspection.published}`;
  const about = [inspection.council.urn, name, inspection.id, inspection.published] as const;
  const wording = AREA_WORDING[inspection.version];
  const judged = JUDGEMENT_AREAS.filter((area) => inspection.judgements[area] !== undefined);
  const recommendations = [
    ...inspection.recommendations.map((recommendation) => [
      LIST_NAMES[recommendation.list],
      recommendation.position,
      recommendation.text,
    ]),
    ...(inspection.letter?.priorityActions ?? []).map((text, index) => ['area for priority action', index + 1, text]),
  ];
  return [
    {
      id: 'judgements',
      title: `${what}: each judgement as the report words it`,
      columns: [
        'urn',
        'local_authority',
        'inspection_id',
        'published',
        'version',
        'judgement_area',
        'judgement',
        'grade',
      ],
      rows: judged.map((area) => [
        ...about,
        inspection.version,
        JUDGEMENT_AREA_COLUMNS[area],
        wording[area] ?? area,
        GRADE_WORDING[inspection.judgements[area]!],
      ]),
    },
    {
      id: 'deadlines',
      title: `${what}: statutory deadlines, passed or not on ${statusOn}`,
      columns: [
        'urn',
        'local_authority',
        'inspection_id',
        'published',
        'deadline',
        'working_days',
        'counted_from',
        'from_date',
        'due',
        'passed',
        'legal_basis',
        'requirement',
        'legal_basis_url',
      ],
      rows: deadlines.map((deadline) => [
        ...about,
        deadline.name,
        deadline.workingDays,
        deadline.from,
        deadline.anchor,
        deadline.due,
        deadline.status === 'passed' ? 'yes' : 'no',
        deadline.legalBasis.citation,
        deadline.legalBasis.requirement,
        deadline.legalBasis.url,
      ]),
    },
    {
      id: 'recommendations',
      title: `${what}: ${inspection.letter ? 'what needs to improve and areas for priority action' : 'recommendations'}`,
      columns: ['urn', 'local_authority', 'inspection_id', 'published', 'made_to', 'number', 'text'],
      rows: recommendations.map((row) => [...about, ...row]),
    },
  ].filter((table) => table.rows.length > 0);
}
