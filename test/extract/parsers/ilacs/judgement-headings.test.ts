import assert from 'node:assert/strict';
import { test } from 'node:test';
import { page, report, textLine } from '../../../helpers/positioned-text.ts';
import { readJudgementHeadings } from '../../../../src/extract/parsers/ilacs/judgement-headings.ts';

test('headings with a colon, wrapped over two lines, give each area’s grade', () => {
  const lines = report(
    page(
      2,
      textLine('The experiences and progress of children who need help and', 108),
      textLine('protection: requires improvement to be good', 124),
      textLine('1. Children and families get help early from a range of services.', 151),
      textLine('The experiences and progress of children in care: outstanding', 300),
      textLine('The experiences and progress of care leavers: good', 400),
      textLine('The impact of leaders on social work practice with children and families:', 500),
      textLine('good', 515),
    ),
  ).lines;
  assert.deepEqual(readJudgementHeadings(lines), [
    { area: 'helpAndProtection', combinedCareRow: false, grade: 'requires_improvement' },
    { area: 'childrenInCare', combinedCareRow: false, grade: 'outstanding' },
    { area: 'careLeavers', combinedCareRow: false, grade: 'good' },
    { area: 'leadership', combinedCareRow: false, grade: 'good' },
  ]);
});

test('the older headings say "is" or "are", and the joint care judgement is marked', () => {
  const lines = report(
    page(
      3,
      textLine('The experiences and progress of children in care and care', 226),
      textLine('leavers are good', 243),
      textLine('The impact of leaders on social work practice with children and', 622),
      textLine('families is inadequate', 639),
    ),
  ).lines;
  assert.deepEqual(readJudgementHeadings(lines), [
    { area: 'childrenInCare', combinedCareRow: true, grade: 'good' },
    { area: 'leadership', combinedCareRow: false, grade: 'inadequate' },
  ]);
});

test('a sentence that only starts like a heading is not one', () => {
  const lines = report(
    page(
      2,
      textLine('The experiences and progress of children in care have improved since the last', 300),
      textLine('inspection, and most now live in stable homes.', 315),
    ),
  ).lines;
  assert.deepEqual(readJudgementHeadings(lines), []);
});
