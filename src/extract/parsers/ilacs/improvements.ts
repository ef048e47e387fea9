/**
 * The "What needs to improve" section of an ILACS report: one item per bullet, each whole on one
 * line (wrapped lines joined, line-end hyphens kept, sub-bullets folded in as "- ..."). Pure.
 */
import { joinRuns, type Line } from '../../lines.ts';
import { joinHyphenatedLines, plain } from '../common.ts';

/** The heading, perhaps with a footnote marker after it. */
const HEADING = /^what needs to improve(?: in this local authority)?\s*[?:.]?\s*\d{0,2}$/i;
/** Footnote text and markers are set smaller than the body text. */
const SMALL_PRINT = 0.88;
/** Lines after the heading sampled for the body text size. */
const SAMPLE_LINES = 30;
/** Bullet glyphs seen in reports: squares, dots and the symbol-font private-use glyphs. */
const BULLET = /^[\u2022\u2023\u2043\u2219\u25a0-\u25ff\u2b1b\u2b1d\u2b24\uf000-\uf0ff]\s*/;
/** Second-level markers: dashes and hollow bullets. */
const SUB_BULLET = /^(?:[-\u2010-\u2015\u2212\u25e6\u2043]|o(?=\s))\s*/;
/** How far right of the bullets a line must start to count as a wrapped or nested line. */
const INDENT = 5;
/** A vertical gap larger than this many line heights separates paragraphs. */
const PARAGRAPH_GAP = 1.6;
/** Inside a list, a gap this many line heights below a line ends the list (wrapped lines are closer). */
const LIST_END_GAP = 2;
const NEXT_HEADING = /^The (experiences (and progress )?of|impact of leaders)\b/;

/** Index of the section heading, or -1 when the report has no such section. */
export function findImprovementsHeading(lines: readonly Line[]): number {
  return lines.findIndex((line) => HEADING.test(plain(line.text)));
}

/** The items of the "What needs to improve" section; [] when the report has none. */
export function readImprovements(lines: readonly Line[]): string[] {
  const headingIndex = findImprovementsHeading(lines);
  if (headingIndex < 0) return [];
  const heading = lines[headingIndex]!;
  const body = withoutFootnotes(lines.slice(headingIndex + 1));
  const firstBullet = body.findIndex((line) => BULLET.test(line.text));
  const bulleted = firstBullet >= 0 && body.slice(0, firstBullet).every((line) => !isSectionEnd(line, heading.x));
  return bulleted ? bulletItems(body.slice(firstBullet)) : proseItems(body, heading);
}

/**
 * Drops footnote text and markers (smaller print, or a lone number) and superscript markers inside
 * lines, so a list that runs past a footnote at a page foot stays whole.
 */
function withoutFootnotes(lines: readonly Line[]): Line[] {
  const heights = lines
    .slice(0, SAMPLE_LINES)
    .map((line) => line.height)
    .sort((a, b) => a - b);
  const bodyHeight = heights[Math.floor(heights.length / 2)] ?? 0;
  return lines
    .filter((line) => line.height >= SMALL_PRINT * bodyHeight && !/^\d{1,2}$/.test(line.text.trim()))
    .map((line) => {
      const markers = line.runs.filter(
        (run) => /^\d{1,2}$/.test(run.text.trim()) && run.height < SMALL_PRINT * bodyHeight,
      );
      if (markers.length === 0) return line;
      const runs = line.runs.filter((run) => !markers.includes(run));
      return { ...line, runs, text: joinRuns(runs).replace(/\s+/g, ' ').trim() };
    });
}

function isSectionEnd(line: Line, leftEdge: number): boolean {
  return line.x <= leftEdge + INDENT && !BULLET.test(line.text);
}

/** The judgement headings and numbered findings that follow the list, even when indented like it. */
function startsNextSection(text: string): boolean {
  return NEXT_HEADING.test(plain(text)) || /^\d{1,3}\.\s/.test(text);
}

/** A wrapped line follows its predecessor closely; a wider gap on the same page starts something else. */
function isParagraphBreak(previous: Line | undefined, line: Line): boolean {
  return (
    previous !== undefined &&
    previous.page === line.page &&
    line.y - previous.y > LIST_END_GAP * Math.max(line.height, 1)
  );
}

function bulletItems(lines: readonly Line[]): string[] {
  const bulletX = lines[0]!.x;
  const items: string[][] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const text = line.text.trim();
    if (BULLET.test(text) && line.x <= bulletX + INDENT) {
      items.push([text.replace(BULLET, '')]);
      previous = line;
      continue;
    }
    if (line.x <= bulletX + INDENT || startsNextSection(text) || isParagraphBreak(previous, line)) break;
    previous = line;
    const item = items[items.length - 1]!;
    if (BULLET.test(text) || SUB_BULLET.test(text)) item.push(`- ${text.replace(BULLET, '').replace(SUB_BULLET, '')}`);
    else item.push(text);
  }
  return items.map((parts) => joinHyphenatedLines(parts)).filter((item) => item.length > 0);
}

/**
 * A section written as prose: each paragraph is an item. The section ends at the next judgement
 * heading or at the first numbered paragraph of the findings.
 */
function proseItems(lines: readonly Line[], heading: Line): string[] {
  const paragraphs: string[][] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    if (line.x < heading.x - INDENT) break;
    if (NEXT_HEADING.test(plain(line.text))) break;
    const gap = previous && previous.page === line.page ? line.y - previous.y : 0;
    if (!previous || gap > PARAGRAPH_GAP * line.height) paragraphs.push([]);
    paragraphs[paragraphs.length - 1]!.push(line.text);
    previous = line;
    if (/^\d+\.\s/.test(line.text)) break;
  }
  return paragraphs.filter((parts) => !/^\d+\.\s/.test(parts[0] ?? '')).map((parts) => joinHyphenatedLines(parts));
}
