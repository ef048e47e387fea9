/**
 * Reads a SIF recommendation list: numbered or bulleted items, each with a hanging indent, under a
 * heading, perhaps split by sub-headings ("Priority and immediate action", "Areas for improvement",
 * topic headings) and page breaks, up to the next section. Each item comes back whole on one line.
 * Pure.
 */
import type { Line } from '../../lines.ts';
import { joinWrapped } from '../common.ts';
import { BULLET, cleanText, isFootnoteMarker, isLargerThanBody } from './sif-lines.ts';

const NUMBERED = /^(\d{1,3})\s*\.\s*(?=\S)/;

/** Headings that begin the next part of the report, whatever their type size. */
const SECTION_HEADING =
  /^(?:summary for children|information about this (?:inspection|local authority)|inspection findings|key strengths|summary of (?:key )?findings|executive summary|section \d|what the inspection judge?ments mean|the local safeguarding children board \(lscb\)$|local safeguarding children board \(lscb\)$|what does the lscb need to improve|the lscb (?:is|requires)\b|the local safeguarding children board (?:is|requires)\b)/i;

/** Numbered paragraphs that say there is nothing to list. */
const NOTHING_TO_LIST = /^(?:the inspection did not find any|there (?:are|were) no (?:areas for )?(?:priority|immediate))/i;

/** A short line at the list's left edge that does not end a sentence: a sub-heading inside the list. */
function isSubHeading(text: string): boolean {
  return NOTHING_TO_LIST.test(text) || (text.length <= 80 && !/[.;,]$/.test(text)) || /^areas for improvement:?$/i.test(text);
}

interface Item {
  readonly x: number;
  readonly textX: number;
  readonly parts: string[];
}

function itemStart(line: Line, text: string): { body: string; textX: number } | undefined {
  const numbered = NUMBERED.exec(text);
  const bullet = BULLET.test(text);
  if (!numbered && !bullet) return undefined;
  const body = numbered ? text.slice(numbered[0].length) : text.replace(BULLET, '');
  // Where the item's own words start: the first run after the number or bullet.
  const firstWordRun = line.runs.find((run, index) => index > 0 && run.text.trim() && !/^[\d.]+$/.test(run.text.trim()) && !BULLET.test(run.text.trim()));
  const textX = firstWordRun && firstWordRun.x > line.x ? firstWordRun.x : line.x + 18;
  return { body: body.replace(/^[|\s]+/, ''), textX };
}

/**
 * The items of the list whose heading is `lines[start]`. `end` bounds the search (exclusive).
 */
export function readList(lines: readonly Line[], start: number, body: number, end = lines.length): string[] {
  const items: Item[] = [];
  let current: Item | undefined;
  const finish = () => {
    if (current) items.push(current);
    current = undefined;
  };
  for (let index = start + 1; index < end; index++) {
    const line = lines[index]!;
    if (isFootnoteMarker(line, body)) continue;
    const text = cleanText(line);
    if (!text) continue;
    if (isLargerThanBody(line, body) || SECTION_HEADING.test(text)) break;
    const startOfItem = itemStart(line, text);
    if (startOfItem) {
      finish();
      if (NOTHING_TO_LIST.test(startOfItem.body)) continue;
      current = { x: line.x, textX: startOfItem.textX, parts: [startOfItem.body] };
      continue;
    }
    if (current && line.x >= current.textX - 3) {
      current.parts.push(text);
      continue;
    }
    if (isSubHeading(text)) {
      finish();
      continue;
    }
    // Prose at the left edge: an introduction before the first item, or the next part after the last.
    if (items.length === 0 && !current) continue;
    break;
  }
  finish();
  return items.map((item) => joinWrapped(item.parts)).filter((item) => item.length > 0);
}
