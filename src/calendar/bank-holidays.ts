/**
 * England and Wales bank holidays, computed for any year from 2010 to 2040: the fixed rules of the
 * Banking and Financial Dealings Act 1971 with the weekend substitutions, Easter by the Gregorian
 * computus, and the one-off changes announced by royal proclamation (2012, 2020, 2022, 2023).
 * Good Friday and Christmas Day are common-law holidays; they are listed because the working-day
 * definition (SI 2007/462 reg 1(2)) excludes them too. Years after 2030 are by rule only: any
 * one-off day proclaimed later is not known here. Pure.
 */
import { ValidationError } from '../errors.ts';
import { easterSunday } from './easter.ts';
import { addDays, isoDateOf, weekday, yearOf, type IsoDate } from './iso-date.ts';

export const FIRST_SUPPORTED_YEAR = 2010;
export const LAST_SUPPORTED_YEAR = 2040;

export interface BankHoliday {
  readonly date: IsoDate;
  readonly name: string;
}

interface OneOffChange {
  /** A rule-based holiday that moves: its usual date and where it went. */
  readonly moves?: { readonly from: IsoDate; readonly to: IsoDate };
  /** An extra day. */
  readonly adds?: BankHoliday;
}

/**
 * Changes by proclamation: DOMAIN.md §4.1 for 2012-2023. The 2011 royal wedding day is not in
 * DOMAIN.md (which starts in 2012); it is here from recollection so that 2010-2011 are right too.
 */
const ONE_OFF_CHANGES: readonly OneOffChange[] = [
  { adds: { date: '2011-04-29', name: 'Royal wedding' } },
  { moves: { from: '2012-05-28', to: '2012-06-04' } },
  { adds: { date: '2012-06-05', name: 'Queen’s Diamond Jubilee' } },
  { moves: { from: '2020-05-04', to: '2020-05-08' } },
  { moves: { from: '2022-05-30', to: '2022-06-02' } },
  { adds: { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' } },
  { adds: { date: '2022-09-19', name: 'Bank holiday for the State Funeral of Queen Elizabeth II' } },
  { adds: { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' } },
];

const SATURDAY = 6;
const SUNDAY = 0;
const MONDAY = 1;

function firstMonday(year: number, month: number): IsoDate {
  const first = isoDateOf(year, month, 1)!;
  return addDays(first, (MONDAY - weekday(first) + 7) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = addDays(isoDateOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1)!, -1);
  return addDays(last, -((weekday(last) - MONDAY + 7) % 7));
}

/** New Year's Day, moved to the Monday when it falls at a weekend. */
function newYearsDay(year: number): IsoDate {
  const day = isoDateOf(year, 1, 1)!;
  if (weekday(day) === SATURDAY) return addDays(day, 2);
  if (weekday(day) === SUNDAY) return addDays(day, 1);
  return day;
}

/** Christmas Day and Boxing Day with their substitute days. */
function christmasHolidays(year: number): BankHoliday[] {
  const christmas = isoDateOf(year, 12, 25)!;
  const day = weekday(christmas);
  const [christmasHoliday, boxingHoliday] =
    day === SATURDAY
      ? [addDays(christmas, 2), addDays(christmas, 3)]
      : day === SUNDAY
        ? [addDays(christmas, 2), addDays(christmas, 1)]
        : day === 5
          ? [christmas, addDays(christmas, 3)]
          : [christmas, addDays(christmas, 1)];
  return [
    { date: christmasHoliday, name: 'Christmas Day' },
    { date: boxingHoliday, name: 'Boxing Day' },
  ];
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new ValidationError(
      `Bank holidays are known for ${FIRST_SUPPORTED_YEAR} to ${LAST_SUPPORTED_YEAR}; ${year} is outside that range.`,
      'year-out-of-range',
    );
  }
}

const cache = new Map<number, readonly BankHoliday[]>();

/** Every England and Wales bank holiday of a year (with Good Friday and Christmas Day), in date order. */
export function bankHolidaysEnglandAndWales(year: number): readonly BankHoliday[] {
  assertSupportedYear(year);
  const cached = cache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const byRule: BankHoliday[] = [
    { date: newYearsDay(year), name: 'New Year’s Day' },
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
    ...christmasHolidays(year),
  ];
  const holidays = byRule.map((holiday) => {
    const move = ONE_OFF_CHANGES.find((change) => change.moves?.from === holiday.date)?.moves;
    return move ? { ...holiday, date: move.to } : holiday;
  });
  for (const change of ONE_OFF_CHANGES)
    if (change.adds && yearOf(change.adds.date) === year) holidays.push(change.adds);
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  cache.set(year, holidays);
  return holidays;
}

/** True when the date is an England and Wales bank holiday (or Good Friday or Christmas Day). */
export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidaysEnglandAndWales(yearOf(date)).some((holiday) => holiday.date === date);
}
