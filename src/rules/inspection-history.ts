/** A council's graded inspections, as the framework engine needs them. Pure. */
import type { IsoDate } from '../calendar/index.ts';
import { isCouncilInspectionKind, type InspectionReport } from '../domain/index.ts';

/** The parts of an InspectionReport the engine reads. */
export type InspectionRecord = Pick<
  InspectionReport,
  'kind' | 'version' | 'inspectionStart' | 'inspectionEnd' | 'published' | 'judgements'
>;

/** Inspection histories keyed by local authority (URN or another stable key). */
export type Histories = ReadonlyMap<string, readonly InspectionRecord[]>;

export function isCycleInspection(record: InspectionRecord): boolean {
  return isCouncilInspectionKind(record.kind);
}

/** The day the facts of an inspection became public: its publication date, else its last day on site. */
export function knownFrom(record: InspectionRecord): IsoDate {
  return record.published ?? record.inspectionEnd;
}

/** A council's graded inspections in start-date order (other letters and reviews dropped). */
export function cycleInspections(records: readonly InspectionRecord[]): InspectionRecord[] {
  return records.filter(isCycleInspection).sort((a, b) => a.inspectionStart.localeCompare(b.inspectionStart));
}
