import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowCells as cells, rowsReport as report, row } from '../../../helpers/positioned-text.ts';
import { readList } from '../../../../src/extract/parsers/sif/recommendation-list.ts';

test('an introduction before the first item is skipped; topic headings, with or without a colon, split the list but do not end it', () => {
  const text = report([
    row(105, 71, 'Recommendations', 14.04),
    row(130, 71, 'The following recommendations are those that inspectors considered to be the'),
    row(145, 71, 'priorities for the council. They do not address every finding in this report.'),
    row(172, 71, 'Care leavers:'),
    cells(199, [71, '1.'], [99, 'Ensure that every care leaver has a pathway plan. (Para 31)']),
    row(226, 71, 'Missing children'),
    cells(253, [71, '2.'], [99, 'Offer a return interview to every child who goes missing.']),
    row(290, 71, 'Summary for children and young people', 14.04),
    cells(317, [71, '\uf06e'], [89, 'Social workers visit children often.']),
  ]);
  assert.deepEqual(readList(text.lines, 0, 12), [
    'Ensure that every care leaver has a pathway plan. (Para 31)',
    'Offer a return interview to every child who goes missing.',
  ]);
});

test('an item carries over a page set with a different left margin; a sentence introducing strengths ends the list', () => {
  const text = report(
    [
      row(105, 71, 'What does the local authority need to improve?', 14.04),
      cells(131, [71, '17.'], [99, 'Ensure that all staff receive regular supervision as appropriate for their']),
    ],
    [
      row(90, 114, 'experience and ability.'),
      row(116, 85, 'The local authority has the following strengths:'),
      cells(143, [85, '19.'], [114, 'Senior leaders know the service well.']),
    ],
  );
  // On page 2 the margin is 85: the sentence there is at the left edge, not hanging under the item.
  assert.deepEqual(readList(text.lines, 0, 12), [
    'Ensure that all staff receive regular supervision as appropriate for their experience and ability.',
  ]);
});

test('wrapped lines join with spaces, line-end hyphens are kept and joined, footnote markers and echoed headings are dropped', () => {
  const text = report([
    row(105, 71, 'Recommendations', 14.04),
    cells(131, [71, '1.'], [99, 'Strengthen the multi-']),
    { y: 142, cells: [[190, '2']], height: 7 },
    row(146, 99, 'agency response to children at risk of exploitation. Areas for improvement'),
    row(173, 71, 'Areas for improvement'),
    cells(200, [71, '2.'], [99, 'Improve the quality of plans.']),
  ]);
  assert.deepEqual(readList(text.lines, 0, 12), [
    'Strengthen the multi-agency response to children at risk of exploitation.',
    'Improve the quality of plans.',
  ]);
});
