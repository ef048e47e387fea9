/**
 * What `csci remind` reminds people of (issue 11): actions due within N days, actions overdue, and
 * measures with no value for their last period. Each event has a key that names it once: the same
 * action due on the same date is one event however often the rules run, and a new due date (or a
 * new period) is a new event. Pure.
 *
 * - An action is "due soon" when it is not delivered (complete, signed off or awaiting sign-off) and
 *   its due date is from today to today + N days; "overdue" when not delivered and its due date has
 *   passed.
 * - A measure's periods run from its baseline date in steps of its frequency; the period that
 *   matters is the last one that has ended by today and does not start after the target date. It
 *   needs a value dated within it (start inclusive, end exclusive). A frequency these rules do not
 *   know (free text) gives no reminder and is listed as unscheduled.
 */
import { addDays, addMonths, daysBetween, type IsoDate } from '../calendar/index.ts';
import type { Action, Measure, MeasureValue } from './types.ts';

export const REMINDER_KINDS = ['action-due-soon', 'action-overdue', 'measure-missing-value'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A period length: whole months, or days. */
export type Period = { readonly months: number } | { readonly days: number };

/** The frequencies the rules understand, by the words councils write (lower-cased, trimmed). */
const FREQUENCIES: Readonly<Record<string, Period>> = {
  weekly: { days: 7 },
  fortnightly: { days: 14 },
  monthly: { months: 1 },
  'every month': { months: 1 },
  'bi-monthly': { months: 2 },
  'every two months': { months: 2 },
  quarterly: { months: 3 },
  'every quarter': { months: 3 },
  termly: { months: 4 },
  'half-yearly': { months: 6 },
  'six-monthly': { months: 6 },
  'twice a year': { months: 6 },
  annually: { months: 12 },
  annual: { months: 12 },
  yearly: { months: 12 },
};

export function periodOf(frequency: string): Period | null {
  return FREQUENCIES[frequency.trim().toLowerCase()] ?? null;
}

function step(date: IsoDate, period: Period, times: number): IsoDate {
  return 'months' in period ? addMonths(date, period.months * times) : addDays(date, period.days * times);
}

export interface MeasurePeriod {
  readonly start: IsoDate;
  /** The first day after the period. */
  readonly end: IsoDate;
}

/** The last period of the measure that has ended by `today` (and starts on or before its target date), or null. */
export function lastEndedPeriod(
  measure: Pick<Measure, 'baseline' | 'target' | 'frequency'>,
  today: IsoDate,
): MeasurePeriod | null {
  const period = periodOf(measure.frequency);
  if (period === null) return null;
  let found: MeasurePeriod | null = null;
  // Periods are counted from the baseline; a plan lasts a few years, so this loop is short.
  for (let n = 0; n < 10_000; n += 1) {
    const start = step(measure.baseline.date, period, n);
    const end = step(measure.baseline.date, period, n + 1);
    if (end > today || start > measure.target.date) break;
    found = { start, end };
  }
  return found;
}

interface ReminderBase {
  /** Names the event once: the same key is never sent twice to the same person. */
  readonly key: string;
  readonly kind: ReminderKind;
  readonly actionId: number;
}

export interface ActionReminder extends ReminderBase {
  readonly kind: 'action-due-soon' | 'action-overdue';
  readonly dueDate: IsoDate;
  /** Days until the due date (negative when overdue). */
  readonly daysLeft: number;
}

export interface MeasureReminder extends ReminderBase {
  readonly kind: 'measure-missing-value';
  readonly measureId: number;
  readonly period: MeasurePeriod;
}

export type Reminder = ActionReminder | MeasureReminder;

export interface ReminderFindings {
  readonly reminders: readonly Reminder[];
  /** Measures whose frequency the rules do not understand, so no missing value can be found. */
  readonly unscheduledMeasures: readonly number[];
}

const DELIVERED = new Set(['complete', 'signed off', 'awaiting sign-off']);

export function findReminders(
  input: {
    readonly actions: readonly Action[];
    readonly measures: readonly Measure[];
    readonly values: readonly MeasureValue[];
  },
  today: IsoDate,
  withinDays: number,
): ReminderFindings {
  if (!Number.isInteger(withinDays) || withinDays < 0)
    throw new RangeError(`withinDays must be a whole number of days, 0 or more, not ${withinDays}.`);
  const reminders: Reminder[] = [];
  for (const action of input.actions) {
    if (DELIVERED.has(action.status)) continue;
    const daysLeft = daysBetween(today, action.dueDate);
    if (daysLeft < 0)
      reminders.push({
        key: `action-overdue:${action.id}:${action.dueDate}`,
        kind: 'action-overdue',
        actionId: action.id,
        dueDate: action.dueDate,
        daysLeft,
      });
    else if (daysLeft <= withinDays)
      reminders.push({
        key: `action-due-soon:${action.id}:${action.dueDate}`,
        kind: 'action-due-soon',
        actionId: action.id,
        dueDate: action.dueDate,
        daysLeft,
      });
  }
  const unscheduledMeasures: number[] = [];
  for (const measure of input.measures) {
    if (periodOf(measure.frequency) === null) {
      unscheduledMeasures.push(measure.id);
      continue;
    }
    const period = lastEndedPeriod(measure, today);
    if (period === null) continue;
    const hasValue = input.values.some(
      (value) => value.measureId === measure.id && value.date >= period.start && value.date < period.end,
    );
    if (!hasValue)
      reminders.push({
        key: `measure-missing-value:${measure.id}:${period.start}`,
        kind: 'measure-missing-value',
        actionId: measure.actionId,
        measureId: measure.id,
        period,
      });
  }
  return { reminders, unscheduledMeasures };
}
