/** Formats of SIF reports met outside the corpus, one test each (fixtures invented, laid out as printed). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isExtractionFailure, isVisitLetter, type InspectionReport } from '../../../../src/domain/index.ts';
import { parseReportText } from '../../../../src/extract/extract-report.ts';
import { sifParser } from '../../../../src/extract/parsers/sif.parser.ts';
import { readList } from '../../../../src/extract/parsers/sif/recommendation-list.ts';
import { readLeadInspector } from '../../../../src/extract/parsers/sif/sections.ts';
import { rowCells as cells, row, rowsReport as report, type Row } from '../../../helpers/positioned-text.ts';

const TITLE = 14.04;

function titlePage(dateRows: readonly Row[], options: { withLscb?: boolean } = {}): Row[] {
  return [
    row(120, 71, 'Anytown', 26),
    row(145, 71, 'Inspection of services for children in need of help and', TITLE),
    row(162, 71, 'protection, children looked after and care leavers', TITLE),
    ...(options.withLscb === false
      ? []
      : [
          row(185, 71, 'and', TITLE),
          row(208, 71, 'Review of the effectiveness of the Local Safeguarding Children', TITLE),
          row(225, 71, 'Board', TITLE),
        ]),
    ...dateRows,
    row(330, 77, 'Children’s services in Anytown require improvement to be good', TITLE),
    cells(370, [77, '1.'], [95, 'Children who need help and protection'], [394, 'Requires improvement']),
    cells(397, [77, '2.'], [95, 'Children looked after and achieving permanence'], [394, 'Good']),
    cells(424, [124, '2.1 Adoption performance'], [394, 'Good']),
    cells(451, [124, '2.2 Experiences and progress of care leavers'], [394, 'Good']),
    cells(478, [77, '3.'], [95, 'Leadership, management and governance'], [394, 'Requires improvement']),
  ];
}

const recommendations: Row[] = [
  row(105, 71, 'Recommendations', TITLE),
  cells(131, [71, '1.'], [99, 'Ensure that every plan says what must change.']),
  row(170, 71, 'Summary for children and young people', TITLE),
];

const team: Row[] = [
  row(110, 71, 'Information about this inspection', 15.96),
  row(300, 71, 'Lead inspector: Jane Example, HMI'),
];

function read(...pages: Row[][]): InspectionReport {
  const result = parseReportText(report(...pages), 'x/2016-05-20.pdf');
  if (isExtractionFailure(result)) throw new Error(result.error.message);
  if (isVisitLetter(result)) throw new Error('read as a visit letter');
  return result;
}

test('an inspection date printed as a single day is the first and last day on site', () => {
  const parsed = read(
    titlePage(
      [row(250, 71, 'Inspection date: 12 March 2016', TITLE), row(273, 71, 'Report published: 20 May 2016', TITLE)],
      { withLscb: false },
    ),
    recommendations,
    team,
  );
  assert.equal(parsed.inspectionStart, '2016-03-12');
  assert.equal(parsed.inspectionEnd, '2016-03-12');
  assert.equal(parsed.published, '2016-05-20');
});

test('other labels for the dates: "Dates of inspection:" and "Date of publication:"', () => {
  const parsed = read(
    titlePage(
      [
        row(250, 71, 'Dates of inspection: 7 to 31 March 2016', TITLE),
        row(273, 71, 'Date of publication: 20 May 2016', TITLE),
      ],
      { withLscb: false },
    ),
    recommendations,
    team,
  );
  assert.deepEqual(
    [parsed.inspectionStart, parsed.inspectionEnd, parsed.published],
    ['2016-03-07', '2016-03-31', '2016-05-20'],
  );
});

test('two on-site periods whose dates wrap onto a second line run from the first day to the last', () => {
  const parsed = read(
    titlePage(
      [
        row(250, 71, 'Inspection dates: 4 November-26 November 2013 and 13 \u2013 15', TITLE),
        row(267, 71, 'January 2014', TITLE),
        row(290, 71, 'Report published: 3 March 2014', TITLE),
      ],
      { withLscb: false },
    ),
    recommendations,
    team,
  );
  assert.equal(parsed.inspectionStart, '2013-11-04');
  assert.equal(parsed.inspectionEnd, '2014-01-15');
  assert.equal(parsed.published, '2014-03-03');
});

test('a separately paginated LSCB review joined after the report gives the LSCB judgement and its recommendations', () => {
  const reviewTitle: Row[] = [
    row(120, 71, 'Anytown Safeguarding Children Board', 26),
    row(145, 71, 'Review of the effectiveness of the Local Safeguarding Children', TITLE),
    row(162, 71, 'Board', TITLE),
    row(185, 71, 'Inspection date: 3 October 2016 \u2013 27 October 2016', TITLE),
  ];
  const reviewContents: Row[] = [row(110, 71, 'Contents', TITLE), cells(140, [85, 'Recommendations'], [516, '3'])];
  const reviewBody: Row[] = [
    row(105, 71, 'The Local Safeguarding Children Board requires improvement', TITLE),
    row(140, 71, 'The board has not yet made sure that partners share information.'),
    row(170, 71, 'Recommendations', TITLE),
    cells(196, [71, '1.'], [99, 'Evaluate the impact of multi-agency training on practice.']),
    cells(222, [71, '2.'], [99, 'Make sure that partners attend child protection conferences.']),
    row(260, 71, 'Inspection findings', TITLE),
  ];
  const parsed = read(
    titlePage(
      [
        row(250, 71, 'Inspection dates: 3 October 2016 \u2013 27 October 2016', TITLE),
        row(273, 71, 'Report published: 20 December 2016', TITLE),
      ],
      { withLscb: false },
    ),
    recommendations,
    team,
    reviewTitle,
    reviewContents,
    reviewBody,
  );
  assert.equal(parsed.judgements.lscb, 'requires_improvement');
  assert.deepEqual(parsed.recommendations, ['Ensure that every plan says what must change.']);
  assert.deepEqual(parsed.lscbRecommendations, [
    'Evaluate the impact of multi-agency training on practice.',
    'Make sure that partners attend child protection conferences.',
  ]);
  assert.deepEqual(parsed.warnings, []);
});

test('"Lead inspector on site:" beside "Report author:" names the on-site lead as the lead inspector', () => {
  const beside = report([
    cells(300, [71, 'Lead inspector on site: Jane Example HMI'], [330, 'Report author: John Sample HMI']),
  ]);
  assert.equal(readLeadInspector(beside.lines), 'Jane Example');
  const below = report([
    row(300, 71, 'Report author: John Sample HMI'),
    row(320, 71, 'Lead inspector (on site): Ann Person, Senior HMI'),
  ]);
  assert.equal(readLeadInspector(below.lines), 'Ann Person');
});

test('an early SIF list: "Priority and immediate action" and "Areas for improvement" parts, each with an introduction, numbered or bulleted', () => {
  const text = report([
    row(105, 71, 'What does the local authority need to improve?', TITLE),
    row(131, 71, 'Priority and immediate action'),
    row(150, 71, 'The local authority should take the following action without delay:'),
    cells(177, [71, '1.'], [99, 'Ensure that every child at risk has a plan.']),
    // A number printed on its own baseline, its text just below.
    row(200, 71, '2.'),
    row(214, 99, 'Review every case closed without an assessment.'),
    row(241, 71, 'Areas for improvement'),
    row(260, 71, 'The local authority and its partners should address the following areas:'),
    cells(287, [71, '\uf0b7'], [89, 'Improve the timeliness of return home interviews.']),
    cells(314, [71, '\uf0b7'], [89, 'Strengthen the supervision of social workers so that it']),
    row(328, 89, 'challenges practice.'),
    row(360, 71, 'The local authority’s strengths', TITLE),
    cells(387, [71, '\uf0b7'], [89, 'Leaders know their services well.']),
  ]);
  assert.deepEqual(readList(text.lines, 0, 12), [
    'Ensure that every child at risk has a plan.',
    'Review every case closed without an assessment.',
    'Improve the timeliness of return home interviews.',
    'Strengthen the supervision of social workers so that it challenges practice.',
  ]);
});

test('an LSCB list ends where the next section’s bullets begin, even under a heading in body type', () => {
  const numberedThenBullets = report([
    row(105, 71, 'Recommendations', TITLE),
    row(131, 71, 'Learning and improvement'),
    cells(158, [71, '120.'], [99, 'Evaluate the impact of training on practice.']),
    cells(185, [71, '121.'], [99, 'Publish the annual report on time.']),
    row(212, 71, 'How well the board works'),
    cells(239, [71, '\uf0b7'], [89, 'The board is well chaired and meets its statutory duties.']),
  ]);
  assert.deepEqual(readList(numberedThenBullets.lines, 0, 12), [
    'Evaluate the impact of training on practice.',
    'Publish the annual report on time.',
  ]);
  const bulletsThenStrengths = report([
    row(105, 71, 'Recommendations', TITLE),
    cells(131, [71, '\u2022'], [89, 'Evaluate the impact of training on practice.']),
    row(160, 71, 'Key strengths'),
    cells(187, [71, '\u2022'], [89, 'Partners attend the board well.']),
  ]);
  assert.deepEqual(readList(bulletsThenStrengths.lines, 0, 12), ['Evaluate the impact of training on practice.']);
});

test('a re-inspection whose title does not say so is known from its text about the previous inspection', () => {
  const summary: Row[] = [
    row(105, 71, 'Executive summary', TITLE),
    row(131, 71, 'Services for children have improved since the last inspection in 2015, which'),
    row(145, 71, 'judged them overall to be inadequate.'),
  ];
  const parsed = sifParser.parse(
    report(
      titlePage([row(250, 71, 'Inspection dates: 3 October 2016 \u2013 27 October 2016', TITLE)], { withLscb: false }),
      summary,
      recommendations,
      team,
    ),
  );
  assert.equal(parsed.kind, 'sif-reinspection');
  const olderFramework: Row[] = [
    row(105, 71, 'Executive summary', TITLE),
    row(131, 71, 'The previous inspection of safeguarding services in 2012 judged them to be inadequate.'),
  ];
  assert.equal(
    sifParser.parse(
      report(
        titlePage([row(250, 71, 'Inspection dates: 3 October 2016 \u2013 27 October 2016', TITLE)], {
          withLscb: false,
        }),
        olderFramework,
        recommendations,
        team,
      ),
    ).kind,
    'sif',
  );
});

test('a combining stroke used as a dash marks the sub-items of a recommendation', () => {
  const text = report([
    row(105, 71, 'Recommendations', TITLE),
    cells(131, [71, '1.'], [99, 'Strengthen the response to children who go missing by ensuring that:']),
    cells(158, [107, '\u0336'], [125, 'return interviews are offered within three days']),
    cells(178, [107, '\u0336'], [125, 'their findings inform plans.']),
    cells(205, [71, '2.'], [99, 'Improve the quality of audits.']),
  ]);
  assert.deepEqual(readList(text.lines, 0, 12), [
    'Strengthen the response to children who go missing by ensuring that: - return interviews are offered within three days - their findings inform plans.',
    'Improve the quality of audits.',
  ]);
});

test('a report that breaks an invariant says so in its warnings', () => {
  const noTeam = read(
    titlePage(
      [
        row(250, 71, 'Inspection dates: 3 October 2016 \u2013 27 October 2016', TITLE),
        row(273, 71, 'Report published: 20 December 2016', TITLE),
      ],
      { withLscb: false },
    ),
    recommendations,
  );
  assert.equal(noTeam.leadInspector, null);
  assert.deepEqual(
    noTeam.warnings.map((warning) => warning.code),
    ['missing-lead-inspector'],
  );
});
