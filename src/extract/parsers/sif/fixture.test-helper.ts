/** Builds small SIF-shaped reports for the parser's unit tests: rows of positioned text, page by page. */
import type { PdfPage, TextRun } from '../../pdf-text.reader.ts';
import { buildReportText, type ReportText } from '../../report-text.ts';

/** One printed line: its baseline, then cells as [x, text] pairs; `height` defaults to body text (12). */
export interface Row {
  readonly y: number;
  readonly cells: readonly (readonly [number, string])[];
  readonly height?: number;
}

export function row(y: number, x: number, text: string, height = 12): Row {
  return { y, cells: [[x, text]], height };
}

export function cells(y: number, ...pairs: (readonly [number, string])[]): Row {
  return { y, cells: pairs };
}

/** A run's width as a rough 5.5 points a character, enough for the line and cell builders. */
function toRuns(rows: readonly Row[]): TextRun[] {
  return rows.flatMap((line) =>
    line.cells.map(([x, text]) => ({ text, x, y: line.y, width: text.length * 5.5, height: line.height ?? 12, bold: false })),
  );
}

export function report(...pages: (readonly Row[])[]): ReportText {
  const pdfPages: PdfPage[] = pages.map((rows, index) => ({
    number: index + 1,
    width: 595,
    height: 842,
    runs: [...toRuns(rows), { text: String(index + 1), x: 513, y: 817, width: 6, height: 20, bold: false }],
  }));
  return buildReportText(pdfPages);
}
