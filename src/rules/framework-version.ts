/**
 * Which framework version applies to an inspection, keyed on the first day on site (not the
 * publication date: Norfolk's February 2026 fieldwork, published in May 2026, still has an overall
 * judgement), and which judgement areas that version grades. Dates are DOMAIN.md's. Pure.
 */
import { parseIsoDate, type IsoDate } from '../calendar/index.ts';
import { areasGradedBy, type FrameworkVersion, type InspectionKind, type JudgementArea } from '../domain/index.ts';
import { ValidationError } from '../errors.ts';

/** SIF in force from November 2013 (first fieldwork 19 Nov 2013). */
export const SIF_FROM: IsoDate = '2013-11-01';
/** First ILACS judgement inspection started 29 Jan 2018 [EMP]. */
export const ILACS_FROM: IsoDate = '2018-01-29';
/** SIF-type re-inspections of inadequate councils went on starting until 11 June 2018 [EMP]. */
export const LAST_SIF_REINSPECTION_START: IsoDate = '2018-06-11';
/** Care leavers judged separately for inspections starting from January 2023 [OFF "from January 2023"; EMP]. */
export const CARE_LEAVERS_SEPARATE_FROM: IsoDate = '2023-01-01';
/** No overall effectiveness judgement for inspections from April 2026 [OFF; EMP]. */
export const NO_OVERALL_FROM: IsoDate = '2026-04-01';

const SIF_KINDS: readonly InspectionKind[] = ['sif', 'sif-reinspection', 'lscb-review'];

/**
 * The framework version for an inspection that started on `start`. A SIF kind (sif,
 * sif-reinspection, lscb-review) keeps SIF up to the last SIF re-inspection start; otherwise the
 * date decides.
 */
export function frameworkVersionFor(start: IsoDate, kind?: InspectionKind): FrameworkVersion {
  parseIsoDate(start, 'inspection start date');
  if (start < SIF_FROM)
    throw new ValidationError(
      `Inspections that started before ${SIF_FROM} (${start}) predate the single inspection framework and are not covered.`,
      'before-sif',
    );
  if (kind !== undefined && SIF_KINDS.includes(kind)) {
    if (start > LAST_SIF_REINSPECTION_START)
      throw new ValidationError(
        `No SIF inspection started after ${LAST_SIF_REINSPECTION_START}; a ${kind} starting ${start} cannot be right.`,
        'sif-after-sif',
      );
    return 'SIF';
  }
  if (start < ILACS_FROM) return 'SIF';
  if (start < CARE_LEAVERS_SEPARATE_FROM) return 'ILACS-2018';
  if (start < NO_OVERALL_FROM) return 'ILACS-2023';
  return 'ILACS-2026';
}

/** The judgement areas an inspection starting on `start` grades (SIF's LSCB review is missing from some 2018 re-inspections). */
export function gradedAreasFor(start: IsoDate, kind?: InspectionKind): JudgementArea[] {
  return areasGradedBy(frameworkVersionFor(start, kind));
}
