/**
 * Test support: hand-made pages of positioned text in the shape of the reports, so the reader's
 * unit tests build their own fixtures (the wording is invented, the layout follows the reports).
 * Runs, lines and pages for the ILACS shapes; rows of [x, text] cells for the SIF shapes.
 */
import type { PdfPage, TextRun } from '../../src/extract/pdf-text.reader.ts';
import { buildReportText, type ReportText } from '../../src/extract/report-text.ts';

/** A run of text at (x, y), about 5.5 points a character wide; body text is 12 points high. */
export function run(text: string, x: number, y: number, width = text.length * 5.5, height = 12): TextRun {
  return { text, x, y, width, height, bold: false };
}

/** One line of left-aligned text. */
export function textLine(text: string, y: number, x = 71): TextRun[] {
  return [run(text, x, y)];
}

/** A table row line: a label cell and, optionally, a grade cell in the Grade column. */
export function cells(label: string, y: number, grade?: string, gradeX = 303, labelX = 77): TextRun[] {
  return grade === undefined ? [run(label, labelX, y)] : [run(label, labelX, y), run(grade, gradeX, y)];
}

export function page(number: number, ...lines: TextRun[][]): PdfPage {
  return { number, width: 595, height: 842, runs: lines.flat() };
}

export function report(...pages: PdfPage[]): ReportText {
  return buildReportText(pages);
}

/** A complete front page in the 2023 shape, with the judgement rows given. */
export function frontPage(options: {
  title?: TextRun[][];
  dates?: string;
  lead?: TextRun[][];
  table: TextRun[][];
}): PdfPage {
  return page(
    1,
    ...(options.title ?? [
      textLine('Inspection of Anyshire local authority', 156),
      textLine('children’s services', 187),
    ]),
    textLine(`Inspection dates: ${options.dates ?? '6 to 17 May 2024'}`, 216),
    ...(options.lead ?? [textLine('Lead inspector: Jo Example, His Majesty’s Inspector', 243)]),
    [run('Judgement', 77, 282), run('Grade', 303, 282)],
    ...options.table,
  );
}

/** The four rows and overall grade of an ILACS-2023 table, each grade beside the label's first line. */
export function table2023(grades: {
  leaders: string;
  help: string;
  care: string;
  leavers: string;
  overall: string;
}): TextRun[][] {
  return [
    cells('The impact of leaders on social work', 315, grades.leaders),
    cells('practice with children and families', 329),
    cells('The experiences and progress of', 356, grades.help),
    cells('children who need help and protection', 371),
    cells('The experiences and progress of', 398, grades.care),
    cells('children in care', 412),
    cells('The experiences and progress of care', 439, grades.leavers),
    cells('leavers', 454),
    cells('Overall effectiveness', 481, grades.overall),
    textLine('Children in Anyshire are helped well by a settled workforce and by leaders who', 516),
    textLine('know their services.', 531),
  ];
}

/** One printed line: its baseline, then cells as [x, text] pairs; `height` defaults to body text (12). */
export interface Row {
  readonly y: number;
  readonly cells: readonly (readonly [number, string])[];
  readonly height?: number;
}

export function row(y: number, x: number, text: string, height = 12): Row {
  return { y, cells: [[x, text]], height };
}

export function rowCells(y: number, ...pairs: (readonly [number, string])[]): Row {
  return { y, cells: pairs };
}

/** Pages given as rows, each page numbered at its foot as the SIF reports are. */
export function rowsReport(...pages: (readonly Row[])[]): ReportText {
  return report(
    ...pages.map((rows, index) =>
      page(
        index + 1,
        ...rows.map((line) =>
          line.cells.map(([x, text]) => run(text, x, line.y, text.length * 5.5, line.height ?? 12)),
        ),
        [run(String(index + 1), 513, 817, 6, 20)],
      ),
    ),
  );
}
