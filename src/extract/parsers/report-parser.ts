import type { InspectionReport } from '../../domain/index.ts';
import type { ReportText } from '../report-text.ts';

/** What a format parser returns: the report less the file name, which the caller knows. */
export type ParsedReport = Omit<InspectionReport, 'file'>;

/** One parser per report format: `recognises` is cheap; `parse` does the work. */
export interface ReportParser {
  readonly name: string;
  recognises(text: ReportText): boolean;
  parse(text: ReportText): ParsedReport;
}
