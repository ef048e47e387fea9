/** Sorting and CSV of the national table of each council's latest graded inspection (pure). */
import {
  GRADE_WORDING,
  JUDGEMENT_AREAS,
  JUDGEMENT_AREA_COLUMNS,
  gradeScore,
  type JudgementArea,
} from '../../../domain/index.ts';
import type { CountedBy, LatestInspection } from '../../../services/index.ts';
import type { SortKey } from './national.schema.ts';

function isArea(key: SortKey): key is JudgementArea {
  return (JUDGEMENT_AREAS as readonly string[]).includes(key);
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Sorts a copy; rows without a value sort last in either order; ties go by name. */
export function sortRows(rows: readonly LatestInspection[], sort: SortKey, order: 'asc' | 'desc'): LatestInspection[] {
  const direction = order === 'asc' ? 1 : -1;
  const value = (row: LatestInspection): string | number | null => {
    if (isArea(sort)) {
      const grade = sort === 'overall' ? row.overall?.grade : row.judgements[sort];
      return grade ? gradeScore(grade) : null;
    }
    if (sort === 'region') return row.regionName;
    if (sort === 'published') return row.published;
    if (sort === 'kind') return row.kind;
    return row.name;
  };
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    if (va !== null && vb !== null && va !== vb) {
      const compared =
        typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
      if (compared !== 0) return compared * direction;
    }
    return collator.compare(a.name, b.name);
  });
}

/** Areas judged in at least one of the rows (overall effectiveness when held), in the reports' order. */
export function areasIn(rows: readonly LatestInspection[]): JudgementArea[] {
  return JUDGEMENT_AREAS.filter((area) =>
    rows.some((row) => (area === 'overall' ? row.overall !== null : row.judgements[area] !== undefined)),
  );
}

function csvCell(value: string): string {
  // Quote when needed, and stop spreadsheet formula injection from any text that starts with = + - @.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_SOURCE = 'Ofsted inspection report, Crown copyright, Open Government Licence v3.0';

/**
 * The rows shown, as CSV with the project's snake_case column names and Ofsted's grade wording;
 * each row credits its source report (`reportUrl` gives the address of the inspection's page).
 */
export function latestRowsCsv(
  rows: readonly LatestInspection[],
  asAt: string,
  reportUrl: (row: LatestInspection) => string,
  countedBy: CountedBy = 'published',
): string {
  const header = [
    'urn',
    'local_authority',
    'region',
    'as_at',
    'counted_by',
    'inspection_start',
    'inspection_end',
    'published',
    'version',
    'kind',
    ...JUDGEMENT_AREAS.map((area) => JUDGEMENT_AREA_COLUMNS[area]),
    'overall_from_published',
    'report',
    'source',
  ];
  const lines = [header.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.urn,
        row.name,
        row.regionName ?? '',
        asAt,
        countedBy,
        row.inspectionStart,
        row.inspectionEnd,
        row.published,
        row.version,
        row.kind,
        ...JUDGEMENT_AREAS.map((area) => {
          const grade = area === 'overall' ? row.overall?.grade : row.judgements[area];
          return grade ? GRADE_WORDING[grade] : '';
        }),
        row.overall?.published ?? '',
        reportUrl(row),
        CSV_SOURCE,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
