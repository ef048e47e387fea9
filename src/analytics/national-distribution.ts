/** The national picture: how many councils held each grade at a date. */
import type { Framework, Grade, IsoDate, JudgementArea } from '../domain/index.ts';
import type { Basis, CouncilFacts, CountedBy, GradeCounts, GradeQuery, InspectionFacts } from './facts.ts';
import { councilExistedOn, countGrades, gradeHeld, groupByCouncil, percentagesOf } from './grade-at-date.ts';

export interface NationalDistribution {
  readonly asAt: IsoDate;
  readonly framework: Framework | null;
  readonly area: JudgementArea;
  readonly basis: Basis;
  readonly countedBy: CountedBy;
  /** Councils that existed at the date and had a grade in the area by then. */
  readonly included: number;
  /** URNs of councils that existed at the date with no such grade. */
  readonly missing: string[];
  readonly counts: GradeCounts;
  readonly percentages: GradeCounts;
}

export function nationalDistribution(
  councils: readonly CouncilFacts[],
  inspections: readonly InspectionFacts[],
  query: GradeQuery,
): NationalDistribution {
  const byCouncil = groupByCouncil(inspections);
  const grades: Grade[] = [];
  const missing: string[] = [];
  for (const council of councils.filter((candidate) => councilExistedOn(candidate, query.asAt))) {
    const held = gradeHeld(byCouncil.get(council.urn) ?? [], query);
    if (held) grades.push(held.grade);
    else missing.push(council.urn);
  }
  const counts = countGrades(grades);
  return {
    asAt: query.asAt,
    framework: query.framework ?? null,
    area: query.area,
    basis: query.basis ?? 'latest',
    countedBy: query.countedBy ?? 'published',
    included: grades.length,
    missing: missing.sort(),
    counts,
    percentages: percentagesOf(counts),
  };
}
