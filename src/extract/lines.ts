/** Groups a page's positioned text runs into reading-order lines. Pure. */
import type { PdfPage, TextRun } from './pdf-text.reader.ts';

export interface Line {
  readonly page: number;
  /** Baseline, points from the page top. */
  readonly y: number;
  /** Left edge of the first run. */
  readonly x: number;
  /** Right edge of the last run. */
  readonly right: number;
  readonly height: number;
  readonly text: string;
  readonly bold: boolean;
  readonly runs: readonly TextRun[];
}

/** Runs whose baselines are this close (in points) share a line. */
const SAME_LINE_TOLERANCE = 2;

export function pageLines(page: PdfPage): Line[] {
  const runs = page.runs.filter((run) => run.text.trim().length > 0 || run.text.length > 0);
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const current = groups[groups.length - 1];
    if (current && Math.abs(current[0]!.y - run.y) <= SAME_LINE_TOLERANCE) current.push(run);
    else groups.push([run]);
  }
  const lines: Line[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    const text = joinRuns(group).replace(/\s+/g, ' ').trim();
    if (text.length === 0) continue;
    const first = group[0]!;
    const last = group[group.length - 1]!;
    lines.push({
      page: page.number,
      y: first.y,
      x: first.x,
      right: last.x + last.width,
      height: Math.max(...group.map((run) => run.height)),
      text,
      bold: group.filter((run) => run.text.trim()).every((run) => run.bold),
      runs: group,
    });
  }
  return lines;
}

/** Joins runs left to right, adding a space where the gap between them is wider than a letter space. */
export function joinRuns(runs: readonly TextRun[]): string {
  let text = '';
  let previous: TextRun | undefined;
  for (const run of runs) {
    if (previous) {
      const gap = run.x - (previous.x + previous.width);
      const needsSpace = gap > Math.max(1, previous.height * 0.15) && !/\s$/.test(text) && !/^\s/.test(run.text);
      if (needsSpace) text += ' ';
    }
    text += run.text;
    previous = run;
  }
  return text;
}

/** Splits a line into cells wherever the horizontal gap between runs is at least `minGap` points. */
export function lineCells(line: Line, minGap = 12): { x: number; text: string }[] {
  const cells: { x: number; runs: TextRun[] }[] = [];
  let previous: TextRun | undefined;
  for (const run of line.runs) {
    if (!run.text.trim()) {
      previous = previous ?? undefined;
      continue;
    }
    const gap = previous ? run.x - (previous.x + previous.width) : Infinity;
    if (gap >= minGap || cells.length === 0) cells.push({ x: run.x, runs: [run] });
    else cells[cells.length - 1]!.runs.push(run);
    previous = run;
  }
  return cells.map((cell) => ({ x: cell.x, text: joinRuns(cell.runs).replace(/\s+/g, ' ').trim() }));
}
