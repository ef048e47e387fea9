import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkInvariants, type ReadingContext, type ReportFacts } from '../../src/extract/invariants.ts';

const sif: ReportFacts = {
  framework: 'SIF',
  version: 'SIF',
  kind: 'sif',
  localAuthority: 'Anytown',
  inspectionStart: '2016-10-03',
  inspectionEnd: '2016-10-27',
  published: '2016-12-09',
  leadInspector: 'Jane Example',
  judgements: {
    overall: 'good',
    helpAndProtection: 'good',
    childrenInCare: 'good',
    adoption: 'good',
    careLeavers: 'good',
    leadership: 'good',
    lscb: 'requires_improvement',
  },
  recommendations: ['Ensure that plans say what will change.', 'Improve the quality of audits.'],
  lscbRecommendations: ['Evaluate the impact of training.', 'The board should publish its annual report on time.'],
};

const codes = (facts: ReportFacts, context: ReadingContext = { reviewsLscb: true }) =>
  checkInvariants(facts, context).map((warning) => warning.code);

test('a complete SIF report with its LSCB review breaks no invariant', () => {
  assert.deepEqual(checkInvariants(sif, { reviewsLscb: true }), []);
});

test('a missing lead inspector is a warning, never an empty name', () => {
  assert.deepEqual(codes({ ...sif, leadInspector: null }), ['missing-lead-inspector']);
  assert.deepEqual(codes({ ...sif, leadInspector: ' ' }), ['missing-lead-inspector']);
});

test('each judgement a SIF report makes must be read, unless printed "Not judged"; the LSCB only when the title reviews it', () => {
  const { adoption: _adoption, lscb: _lscb, ...fewer } = sif.judgements;
  const warnings = checkInvariants({ ...sif, judgements: fewer }, { reviewsLscb: true });
  assert.deepEqual(
    warnings.map((warning) => warning.code),
    ['missing-judgement', 'missing-judgement'],
  );
  assert.match(warnings[0]!.message, /Adoption performance/);
  assert.deepEqual(
    checkInvariants(
      { ...sif, judgements: fewer, lscbRecommendations: [] },
      { reviewsLscb: false, notJudged: ['adoption'] },
    ),
    [],
  );
});

test('ILACS judges the areas of its version', () => {
  const ilacs: ReportFacts = {
    ...sif,
    framework: 'ILACS',
    version: 'ILACS-2023',
    kind: 'ilacs-standard',
    published: null,
    judgements: { leadership: 'good', helpAndProtection: 'good', childrenInCare: 'good', overall: 'good' },
    lscbRecommendations: [],
  };
  const warnings = checkInvariants(ilacs);
  assert.deepEqual(
    warnings.map((warning) => warning.code),
    ['missing-judgement'],
  );
  assert.match(warnings[0]!.message, /care leavers/);
  assert.deepEqual(checkInvariants({ ...ilacs, version: 'ILACS-2018' }), []);
});

test('recommendations are expected unless every judgement is outstanding; an outstanding LSCB may have none', () => {
  assert.deepEqual(codes({ ...sif, recommendations: [] }), ['missing-recommendations']);
  const outstanding = Object.fromEntries(Object.keys(sif.judgements).map((area) => [area, 'outstanding']));
  assert.deepEqual(codes({ ...sif, judgements: outstanding, recommendations: [], lscbRecommendations: [] }), []);
  assert.deepEqual(codes({ ...sif, lscbRecommendations: [] }), ['missing-lscb-recommendations']);
});

test('on-site periods longer than the kind lasts, and publication before the visit ended, are flagged', () => {
  assert.deepEqual(codes({ ...sif, inspectionStart: '2016-01-04' }), ['implausible-dates']);
  assert.deepEqual(codes({ ...sif, published: '2016-10-20' }), ['implausible-dates']);
  assert.deepEqual(codes({ ...sif, published: '2018-01-20' }), ['implausible-dates']);
});

test('an item that starts or ends mid-sentence is flagged; a list of lower-case phrases is as printed', () => {
  const cut = {
    ...sif,
    recommendations: [
      'Ensure that plans say what will change.',
      'Improve the quality of',
      'audits and plans.',
      'Review every closed case.',
    ],
  };
  assert.deepEqual(codes(cut), ['item-ends-mid-sentence', 'item-starts-mid-sentence']);
  const phrases = {
    ...sif,
    recommendations: ['the quality of plans', 'the response to neglect', 'supervision of staff'],
  };
  assert.deepEqual(codes(phrases), []);
});

test('an LSCB item that states a finding, with no call to act, is not a recommendation to the board', () => {
  const warnings = checkInvariants(
    {
      ...sif,
      lscbRecommendations: ['Evaluate the impact of training.', 'The board has a clear understanding of its partners.'],
    },
    { reviewsLscb: true },
  );
  assert.deepEqual(
    warnings.map((warning) => warning.code),
    ['lscb-item-not-about-board'],
  );
  assert.match(warnings[0]!.message, /LSCB recommendation 2/);
  assert.deepEqual(
    codes({
      ...sif,
      lscbRecommendations: [
        'The inspection did not find any areas for priority action.',
        'To improve the learning from audits, publish them.',
      ],
    }),
    [],
  );
});
