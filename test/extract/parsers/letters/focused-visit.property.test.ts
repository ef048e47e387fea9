/**
 * Property tests: the facts of a focused-visit letter do not change with the ways real letters vary
 * in print (the opening paragraph, and so the visit's dates, wrapped at any word; items wrapped at
 * any width; any bullet and dash glyph; a page break anywhere in the lists; running headers and
 * footers).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isVisitLetter } from '../../../../src/domain/index.ts';
import { parseReportText } from '../../../../src/extract/extract-report.ts';
import { focusedVisitLetter, itemText, type LetterVariation } from '../../../helpers/letter-variations.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_MS = 86_400_000;
const VERBS = [
  'The quality of',
  'The timeliness of',
  'Management oversight of',
  'The consistency of',
  'Leaders’ understanding of',
];
const WORDS = [
  'pathway plans',
  'care leavers',
  'assessments',
  'visits',
  'the help offered',
  'for every young person',
  'and',
  'records',
  'supervision',
  'housing',
];

/** Printed date: "3 March 2024". */
function printed(time: number): string {
  const date = new Date(time);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
const iso = (time: number): string => new Date(time).toISOString().slice(0, 10);

const phrase = fc
  .tuple(fc.constantFrom(...VERBS), fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 18 }))
  .map(([head, words]) => `${head} ${words.join(' ')}.`);
const subPoint = fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 8 }).map((words) => words.join(' '));
const listItem = fc.record({ text: phrase, subPoints: fc.array(subPoint, { maxLength: 2 }) });
const NAMES = ['Robin Sample', 'Alex Placeholder', 'Sam Instance', 'Jo Demo'];

const facts = fc.record({
  // A visit on two consecutive days between 2019 and 2025, the letter 10 to 60 days later.
  visitStart: fc
    .integer({ min: Date.UTC(2019, 0, 1) / DAY_MS, max: Date.UTC(2025, 11, 1) / DAY_MS })
    .map((day) => day * DAY_MS),
  letterAfter: fc.integer({ min: 10, max: 60 }),
  inspectors: fc.shuffledSubarray(NAMES, { minLength: 1, maxLength: 3 }),
  priorityActions: fc.array(listItem, { maxLength: 3 }),
  improvements: fc.array(listItem, { minLength: 1, maxLength: 5 }),
});

const variation = fc.record({
  openingWidth: fc.integer({ min: 25, max: 100 }),
  itemWidth: fc.integer({ min: 30, max: 95 }),
  bullet: fc.constantFrom('\u2022', '\u25aa', '\u25fc', '\u25cf', '\uf0b7', '\uf06e', '\uf0a7', '\u2023'),
  dash: fc.constantFrom('-', '\u2013', '\u2014', '\u2212', '\u25e6', 'o'),
  pageBreakAfter: fc.integer({ min: 0, max: 40 }),
  furniture: fc.boolean(),
}) satisfies fc.Arbitrary<LetterVariation>;

/** "6 and 7 February 2024", or across a month's end "31 January and 1 February 2024". */
function visitDays(start: number): string {
  const first = new Date(start);
  const second = new Date(start + DAY_MS);
  if (first.getUTCFullYear() !== second.getUTCFullYear()) return `${printed(start)} and ${printed(start + DAY_MS)}`;
  if (first.getUTCMonth() !== second.getUTCMonth())
    return `${first.getUTCDate()} ${MONTHS[first.getUTCMonth()]} and ${printed(start + DAY_MS)}`;
  return `${first.getUTCDate()} and ${printed(start + DAY_MS)}`;
}

test('the facts read from a focused-visit letter do not change with wraps, bullet and dash glyphs, page breaks in its lists or page furniture', () => {
  fc.assert(
    fc.property(facts, variation, (drawn, varied) => {
      const letterTime = drawn.visitStart + (1 + drawn.letterAfter) * DAY_MS;
      const text = focusedVisitLetter(
        {
          letterDate: printed(letterTime),
          visitDays: visitDays(drawn.visitStart),
          inspectors: drawn.inspectors,
          priorityActions: drawn.priorityActions,
          improvements: drawn.improvements,
        },
        varied,
      );
      const read = parseReportText(text, 'x/2024-01-01.pdf');
      assert.ok(!('error' in read) && isVisitLetter(read), JSON.stringify(read));
      assert.equal(read.kind, 'focused-visit');
      assert.equal(read.letterDate, iso(letterTime));
      assert.equal(read.visitStart, iso(drawn.visitStart));
      assert.equal(read.visitEnd, iso(drawn.visitStart + DAY_MS));
      assert.deepEqual(read.inspectors, drawn.inspectors);
      assert.equal(read.leadInspector, drawn.inspectors[0]);
      assert.equal(read.focus, 'care leavers');
      assert.equal(read.theme, 'care-leavers');
      assert.equal(read.covidContext, false);
      assert.deepEqual(read.priorityActions, drawn.priorityActions.map(itemText));
      assert.deepEqual(read.recommendations, drawn.improvements.map(itemText));
      assert.deepEqual(read.warnings, []);
    }),
    { numRuns: 150 },
  );
});
