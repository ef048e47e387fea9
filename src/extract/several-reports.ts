/**
 * Finds a second report inside one file: a page after the first where a report's front page begins
 * again and reads as a different inspection. A SIF report with its LSCB review (the same inspection's
 * dates, the board's own title page) is one report, not two. Pure.
 */
import type { InspectionReport } from '../domain/index.ts';
import type { ReportParser } from './parsers/report-parser.ts';
import type { ReportText } from './report-text.ts';

/** Page numbers, after the first report's front page, where another inspection's report begins. */
export function laterReportPages(
  text: ReportText,
  first: InspectionReport,
  parsers: readonly ReportParser[],
  parse: (text: ReportText) => InspectionReport,
): number[] {
  const starts: { page: number; key: string }[] = [];
  let lineIndex = 0;
  for (let pageIndex = 1; pageIndex < text.pages.length; pageIndex++) {
    const pageNumber = text.pages[pageIndex]![0]?.page;
    if (pageNumber === undefined) continue;
    while (lineIndex < text.lines.length && text.lines[lineIndex]!.page < pageNumber) lineIndex++;
    const rest: ReportText = { pages: text.pages.slice(pageIndex), lines: text.lines.slice(lineIndex) };
    if (!parsers.some((parser) => parser.recognises(rest))) continue;
    let later: InspectionReport;
    try {
      later = parse(rest);
    } catch {
      continue; // a title page alone, or a page that only looks like one
    }
    if (!isAnotherInspection(first, later)) continue;
    // A parser looks a page or two ahead, so the pages just before a front page may read as the
    // same report: it begins on the last of them.
    const key = `${later.inspectionStart}|${later.inspectionEnd}`;
    const previous = starts.at(-1);
    if (previous?.key === key && previous.page === pageNumber - 1) starts.pop();
    starts.push({ page: pageNumber, key });
  }
  return starts.map((start) => start.page);
}

function isAnotherInspection(first: InspectionReport, later: InspectionReport): boolean {
  if (later.inspectionStart !== first.inspectionStart || later.inspectionEnd !== first.inspectionEnd) return true;
  return later.kind !== 'lscb-review' && later.localAuthority !== first.localAuthority;
}
