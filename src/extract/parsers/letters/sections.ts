/**
 * A letter's headed sections and the bulleted lists under them: "What needs to improve in this area
 * of social work practice" and "Areas for priority action". Each item whole on one line, wrapped
 * lines joined, sub-bullets joined to their parent with a space, a lead-in sentence left out, and a
 * last item cut where the closing "Ofsted will take ..." sentence begins. Pure.
 */
import type { Line } from '../../lines.ts';
import { joinHyphenatedLines, plain } from '../common.ts';

/** Bullet glyphs seen in letters: squares, dots and the symbol-font private-use glyphs. */
export const BULLET = /^[\u2022\u2023\u2043\u2219\u25a0-\u25ff\u2b1b\u2b1d\u2b24\uf000-\uf0ff]\s*/;
/** Second-level markers: dashes and hollow bullets. */
const SUB_BULLET = /^(?:[-\u2010-\u2015\u2212\u25e6\u2043\u23af]|o(?=\s))\s*/;
const IMPROVEMENTS_HEADING =
  /^(?:what needs to improve(?: in this area of (?:social work )?practice)?|areas? for improvement)\s*[?:.]?$/i;
const PRIORITY_HEADING = /^areas? for priority action\s*[:.]?$/i;
const OTHER_HEADING = /^(?:main findings|headline findings|findings|overview)\s*[:.]?$/i;
/** Where the letter's closing words begin. */
const CLOSING =
  /^(?:ofsted will (?:take|consider)|yours (?:sincerely|faithfully)|your sincerely|we have notified|where a focused visit results in|i am copying this letter)/i;
const CLOSING_IN_ITEM = /\s+Ofsted will (?:take|consider) the findings\b.*$/;
/** How far right of the bullets a line must start to count as a wrapped or nested line. */
const INDENT = 5;
/** Inside a list, a gap this many line heights below a line ends the list (wrapped lines are closer). */
const LIST_END_GAP = 2.2;

/** Footnotes are set smaller than the body text. */
const SMALL_PRINT = 0.88;

function medianHeight(lines: readonly Line[]): number {
  const heights = lines.map((line) => line.height).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

export type SectionName = 'improvements' | 'priority-actions' | 'other';

export function headingOf(text: string): SectionName | undefined {
  const value = plain(text);
  if (IMPROVEMENTS_HEADING.test(value)) return 'improvements';
  if (PRIORITY_HEADING.test(value)) return 'priority-actions';
  if (OTHER_HEADING.test(value)) return 'other';
  return undefined;
}

/** Index of the first heading of the section, or -1. */
export function findHeading(lines: readonly Line[], section: SectionName): number {
  return lines.findIndex((line) => headingOf(line.text) === section);
}

/** The lines of the section under its heading, up to the next heading or the closing words. */
function sectionLines(lines: readonly Line[], start: number): Line[] {
  const body: Line[] = [];
  const bodyHeight = medianHeight(lines);
  for (const line of lines.slice(start + 1)) {
    if (headingOf(line.text) !== undefined || CLOSING.test(plain(line.text))) break;
    // A footnote at a page foot (smaller print), or a lone marker or page number, between the items.
    if (line.height < SMALL_PRINT * bodyHeight || /^\d{1,2}$/.test(line.text.trim())) continue;
    body.push(line);
  }
  return body;
}

/** The bulleted items of the section; [] when the letter has no such section or writes it as prose. */
export function readSectionItems(lines: readonly Line[], section: SectionName): string[] {
  const start = findHeading(lines, section);
  if (start < 0) return [];
  const body = sectionLines(lines, start);
  const firstBullet = body.findIndex((line) => BULLET.test(line.text));
  return firstBullet < 0 ? [] : bulletItems(body.slice(firstBullet));
}

function bulletItems(lines: readonly Line[]): string[] {
  const bulletX = lines[0]!.x;
  const items: string[][] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const text = line.text.trim();
    const atBulletEdge = line.x <= bulletX + INDENT;
    if (BULLET.test(text) && atBulletEdge) {
      items.push([text.replace(BULLET, '')]);
      previous = line;
      continue;
    }
    const gap = previous && previous.page === line.page ? line.y - previous.y : 0;
    const marked = BULLET.test(text) || SUB_BULLET.test(text);
    if (atBulletEdge || (!marked && gap > LIST_END_GAP * Math.max(line.height, 1))) break;
    previous = line;
    items[items.length - 1]!.push(text.replace(BULLET, '').replace(SUB_BULLET, ''));
  }
  return items
    .map((parts) => joinHyphenatedLines(parts).replace(CLOSING_IN_ITEM, '').trim())
    .filter((item) => item.length > 0);
}
