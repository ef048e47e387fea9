/**
 * Figures computed straight from ../shared/corpus/labels.csv and the register CSV, written apart
 * from src/analytics so that tests can check the one against the other.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { JUDGEMENT_AREA_COLUMNS, type Framework, type JudgementArea } from '../../src/domain/index.ts';
import type { LabelRow } from './corpus.ts';

export interface RegisterRow {
  urn: string;
  la_code: string;
  name: string;
  region_name: string;
  statistical_neighbours: string;
  established_on: string;
  abolished_on: string;
}

export const register = parse(readFileSync(new URL('../../data/local-authorities.csv', import.meta.url)), {
  columns: true,
}) as RegisterRow[];
export const RANK: Record<string, number> = { outstanding: 4, good: 3, requires_improvement: 2, inadequate: 1 };

export const existed = (row: RegisterRow, date: string) =>
  (row.established_on === '' || row.established_on <= date) && (row.abolished_on === '' || row.abolished_on > date);

/**
 * The grade of the council's latest (or first) labelled report judging the area, counted at the date
 * by its publication, or with countedBy 'inspected' by the last day of its on-site period.
 */
export function labelGrade(
  labels: readonly LabelRow[],
  urn: string,
  date: string,
  area: JudgementArea,
  framework?: Framework,
  basis: 'latest' | 'first' = 'latest',
  countedBy: 'published' | 'inspected' = 'published',
): string | undefined {
  const column = JUDGEMENT_AREA_COLUMNS[area] as keyof LabelRow;
  const dateOf = (row: LabelRow) => (countedBy === 'inspected' ? row.inspection_end : row.published);
  const rows = labels
    .filter(
      (row) =>
        row.urn === urn &&
        dateOf(row) <= date &&
        row[column] !== '' &&
        (framework === undefined || row.framework === framework),
    )
    .sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : a.published < b.published ? -1 : 1));
  const chosen = basis === 'first' ? rows[0] : rows[rows.length - 1];
  return chosen?.[column];
}

export function tally(grades: string[]) {
  const counts = { outstanding: 0, good: 0, requires_improvement: 0, inadequate: 0 };
  for (const grade of grades) counts[grade as keyof typeof counts]++;
  return counts;
}

export function expectedGroup(
  labels: readonly LabelRow[],
  council: RegisterRow,
  members: RegisterRow[],
  date: string,
  area: JudgementArea,
) {
  const group = [council, ...members.filter((member) => member.urn !== council.urn && existed(member, date))];
  const grades = group.flatMap((member) => labelGrade(labels, member.urn, date, area) ?? []);
  const own = labelGrade(labels, council.urn, date, area);
  return {
    la: { urn: council.urn, name: council.name },
    region: council.region_name,
    asAt: date,
    area,
    grade: own ?? null,
    included: grades.length,
    counts: tally(grades),
    sameOrBetter: own === undefined ? null : grades.filter((grade) => (RANK[grade] ?? 0) >= (RANK[own] ?? 0)).length,
    rank: own === undefined ? null : 1 + grades.filter((grade) => (RANK[grade] ?? 0) > (RANK[own] ?? 0)).length,
  };
}
