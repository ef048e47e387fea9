import { z } from 'zod';

/** Ofsted's four-point scale, best first. */
export const GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
export const gradeSchema = z.enum(GRADES);
export type Grade = z.infer<typeof gradeSchema>;

/** How Ofsted prints each grade in ILACS reports and in later SIF reports. */
export const GRADE_WORDING: Readonly<Record<Grade, string>> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement to be good',
  inadequate: 'Inadequate',
};

/** Short labels for tables and charts. */
export const GRADE_SHORT: Readonly<Record<Grade, string>> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
};

/** 4 for outstanding down to 1 for inadequate: a higher number is a better grade. */
export function gradeScore(grade: Grade): number {
  return GRADES.length - GRADES.indexOf(grade);
}

/** Negative when a is worse than b, 0 when equal, positive when better. */
export function compareGrades(a: Grade, b: Grade): number {
  return gradeScore(a) - gradeScore(b);
}

export function isGrade(value: unknown): value is Grade {
  return typeof value === 'string' && (GRADES as readonly string[]).includes(value);
}
