/** The committee report as a Word document: its content (committee-report.content.ts) through the paper writer. Pure. */
import { writePaperDocx } from '../docx/paper.docx.ts';
import { committeeReportContent } from './committee-report.content.ts';
import type { CommitteeReportData } from './committee-report.data.ts';

export function writeCommitteeReportDocx(data: CommitteeReportData): Promise<Buffer> {
  return writePaperDocx(committeeReportContent(data));
}
