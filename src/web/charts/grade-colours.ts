import type { Grade } from '../../domain/index.ts';

/**
 * Fills for the four grades. Charts never rely on colour alone (each grade is also named on an axis
 * or in a label), and the fills differ in lightness so they stay apart when printed in black and white.
 */
export const GRADE_FILL: Readonly<Record<Grade, string>> = {
  outstanding: '#005a30',
  good: '#1d70b8',
  requires_improvement: '#f47738',
  inadequate: '#942514',
};
