import assert from 'node:assert/strict';
import { test } from 'node:test';
import { page, report, run, textLine } from '../../../helpers/positioned-text.ts';
import {
  readLeadInspectors,
  readCouncilName,
  readOnSitePeriod,
} from '../../../../src/extract/parsers/ilacs/front-page.ts';

function frontLines(...lines: ReturnType<typeof textLine>[]) {
  return report(page(1, ...lines)).lines;
}

test('the title "Inspection of X local authority children’s services" names X', () => {
  const lines = frontLines(
    textLine('Inspection of North Anyshire', 156),
    textLine('local authority children’s services', 187),
    textLine('Inspection dates: 6 to 17 May 2024', 216),
  );
  assert.equal(readCouncilName(lines), 'North Anyshire');
});

test('the older title prints the council above "Inspection of children’s social care services"', () => {
  const lines = frontLines(
    textLine('Anytown Borough Council', 152),
    textLine('Inspection of children’s social care services', 193),
    textLine('Inspection dates: 4 June 2018 to 15 June 2018', 223),
  );
  assert.equal(readCouncilName(lines), 'Anytown Borough Council');
});

test('a leading "the" of the title is not part of the name', () => {
  const lines = frontLines(
    textLine('Inspection of the Royal Borough of Anyplace', 156),
    textLine('local authority children’s services', 187),
    textLine('Inspection dates: 6 to 17 May 2024', 216),
  );
  assert.equal(readCouncilName(lines), 'Royal Borough of Anyplace');
});

test('on-site dates with the month and year printed once', () => {
  const period = readOnSitePeriod(frontLines(textLine('Inspection dates: 7 to 18 January 2019', 216)));
  assert.deepEqual({ start: period?.start, end: period?.end }, { start: '2019-01-07', end: '2019-01-18' });
});

test('on-site dates across a year end, written in full', () => {
  const period = readOnSitePeriod(frontLines(textLine('Inspection dates: 27 November 2023 to 8 December 2023', 216)));
  assert.deepEqual({ start: period?.start, end: period?.end }, { start: '2023-11-27', end: '2023-12-08' });
});

test('a singular "Inspection date:" with a dash', () => {
  const period = readOnSitePeriod(frontLines(textLine('Inspection date: 11 – 22 July 2022', 216)));
  assert.deepEqual({ start: period?.start, end: period?.end }, { start: '2022-07-11', end: '2022-07-22' });
});

test('a split on-site period runs from the first day to the last, and its parts are kept', () => {
  const period = readOnSitePeriod(
    frontLines(textLine('Inspection dates: 30 September to 11 October 2024 and 13 to 16 January 2025', 216)),
  );
  assert.deepEqual(period, {
    start: '2024-09-30',
    end: '2025-01-16',
    parts: [
      { start: '2024-09-30', end: '2024-10-11' },
      { start: '2025-01-13', end: '2025-01-16' },
    ],
  });
});

test('a part printed without a year that ends in December belongs to the year before the next part', () => {
  const period = readOnSitePeriod(
    frontLines(textLine('Inspection dates: 15 to 19 December and 12 to 16 January 2026', 216)),
  );
  assert.deepEqual(period?.parts, [
    { start: '2025-12-15', end: '2025-12-19' },
    { start: '2026-01-12', end: '2026-01-16' },
  ]);
});

test('no dates line gives no period', () => {
  assert.equal(readOnSitePeriod(frontLines(textLine('Inspection of Anyshire local authority', 156))), undefined);
});

test('the lead inspector without the title printed after the name', () => {
  assert.equal(
    readLeadInspectors(frontLines(textLine('Lead inspector: Jo Example, His Majesty’s Inspector', 243))),
    'Jo Example',
  );
  assert.equal(readLeadInspectors(frontLines(textLine('Lead inspector: Sam Sample HMI', 243))), 'Sam Sample');
  assert.equal(
    readLeadInspectors(
      frontLines(textLine('Lead inspector on site: Sam Sample HMI   Report author: Ann Person HMI', 243)),
    ),
    'Sam Sample',
  );
});

test('the older layout puts the title on an indented line below the name', () => {
  const lines = frontLines(
    textLine('Lead inspector: Jo Example', 252, 72),
    [run('Her Majesty’s Inspector', 176, 266)],
    [run('Judgement', 79, 310), run('Grade', 395, 310)],
  );
  assert.equal(readLeadInspectors(lines), 'Jo Example');
});

test('two lead inspectors are joined with "; "', () => {
  const lines = frontLines(
    textLine('Lead inspectors: Jo Example, His Majesty’s Inspector, and Sam Sample,', 243),
    textLine('His Majesty’s Inspector', 258),
    [run('Judgement', 77, 282), run('Grade', 303, 282)],
  );
  assert.equal(readLeadInspectors(lines), 'Jo Example; Sam Sample');
});

test('a report that names no lead inspector gives null', () => {
  const lines = frontLines(textLine('Inspection dates: 2 to 6 June 2025', 216), [
    run('Judgement', 77, 282),
    run('Grade', 303, 282),
  ]);
  assert.equal(readLeadInspectors(lines), null);
});
