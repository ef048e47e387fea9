/**
 * Property tests: the facts of a SIF report do not change with the ways real reports vary in print
 * (dates and grade cells wrapped at any word, lines of any width, a page break anywhere in a list,
 * any bullet glyph, running headers and footers, the early list parts, item numbers printed apart,
 * qualified lead inspector labels, and the LSCB review joined as a separately paginated report).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { GRADES, isVisitLetter } from '../../../../src/domain/index.ts';
import { parseReportText } from '../../../../src/extract/extract-report.ts';
import { sifReport, type SifFacts, type SifVariation } from '../../../helpers/sif-report.ts';

const grade = fc.constantFrom(...GRADES);
const VERBS = ['Ensure', 'Improve', 'Strengthen', 'Review', 'Develop', 'Evaluate'];
const WORDS = [
  'plans',
  'children',
  'the quality of',
  'managers',
  'multi-agency',
  'audits',
  'return interviews',
  'timely',
  'supervision',
  'records',
  'and',
  'for every child',
];

/** A recommendation as reports word them: a verb, words, a full stop. */
const item = fc
  .tuple(fc.constantFrom(...VERBS), fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 24 }))
  .map(([verb, words]) => `${verb} ${words.join(' ')} each month.`);

const DATE_TEXTS = [
  { text: '3 October 2016 - 27 October 2016', start: '2016-10-03', end: '2016-10-27' },
  { text: '4 November-26 November 2013 and 13 – 15 January 2014', start: '2013-11-04', end: '2014-01-15' },
  { text: '14 January – 5 February 2014', start: '2014-01-14', end: '2014-02-05' },
  { text: '12 March 2016', start: '2016-03-12', end: '2016-03-12' },
];

const facts = fc.record({
  dates: fc.constantFrom(...DATE_TEXTS),
  overall: grade,
  grades: fc.record({
    helpAndProtection: grade,
    childrenInCare: grade,
    adoption: grade,
    careLeavers: grade,
    leadership: grade,
  }),
  lscb: grade,
  recommendations: fc.array(item, { minLength: 1, maxLength: 8 }),
  lscbRecommendations: fc.array(item, { minLength: 1, maxLength: 5 }),
});

const linesPerCell = fc.integer({ min: 1, max: 4 });
const variation = fc.record({
  datesWrapAt: fc.integer({ min: 1, max: 12 }),
  gradeLines: fc.record({
    helpAndProtection: linesPerCell,
    childrenInCare: linesPerCell,
    adoption: linesPerCell,
    careLeavers: linesPerCell,
    leadership: linesPerCell,
  }),
  lineWidth: fc.integer({ min: 40, max: 90 }),
  laPageBreakAfter: fc.integer({ min: 0, max: 40 }),
  bullet: fc.constantFrom('\uf06e', '\uf0b7', '\u2022', '\u25aa', '\u2013', '-', '\u0336', '\u27a2'),
  furniture: fc.boolean(),
  joinedLscbReview: fc.boolean(),
  leadLabel: fc.constantFrom('plain' as const, 'on-site-beside-author' as const, 'on-site-below-author' as const),
  listParts: fc.boolean(),
  loneNumbers: fc.boolean(),
}) satisfies fc.Arbitrary<SifVariation>;

test('the facts read from a SIF report do not change with wraps, page breaks, bullet glyphs, page furniture, list parts, lead labels or a joined LSCB review', () => {
  fc.assert(
    fc.property(facts, variation, (drawn, varied) => {
      const printed: SifFacts = {
        localAuthority: 'Anytown',
        datesText: drawn.dates.text,
        published: '9 December 2016',
        lead: 'Jane Example',
        overall: drawn.overall,
        grades: drawn.grades,
        lscb: drawn.lscb,
        recommendations: drawn.recommendations,
        lscbRecommendations: drawn.lscbRecommendations,
      };
      const read = parseReportText(sifReport(printed, varied), 'x/2016-12-09.pdf');
      assert.ok(!('error' in read) && !isVisitLetter(read), JSON.stringify(read));
      assert.equal(read.inspectionStart, drawn.dates.start);
      assert.equal(read.inspectionEnd, drawn.dates.end);
      assert.equal(read.published, '2016-12-09');
      assert.equal(read.leadInspector, 'Jane Example');
      assert.deepEqual(read.judgements, { overall: drawn.overall, ...drawn.grades, lscb: drawn.lscb });
      assert.deepEqual(read.recommendations, drawn.recommendations);
      assert.deepEqual(read.lscbRecommendations, drawn.lscbRecommendations);
      assert.deepEqual(
        read.warnings.filter((warning) => warning.code !== 'implausible-dates'),
        [],
      );
    }),
    { numRuns: 200 },
  );
});
