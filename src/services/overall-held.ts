/**
 * The one rule for a council's overall effectiveness at a date, used by every page, the API, the CLI
 * and the counts: the grade of its latest inspection counted by the date that judged overall
 * effectiveness. An ILACS-2026 inspection judges the four areas but not overall effectiveness, so
 * after one the council still holds the overall grade of its previous inspection, and everything
 * that shows that grade says it comes from that earlier inspection.
 */
import {
  gradeHeld,
  inspectionsCounted,
  isCouncilInspectionKind,
  type CountedBy,
  type InspectionFacts,
} from '../analytics/index.ts';
import type { Grade, IsoDate } from '../domain/index.ts';

export interface OverallHeld {
  readonly grade: Grade;
  /** The inspection that gave the grade. */
  readonly inspectionId: number;
  readonly published: IsoDate;
  readonly inspectionEnd: IsoDate;
  /** True when the council's latest inspection by the date (an ILACS-2026 one) gave no overall grade, so the grade is from an earlier one. */
  readonly fromEarlierInspection: boolean;
}

/** The overall grade the council held at the date, with where it came from; null before any inspection judged it. */
export function overallHeld(
  inspections: readonly InspectionFacts[],
  asAt: IsoDate,
  countedBy: CountedBy = 'published',
): OverallHeld | null {
  const held = gradeHeld(inspections, { asAt, area: 'overall', countedBy });
  if (!held) return null;
  const latest = inspectionsCounted(
    inspections.filter((inspection) => isCouncilInspectionKind(inspection.kind)),
    asAt,
    countedBy,
  ).at(-1);
  return {
    grade: held.grade,
    inspectionId: held.inspection.id,
    published: held.inspection.published,
    inspectionEnd: held.inspection.inspectionEnd,
    fromEarlierInspection: latest !== undefined && latest.id !== held.inspection.id,
  };
}
