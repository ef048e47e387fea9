/** ISO calendar dates (`YYYY-MM-DD`) as plain strings, with day arithmetic in UTC. Pure. */
import { ValidationError } from '../errors.ts';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
/** The months' names, January first: the one list every reader and writer of dates in words uses. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
/** The same names in lower case, for matching text whatever its case. */
export const MONTH_NAMES_LOWER_CASE: readonly string[] = MONTH_NAMES.map((name) => name.toLowerCase());

/** The date for a year, month (1-12) and day, or undefined when no such day exists. */
export function isoDateOf(year: number, month: number, day: number): IsoDate | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Today's date in UTC: the default "as at" everywhere. */
export function todayIso(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

/** Days in a month (1-12) of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The year, month and day of a real calendar day written as YYYY-MM-DD (years 0100-9999), else undefined. */
function partsOf(value: string): [number, number, number] | undefined {
  const match = ISO_DATE.exec(value);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC reads years 0-99 as 1900-1999: such strings never were dates here.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return [year, month, day];
}

/** True for a real calendar day written as YYYY-MM-DD (2017-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  return partsOf(value) !== undefined;
}

/** Returns the value when it is a real YYYY-MM-DD date; otherwise a ValidationError naming `what`. */
export function parseIsoDate(value: string, what = 'date'): IsoDate {
  if (!ISO_DATE.test(value))
    throw new ValidationError(`The ${what} "${value}" is not a date written as YYYY-MM-DD.`, 'invalid-date');
  if (!isIsoDate(value))
    throw new ValidationError(`The ${what} ${value} does not exist in the calendar.`, 'invalid-date');
  return value;
}

/**
 * Days since 1970-01-01 (UTC); the inverse of fromDayNumber. Counted from the date's digits (the
 * Gregorian calendar repeats every 400 years, 146,097 days; the year is taken to start on 1 March so
 * that the leap day comes last), which the RAG ratings of a plan page do hundreds of times; a
 * string that is no real date goes through Date.parse as before (NaN for most).
 */
export function dayNumber(date: IsoDate): number {
  const parts = partsOf(date);
  if (parts === undefined) return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
  const [year, month, day] = parts;
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function fromDayNumber(days: number): IsoDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** The same day of the month `months` later, or the month's last day when it is shorter (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return isoDateOf(targetYear, targetMonth, Math.min(day, lastDay))!;
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** UK style, as pages and documents show dates: "Tuesday 13 June 2017". */
export function formatUkDate(date: IsoDate, { withWeekday = false } = {}): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const text = `${day} ${MONTH_NAMES[month - 1]} ${year}`;
  return withWeekday ? `${WEEKDAY_NAMES[weekday(date)]} ${text}` : text;
}
