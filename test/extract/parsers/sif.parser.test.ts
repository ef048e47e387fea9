import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sifParser } from '../../../src/extract/parsers/sif.parser.ts';
import { rowCells as cells, rowsReport as report, row, type Row } from '../../helpers/positioned-text.ts';

const NAME = 26;
const TITLE = 14.04;
const HEADING = 14.04;

/** Page 1 of a 2016-style combined report: name, title with the LSCB review, dates, headline, table. */
function laterTitlePage(options: { name?: string; reinspection?: boolean; withLscb?: boolean } = {}): Row[] {
  const name = options.name ?? 'Anytown Borough Council';
  const lines: Row[] = [
    row(120, 71, name, NAME),
    row(
      145,
      71,
      `${options.reinspection ? 'Re-inspection' : 'Inspection'} of services for children in need of help and`,
      TITLE,
    ),
    row(162, 71, 'protection, children looked after and care leavers', TITLE),
  ];
  if (options.withLscb !== false) {
    lines.push(
      row(185, 71, 'and', TITLE),
      row(208, 71, 'Review of the effectiveness of the Local Safeguarding Children', TITLE),
      row(219, 112, '1', 9),
      row(224, 71, 'Board', TITLE),
    );
  }
  lines.push(
    row(247, 71, 'Inspection date: 3 October 2016 \u2013 27 October 2016', TITLE),
    row(270, 71, 'Report published: 9 December 2016', TITLE),
    row(323, 77, 'Children\u2019s services in Anytown require improvement to', TITLE),
    row(340, 77, 'be good', TITLE),
    // A wrapped grade cell, centred on a one-line label.
    row(360, 394, 'Requires'),
    cells(367, [77, '1.'], [95, 'Children who need help and protection'], [394, 'improvement to be']),
    row(374, 394, 'good'),
    // A wrapped label with its grade beside the middle.
    cells(394, [77, '2.'], [95, 'Children looked after and achieving']),
    row(401, 394, 'Good'),
    row(408, 95, 'permanence'),
    cells(435, [124, '2.1 Adoption performance'], [394, 'Not judged']),
    cells(462, [124, '2.2 Experiences and progress of care leavers'], [394, 'Outstanding']),
    cells(489, [77, '3.'], [95, 'Leadership, management and governance'], [394, 'inadequate']),
  );
  return lines;
}

const contentsPage: Row[] = [
  row(120, 71, 'Contents', HEADING),
  cells(145, [85, 'Recommendations'], [516, '7']),
  cells(170, [85, 'The Local Safeguarding Children Board (LSCB)'], [514, '29']),
];

const recommendationsPage: Row[] = [
  row(105, 71, 'Recommendations', HEADING),
  cells(131, [71, '1.'], [99, 'Ensure that every plan says what must change, by when and who is']),
  row(146, 99, 'responsible for each action.'),
  cells(172, [71, '2.'], [99, 'Strengthen the response to children who go missing by ensuring that:']),
  cells(199, [107, '\uf06e'], [125, 'return interviews are offered within three days']),
  cells(219, [107, '\uf06e'], [125, 'the findings of interviews inform risk']),
  row(234, 125, 'assessments.'),
  cells(260, [71, '3.'], [99, 'Improve the quality of multi-']),
  row(275, 99, 'agency audits (paragraph 41).'),
  cells(760, [71, '4.'], [99, 'Ensure that care leavers know their entitlements and receive']),
];

const secondRecommendationsPage: Row[] = [
  row(106, 99, 'them on time.'),
  row(133, 71, 'Summary for children and young people', HEADING),
  cells(160, [71, '\uf06e'], [89, 'Social workers visit children often and know them well.']),
];

const lscbPage: Row[] = [
  row(105, 71, 'The Local Safeguarding Children Board (LSCB)', 15.96),
  row(133, 77, 'The Local Safeguarding Children Board is good', HEADING),
  row(189, 77, 'Executive summary', HEADING),
  row(225, 77, 'The board knows its partners well and holds them to account.'),
  row(260, 77, 'Recommendations', HEADING),
  cells(290, [71, '96.'], [99, 'Evaluate the impact of multi-agency training on practice.']),
  cells(320, [71, '97.'], [99, 'Ensure that audits of practice include all partners and that']),
  row(334, 99, 'their findings are shared.'),
  row(360, 71, 'Inspection findings \u2013 the Local Safeguarding Children Board'),
  cells(387, [71, '98.'], [99, 'The board meets its statutory duties and is well chaired.']),
];

const teamPage: Row[] = [
  row(110, 71, 'Information about this inspection', 15.96),
  row(499, 71, 'The inspection team'),
  row(525, 71, 'Lead inspector: Jane Example, HMI'),
  row(552, 71, 'Deputy lead inspector: John Sample, HMI'),
];

test('recognises SIF reports and standalone LSCB reviews, not ILACS or 2013 looked after children inspections', () => {
  assert.equal(sifParser.recognises(report(laterTitlePage())), true);
  assert.equal(
    sifParser.recognises(
      report([
        row(120, 71, 'Surrey Safeguarding Children Board', NAME),
        row(145, 71, 'Review of the effectiveness of the Local Safeguarding Children', TITLE),
      ]),
    ),
    true,
  );
  assert.equal(
    sifParser.recognises(
      report([
        row(144, 71, 'Inspection of Anytown local authority', NAME),
        row(175, 71, 'children\u2019s services', NAME),
      ]),
    ),
    false,
  );
  assert.equal(
    sifParser.recognises(
      report([
        row(190, 85, 'Inspection of looked after children', NAME),
        row(221, 85, 'services', NAME),
        row(248, 85, 'Anytown Council', NAME),
      ]),
    ),
    false,
  );
});

test('reads a combined SIF report: title page, wrapped table cells, lists across pages, the LSCB part and the team', () => {
  const parsed = sifParser.parse(
    report(laterTitlePage(), contentsPage, recommendationsPage, secondRecommendationsPage, lscbPage, teamPage),
  );
  assert.equal(parsed.framework, 'SIF');
  assert.equal(parsed.version, 'SIF');
  assert.equal(parsed.kind, 'sif');
  assert.equal(parsed.localAuthority, 'Anytown Borough Council');
  assert.equal(parsed.inspectionStart, '2016-10-03');
  assert.equal(parsed.inspectionEnd, '2016-10-27');
  assert.equal(parsed.published, '2016-12-09');
  assert.equal(parsed.leadInspector, 'Jane Example');
  assert.deepEqual(parsed.judgements, {
    overall: 'requires_improvement',
    helpAndProtection: 'requires_improvement',
    childrenInCare: 'good',
    careLeavers: 'outstanding',
    leadership: 'inadequate',
    lscb: 'good',
  });
  assert.deepEqual(parsed.recommendations, [
    'Ensure that every plan says what must change, by when and who is responsible for each action.',
    'Strengthen the response to children who go missing by ensuring that: - return interviews are offered within three days - the findings of interviews inform risk assessments.',
    'Improve the quality of multi-agency audits (paragraph 41).',
    'Ensure that care leavers know their entitlements and receive them on time.',
  ]);
  assert.deepEqual(parsed.lscbRecommendations, [
    'Evaluate the impact of multi-agency training on practice.',
    'Ensure that audits of practice include all partners and that their findings are shared.',
  ]);
});

test('reads an early SIF report: "overall judgement" headline, LSCB statement on page 1, priority and improvement lists with topic headings', () => {
  const titlePage: Row[] = [
    row(111, 71, 'Anytown City Council', NAME),
    row(136, 71, 'Inspection of services for children in need of help and', TITLE),
    row(153, 71, 'protection, children looked after and care leavers', TITLE),
    row(176, 71, 'and', TITLE),
    row(199, 71, 'Review of the effectiveness of the local safeguarding children', TITLE),
    row(216, 71, 'board', TITLE),
    row(239, 71, 'Inspection date: 14 January \u2013 5 February 2014', TITLE),
    row(274, 71, 'The overall judgement is inadequate', TITLE),
    row(295, 71, 'There are widespread failures that leave children at risk of harm, and not good enough help.'),
    cells(405, [71, '1. Children who need help and protection'], [410, 'Inadequate']),
    cells(433, [71, '2. Children looked after and achieving permanence'], [410, 'requires improvement']),
    cells(460, [126, '2.1 Adoption performance'], [410, 'Good']),
    cells(487, [126, '2.2 Experiences and progress of care leavers'], [410, 'Inadequate']),
    row(507, 410, 'Requires'),
    row(514, 71, '3. Leadership, management and governance'),
    row(521, 410, 'improvement'),
    row(558, 71, 'The effectiveness of the Local Safeguarding Children Board (LSCB) is'),
    row(575, 71, 'requires improvement'),
  ];
  const listPage: Row[] = [
    row(105, 71, 'What does the local authority need to improve?', HEADING),
    row(131, 71, 'Priority and immediate action'),
    row(158, 71, 'Care leavers'),
    cells(185, [78, '24.'], [106, 'Ensure that every care leaver has a pathway plan.']),
    row(212, 71, 'Areas for improvement:'),
    cells(239, [78, '25.'], [106, 'Review all cases of children in need that were closed']),
    row(253, 106, 'without an assessment.'),
    row(300, 71, 'Information about this inspection', 15.96),
    row(330, 71, 'Lead inspector: Ann Person Senior HMI'),
  ];
  const lscbPart: Row[] = [
    row(110, 71, 'Section 2: The effectiveness of the Local Safeguarding', 15.96),
    row(129, 71, 'Children Board', 15.96),
    row(158, 71, 'The effectiveness of the LSCB requires improvement'),
    row(185, 71, 'What does the LSCB need to improve?', HEADING),
    row(211, 71, 'There are no priority or immediate actions.'),
    row(238, 71, 'Areas for improvement'),
    cells(264, [71, '\uf06e'], [89, 'Ensure that the board evaluates the impact of its training.']),
    cells(290, [71, '\uf06e'], [89, 'Publish an annual report that assesses the effectiveness of']),
    row(305, 89, 'local services.'),
    row(331, 71, 'Key strengths and weaknesses of the LSCB'),
    cells(358, [71, '130.'], [99, 'The board is well chaired.']),
  ];
  const parsed = sifParser.parse(report(titlePage, listPage, lscbPart));
  assert.equal(parsed.published, null, 'early reports may print no publication date');
  assert.equal(parsed.inspectionStart, '2014-01-14');
  assert.equal(parsed.inspectionEnd, '2014-02-05');
  assert.equal(parsed.leadInspector, 'Ann Person');
  assert.deepEqual(parsed.judgements, {
    overall: 'inadequate',
    helpAndProtection: 'inadequate',
    childrenInCare: 'requires_improvement',
    adoption: 'good',
    careLeavers: 'inadequate',
    leadership: 'requires_improvement',
    lscb: 'requires_improvement',
  });
  assert.deepEqual(parsed.recommendations, [
    'Ensure that every care leaver has a pathway plan.',
    'Review all cases of children in need that were closed without an assessment.',
  ]);
  assert.deepEqual(parsed.lscbRecommendations, [
    'Ensure that the board evaluates the impact of its training.',
    'Publish an annual report that assesses the effectiveness of local services.',
  ]);
});

test('a re-inspection is known by its title, or by the previous SIF judging overall effectiveness inadequate', () => {
  const byTitle = sifParser.parse(report(laterTitlePage({ reinspection: true, withLscb: false }), teamPage));
  assert.equal(byTitle.kind, 'sif-reinspection');
  assert.equal(byTitle.judgements.lscb, undefined);

  const previousPage = (bullets: readonly string[]): Row[] => [
    row(110, 71, 'Information about this local authority area', HEADING),
    row(157, 71, 'Previous Ofsted inspections'),
    ...bullets.map((text, index) => cells(184 + index * 20, [71, '\uf06e'], [89, text])),
    row(400, 71, 'Local leadership'),
  ];
  const afterInadequateSif = sifParser.parse(
    report(
      laterTitlePage({ withLscb: false }),
      previousPage([
        'The last inspection report for the local authority\u2019s children\u2019s services was published in May 2015. The judgements were:',
        'Overall effectiveness: inadequate',
        'Children who need help and protection: inadequate',
      ]),
      teamPage,
    ),
  );
  assert.equal(afterInadequateSif.kind, 'sif-reinspection');

  const afterOlderFramework = sifParser.parse(
    report(
      laterTitlePage(),
      previousPage([
        'The previous inspection of the local authority\u2019s safeguarding arrangements was in 2012. The local authority was judged to be inadequate.',
      ]),
      teamPage,
    ),
  );
  assert.equal(afterOlderFramework.kind, 'sif');
});

test('a standalone LSCB review judges only the LSCB and lists only its recommendations', () => {
  const parsed = sifParser.parse(
    report(
      [
        row(120, 71, 'Anyshire Safeguarding Children Board', NAME),
        row(145, 71, 'Review of the effectiveness of the Local Safeguarding Children', TITLE),
        row(162, 71, 'Board', TITLE),
        row(185, 71, 'Inspection date: 1/06/2015 \u2013 3/06/2015', TITLE),
        row(208, 71, 'Report published: 10/08/2015', TITLE),
        row(250, 71, 'The Local Safeguarding Children Board requires improvement', TITLE),
      ],
      [
        row(105, 71, 'Recommendations', HEADING),
        cells(131, [71, '\uf06e'], [89, 'Update the threshold document with partners.']),
        cells(158, [71, '\uf06e'], [89, 'Evaluate the impact of training.']),
        row(190, 71, 'Information about this review', HEADING),
        row(220, 71, 'Lead inspectors: Ann Person HMI and Bob Sample (HMI)'),
      ],
    ),
  );
  assert.equal(parsed.kind, 'lscb-review');
  assert.equal(parsed.localAuthority, 'Anyshire Safeguarding Children Board');
  assert.equal(parsed.inspectionStart, '2015-06-01');
  assert.equal(parsed.inspectionEnd, '2015-06-03');
  assert.equal(parsed.published, '2015-08-10');
  assert.equal(parsed.leadInspector, 'Ann Person; Bob Sample');
  assert.deepEqual(parsed.judgements, { lscb: 'requires_improvement' });
  assert.deepEqual(parsed.recommendations, []);
  assert.deepEqual(parsed.lscbRecommendations, [
    'Update the threshold document with partners.',
    'Evaluate the impact of training.',
  ]);
});

test('a report without readable inspection dates is refused with a clear error', () => {
  const page = laterTitlePage().filter((line) => !line.cells.some(([, text]) => text.startsWith('Inspection date')));
  assert.throws(() => sifParser.parse(report(page)), /Inspection date/);
});

test('a judgement table without numbering, with a label wrapped over two lines and an overall row, is read by position', () => {
  const page: Row[] = [
    row(120, 71, 'Anyborough', NAME),
    row(145, 71, 'Inspection of services for children in need of help and', TITLE),
    row(162, 71, 'protection, children looked after and care leavers', TITLE),
    row(185, 71, 'Inspection dates: 6 to 30 July 2015', TITLE),
    row(208, 71, 'Report published: 15 September 2015', TITLE),
    cells(250, [71, 'The experiences and progress of children who need help and'], [420, 'good']),
    row(264, 71, 'protection'),
    cells(291, [71, 'Children looked after and achieving permanence'], [420, 'Requires improvement']),
    cells(318, [71, 'Leadership, management and governance'], [420, 'Good']),
    cells(345, [71, 'Overall effectiveness'], [420, 'Good']),
    row(380, 71, 'Leadership, management and governance require improvement because plans are not good enough.'),
  ];
  const parsed = sifParser.parse(report(page));
  assert.deepEqual(parsed.judgements, {
    helpAndProtection: 'good',
    childrenInCare: 'requires_improvement',
    leadership: 'good',
    overall: 'good',
  });
  assert.equal(parsed.inspectionStart, '2015-07-06');
  assert.equal(parsed.leadInspector, null);
  assert.deepEqual(parsed.recommendations, []);
});

test('the LSCB part is found by its judgement when its heading is not one the reader knows, and a board named after the area counts', () => {
  const parsed = sifParser.parse(
    report(laterTitlePage(), recommendationsPage, [
      row(110, 71, 'Part two: the board', 15.96),
      row(156, 71, 'The effectiveness of the Anyshire Safeguarding Children Board (ASCB) is'),
      row(171, 71, 'good.'),
      row(197, 71, 'Areas for improvement:'),
      cells(224, [71, '140.'], [99, 'ASCB should make sure that performance reports include analysis.']),
      row(260, 71, 'Key strengths and weaknesses of the LSCB'),
    ]),
  );
  assert.equal(parsed.judgements.lscb, 'good');
  assert.deepEqual(parsed.lscbRecommendations, ['ASCB should make sure that performance reports include analysis.']);
  assert.equal(parsed.recommendations.length, 4);
});

test('a judgement table split across the first two pages is read whole', () => {
  const firstPage = laterTitlePage({ withLscb: false }).filter((line) => line.y < 420);
  const secondPage: Row[] = [
    cells(110, [124, '2.2 Experiences and progress of care leavers'], [394, 'Good']),
    cells(137, [77, '3.'], [95, 'Leadership, management and governance'], [394, 'Requires improvement']),
    row(180, 77, 'Executive summary', HEADING),
  ];
  const parsed = sifParser.parse(report(firstPage, secondPage));
  assert.deepEqual(parsed.judgements, {
    overall: 'requires_improvement',
    helpAndProtection: 'requires_improvement',
    childrenInCare: 'good',
    careLeavers: 'good',
    leadership: 'requires_improvement',
  });
});
