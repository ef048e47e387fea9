import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findReminders, lastEndedPeriod, periodOf } from './reminders.ts';
import type { Action, ActionStatus, Measure, MeasureValue } from './types.ts';

const action = (id: number, dueDate: string, status: ActionStatus = 'in progress'): Action => ({
  id,
  itemIds: [1],
  title: `Action ${id}`,
  owner: { kind: 'person', name: 'A. Person' },
  startDate: null,
  dueDate,
  status,
  ragOverride: null,
});
const measure = (id: number, frequency: string, baseline = '2026-01-15', target = '2026-12-31'): Measure => ({
  id,
  actionId: 10,
  what: 'Visits on time',
  unit: '%',
  betterWhen: 'higher',
  baseline: { value: 50, date: baseline },
  target: { value: 90, date: target },
  frequency,
  source: 'Case records',
});
const value = (measureId: number, date: string): MeasureValue => ({ id: 1, measureId, date, value: 60, comment: '' });
const none = { actions: [], measures: [], values: [] };

describe('reminders: actions', () => {
  test('an action due within the window is due soon; one beyond it is not', () => {
    const found = findReminders(
      { ...none, actions: [action(1, '2026-06-10'), action(2, '2026-06-20')] },
      '2026-06-03',
      7,
    );
    assert.deepEqual(found.reminders, [
      { key: 'action-due-soon:1:2026-06-10', kind: 'action-due-soon', actionId: 1, dueDate: '2026-06-10', daysLeft: 7 },
    ]);
  });
  test('an action due today is due soon with 0 days left, even with a window of 0', () => {
    const found = findReminders({ ...none, actions: [action(1, '2026-06-03')] }, '2026-06-03', 0);
    assert.equal(found.reminders[0]?.kind, 'action-due-soon');
  });
  test('an action past its due date is overdue', () => {
    const found = findReminders({ ...none, actions: [action(1, '2026-05-30')] }, '2026-06-03', 7);
    assert.deepEqual(found.reminders, [
      { key: 'action-overdue:1:2026-05-30', kind: 'action-overdue', actionId: 1, dueDate: '2026-05-30', daysLeft: -4 },
    ]);
  });
  test('delivered actions are never reminded of', () => {
    const actions = (['complete', 'signed off', 'awaiting sign-off'] as const).map((status, index) =>
      action(index + 1, '2026-05-01', status),
    );
    assert.deepEqual(findReminders({ ...none, actions }, '2026-06-03', 30).reminders, []);
  });
  test('a new due date is a new event (a new key)', () => {
    const before = findReminders({ ...none, actions: [action(1, '2026-06-05')] }, '2026-06-03', 7).reminders[0]!.key;
    const after = findReminders({ ...none, actions: [action(1, '2026-06-08')] }, '2026-06-03', 7).reminders[0]!.key;
    assert.notEqual(before, after);
  });
  test('a negative or fractional window is refused', () => {
    assert.throws(() => findReminders(none, '2026-06-03', -1), RangeError);
    assert.throws(() => findReminders(none, '2026-06-03', 1.5), RangeError);
  });
});

describe('reminders: measures', () => {
  test('frequencies are read in the words councils use; free text is not', () => {
    assert.deepEqual(periodOf(' Monthly '), { months: 1 });
    assert.deepEqual(periodOf('quarterly'), { months: 3 });
    assert.deepEqual(periodOf('weekly'), { days: 7 });
    assert.equal(periodOf('when the panel meets'), null);
  });
  test('the period that matters is the last one ended by today, counted from the baseline', () => {
    assert.deepEqual(lastEndedPeriod(measure(1, 'monthly'), '2026-04-20'), { start: '2026-03-15', end: '2026-04-15' });
    assert.equal(lastEndedPeriod(measure(1, 'monthly'), '2026-02-14'), null, 'the first month has not ended');
    assert.deepEqual(lastEndedPeriod(measure(1, 'monthly'), '2026-02-15'), { start: '2026-01-15', end: '2026-02-15' });
  });
  test('no period after the target date is asked for', () => {
    const short = measure(1, 'monthly', '2026-01-01', '2026-02-10');
    assert.deepEqual(lastEndedPeriod(short, '2027-01-01'), { start: '2026-02-01', end: '2026-03-01' });
  });
  test('a measure without a value in its last period is reminded of, once per period', () => {
    const found = findReminders(
      { ...none, measures: [measure(5, 'monthly')], values: [value(5, '2026-02-20')] },
      '2026-04-20',
      7,
    );
    assert.deepEqual(found.reminders, [
      {
        key: 'measure-missing-value:5:2026-03-15',
        kind: 'measure-missing-value',
        actionId: 10,
        measureId: 5,
        period: { start: '2026-03-15', end: '2026-04-15' },
      },
    ]);
  });
  test('a value on the first day of the period counts; one on the day after it ends does not', () => {
    const has = findReminders(
      { ...none, measures: [measure(5, 'monthly')], values: [value(5, '2026-03-15')] },
      '2026-04-20',
      7,
    );
    assert.deepEqual(has.reminders, []);
    const late = findReminders(
      { ...none, measures: [measure(5, 'monthly')], values: [value(5, '2026-04-15')] },
      '2026-04-20',
      7,
    );
    assert.equal(late.reminders.length, 1);
  });
  test("another measure's value does not count", () => {
    const found = findReminders(
      { ...none, measures: [measure(5, 'monthly')], values: [value(6, '2026-03-20')] },
      '2026-04-20',
      7,
    );
    assert.equal(found.reminders.length, 1);
  });
  test('a measure with a frequency in free text is listed as unscheduled, not reminded of', () => {
    const found = findReminders({ ...none, measures: [measure(5, 'as needed')] }, '2026-04-20', 7);
    assert.deepEqual(found, { reminders: [], unscheduledMeasures: [5] });
  });
});
