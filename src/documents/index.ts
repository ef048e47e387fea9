/** Documents: pure writers, domain data in, bytes (or HTML content) out. No I/O. */
export * from './paper-content.ts';
export * from './committee-report/committee-report.data.ts';
export {
  committeeReportContent,
  gradeAgainstPrevious,
  IMPLICATION_HEADINGS,
  TO_COMPLETE,
} from './committee-report/committee-report.content.ts';
export { writeCommitteeReportDocx } from './committee-report/committee-report.docx.ts';
export { writePaperDocx } from './docx/paper.docx.ts';
export { writePaperHtml, type PaperHtmlOptions } from './html/paper.html.ts';
export {
  readWorkbook,
  writeWorkbook,
  DEFAULT_READ_LIMITS,
  type CellValue,
  type ColumnSpec,
  type CoverSheetSpec,
  type ReadLimits,
  type ReadSheet,
  type SheetSpec,
  type TableSheetSpec,
  type WorkbookSpec,
} from './spreadsheet.ts';
export * from './plan-papers/plan-paper.data.ts';
export { actionPlanContent, versionText } from './plan-papers/action-plan.content.ts';
export {
  actionPlanWorkbook,
  writeActionPlanXlsx,
  ACTION_PLAN_SHEETS,
  ACTION_COLUMNS,
  MILESTONE_COLUMNS,
  MEASURE_COLUMNS,
} from './plan-papers/action-plan.xlsx.ts';
export { progressReportContent, changeLines, NEXT_DEADLINE_DAYS } from './plan-papers/progress-report.content.ts';
export { writeActionPlanDocx, writeProgressReportDocx } from './plan-papers/plan-papers.docx.ts';
export {
  outlinePlan,
  ragCounts,
  RAG_WORDS,
  type OutlinedAction,
  type OutlinedItem,
  type PlanOutline,
} from './plan-papers/plan-outline.ts';
