/** Which grade a council held in an area at a date: its latest (or first) inspection that judged the area. */
import { GRADES, type Grade, type IsoDate } from '../domain/index.ts';
import type { CouncilFacts, GradeCounts, GradeQuery, InspectionFacts } from './facts.ts';

/** The council existed on the date: established by then (or always there) and not yet abolished. */
export function councilExistedOn(council: CouncilFacts, date: IsoDate): boolean {
  return (council.establishedOn === null || council.establishedOn <= date) && (council.abolishedOn === null || council.abolishedOn > date);
}

/** Published order: publication date, then the end of the visit, then id. */
export function byPublication(a: InspectionFacts, b: InspectionFacts): number {
  return a.published.localeCompare(b.published) || a.inspectionEnd.localeCompare(b.inspectionEnd) || a.id - b.id;
}

export interface GradeHeld {
  readonly grade: Grade;
  readonly inspection: InspectionFacts;
}

/** The grade from the council's latest (or first) inspection published by the date that judged the area. */
export function gradeHeld(inspections: readonly InspectionFacts[], query: GradeQuery): GradeHeld | undefined {
  const candidates = inspections
    .filter((inspection) => inspection.published <= query.asAt)
    .filter((inspection) => query.framework === undefined || inspection.framework === query.framework)
    .filter((inspection) => inspection.judgements[query.area] !== undefined)
    .sort(byPublication);
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
