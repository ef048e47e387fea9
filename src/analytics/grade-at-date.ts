/** Which grade a council held in an area at a date: its latest (or first) inspection that judged the area. */
import { GRADES, type Grade, type IsoDate } from '../domain/index.ts';
import type { CouncilFacts, CountedBy, GradeCounts, GradeQuery, InspectionFacts } from './facts.ts';

/** The council existed on the date: established by then (or always there) and not yet abolished. */
export function councilExistedOn(council: CouncilFacts, date: IsoDate): boolean {
  return (
    (council.establishedOn === null || council.establishedOn <= date) &&
    (council.abolishedOn === null || council.abolishedOn > date)
  );
}

/** Published order: publication date, then the end of the visit, then id. */
export function byPublication(a: InspectionFacts, b: InspectionFacts): number {
  return a.published.localeCompare(b.published) || a.inspectionEnd.localeCompare(b.inspectionEnd) || a.id - b.id;
}

/** Inspected order: the end of the on-site period, then publication, then id. */
export function byInspection(a: InspectionFacts, b: InspectionFacts): number {
  return a.inspectionEnd.localeCompare(b.inspectionEnd) || a.published.localeCompare(b.published) || a.id - b.id;
}

/** The date that counts an inspection in at a date, on the basis given (see CountedBy). */
export function countedOn(inspection: InspectionFacts, countedBy: CountedBy = 'published'): IsoDate {
  return countedBy === 'inspected' ? inspection.inspectionEnd : inspection.published;
}

/** The council's inspections counted by the date on the basis given, oldest first in that basis's order. */
export function inspectionsCounted<T extends InspectionFacts>(
  inspections: readonly T[],
  asAt: IsoDate,
  basis: CountedBy = 'published',
): T[] {
  return inspections
    .filter((inspection) => countedOn(inspection, basis) <= asAt)
    .sort(basis === 'inspected' ? byInspection : byPublication);
}

export interface GradeHeld {
  readonly grade: Grade;
  readonly inspection: InspectionFacts;
}

/**
 * The grade from the council's latest (or first) inspection counted by the date (published by then,
 * or with `countedBy: 'inspected'` carried out by then) that judged the area. An inspection that did
 * not judge the area (an ILACS-2026 one has no overall effectiveness) leaves the grade held before.
 */
export function gradeHeld(inspections: readonly InspectionFacts[], query: GradeQuery): GradeHeld | undefined {
  const candidates = inspectionsCounted(inspections, query.asAt, query.countedBy)
    .filter((inspection) => query.framework === undefined || inspection.framework === query.framework)
    .filter((inspection) => inspection.judgements[query.area] !== undefined);
  const chosen = (query.basis ?? 'latest') === 'first' ? candidates[0] : candidates.at(-1);
  const grade = chosen?.judgements[query.area];
  return chosen && grade ? { grade, inspection: chosen } : undefined;
}

export function groupByCouncil(inspections: readonly InspectionFacts[]): Map<string, InspectionFacts[]> {
  const groups = new Map<string, InspectionFacts[]>();
  for (const inspection of inspections) {
    const group = groups.get(inspection.urn);
    if (group) group.push(inspection);
    else groups.set(inspection.urn, [inspection]);
  }
  return groups;
}

export function emptyCounts(): GradeCounts {
  return { outstanding: 0, good: 0, requires_improvement: 0, inadequate: 0 };
}

export function countGrades(grades: Iterable<Grade>): GradeCounts {
  const counts = emptyCounts();
  for (const grade of grades) counts[grade]++;
  return counts;
}

/** Each count as a percentage of the total, to one decimal place; all 0 when the total is 0. */
export function percentagesOf(counts: GradeCounts): GradeCounts {
  const total = GRADES.reduce((sum, grade) => sum + counts[grade], 0);
  const percentages = emptyCounts();
  for (const grade of GRADES) percentages[grade] = total === 0 ? 0 : Math.round((counts[grade] * 1000) / total) / 10;
  return percentages;
}
