import assert from 'node:assert/strict';
import { test } from 'node:test';
import { page, report, run, textLine } from '../../../helpers/positioned-text.ts';
import { readImprovements } from '../../../../src/extract/parsers/ilacs/improvements.ts';

test('each bullet is one item, its wrapped lines joined and line-end hyphens kept', () => {
  const lines = report(
    page(
      2,
      textLine('What needs to improve?', 108),
      textLine('◼ The timeliness of strategy meetings and the recording of decision-', 134),
      textLine('making by managers.', 149, 89),
      textLine('◼ The help given to 16- and 17-year-olds who are homeless.', 175),
      textLine('◼ The support for children in care aged 16- and 17-', 202),
      textLine('year-olds who live in supported accommodation. (outcome 4, national framework)', 216, 89),
      textLine('The experiences and progress of children who need help and', 250),
      textLine('protection: good', 266),
    ),
  ).lines;
  assert.deepEqual(readImprovements(lines), [
    'The timeliness of strategy meetings and the recording of decision-making by managers.',
    'The help given to 16- and 17-year-olds who are homeless.',
    'The support for children in care aged 16- and 17-year-olds who live in supported accommodation. (outcome 4, national framework)',
  ]);
});

test('a suspended hyphen at a line end keeps its space before "and"', () => {
  const lines = report(
    page(
      2,
      textLine('What needs to improve', 108),
      textLine('◼ Services for 16-', 134),
      textLine('and 17-year-olds.', 149, 89),
      textLine('The impact of leaders on social work practice: good', 190),
    ),
  ).lines;
  assert.deepEqual(readImprovements(lines), ['Services for 16- and 17-year-olds.']);
});

test('bullets printed as symbol-font glyphs in their own runs, and second-level dashes', () => {
  const lines = report(
    page(
      2,
      textLine('What needs to improve', 398, 79),
      [run('\uf06e', 72, 427, 5), run('Services to care leavers, including:', 86, 427)],
      [run('\u2212', 104, 447, 5), run('suitable homes for young people', 115, 447)],
      [run('-', 104, 468, 5), run('health histories for every young person.', 115, 468)],
      [run('\uf06e', 72, 509, 5), run('The quality of plans.', 86, 509)],
    ),
  ).lines;
  assert.deepEqual(readImprovements(lines), [
    'Services to care leavers, including: - suitable homes for young people - health histories for every young person.',
    'The quality of plans.',
  ]);
});

test('a list running over a page break ends at the next heading, even an indented one', () => {
  const lines = report(
    page(
      2,
      textLine('What needs to improve:', 366),
      textLine('◼ The accuracy of self-evaluation.', 395),
      textLine('◼ The quality and consistency of assessments and', 445),
      textLine('children’s plans.', 459, 89),
    ),
    page(
      3,
      textLine('◼ Access to training for staff and foster carers.', 106),
      textLine('The experiences and progress of children who need help and protection', 140, 89),
      textLine('are: inadequate', 156, 89),
      textLine('1. The quality of practice has declined.', 190, 89),
    ),
  ).lines;
  assert.deepEqual(readImprovements(lines), [
    'The accuracy of self-evaluation.',
    'The quality and consistency of assessments and children’s plans.',
    'Access to training for staff and foster carers.',
  ]);
});

test('footnotes at a page foot and superscript markers are not part of the items', () => {
  const lines = report(
    page(
      2,
      textLine('What needs to improve?', 700),
      [run('1', 200, 695, 4, 9)],
      textLine('◼ The quality of plans for disabled children. (outcome 1, national', 725),
      [run('framework)', 89, 740, 50), run('2', 140, 739, 4, 8)],
      [
        run('1', 71, 770, 4, 6.5),
        run('The areas for improvement are cross-referenced with the national framework.', 78, 772, 300, 10),
      ],
    ),
    page(
      3,
      textLine('◼ The help for young carers.', 106),
      textLine('The experiences and progress of children who need help and', 140),
    ),
  ).lines;
  assert.deepEqual(readImprovements(lines), [
    'The quality of plans for disabled children. (outcome 1, national framework)',
    'The help for young carers.',
  ]);
});

test('the heading must stand alone: a sentence ending "What needs to improve?" is not it', () => {
  const lines = report(
    page(
      1,
      textLine('Care leavers are supported well, though more could be done. What needs to', 250),
      textLine('improve?', 265),
      textLine('What Needs to Improve', 308),
      textLine('◼ The response to homeless 16- and 17-year-olds.', 337),
      textLine('The experiences and progress of children who need help and', 421),
    ),
  ).lines;
  assert.deepEqual(readImprovements(lines), ['The response to homeless 16- and 17-year-olds.']);
});

test('a report with no such section has no items', () => {
  const lines = report(
    page(
      2,
      textLine('The experiences and progress of children who need help and', 108),
      textLine('protection: outstanding', 124),
    ),
  ).lines;
  assert.deepEqual(readImprovements(lines), []);
});

test('a section written as prose gives one item per paragraph', () => {
  const lines = report(
    page(
      2,
      textLine('What needs to improve', 108),
      textLine('Leaders should make sure that every child in need has a plan that is reviewed', 134),
      textLine('on time.', 149),
      textLine('Managers should record why decisions are made.', 180),
      textLine('The experiences and progress of children who need help and', 220),
    ),
  ).lines;
  assert.deepEqual(readImprovements(lines), [
    'Leaders should make sure that every child in need has a plan that is reviewed on time.',
    'Managers should record why decisions are made.',
  ]);
});
