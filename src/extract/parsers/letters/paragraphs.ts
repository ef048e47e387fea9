/** A letter's body as paragraphs of lines: what the letter readers work on. Pure. */
import type { Line } from '../../lines.ts';
import { joinHyphenatedLines } from '../common.ts';

/** A vertical gap larger than this many line heights separates paragraphs. */
const PARAGRAPH_GAP = 1.6;

export interface Paragraph {
  readonly lines: readonly Line[];
  readonly text: string;
}

/**
 * Groups lines into paragraphs by the gaps between them; a paragraph that reaches the foot of a
 * page carries on at the top of the next when it ends mid-sentence.
 */
export function paragraphsOf(lines: readonly Line[]): Paragraph[] {
  const groups: Line[][] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const current = groups[groups.length - 1];
    const samePage = previous !== undefined && previous.page === line.page;
    const closeBelow =
      previous !== undefined &&
      samePage &&
      line.y - previous.y <= PARAGRAPH_GAP * Math.max(line.height, previous.height, 1);
    const runsOnAcrossPage =
      previous !== undefined && !samePage && !/[.?!:]$/.test(previous.text.trim()) && line.x <= previous.x + 1;
    if (current && (closeBelow || runsOnAcrossPage)) current.push(line);
    else groups.push([line]);
    previous = line;
  }
  return groups.map((group) => ({ lines: group, text: joinHyphenatedLines(group.map((line) => line.text)) }));
}
