/**
 * Working days as SI 2007/462 reg 1(2) defines them: any day other than a Saturday, a Sunday,
 * Christmas Day, Good Friday or an England and Wales bank holiday. Counting follows the statutes'
 * "within N working days of" reading: day 1 is the first working day after the start date. Pure.
 */
import { ValidationError } from '../errors.ts';
import { isBankHoliday } from './bank-holidays.ts';
import { addDays, parseIsoDate, weekday, type IsoDate } from './iso-date.ts';

export function isWorkingDay(date: IsoDate): boolean {
  parseIsoDate(date);
  const day = weekday(date);
  return day !== 0 && day !== 6 && !isBankHoliday(date);
}

/** The n-th working day after `start` (n = 0 gives `start` itself). */
export function addWorkingDays(start: IsoDate, count: number): IsoDate {
  parseIsoDate(start, 'start date');
  if (!Number.isInteger(count) || count < 0) {
    throw new ValidationError(
      `The number of working days must be a whole number, 0 or more (got ${count}).`,
      'invalid-count',
    );
  }
  let date = start;
  for (let counted = 0; counted < count;) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) counted++;
  }
  return date;
}

/**
 * Working days in the half-open interval (from, to]: so that workingDaysBetween(d, addWorkingDays(d, n)) = n.
 * Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  parseIsoDate(from, 'first date');
  parseIsoDate(to, 'second date');
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isWorkingDay(date)) count++;
  return count;
}
