/** The national page's tables as data, for their downloads (the same figures the page shows). */
import { GRADE_WORDING, GRADES, JUDGEMENT_AREA_COLUMNS, JUDGEMENT_AREAS } from '../../../domain/index.ts';
import type { DownloadTable, NationalPicture } from '../../../services/index.ts';
import type { LatestInspection } from '../../../services/index.ts';

const gradeColumns = GRADES.flatMap((grade) => [grade, `${grade}_percent`]);

export function nationalTables(
  picture: NationalPicture,
  shown: readonly LatestInspection[],
  scope: string,
): DownloadTable[] {
  const where = scope ? ` (${scope})` : '';
  return [
    {
      id: 'grades-by-area',
      title: `Councils${where} by grade in each judgement area as at ${picture.asAt}`,
      columns: ['judgement_area', ...gradeColumns, 'good_or_better', 'good_or_better_percent', 'councils'],
      rows: picture.distributions.map((distribution) => [
        JUDGEMENT_AREA_COLUMNS[distribution.area],
        ...GRADES.flatMap((grade) => [distribution.counts[grade], distribution.percentages[grade]]),
        distribution.goodOrBetter.count,
        distribution.goodOrBetter.percentage,
        distribution.included,
      ]),
    },
    {
      id: 'over-time',
      title: `Councils${where} by overall effectiveness at the end of each quarter to ${picture.asAt}`,
      columns: ['quarter_end', ...GRADES, 'good_or_better', 'good_or_better_percent', 'councils'],
      rows: picture.quarters.map((quarter) => [
        quarter.quarterEnd,
        ...GRADES.map((grade) => quarter.counts[grade]),
        quarter.goodOrBetter.count,
        quarter.goodOrBetter.percentage,
        quarter.included,
      ]),
    },
    {
      id: 'latest-inspections',
      title: `Each council's latest graded inspection${where} as at ${picture.asAt}`,
      columns: [
        'urn',
        'local_authority',
        'region',
        'inspection_start',
        'inspection_end',
        'published',
        'version',
        'kind',
        ...JUDGEMENT_AREAS.map((area) => JUDGEMENT_AREA_COLUMNS[area]),
        'overall_from_published',
      ],
      rows: shown.map((row) => [
        row.urn,
        row.name,
        row.regionName,
        row.inspectionStart,
        row.inspectionEnd,
        row.published,
        row.version,
        row.kind,
        ...JUDGEMENT_AREAS.map((area) => {
          const grade = area === 'overall' ? row.overall?.grade : row.judgements[area];
          return grade ? GRADE_WORDING[grade] : null;
        }),
        row.overall?.published ?? null,
      ]),
    },
    {
      id: 'focused-visits-by-theme',
      title: `Focused visits published by ${picture.asAt}, by year and theme`,
      columns: ['year', ...(picture.visitThemes[0]?.counts.map((count) => count.theme) ?? []), 'all'],
      rows: picture.visitThemes.map((row) => [row.year, ...row.counts.map((count) => count.count), row.total]),
    },
  ];
}
