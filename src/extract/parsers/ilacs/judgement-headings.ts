/**
 * The judgement headings in the body of an ILACS report ("The experiences and progress of children
 * in care: good", "... care leavers is good"), a second source for grades the table leaves unread. Pure.
 */
import type { Grade } from '../../../domain/index.ts';
import type { Line } from '../../lines.ts';
import { parseGrade, plain } from '../common.ts';
import { areaOfLabel, type IlacsArea } from './judgement-table.ts';

const HEADING_START = /^The (experiences (?:and progress )?of|impact of leaders)\b/;
const HEADING =
  /^(The (?:experiences (?:and progress )?of|impact of leaders)\b[^:.]*?)(?:\s*:\s*|\s+(?:is|are)\s*:?\s*|\s+)(outstanding|good|requires? improvement(?: to be good)?|inadequate)\s*\.?$/i;
/** Headings wrap over at most this many lines. */
const HEADING_LINES = 3;

export interface HeadingGrade {
  readonly area: IlacsArea;
  readonly combinedCareRow: boolean;
  readonly grade: Grade;
}

/** The first heading grade for each area, in the order the report prints them. */
export function readJudgementHeadings(lines: readonly Line[]): HeadingGrade[] {
  const found = new Map<IlacsArea, HeadingGrade>();
  lines.forEach((line, index) => {
    if (!HEADING_START.test(plain(line.text))) return;
    let text = '';
    for (const part of lines.slice(index, index + HEADING_LINES)) {
      if (text && (/^\d{1,3}\.?\s*\S/.test(part.text) || part.page !== line.page)) break;
      text = plain(`${text} ${part.text}`);
      const match = HEADING.exec(text);
      if (!match) continue;
      const { area, combinedCareRow } = areaOfLabel(match[1]!);
      const grade = parseGrade(match[2]!);
      if (area && area !== 'overall' && grade && !found.has(area)) found.set(area, { area, combinedCareRow, grade });
      break;
    }
  });
  return [...found.values()];
}
