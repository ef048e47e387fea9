import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDateRange, parseDayMonthYear, parseGrade, plain } from './common.ts';

test('reads a single date with or without ordinals and weekdays', () => {
  assert.equal(parseDayMonthYear('Report published: 13 June 2017'), '2017-06-13');
  assert.equal(parseDayMonthYear('Tuesday 1st March 2016'), '2016-03-01');
  assert.equal(parseDayMonthYear('30 February 2017'), undefined);
});

test('reads on-site periods in the shapes reports print', () => {
  assert.deepEqual(parseDateRange('6 March 2017\u201330 March 2017'), { start: '2017-03-06', end: '2017-03-30' });
  assert.deepEqual(parseDateRange('17 March to 21 March 2025'), { start: '2025-03-17', end: '2025-03-21' });
  assert.deepEqual(parseDateRange('7 to 18 January 2019'), { start: '2019-01-07', end: '2019-01-18' });
  assert.deepEqual(parseDateRange('27 November to 8 December 2017'), { start: '2017-11-27', end: '2017-12-08' });
  assert.deepEqual(parseDateRange('27 November 2017 to 8 December 2017'), { start: '2017-11-27', end: '2017-12-08' });
});

test('a split on-site period runs from the first day to the last', () => {
  assert.deepEqual(parseDateRange('12 to 16 May and 2 to 6 June 2025'), { start: '2025-05-12', end: '2025-06-06' });
});

test('a range that ends before it starts or has no year is refused', () => {
  assert.equal(parseDateRange('18 to 7 January 2019'), undefined);
  assert.equal(parseDateRange('7 to 18 January'), undefined);
});

test('grades are read from any wording Ofsted used', () => {
  assert.equal(parseGrade('Requires improvement to be good'), 'requires_improvement');
  assert.equal(parseGrade('require improvement'), 'requires_improvement');
  assert.equal(parseGrade('OUTSTANDING'), 'outstanding');
  assert.equal(parseGrade('Good'), 'good');
  assert.equal(parseGrade('Inadequate'), 'inadequate');
  assert.equal(parseGrade('Not judged'), undefined);
});

test('typographic quotes and dashes are made plain', () => {
  assert.equal(plain('children\u2019s \u201cservices\u201d \u2013 now'), 'children\'s "services" - now');
});
