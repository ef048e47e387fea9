/** A council's inspections in published order, each with how its grades changed from before. */
import { compareGrades, JUDGEMENT_AREAS, type Grade, type JudgementArea } from '../domain/index.ts';
import type { InspectionFacts } from './facts.ts';
import { byPublication } from './grade-at-date.ts';

export type ChangeDirection = 'improved' | 'declined' | 'unchanged';

export interface GradeChange {
  /** The grade in this area at the council's most recent earlier inspection that judged it. */
  readonly from: Grade;
  readonly to: Grade;
  readonly direction: ChangeDirection;
  /** The id of that earlier inspection. */
  readonly sinceInspectionId: number;
}

export interface HistoryEntry<T extends InspectionFacts = InspectionFacts> {
  readonly inspection: T;
  /** Per judged area, the change from the last earlier grade in that area; absent for a first grade. */
  readonly changes: Partial<Record<JudgementArea, GradeChange>>;
}

export function directionOf(from: Grade, to: Grade): ChangeDirection {
  const difference = compareGrades(to, from);
  return difference > 0 ? 'improved' : difference < 0 ? 'declined' : 'unchanged';
}

export function inspectionHistory<T extends InspectionFacts>(inspections: readonly T[]): HistoryEntry<T>[] {
  const lastGrade = new Map<JudgementArea, { grade: Grade; id: number }>();
  return [...inspections].sort(byPublication).map((inspection) => {
    const changes: Partial<Record<JudgementArea, GradeChange>> = {};
    for (const area of JUDGEMENT_AREAS) {
      const grade = inspection.judgements[area];
      if (grade === undefined) continue;
      const before = lastGrade.get(area);
      if (before)
        changes[area] = {
          from: before.grade,
          to: grade,
          direction: directionOf(before.grade, grade),
          sinceInspectionId: before.id,
        };
      lastGrade.set(area, { grade, id: inspection.id });
    }
    return { inspection, changes };
  });
}
