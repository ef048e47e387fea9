/**
 * What a letter says at its start and its end: the letter's date, the title naming the council, the
 * visit's dates, who visited, who signed, and whether the visit was carried out in the COVID-19
 * context. Pure.
 */
import type { Line } from '../../lines.ts';
import { parseDateRange, parseDayMonthYear, plain, type DateRange } from '../common.ts';
import type { Paragraph } from './paragraphs.ts';

const DATE_ALONE = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s*,?\s+(\d{4})\.?$/;
/** The title of each kind of letter, as its first words. */
export const FOCUSED_VISIT_TITLE = /^focused visit (?:to|of)\b/i;
export const MONITORING_VISIT_TITLE = /^monitoring visit (?:to|of)\b/i;
export const JTAI_TITLE = /^joint targeted area inspection\b/i;
const ANY_TITLE = /^(?:focused visit|monitoring visit|joint targeted area inspection)\b/i;

/** The first line on the first page that is a date and nothing else: the letter's date. */
export function readLetterDate(firstPage: readonly Line[]): string | undefined {
  for (const line of firstPage) {
    const text = plain(line.text);
    if (/^dear\b/i.test(text) || ANY_TITLE.test(text)) return undefined;
    if (DATE_ALONE.test(text)) return parseDayMonthYear(text);
  }
  return undefined;
}

/** Index of the title line on the first page, or -1. */
export function findTitle(firstPage: readonly Line[]): number {
  return firstPage.findIndex((line) => ANY_TITLE.test(plain(line.text)));
}

/** The title, with a second line joined when the first stops before "services". */
export function readTitle(firstPage: readonly Line[]): string | undefined {
  const index = findTitle(firstPage);
  if (index < 0) return undefined;
  const first = firstPage[index]!;
  const next = firstPage[index + 1];
  const text = plain(first.text);
  const wrapped =
    next &&
    !/services\.?$/i.test(text) &&
    /children.s$|\bof$|\bthe$|\band$|council$|borough$/i.test(text) &&
    next.y - first.y < 1.6 * first.height;
  return wrapped ? `${text} ${plain(next.text)}` : text;
}

/** The council as the title (or the summary sentence) names it: no "the", no "children's services". */
export function councilFromTitle(title: string): string | undefined {
  const name = plain(title)
    .replace(
      /^(?:focused visit|monitoring visit|joint targeted area inspection(?: of the multi-agency response [^,]*)?)\s+(?:to|of|in)\s+/i,
      '',
    )
    .replace(/\.$/, '')
    .replace(/^the\s+/i, '')
    .replace(/['’]s?\s+children.s services$/i, '')
    .replace(/\s*children.s services$/i, '')
    .replace(/\s+local authority$/i, '')
    .trim();
  return name.length > 0 && !/^children.s services$/i.test(name) ? name : undefined;
}

/** The opening paragraph: "This letter summarises the findings of a focused visit to ... on ...". */
export function findSummary(paragraphs: readonly Paragraph[]): Paragraph | undefined {
  return paragraphs.find((paragraph) =>
    /summarises the findings|findings of (?:a|the) (?:focused|monitoring) visit/i.test(plain(paragraph.text)),
  );
}

/** The council named in the summary sentence, when the title names none. */
export function councilFromSummary(summary: string): string | undefined {
  const match = /(?:focused|monitoring) visit to (.+?) (?:on|between)\s+(?:the\s+)?\d/i.exec(plain(summary));
  return match ? councilFromTitle(`Focused visit to ${match[1]!}`) : undefined;
}

const MONTHS = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const ONE_DATE = `${DAY}(?:\\s+(?:of\\s+)?${MONTHS})?(?:\\s*,?\\s+\\d{4})?`;
const JOIN = '\\s*(?:-|to|and|until|,\\s*and|,)\\s*';
const DATE_SPAN = new RegExp(`(?:\\bon|\\bbetween|\\bfrom)\\s+(?:the\\s+)?(${ONE_DATE}(?:${JOIN}${ONE_DATE})*)`, 'i');

/**
 * The visit's days from the summary sentence: "on 1 and 2 October 2019", "between 3 and 5 November
 * 2020", "on 31 July and 1 August 2019", "on 11 December 2018"; a span printed without a year takes
 * the letter's year.
 */
export function readVisitDates(summary: string, letterYear: number | undefined): DateRange | undefined {
  const source = plain(summary);
  const afterVisit = source.slice(Math.max(0, source.search(/\bvisit\b/i)));
  const span = DATE_SPAN.exec(afterVisit)?.[1]?.replace(/\s+of\s+/gi, ' ');
  if (!span || !new RegExp(MONTHS, 'i').test(span)) return undefined;
  const withYear = /\d{4}/.test(span) || letterYear === undefined ? span : `${span} ${letterYear}`;
  const range = parseDateRange(withYear);
  if (range) return range;
  const single = parseDayMonthYear(withYear);
  return single ? { start: single, end: single } : undefined;
}

/** Words about who inspectors are, removed before the names are split apart. */
const ROLE_WORDS = [
  /\b(?:her|his) majesty.s inspectors?(?:\s*\((?:hmis?)\))?(?:\s*\((?:designate)\))?(?:\s+social care)?/gi,
  /\b(?:all|both|two|three|four|five) of whom are\b/gi,
  /\b(?:two|three|four|five|both|all) of\b/gi,
  /\bboth\b/gi,
  /\((?:hmi|hmis)(?: designate)?\)/gi,
  /\bsenior hmi\b/gi,
  /\bhmis?\b(?:\s+(?:designate|schools|social care))?/gi,
  /\b(?:lead|team) inspectors?\b/gi,
  /\bwho observed the visit\b/gi,
  /\bwith\b/gi,
];

/** The sentence that names who visited. */
function inspectorsSentence(summary: string): string | undefined {
  const sentences = plain(summary).split(/(?<=[a-z)]\.)\s+(?=[A-Z])/);
  for (const sentence of sentences) {
    const named =
      /inspectors?(?:\s*\(hmi\))?(?: for (?:this|the) visit)? were\s+(.+)$/i.exec(sentence) ??
      /(?:carried out|conducted) by\s+(.+)$/i.exec(sentence);
    if (named) return named[1]!;
  }
  return undefined;
}

/** Every inspector named as visiting, in printed order (titles such as "HMI" removed). */
export function readInspectors(summary: string): string[] {
  const sentence = inspectorsSentence(summary);
  if (!sentence) return [];
  let text = sentence.replace(/\.$/, '').replace(/(\p{L})- (\p{L})/gu, '$1-$2');
  for (const pattern of ROLE_WORDS) text = text.replace(pattern, ',');
  return text
    .split(/\s*,\s*|\s+and\s+/)
    .map((part) => part.replace(/^(?:and|the)\s+/i, '').trim())
    .filter((part) => isPersonName(part));
}

function isPersonName(text: string): boolean {
  return (
    /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){1,3}$/u.test(text) &&
    !/^(?:Her|His|Majesty|The|Inspectors?)\b/.test(text)
  );
}

/** The signatory: the name above the closing "His/Her Majesty's Inspector", else after "Yours sincerely". */
export function readSignatory(lines: readonly Line[]): string | undefined {
  for (let index = lines.length - 1; index > 0; index--) {
    const text = plain(lines[index]!.text);
    if (/^(?:her|his) majesty.s inspectors?\.?$|^(?:senior )?hmi\.?$|^lead inspector\.?$/i.test(text)) {
      const name = signatoryName(lines[index - 1]!.text);
      if (name) return name;
    }
    if (/^yours (?:sincerely|faithfully)/i.test(text)) {
      const name = lines[index + 1] ? signatoryName(lines[index + 1]!.text) : undefined;
      if (name) return name;
    }
  }
  return undefined;
}

function signatoryName(text: string): string | undefined {
  const name = plain(text)
    .replace(/\s*\((?:lead inspector|hmi)\)\s*$/i, '')
    .replace(/,?\s+(?:senior\s+)?hmi\.?$/i, '')
    .replace(/\.$/, '')
    .trim();
  return isPersonName(name) ? name : undefined;
}

/** "His Majesty's Inspectors for this visit were lead inspector X and team inspector Y": the named lead. */
export function readNamedLead(summary: string): string | undefined {
  const text = plain(summary);
  const match =
    /(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){1,3}),\s+lead inspector\b/u.exec(text) ??
    /\blead inspector\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){1,3})/u.exec(text);
  return match?.[1];
}

/** The letter's year, for visit dates printed without one. */
export function yearOf(date: string | undefined): number | undefined {
  return date ? Number(date.slice(0, 4)) : undefined;
}
