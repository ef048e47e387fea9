/** A report's text as lines, with the page furniture (running headers, footers, page numbers) marked. Pure. */
import type { PdfPage } from './pdf-text.reader.ts';
import { pageLines, type Line } from './lines.ts';

export interface ReportText {
  readonly pages: readonly (readonly Line[])[];
  /** All body lines in reading order, page furniture removed. */
  readonly lines: readonly Line[];
}

export function buildReportText(pdfPages: readonly PdfPage[]): ReportText {
  const pages = pdfPages.map((page) => pageLines(page));
  const furniture = findRepeatedFurniture(pdfPages, pages);
  const lines = pages.flatMap((page, index) =>
    page.filter((line) => !isFurniture(line, pdfPages[index]!.height, furniture)),
  );
  return { pages, lines };
}

/** Texts that stand in the top or bottom margin of several pages: running headers and footers. */
function findRepeatedFurniture(pdfPages: readonly PdfPage[], pages: readonly (readonly Line[])[]): Set<string> {
  const counts = new Map<string, number>();
  pages.forEach((lines, index) => {
    const height = pdfPages[index]!.height;
    const seen = new Set<string>();
    for (const line of lines) {
      if (!inMargin(line, height)) continue;
      const key = furnitureKey(line.text);
      if (!seen.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
      seen.add(key);
    }
  });
  const threshold = Math.max(2, Math.floor(pages.length / 3));
  return new Set([...counts].filter(([, count]) => count >= threshold).map(([key]) => key));
}

function inMargin(line: Line, pageHeight: number): boolean {
  return line.y < 75 || line.y > pageHeight - 60;
}

function furnitureKey(text: string): string {
  return text.replace(/\d+/g, '#').trim().toLowerCase();
}

function isFurniture(line: Line, pageHeight: number, repeated: Set<string>): boolean {
  if (!inMargin(line, pageHeight)) return false;
  if (/^\d{1,3}$/.test(line.text.trim())) return true;
  if (/^page \d+ of \d+$/i.test(line.text.trim())) return true;
  return repeated.has(furnitureKey(line.text));
}
