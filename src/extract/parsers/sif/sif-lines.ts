/** Small line helpers the SIF readers share: clean text, the body font size, heading shapes. Pure. */
import { joinRuns, type Line } from '../../lines.ts';
import { plain } from '../common.ts';

/** A run this much smaller than the line's main text is a superscript (footnote marker). */
const SUPERSCRIPT_RATIO = 0.8;

/**
 * Private-use glyphs of symbol fonts and the bullet characters reports use to start list items
 * (round, square, triangular and arrow bullets, ticks, a hyphen bullet, and a dash before a space).
 */
export const BULLET =
  /^(?:[\uf000-\uf0ff\u2022\u25aa\u25ab\u25a0\u25a1\u25cb\u25cf\u25e6\u2023\u2043\u2219\u00b7\u27a2\u2713\u2714\u2192\u00bb]|-(?=\s))/;

const cleaned = new WeakMap<Line, string>();

/** The line's text with footnote markers (small raised digits) removed, typographic characters made plain. */
export function cleanText(line: Line): string {
  let text = cleaned.get(line);
  if (text === undefined) {
    const main = Math.max(...line.runs.map((run) => run.height));
    const kept = line.runs.filter(
      (run) => !(run.height < main * SUPERSCRIPT_RATIO && /^\s*[\d*†‡]+\s*$/.test(run.text)),
    );
    const joined = kept.length === line.runs.length ? line.text : joinRuns(kept);
    // Plain ASCII needs only the spaces tidied, which the line builder has done; the rest goes through `plain`.
    text = /^[\x20-\x7e]*$/.test(joined) ? joined.trim() : plain(joined);
    cleaned.set(line, text);
  }
  return text;
}

/** True for a line that is only a footnote marker or a tiny fragment printed above a baseline. */
export function isFootnoteMarker(line: Line, bodyHeight: number): boolean {
  return line.height < bodyHeight * SUPERSCRIPT_RATIO && /^[\d*†‡\s]+$/.test(line.text);
}

/** The commonest text height in the lines: the body font size. */
export function bodyHeight(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) {
    const key = Math.round(line.height * 10) / 10;
    counts.set(key, (counts.get(key) ?? 0) + line.text.length);
  }
  let best = 12;
  let bestCount = -1;
  for (const [height, count] of counts) {
    if (count > bestCount) {
      best = height;
      bestCount = count;
    }
  }
  return best;
}

/** A line set in a larger type than the body: a section heading. */
export function isLargerThanBody(line: Line, body: number): boolean {
  return line.height > body + 1;
}

/** A table-of-contents entry: heading text followed by a page number. */
export function isContentsEntry(line: Line): boolean {
  return /\s\d{1,3}$/.test(line.text.trim()) && line.runs.length > 1;
}
