/**
 * Reads a SIF recommendation list: numbered or bulleted items, each with a hanging indent, under a
 * heading, perhaps split by sub-headings ("Priority and immediate action", "Areas for improvement",
 * topic headings) and page breaks, up to the next section. Each item comes back whole on one line.
 * Pure.
 */
import type { Line } from '../../lines.ts';
import { joinHyphenatedLines } from '../common.ts';
import { BULLET, cleanText, isFootnoteMarker, isLargerThanBody } from './sif-lines.ts';

const NUMBERED = /^(\d{1,3})\s*\.\s*(?=\S)/;
/** An item's number printed alone, its text on the next line. */
const LONE_NUMBER = /^\d{1,3}\s*\.$/;

/** Headings that begin the next part of the report, whatever their type size. */
const SECTION_HEADING =
  /^(?:the local authority['’]s strengths|progress since the last inspection|inspection judgements? about|summary for children|information about this (?:inspection|local authority)|inspection findings|key strengths|summary of (?:key )?findings|executive summary|section \d+\s*:|what the inspection judge?ments mean|the local safeguarding children board \(lscb\)$|local safeguarding children board \(lscb\)$|what does the lscb need to improve|the lscb (?:is|requires)\b|the local safeguarding children board (?:is|requires)\b)/i;

/** The parts an early SIF list is divided into, set in any size. */
const LIST_PART =
  /^(?:(?:areas for )?priority(?: and immediate)? actions?|immediate (?:actions?|priorities)|(?:further )?areas (?:for|of) (?:improvement|development)):?$/i;

/** A heading that starts a part of findings, not recommendations: strengths, weaknesses, what works. */
const FINDINGS_HEADING =
  /^(?:(?:key |main |other |the (?:lscb|board)['’]s |the local authority['’]s )?(?:strengths|weaknesses)\b|areas of strength|what (?:is|are) working well|(?:key )?findings$)/i;

/** A sentence ending in a colon that introduces more items to act on ("The local authority should:"). */
const INTRODUCES_ACTIONS =
  /\b(?:improve|improvement|recommend|recommendations?|actions?|priorit|should|must|needs? to)\b/i;

/** Numbered paragraphs that say there is nothing to list. */
const NOTHING_TO_LIST =
  /^(?:the inspection did not find any|there (?:are|were) no (?:areas for )?(?:priority|immediate))/i;

/** A short line at the list's left edge that does not end a sentence: a sub-heading inside the list. */
function isSubHeading(text: string): boolean {
  return (
    NOTHING_TO_LIST.test(text) || (text.length <= 80 && !/[.;,]$/.test(text)) || /^areas for improvement:?$/i.test(text)
  );
}

interface Item {
  readonly x: number;
  readonly page: number;
  /** The first character of the item's line: its number's first digit or its bullet. */
  readonly marker: string;
  readonly parts: string[];
}

/** A bulleted item's line or marker (an item's marker is its first character: "-" alone is a dash bullet). */
function isBulleted(text: string): boolean {
  return BULLET.test(text) || text === '-';
}

function itemStart(text: string): string | undefined {
  const numbered = NUMBERED.exec(text);
  const bullet = BULLET.test(text);
  if (!numbered && !bullet) return undefined;
  const body = numbered ? text.slice(numbered[0].length) : text.replace(BULLET, '');
  return body.replace(/^[|\s]+/, '');
}

/**
 * Wrapped lines of an item hang to the right of its number or bullet; on the next page, to the right
 * of that page's left edge (pages of one report may be set with different margins).
 */
function isIndentedUnder(line: Line, item: Item, leftOfPage: number): boolean {
  return line.x > (line.page === item.page ? item.x : leftOfPage) + 4;
}

/** The left edge of a page's text: the leftmost line of a few words. */
function pageLeft(lines: readonly Line[], page: number): number {
  const xs = lines.filter((line) => line.page === page && line.text.split(' ').length >= 3).map((line) => line.x);
  return xs.length > 0 ? Math.min(...xs) : 0;
}

/** Some PDFs repeat a sub-heading's words at the end of the line before it; those words are not the item's. */
function dropEcho(item: Item | undefined, heading: string): void {
  const last = item?.parts[item.parts.length - 1];
  if (item && last && last !== heading && last.endsWith(` ${heading}`))
    item.parts[item.parts.length - 1] = last.slice(0, -heading.length).trimEnd();
}

/** Prose lines skipped after a part's heading, before its first item: the part's introduction. */
const LONGEST_PART_INTRODUCTION = 4;

/**
 * The items of the list whose heading is `lines[start]`. `end` bounds the search (exclusive).
 */
export function readList(lines: readonly Line[], start: number, body: number, end = lines.length): string[] {
  const items: Item[] = [];
  /**
   * After a topic heading the list goes on with items marked as before (numbered, or bulleted); items
   * marked otherwise belong to the next part of the report (an LSCB list running on into findings).
   * A part of the list ("Areas for improvement") may be marked either way.
   */
  let afterTopic = false;
  /** Prose lines still allowed before the first item of the part just begun. */
  let introduction = 0;
  let current: Item | undefined;
  const lefts = new Map<number, number>();
  const leftOf = (page: number): number => {
    if (!lefts.has(page)) lefts.set(page, pageLeft(lines, page));
    return lefts.get(page)!;
  };
  const finish = () => {
    if (current) items.push(current);
    current = undefined;
  };
  for (let index = start + 1; index < end; index++) {
    const line = lines[index]!;
    if (isFootnoteMarker(line, body)) continue;
    const text = cleanText(line);
    // Nothing, or a page number the furniture filter missed.
    if (!text || /^\d{1,3}$/.test(text)) continue;
    if (LIST_PART.test(text)) {
      dropEcho(current, text);
      finish();
      introduction = LONGEST_PART_INTRODUCTION;
      afterTopic = false;
      continue;
    }
    const startOfItem = LONE_NUMBER.test(text) ? '' : itemStart(text);
    if (
      (startOfItem === undefined && isLargerThanBody(line, body)) ||
      SECTION_HEADING.test(text) ||
      FINDINGS_HEADING.test(text)
    )
      break;
    if (startOfItem !== undefined) introduction = 0;
    // A bullet indented under a numbered item is part of it: "... by ensuring that: - x - y".
    if (
      startOfItem !== undefined &&
      current &&
      BULLET.test(text) &&
      !BULLET.test(current.marker) &&
      isIndentedUnder(line, current, leftOf(line.page))
    ) {
      current.parts.push(`- ${startOfItem}`);
      continue;
    }
    // A wrapped line may start with a number ("... section" / "47. enquiries"): it hangs under its item.
    if (
      startOfItem !== undefined &&
      current &&
      !BULLET.test(text) &&
      line.page === current.page &&
      line.x > current.x + 4
    ) {
      current.parts.push(text);
      continue;
    }
    if (startOfItem !== undefined) {
      finish();
      const previous = items[items.length - 1];
      if (afterTopic && previous && isBulleted(previous.marker) !== isBulleted(text)) break;
      afterTopic = false;
      current = { x: line.x, page: line.page, marker: text.slice(0, 1), parts: [startOfItem] };
      continue;
    }
    if (current && isIndentedUnder(line, current, leftOf(line.page))) {
      current.parts.push(text);
      continue;
    }
    // A sentence that introduces something else ("The local authority has the following strengths:")
    // ends the list; a short topic heading with a colon ("Care leavers:") does not.
    if (items.length + (current ? 1 : 0) > 0 && /:$/.test(text) && text.split(' ').length > 4) {
      if (!INTRODUCES_ACTIONS.test(text) || /strength/i.test(text)) break;
      finish();
      introduction = LONGEST_PART_INTRODUCTION;
      continue;
    }
    if (isSubHeading(text)) {
      dropEcho(current, text);
      finish();
      afterTopic = items.length > 0 && !NOTHING_TO_LIST.test(text);
      continue;
    }
    // Prose at the left edge: an introduction before the first item or the first of a part, or the
    // next part of the report after the last.
    if (items.length === 0 && !current) continue;
    if (introduction > 0 && !current) {
      introduction--;
      continue;
    }
    break;
  }
  finish();
  return items.map((item) => joinHyphenatedLines(item.parts)).filter((item) => item.length > 0);
}
