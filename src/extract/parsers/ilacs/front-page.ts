/**
 * The front page of an ILACS report: the local authority named in the title, the on-site dates
 * and the lead inspector(s). Pure.
 */
import type { Line } from '../../lines.ts';
import { parseDateRange, plain, type DateRange } from '../common.ts';

const DATES_LABEL = /^inspection dates?\s*:?\s*/i;
/** "Lead inspector:", also with the qualifier some reports print ("Lead inspector on site:"). */
const LEAD_LABEL = /^lead inspectors?(?:\s*\(?\s*on[- ]site\s*\)?)?\s*:?\s*/i;
/** Another role's label printed beside the lead's on the same line. */
const OTHER_ROLE = /\s+(?:report author|author|deputy lead inspector|team inspectors?)\s*:.*$/i;
/** Lines that end the lead inspector's entry. */
const AFTER_LEAD =
  /^(judgement\b|inspection\b|the impact of leaders|the experiences and progress|overall effectiveness)/i;
const INSPECTOR_TITLE =
  /,?\s*\(?\b(?:senior\s+)?(?:(?:her|his) majesty['’]s|ofsted)\s+inspectors?\b\)?|,?\s*\(?\b(?:senior\s+)?HMIs?\b\)?/gi;

export interface OnSitePeriod extends DateRange {
  /** The separate parts of a split on-site period, in order (one part when it is not split). */
  readonly parts: readonly DateRange[];
}

/** The line that prints the on-site dates on the front page, if any. */
export function findDatesLine(lines: readonly Line[]): number {
  return lines.findIndex((line) => DATES_LABEL.test(plain(line.text)) && /\d/.test(line.text));
}

/**
 * Reads "Inspection dates: 7 to 18 January 2019" (or split periods joined with "and"), taking a
 * wrapped continuation line when the first line ends before the year.
 */
export function readOnSitePeriod(lines: readonly Line[]): OnSitePeriod | undefined {
  const index = findDatesLine(lines);
  if (index < 0) return undefined;
  let value = plain(lines[index]!.text).replace(DATES_LABEL, '');
  const next = lines[index + 1];
  if (
    next &&
    next.page === lines[index]!.page &&
    !/\d{4}\s*$/.test(value) &&
    /^[\d\s\w,-]+\d{4}\s*$/.test(plain(next.text)) &&
    !LEAD_LABEL.test(plain(next.text))
  ) {
    value = `${value} ${plain(next.text)}`;
  }
  const whole = parseDateRange(value);
  if (!whole) return undefined;
  return { ...whole, parts: splitParts(value) ?? [whole] };
}

/**
 * The parts of "30 September to 11 October 2024 and 13 to 16 January 2025". A part that prints no
 * year takes the year that puts it just before the next part. Undefined when a part cannot be read.
 */
function splitParts(value: string): DateRange[] | undefined {
  const texts = value.split(/\s+and\s+|\s*;\s*/).filter((text) => /\d/.test(text));
  const parts: DateRange[] = [];
  for (let index = texts.length - 1; index >= 0; index--) {
    const text = texts[index]!;
    const following = parts[0];
    let part: DateRange | undefined;
    if (/\d{4}/.test(text) || !following) {
      part = parseDateRange(text);
    } else {
      const year = Number(following.start.slice(0, 4));
      part = [year, year - 1]
        .map((candidate) => parseDateRange(`${text} ${candidate}`))
        .find((range) => range !== undefined && range.end < following.start);
    }
    if (!part) return undefined;
    parts.unshift(part);
  }
  return parts.length > 0 ? parts : undefined;
}

/**
 * The lead inspector(s) as printed, without titles ("His Majesty's Inspector", "HMI"); two names
 * are joined with "; ". Null when the report names none.
 */
export function readLeadInspectors(lines: readonly Line[]): string | null {
  const index = lines.findIndex((line) => LEAD_LABEL.test(plain(line.text)));
  if (index < 0) return null;
  const first = lines[index]!;
  let value = plain(first.text).replace(LEAD_LABEL, '').replace(OTHER_ROLE, '');
  for (const line of lines.slice(index + 1, index + 4)) {
    const text = plain(line.text);
    if (line.page !== first.page || line.y - first.y > 60 || AFTER_LEAD.test(text)) break;
    // A continuation is indented under the name, or only a title, or the entry visibly runs on.
    const runsOn =
      /(,|\band)\s*$/.test(value) || line.x > first.x + 5 || /^(?:(?:her|his) majesty|hmi\b|senior)/i.test(text);
    if (!runsOn) break;
    value = `${value} ${text}`;
  }
  const names = value
    .replace(INSPECTOR_TITLE, ',')
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return names.length > 0 ? names.join('; ') : null;
}

/**
 * The local authority as the title prints it: "Inspection of Dorset local authority children's
 * services" gives "Dorset"; the older "Bolton / Inspection of children's social care services" gives
 * "Bolton".
 */
export function readCouncilName(lines: readonly Line[]): string | undefined {
  const datesIndex = findDatesLine(lines);
  const datesHeight = lines[datesIndex]?.height ?? 0;
  // The title stands above the dates, in print at least as large (smaller text there is not title).
  const titleLines = lines
    .slice(0, datesIndex >= 0 ? datesIndex : 4)
    .filter((line) => line.page === lines[0]?.page && line.height >= datesHeight - 0.5)
    .slice(-5);
  const title = plain(titleLines.map((line) => line.text).join(' '));
  const older = /^(.*?)\s*Inspection of (?:local authority )?children'?s(?: social care)? services\b/i.exec(title);
  if (older?.[1]) return older[1].trim();
  const newer =
    /Inspection of (?:the )?(.+?)(?:\s+local authority)?(?:\s+children'?s(?: social care)? services)?\s*$/i.exec(title);
  if (newer?.[1]) return newer[1].trim();
  return title || undefined;
}
