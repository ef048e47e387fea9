import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayNumber, fromDayNumber, isIsoDate } from './iso-date.ts';

const DAY_MS = 86_400_000;

test('dayNumber counted from the digits agrees with the JavaScript calendar: every day from 1890 to 2110, every 97th from 0100 to 9999', () => {
  const first = Math.round(Date.parse('0100-01-01T00:00:00Z') / DAY_MS);
  const last = Math.round(Date.parse('9999-12-31T00:00:00Z') / DAY_MS);
  const busyFrom = Math.round(Date.parse('1890-01-01T00:00:00Z') / DAY_MS);
  const busyTo = Math.round(Date.parse('2110-12-31T00:00:00Z') / DAY_MS);
  for (let day = first; day <= last; day += day >= busyFrom && day <= busyTo ? 1 : 97) {
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayNumber(date) !== day) assert.fail(`${date}: ${dayNumber(date)}, not ${day}`);
    if (fromDayNumber(dayNumber(date)) !== date) assert.fail(`${date} does not come back from its day number`);
  }
});

test('leap days, month ends and strings that are no date', () => {
  assert.equal(dayNumber('1970-01-01'), 0);
  assert.equal(dayNumber('2000-02-29') + 1, dayNumber('2000-03-01'));
  assert.equal(dayNumber('1900-02-28') + 1, dayNumber('1900-03-01'));
  for (const date of ['2016-02-29', '2000-02-29', '2017-04-30', '0100-01-01', '9999-12-31'])
    assert.ok(isIsoDate(date), date);
  for (const date of [
    '2017-02-29',
    '1900-02-29',
    '2017-04-31',
    '2017-13-01',
    '2017-00-10',
    '2017-1-01',
    '0099-12-31',
    'soon',
  ])
    assert.ok(!isIsoDate(date), date);
  assert.ok(Number.isNaN(dayNumber('soon')));
});
