import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { DomainError } from '../errors.ts';
import {
  addMonths,
  addWorkingDays,
  bankHolidaysEnglandAndWales,
  easterSunday,
  formatUkDate,
  isWorkingDay,
  parseIsoDate,
  workingDaysBetween,
} from './index.ts';

const REFERENCE = new URL('../../../shared/reference/bank-holidays-ew-2012-2030.json', import.meta.url).pathname;
const referenceMissing = existsSync(REFERENCE)
  ? false
  : `needs the shared reference list at ${REFERENCE} (absent here)`;

describe('bank holidays against the gov.uk reference list (../shared)', { skip: referenceMissing }, () => {
  const reference = referenceMissing
    ? {}
    : (JSON.parse(readFileSync(REFERENCE, 'utf8')) as Record<string, { date: string }[]>);
  for (const [year, days] of Object.entries(reference)) {
    test(`${year}: every day matches`, () => {
      assert.deepEqual(
        bankHolidaysEnglandAndWales(Number(year)).map((holiday) => holiday.date),
        days.map((day) => day.date).sort(),
      );
    });
  }
  test('the reference covers 2012 to 2030', () => {
    assert.deepEqual(
      Object.keys(reference).map(Number),
      Array.from({ length: 19 }, (_, index) => 2012 + index),
    );
  });
});

describe('Easter and the weekend substitutions (DOMAIN.md test vectors (e))', () => {
  test('Easter Sunday', () => {
    for (const date of [
      '2013-03-31',
      '2016-03-27',
      '2019-04-21',
      '2024-03-31',
      '2027-03-28',
      '2029-04-01',
      '2030-04-21',
    ]) {
      assert.equal(easterSunday(Number(date.slice(0, 4))), date);
    }
  });
  const christmas = (year: number) =>
    bankHolidaysEnglandAndWales(year)
      .filter((holiday) => holiday.date.slice(5, 7) === '12')
      .map((holiday) => holiday.date.slice(8));
  test('Saturday Christmas: Monday 27 and Tuesday 28 December', () => {
    for (const year of [2021, 2027]) assert.deepEqual(christmas(year), ['27', '28']);
  });
  test('Sunday Christmas: Monday 26 and Tuesday 27 December', () => {
    for (const year of [2016, 2022]) assert.deepEqual(christmas(year), ['26', '27']);
  });
  test('Friday Christmas: Friday 25 and Monday 28 December', () => {
    for (const year of [2015, 2020, 2026]) assert.deepEqual(christmas(year), ['25', '28']);
  });
  const newYear = (year: number) => bankHolidaysEnglandAndWales(year)[0]!.date;
  test('Saturday New Year: Monday 3 January; Sunday New Year: Monday 2 January', () => {
    assert.deepEqual([2022, 2028].map(newYear), ['2022-01-03', '2028-01-03']);
    assert.deepEqual([2012, 2017, 2023].map(newYear), ['2012-01-02', '2017-01-02', '2023-01-02']);
  });
  test('the one-off days move or add holidays only in their own year', () => {
    const dates = (year: number) => bankHolidaysEnglandAndWales(year).map((holiday) => holiday.date);
    assert.ok(
      dates(2012).includes('2012-06-04') && dates(2012).includes('2012-06-05') && !dates(2012).includes('2012-05-28'),
    );
    assert.ok(dates(2020).includes('2020-05-08') && !dates(2020).includes('2020-05-04'));
    assert.ok(
      dates(2022).includes('2022-06-02') &&
        dates(2022).includes('2022-06-03') &&
        dates(2022).includes('2022-09-19') &&
        !dates(2022).includes('2022-05-30'),
    );
    assert.ok(dates(2023).includes('2023-05-08') && dates(2023).includes('2023-05-01'));
    assert.ok(dates(2011).includes('2011-04-29'));
    assert.equal(dates(2033).length, 8);
  });
  test('computes every year from 2010 to 2040 and refuses others', () => {
    for (let year = 2010; year <= 2040; year++) assert.ok(bankHolidaysEnglandAndWales(year).length >= 8);
    assert.throws(() => bankHolidaysEnglandAndWales(2009), DomainError);
    assert.throws(() => bankHolidaysEnglandAndWales(2041), /2010 to 2040/);
  });
});

describe('working days (DOMAIN.md test vectors (a)-(c))', () => {
  test('Derby: published Tuesday 13 June 2017, 70 working days later is Wednesday 20 September 2017', () => {
    assert.equal(addWorkingDays('2017-06-13', 70), '2017-09-20');
    assert.equal(workingDaysBetween('2017-06-13', '2017-09-20'), 70);
  });
  test('Blackburn with Darwen: published 8 December 2017, +70 is 21 March 2018 and +20 is 10 January 2018', () => {
    assert.equal(addWorkingDays('2017-12-08', 70), '2018-03-21');
    assert.equal(addWorkingDays('2017-12-08', 20), '2018-01-10');
  });
  test('Blackburn with Darwen fieldwork: 19 working days inclusive from Monday 25 September to Thursday 19 October 2017', () => {
    assert.equal(workingDaysBetween('2017-09-24', '2017-10-19'), 19);
  });
  const vectors: [string, string, string, string][] = [
    ['2012-05-25', '2012-06-26', '2012-07-10', '2012-09-05'],
    ['2020-04-30', '2020-06-01', '2020-06-15', '2020-08-10'],
    ['2021-12-20', '2022-01-20', '2022-02-03', '2022-03-31'],
    ['2022-05-20', '2022-06-21', '2022-07-05', '2022-08-31'],
    ['2022-09-01', '2022-09-30', '2022-10-14', '2022-12-09'],
    ['2023-04-20', '2023-05-22', '2023-06-06', '2023-08-01'],
    ['2026-05-18', '2026-06-16', '2026-06-30', '2026-08-25'],
    ['2026-07-07', '2026-08-04', '2026-08-18', '2026-10-14'],
  ];
  for (const [anchor, plus20, plus30, plus70] of vectors) {
    test(`${anchor}: +20 ${plus20}, +30 ${plus30}, +70 ${plus70}`, () => {
      assert.equal(addWorkingDays(anchor, 20), plus20);
      assert.equal(addWorkingDays(anchor, 30), plus30);
      assert.equal(addWorkingDays(anchor, 70), plus70);
      assert.equal(workingDaysBetween(anchor, plus70), 70);
    });
  }
  test('weekends, bank holidays, Good Friday and Christmas Day are not working days', () => {
    assert.equal(isWorkingDay('2017-06-13'), true);
    assert.equal(isWorkingDay('2017-06-17'), false);
    assert.equal(isWorkingDay('2017-08-28'), false);
    assert.equal(isWorkingDay('2018-03-30'), false);
    assert.equal(isWorkingDay('2017-12-25'), false);
  });
  test('day 1 is the first working day after the start, and 0 days is the start itself', () => {
    assert.equal(addWorkingDays('2017-06-16', 1), '2017-06-19');
    assert.equal(addWorkingDays('2017-06-17', 0), '2017-06-17');
    assert.equal(workingDaysBetween('2017-09-20', '2017-06-13'), -70);
    assert.equal(workingDaysBetween('2017-06-13', '2017-06-13'), 0);
  });
  test('bad input gets a clear error', () => {
    assert.throws(() => addWorkingDays('2017-02-30', 5), {
      code: 'invalid-date',
      message: /2017-02-30 does not exist/,
    });
    assert.throws(() => addWorkingDays('13/06/2017', 5), { code: 'invalid-date', message: /YYYY-MM-DD/ });
    assert.throws(() => addWorkingDays('2017-06-13', -1), { code: 'invalid-count', message: /0 or more/ });
    assert.throws(() => addWorkingDays('2017-06-13', 1.5), { code: 'invalid-count' });
    assert.throws(() => isWorkingDay('2045-01-02'), { code: 'year-out-of-range' });
  });
});

describe('date helpers', () => {
  test('parseIsoDate accepts real dates only', () => {
    assert.equal(parseIsoDate('2024-02-29'), '2024-02-29');
    assert.throws(() => parseIsoDate('2023-02-29'), DomainError);
  });
  test('addMonths keeps the day or falls back to the month end', () => {
    assert.equal(addMonths('2017-03-06', 36), '2020-03-06');
    assert.equal(addMonths('2019-08-31', 6), '2020-02-29');
    assert.equal(addMonths('2020-03-06', -6), '2019-09-06');
  });
  test('formatUkDate', () => {
    assert.equal(formatUkDate('2017-06-13', { withWeekday: true }), 'Tuesday 13 June 2017');
    assert.equal(formatUkDate('2018-03-21'), '21 March 2018');
  });
});
