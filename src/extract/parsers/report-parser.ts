import type { InspectionReport } from '../../domain/index.ts';
import type { ReadingContext } from '../invariants.ts';
import type { ReportText } from '../report-text.ts';

/**
 * What a format parser returns: the report less the file name, which the caller knows, and less the
 * warnings, which the invariants give from these facts and what the parser saw (`reading`).
 */
export type ParsedReport = Omit<InspectionReport, 'file' | 'warnings'> & { readonly reading?: ReadingContext };

/** One parser per report format: `recognises` is cheap; `parse` does the work. */
export interface ReportParser {
  readonly name: string;
  recognises(text: ReportText): boolean;
  parse(text: ReportText): ParsedReport;
}
