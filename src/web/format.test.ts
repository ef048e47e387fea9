import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  gradeShort,
  gradeWording,
  kindLabel,
  ordinal,
  percent,
  plural,
  ukDate,
  ukDateRange,
  ukDateShort,
} from './format.ts';

test('UK dates: "13 June 2017"', () => {
  assert.equal(ukDate('2017-06-13'), '13 June 2017');
  assert.equal(ukDate('2018-03-01'), '1 March 2018');
  assert.equal(ukDate(null), '');
  assert.equal(ukDate('not a date'), 'not a date');
  assert.equal(ukDateShort('2023-09-04'), '4 Sept 2023');
});

test('on-site periods name the month and year once when they can', () => {
  assert.equal(ukDateRange('2023-07-03', '2023-07-14'), '3 to 14 July 2023');
  assert.equal(ukDateRange('2022-06-27', '2022-07-08'), '27 June to 8 July 2022');
  assert.equal(ukDateRange('2019-12-02', '2020-01-10'), '2 December 2019 to 10 January 2020');
  assert.equal(ukDateRange('2021-05-05', '2021-05-05'), '5 May 2021');
});

test('grades as Ofsted prints them, and short', () => {
  assert.equal(gradeWording('requires_improvement'), 'Requires improvement to be good');
  assert.equal(gradeShort('requires_improvement'), 'Requires improvement');
  assert.equal(gradeWording('adequate'), '');
  assert.equal(kindLabel('ilacs-short'), 'ILACS short inspection');
});

test('whole percentages and plurals', () => {
  assert.equal(percent(45.5), '46%');
  assert.equal(percent(0), '0%');
  assert.equal(percent(undefined), '');
  assert.equal(plural(1, 'council'), '1 council');
  assert.equal(plural(1234, 'council'), '1,234 councils');
});

test('ordinals', () => {
  assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal), [
    '1st',
    '2nd',
    '3rd',
    '4th',
    '11th',
    '12th',
    '13th',
    '21st',
    '22nd',
    '23rd',
    '101st',
    '111th',
  ]);
});
