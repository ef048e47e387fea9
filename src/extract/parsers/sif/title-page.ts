/**
 * The first page of a SIF report: the local authority's name in large type, the title (which says
 * whether this is an inspection, a re-inspection and/or a review of the LSCB), the on-site dates and
 * the publication date. Pure.
 */
import { MONTH_NAMES } from '../../../calendar/index.ts';
import type { Line } from '../../lines.ts';
import { isoDate, monthNumber, parseDateRange, parseDayMonthYear, plain, type DateRange } from '../common.ts';
import { cleanText } from './sif-lines.ts';

const INSPECTION_TITLE = /^(re-?\s?inspection|inspection) of services for children in need of help/i;
const LSCB_TITLE = /^review of the effectiveness of the local safeguarding children/i;
const DATES_LABEL = /^(?:inspection dates?\s*:?|(?:dates? of (?:the )?inspection|on-?\s?site dates?)\s*:)\s*/i;
const PUBLISHED_LABEL = /^(?:report published\s*:?|(?:published|date of publication|publication date)\s*:)\s*/i;

export interface TitlePage {
  readonly localAuthority: string;
  /** The whole title, lines joined: "Inspection of services for children ... and Review of the effectiveness of the LSCB". */
  readonly title: string;
  /** The title names an inspection of the local authority's services (SIF or re-inspection). */
  readonly inspectsServices: boolean;
  /** The title says "Re-inspection". */
  readonly reinspectionTitle: boolean;
  /** The report includes (or is) the review of the Local Safeguarding Children Board. */
  readonly reviewsLscb: boolean;
  readonly dates: DateRange | undefined;
  readonly published: string | undefined;
}

/** Where the title starts on the first page, if this page has a SIF or LSCB review title at all. */
export function findTitleStart(firstPage: readonly Line[]): number {
  return firstPage.slice(0, 15).findIndex((line) => {
    const text = cleanText(line);
    return INSPECTION_TITLE.test(text) || LSCB_TITLE.test(text);
  });
}

/**
 * The page on which a separately paginated review of the LSCB starts, when a file joins it to the
 * SIF report: a later page with the review's own title and inspection dates near its top.
 */
export function findJoinedLscbReviewPage(pages: readonly (readonly Line[])[]): number | undefined {
  for (const page of pages.slice(1)) {
    const lines = [...page].sort((a, b) => a.y - b.y || a.x - b.x);
    const start = lines.slice(0, 15).findIndex((line) => LSCB_TITLE.test(cleanText(line)));
    if (start < 0) continue;
    if (lines.slice(start + 1, start + 10).some((line) => DATES_LABEL.test(cleanText(line)))) return lines[start]!.page;
  }
  return undefined;
}

export function readTitlePage(firstPage: readonly Line[]): TitlePage | undefined {
  const lines = [...firstPage].sort((a, b) => a.y - b.y || a.x - b.x);
  const titleStart = findTitleStart(lines);
  if (titleStart < 0) return undefined;
  const titleLine = lines[titleStart]!;
  // The name is set larger than the title; footnote markers and page numbers are smaller still.
  const above = lines.slice(0, titleStart);
  const larger = above.filter((line) => line.height > titleLine.height);
  const localAuthority = plain(
    (larger.length > 0 ? larger : above.filter((line) => line.height >= titleLine.height - 0.5))
      .map((line) => cleanText(line))
      .join(' '),
  );
  const datesIndex = lines.findIndex((line, index) => index > titleStart && DATES_LABEL.test(cleanText(line)));
  const titleEnd = datesIndex > titleStart ? datesIndex : Math.min(lines.length, titleStart + 6);
  const title = plain(
    lines
      .slice(titleStart, titleEnd)
      .filter((line) => line.height >= titleLine.height - 0.5)
      .map((line) => cleanText(line))
      .join(' '),
  );
  const publishedLine = lines.find((line) => PUBLISHED_LABEL.test(cleanText(line)));
  return {
    localAuthority,
    title,
    inspectsServices: /(re-?\s?inspection|inspection) of services for children in need of help/i.test(title),
    reinspectionTitle: /\bre-?\s?inspection of services/i.test(title),
    reviewsLscb: /review of the effectiveness of the local safeguarding children/i.test(title),
    dates: datesIndex >= 0 ? readDates(datesText(lines, datesIndex)) : undefined,
    published: publishedLine
      ? parseDayMonthYear(numericDatesToWords(cleanText(publishedLine).replace(PUBLISHED_LABEL, '')))
      : undefined,
  };
}

/** A line that carries on the dates: a day, month, year or joining word at its start. */
const DATES_CONTINUATION =
  /^(?:\d{1,2}\b|\d{4}\b|and\b|to\b|-|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i;

/**
 * The text of the on-site dates: the label's line, and the lines just below that carry it on
 * ("4 November-26 November 2013 and 13 - 15" / "January 2014"), up to the next label.
 */
function datesText(lines: readonly Line[], index: number): string {
  const first = lines[index]!;
  const parts = [cleanText(first).replace(DATES_LABEL, '')];
  let previous = first;
  for (const line of lines.slice(index + 1, index + 3)) {
    const text = cleanText(line);
    const close = line.y - previous.y > 0 && line.y - previous.y < previous.height * 1.8;
    if (!close || !DATES_CONTINUATION.test(text) || PUBLISHED_LABEL.test(text)) break;
    parts.push(text);
    previous = line;
  }
  return parts.join(' ');
}

/** An on-site period, or a single day printed alone ("Inspection date: 12 March 2016"). */
function readDates(text: string): DateRange | undefined {
  const words = numericDatesToWords(text);
  const range = parseDateRange(words);
  if (range) return range;
  const day = parseDayMonthYear(words);
  return day ? { start: day, end: day } : undefined;
}

/** Rewrites day/month/year dates ("1/06/2015", UK order) in words so the shared date readers take them. */
export function numericDatesToWords(text: string): string {
  return text.replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (whole, day: string, month: string, year: string) => {
    const name = MONTH_NAMES[Number(month) - 1];
    if (!name || !monthNumber(name) || !isoDate(Number(year), Number(month), Number(day))) return whole;
    return `${Number(day)} ${name} ${year}`;
  });
}
