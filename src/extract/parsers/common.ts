/** Small parsers shared by every report format: dates, grades, names. Pure. */
import { MONTH_NAMES_LOWER_CASE } from '../../calendar/index.ts';
import type { Grade } from '../../domain/index.ts';

const MONTHS = MONTH_NAMES_LOWER_CASE;

/** Normalises typographic characters so patterns can be written plainly. */
export function plain(text: string): string {
  return (
    text
      .normalize('NFKC')
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      // A combining stroke standing alone is a dash drawn with an overlay glyph (sub-list markers).
      .replace(/(^|\s)[\u0335-\u0338]+\s*/g, '$1- ')
      .replace(/\u00a0/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export function monthNumber(name: string): number | undefined {
  const index = MONTHS.findIndex(
    (month) => month.startsWith(name.toLowerCase().slice(0, 3)) && month.startsWith(name.toLowerCase()),
  );
  return index >= 0 ? index + 1 : undefined;
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Reads one date written as "13 June 2017" (ordinals and a leading weekday allowed). */
export function parseDayMonthYear(text: string): string | undefined {
  const match = /(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s*,?\s+(\d{4})/.exec(plain(text));
  if (!match) return undefined;
  const month = monthNumber(match[2]!);
  return month ? isoDate(Number(match[3]), month, Number(match[1])) : undefined;
}

export interface DateRange {
  readonly start: string;
  readonly end: string;
}

/**
 * Reads an on-site period in any of the shapes reports print: "6 March 2017-30 March 2017",
 * "17 March to 21 March 2025", "7 to 18 January 2019", "27 November - 1 December 2017", and split
 * periods ("12 to 16 May and 2 to 6 June 2025"): first day to last day.
 */
export function parseDateRange(text: string): DateRange | undefined {
  const source = plain(text);
  const pattern = /(\d{1,2})(?:st|nd|rd|th)?(?:\s+([A-Za-z]+))?(?:\s*,?\s+(\d{4}))?/g;
  const parts: { day: number; month?: number; year?: number }[] = [];
  for (const match of source.matchAll(pattern)) {
    const monthWord = match[2];
    const month = monthWord ? monthNumber(monthWord) : undefined;
    if (monthWord && month === undefined && !match[3]) {
      parts.push({ day: Number(match[1]) });
      continue;
    }
    parts.push({ day: Number(match[1]), month, year: match[3] ? Number(match[3]) : undefined });
  }
  const dated = parts.filter((part) => part.day >= 1 && part.day <= 31);
  if (dated.length < 2) return undefined;
  // Fill missing months and years from the right: "7 to 18 January 2019".
  let month: number | undefined;
  let year: number | undefined;
  for (let index = dated.length - 1; index >= 0; index--) {
    const part = dated[index]!;
    if (part.year !== undefined) year = part.year;
    else part.year = year;
    if (part.month !== undefined) month = part.month;
    else part.month = month;
  }
  const first = dated[0]!;
  const last = dated[dated.length - 1]!;
  if (!first.month || !first.year || !last.month || !last.year) return undefined;
  // "27 November to 8 December 2017": an earlier month than the end's in the same written year.
  let firstYear = first.year;
  if (first.year === last.year && first.month > last.month) firstYear -= 1;
  const start = isoDate(firstYear, first.month, first.day);
  const end = isoDate(last.year, last.month, last.day);
  return start && end && start <= end ? { start, end } : undefined;
}

const GRADE_PATTERNS: readonly [RegExp, Grade][] = [
  [/\boutstanding\b/i, 'outstanding'],
  [/\binadequate\b/i, 'inadequate'],
  [/\brequires?\s+improvement\b/i, 'requires_improvement'],
  [/\bgood\b/i, 'good'],
];

/** The grade a cell or headline states, if any ("Requires improvement to be good" is requires_improvement). */
export function parseGrade(text: string): Grade | undefined {
  const source = plain(text);
  for (const [pattern, grade] of GRADE_PATTERNS) if (pattern.test(source)) return grade;
  return undefined;
}

/** Joins wrapped lines of one paragraph or list item: spaces collapsed, line-end hyphens kept. */
export function joinWrapped(parts: readonly string[]): string {
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Joins the wrapped lines of one paragraph or list item as the labels do: spaces collapsed, and a
 * line that ends in a hyphen joined to the next without a space ("decision-" + "making" gives
 * "decision-making"; the hyphen is kept, as every line-end hyphen in these reports is a real one).
 * A suspended hyphen stays apart from a following "and", "or" or "to" ("16-" + "and 17-year-olds").
 */
export function joinHyphenatedLines(parts: readonly string[]): string {
  let text = '';
  for (const part of parts.map((value) => value.replace(/\s+/g, ' ').trim()).filter(Boolean)) {
    const joinsDirectly = /\p{L}-$|\d-$/u.test(text) && !/^(and|or|to|and\/or)\b/i.test(part);
    text = text === '' ? part : joinsDirectly ? `${text}${part}` : `${text} ${part}`;
  }
  return text;
}
