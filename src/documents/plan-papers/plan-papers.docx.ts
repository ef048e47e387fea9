/** The action plan and the progress report as Word documents: their content through the paper writer. Pure. */
import { writePaperDocx } from '../docx/paper.docx.ts';
import { actionPlanContent } from './action-plan.content.ts';
import type { ActionPlanData, ProgressReportData } from './plan-paper.data.ts';
import { progressReportContent } from './progress-report.content.ts';

export function writeActionPlanDocx(data: ActionPlanData): Promise<Buffer> {
  return writePaperDocx(actionPlanContent(data));
}

export function writeProgressReportDocx(data: ProgressReportData): Promise<Buffer> {
  return writePaperDocx(progressReportContent(data));
}
