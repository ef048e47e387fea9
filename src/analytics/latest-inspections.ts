/** Every council's latest inspection of its children's services published by a date. */
import type { IsoDate } from '../domain/index.ts';
import { isCouncilInspectionKind, type CouncilFacts, type CountedBy, type InspectionFacts } from './facts.ts';
import { councilExistedOn, groupByCouncil, inspectionsCounted } from './grade-at-date.ts';

export interface CouncilLatest<T extends InspectionFacts = InspectionFacts> {
  readonly council: CouncilFacts;
  /** Undefined when the council had no graded inspection by the date. */
  readonly inspection: T | undefined;
}

/**
 * One row per council that existed at the date, in the order given; standalone LSCB reviews are not
 * counted. `basis` 'inspected' takes the latest inspection carried out by the date, whenever published.
 */
export function latestInspections<T extends InspectionFacts>(
  councils: readonly CouncilFacts[],
  inspections: readonly T[],
  asAt: IsoDate,
  basis: CountedBy = 'published',
): CouncilLatest<T>[] {
  const byCouncil = groupByCouncil(inspections.filter((inspection) => isCouncilInspectionKind(inspection.kind)));
  return councils
    .filter((council) => councilExistedOn(council, asAt))
    .map((council) => ({
      council,
      inspection: inspectionsCounted((byCouncil.get(council.urn) as T[] | undefined) ?? [], asAt, basis).at(-1),
    }));
}
