import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ilacsParser, kindOf } from '../../../src/extract/parsers/ilacs.parser.ts';
import { cells, frontPage, page, report, run, table2023, textLine } from '../../helpers/positioned-text.ts';

const GOOD = { leaders: 'Good', help: 'Good', care: 'Good', leavers: 'Good', overall: 'Good' };

const improvementsPage = page(
  2,
  textLine('What needs to improve?', 108),
  textLine('◼ The consistency of management oversight of children’s plans.', 134),
  textLine('◼ The offer to care leavers aged over 21.', 160),
  textLine('The experiences and progress of children who need help and', 200),
  textLine('protection: good', 216),
);

test('an ILACS-2023 report: every field of the contract', () => {
  const parsed = ilacsParser.parse(
    report(frontPage({ table: table2023({ ...GOOD, leavers: 'Requires improvement to be good' }) }), improvementsPage),
  );
  assert.deepEqual(parsed, {
    framework: 'ILACS',
    version: 'ILACS-2023',
    kind: 'ilacs-standard',
    localAuthority: 'Anyshire',
    inspectionStart: '2024-05-06',
    inspectionEnd: '2024-05-17',
    published: null,
    leadInspector: 'Jo Example',
    judgements: {
      leadership: 'good',
      helpAndProtection: 'good',
      childrenInCare: 'good',
      careLeavers: 'requires_improvement',
      overall: 'good',
    },
    recommendations: [
      'The consistency of management oversight of children’s plans.',
      'The offer to care leavers aged over 21.',
    ],
    lscbRecommendations: [],
    reading: { notJudged: [] },
  });
});

test('a joint "children in care and care leavers" row makes the report ILACS-2018, graded as childrenInCare', () => {
  const table = [
    cells('The impact of leaders on social work', 315, 'Good'),
    cells('practice with children and families', 329),
    cells('The experiences and progress of', 356, 'Good'),
    cells('children who need help and protection', 371),
    cells('The experiences and progress of', 398, 'Inadequate'),
    cells('children in care and care leavers', 412),
    cells('Overall effectiveness', 439, 'Inadequate'),
  ];
  const parsed = ilacsParser.parse(report(frontPage({ dates: '4 to 8 March 2019', table }), improvementsPage));
  assert.equal(parsed.version, 'ILACS-2018');
  assert.equal(parsed.kind, 'ilacs-short');
  assert.deepEqual(parsed.judgements, {
    leadership: 'good',
    helpAndProtection: 'good',
    childrenInCare: 'inadequate',
    overall: 'inadequate',
  });
});

test('no overall effectiveness row makes the report ILACS-2026', () => {
  const table = table2023(GOOD).filter((line) => !line.some((r) => r.text.startsWith('Overall')));
  const parsed = ilacsParser.parse(report(frontPage({ dates: '27 April to 1 May 2026', table }), improvementsPage));
  assert.equal(parsed.version, 'ILACS-2026');
  assert.equal(parsed.judgements.overall, undefined);
  assert.equal(parsed.judgements.careLeavers, 'good');
});

test('a grade the table leaves unread is taken from the body heading', () => {
  const table = table2023(GOOD).map((line) => line.filter((r) => !(r.y === 356 && r.x === 303)));
  const parsed = ilacsParser.parse(report(frontPage({ table }), improvementsPage));
  assert.equal(parsed.judgements.helpAndProtection, 'good');
});

test('the kind follows the time on site: one week short, two weeks standard', () => {
  assert.equal(kindOf([{ start: '2024-03-11', end: '2024-03-15' }]), 'ilacs-short');
  assert.equal(kindOf([{ start: '2023-07-11', end: '2023-07-13' }]), 'ilacs-short');
  assert.equal(kindOf([{ start: '2024-03-04', end: '2024-03-15' }]), 'ilacs-standard');
  assert.equal(kindOf([{ start: '2019-06-03', end: '2019-06-19' }]), 'ilacs-standard');
});

test('a split period: two separate weeks are standard, a week with a short return visit is short', () => {
  assert.equal(
    kindOf([
      { start: '2025-05-05', end: '2025-05-09' },
      { start: '2025-05-19', end: '2025-05-23' },
    ]),
    'ilacs-standard',
  );
  assert.equal(
    kindOf([
      { start: '2025-05-05', end: '2025-05-09' },
      { start: '2025-06-10', end: '2025-06-12' },
    ]),
    'ilacs-short',
  );
  const split = ilacsParser.parse(
    report(
      frontPage({ dates: '30 September to 11 October 2024 and 13 to 16 January 2025', table: table2023(GOOD) }),
      improvementsPage,
    ),
  );
  assert.deepEqual(
    [split.kind, split.inspectionStart, split.inspectionEnd],
    ['ilacs-standard', '2024-09-30', '2025-01-16'],
  );
});

test('recognises ILACS reports and nothing else', () => {
  assert.equal(ilacsParser.recognises(report(frontPage({ table: table2023(GOOD) }))), true);
  const sif = report(
    page(
      1,
      textLine('Anyshire County Council', 120),
      textLine('Inspection of services for children in need of help and', 145),
      textLine('protection, children looked after and care leavers', 162),
      textLine('Inspection date: 6 July 2015 – 30 July 2015', 247),
      textLine('Report published: 19 October 2015', 270),
      [run('1. Children who need help and protection', 71, 441), run('Requires improvement', 388, 441)],
    ),
  );
  assert.equal(ilacsParser.recognises(sif), false);
  const lookedAfter2013 = report(
    page(
      1,
      textLine('Inspection of looked after children services', 120),
      textLine('Inspection dates: 1 – 12 July 2013', 150),
      [run('Overall effectiveness', 71, 300), run('Adequate', 388, 300)],
    ),
  );
  assert.equal(ilacsParser.recognises(lookedAfter2013), false);
});

test('a recognised report whose dates cannot be read is a clear error', () => {
  assert.throws(() => ilacsParser.parse(report(frontPage({ dates: 'to be confirmed', table: table2023(GOOD) }))), {
    code: 'unsupported-report',
  });
});
