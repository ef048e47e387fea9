/**
 * The improvement plan's papers read back as a reader sees them: the Word documents through mammoth
 * (real headings, tables with repeating header rows, every recommendation quoted, the header and page
 * numbers, the charts as pictures with text alternatives) and the Excel tracker through the
 * spreadsheet module (the cover, one row per action with every recommendation, the drop-downs).
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import mammoth from 'mammoth';
import {
  ACTION_COLUMNS,
  ACTION_PLAN_SHEETS,
  MEASURE_COLUMNS,
  MILESTONE_COLUMNS,
  readWorkbook,
  writeActionPlanDocx,
  writeActionPlanXlsx,
  writeProgressReportDocx,
  type ReadSheet,
} from '../../src/documents/index.ts';
import { ACTION_STATUSES } from '../../src/plans/index.ts';
import { PLAN_RECOMMENDATIONS, currentPlan } from '../helpers/plan-content.ts';
import { docxParts } from './docx-parts.ts';
import { actionPlanFixture, progressReportFixture } from './plan-papers.fixture.ts';

const tags = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`, 'gs'))].map((match) =>
    (match[1] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&#39;|&apos;|&quot;/g, (entity) => (entity === '&quot;' ? '"' : "'"))
      .trim(),
  );

describe('the action plan in Word', () => {
  let html: string;
  let paragraphs: string[];
  let parts: Map<string, string>;
  before(async () => {
    const bytes = await writeActionPlanDocx(actionPlanFixture);
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    paragraphs = (await mammoth.extractRawText({ buffer: bytes })).value
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean);
    parts = await docxParts(bytes);
  });

  test('a heading for each recommendation, then the council\u2019s own area, between the purpose and the coverage', () => {
    assert.deepEqual(tags(html, 'h1'), [
      'Purpose',
      'Summary',
      'Recommendation 1: Timely assessments that use family history',
      'Recommendation 2: Management oversight of child in need plans',
      'Recommendation 3: Return home interviews',
      'Wider area for improvement 1: Stable permanent workforce',
      'Coverage',
      'Sources',
    ]);
    const title = (id: number) => currentPlan.actions.find((action) => action.id === id)?.title;
    assert.deepEqual(tags(html, 'h2'), [
      `Action R1.1: ${title(101)}`,
      `Action R1.2: ${title(102)}`,
      `Action R2.1: ${title(103)}`,
      `Action R2.2: ${title(104)}`,
      `Action R3.1: ${title(105)}`,
      `Action W1.1: ${title(106)}`,
    ]);
  });

  test('every recommendation is quoted word for word, in order, with the council\u2019s response', () => {
    const quoted = paragraphs.filter((line) => line.startsWith('\u201c')).map((line) => line.slice(1, -1));
    assert.deepEqual(quoted, PLAN_RECOMMENDATIONS);
    assert.ok(paragraphs.some((line) => line.startsWith('Response: Partly agreed. Interviews are offered on time')));
  });

  test('each action has its owner, dates, status and RAG, its milestones and its measures with baseline and target', () => {
    const text = paragraphs.join('\n');
    assert.match(
      text,
      /Owner\nQuality Assurance Team \(team\)\nServes\nR2\nStart\n2 February 2026\nDue\n29 May 2026\nStatus\nIn progress\nRAG rating\nRed: Overdue: it was due on 29 May 2026/,
    );
    assert.match(
      text,
      /Supervision training for every team manager[\s\S]*?Serves\nR2, R1[\s\S]*?RAG rating\nAmber: Set by hand by Jo Patel on 20 May 2026: Trainer not yet commissioned\./,
    );
    assert.match(
      text,
      /Milestone\nDue\nMet\nReport built in the case system\n13 March 2026\n20 March 2026\nEvery team receives it weekly\n1 May 2026\nNot yet/,
    );
    assert.match(
      text,
      /Days from return to interview \(median\) \(lower is better\)\n9 days \(31 December 2025\)\n3 days by 30 April 2026\nMonthly\nMissing children log/,
    );
  });

  test('tables have header rows that repeat on every page; the header names the council and the date; the footer numbers the pages', () => {
    const document = parts.get('word/document.xml') ?? '';
    const tables = document.split('<w:tbl>').length - 1;
    assert.ok(tables >= 15, `tables: ${tables}`);
    assert.equal((document.match(/<w:tblHeader\/>/g) ?? []).length, tables);
    assert.match(parts.get('word/header1.xml') ?? '', /Wexham<\/w:t>[\s\S]*1 June 2026<\/w:t>/);
    assert.match(parts.get('word/footer1.xml') ?? '', /PAGE[\s\S]*NUMPAGES/);
    assert.match(document, /<w:pStyle w:val="Title"\/>/);
  });
});

describe('the progress report in Word', () => {
  let html: string;
  let text: string;
  let parts: Map<string, string>;
  before(async () => {
    const bytes = await writeProgressReportDocx(await progressReportFixture());
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    text = (await mammoth.extractRawText({ buffer: bytes })).value.replace(/\n+/g, '\n');
    parts = await docxParts(bytes);
  });

  test('sections in a committee\u2019s order, exceptions before the changes', () => {
    assert.deepEqual(tags(html, 'h1'), [
      'Purpose',
      'Summary',
      'Exceptions: red and overdue actions',
      'What changed since version 2',
      'Impact measures',
      'Coverage',
      'Next deadlines',
    ]);
    assert.deepEqual(tags(html, 'h2'), [
      'R2.1: Audit forty child in need plans a month and feed back to supervisors',
      'R3.1: Commission an independent return home interview service',
    ]);
  });

  test('the RAG counts, each exception with its corrective action, and the changes since the last version', () => {
    assert.match(text, /Of 6 actions, 2 are red, 2 amber and 2 green; 2 actions are overdue\./);
    assert.match(text, /Rating\nActions\nShare\nRed\n2\n33%\nAmber\n2\n33%\nGreen\n2\n33%/);
    assert.match(
      text,
      /Corrective action: No compliant bid; tender reissued with a longer contract\. Interviews continue in house meanwhile\. \(Commissioning Manager, 15 May 2026\)\./,
    );
    assert.match(
      text,
      /R1\.1 "Rewrite the assessment practice standard with a family history section": status in progress \u2192 complete\./,
    );
    assert.match(
      text,
      /R3\.1 "Commission an independent return home interview service": due date moved from 31 March 2026 to 30 April 2026\./,
    );
    assert.match(text, /Met: R1\.1 milestone "Standard published" on 27 March 2026\./);
    assert.match(text, /New: W1 "Stable permanent workforce"\./);
  });

  test('each measure with its direction of travel and a chart with a text alternative', () => {
    assert.match(
      text,
      /Child in need plans reviewed on time\nR2\.1\n62%\n58% \(30 April 2026\)\n85% by 29 May 2026\nWorsening\n27%/,
    );
    assert.match(
      text,
      /Days from return to interview \(median\)\nR3\.1\n9 days\n8 days \(30 April 2026\)\n3 days by 30 April 2026\nNo change\n5 days/,
    );
    const document = parts.get('word/document.xml') ?? '';
    const pictures = [...document.matchAll(/<wp:docPr [^>]*descr="([^"]+)"/g)].map((match) => match[1]);
    assert.equal(pictures.length, 4);
    assert.match(
      pictures[1] ?? '',
      /^Child in need plans reviewed on time: from 62% on 31 December 2025 to 58% on 30 April 2026, worsening; the target is 85% by 29 May 2026, higher is better\.$/,
    );
    const media = [...parts.keys()].filter((name) => name.startsWith('word/media/'));
    assert.equal(media.length, 4);
  });

  test('the deadlines passed and not met, then what comes next', () => {
    assert.match(
      text,
      /Passed and not met\nDate\nAction\nWhat\nOwner\n17 April 2026\nR3\.1\nMilestone: Provider appointed/,
    );
    assert.match(
      text,
      /Coming next[^\n]*\nDate\nAction\nWhat\nOwner\n30 September 2026\nR1\.2\nAction due: Weekly timeliness report to team managers/,
    );
  });
});

describe('the action plan in Excel, read back through the spreadsheet module', () => {
  let sheets: ReadSheet[];
  const sheet = (name: string) => sheets.find((candidate) => candidate.name === name) as ReadSheet;
  before(async () => {
    sheets = await readWorkbook(await writeActionPlanXlsx(actionPlanFixture));
  });

  test('a cover sheet with the plan\u2019s version and date, then the actions, milestones and measures', () => {
    assert.deepEqual(
      sheets.map((candidate) => candidate.name),
      Object.values(ACTION_PLAN_SHEETS),
    );
    const cover = new Map(
      sheet(ACTION_PLAN_SHEETS.cover)
        .rows.slice(2)
        .map((row) => [row[0], row[1]]),
    );
    assert.equal(cover.get('Council'), 'Wexham');
    assert.equal(cover.get('Plan ID'), 7);
    assert.equal(cover.get('Plan version'), 4);
    assert.equal(cover.get('Version date'), '29 May 2026');
    assert.equal(cover.get('RAG ratings as at'), '1 June 2026');
  });

  test('one row per action under the header, with every recommendation word for word, dates as dates and statuses from the list', () => {
    const rows = sheet(ACTION_PLAN_SHEETS.actions).rows;
    assert.deepEqual(
      rows[0],
      ACTION_COLUMNS.map((column) => column.header),
    );
    const body = rows.slice(1);
    assert.equal(body.length, currentPlan.actions.length);
    const column = (header: string) => ACTION_COLUMNS.findIndex((candidate) => candidate.header === header);
    assert.deepEqual(
      new Set(body.map((row) => row[column('Action ID')])),
      new Set(currentPlan.actions.map((action) => action.id)),
    );
    for (const recommendation of PLAN_RECOMMENDATIONS)
      assert.ok(
        body.some((row) => row[column('Recommendation or area')] === recommendation),
        recommendation,
      );
    const overdue = body.find((row) => row[column('Action ID')] === 103) ?? [];
    assert.deepEqual(
      ['Ref', 'Items', 'Owner', 'Owner type', 'Start', 'Due', 'Status', 'RAG'].map((header) => overdue[column(header)]),
      ['R2.1', 'R2', 'Quality Assurance Team', 'team', '2026-02-02', '2026-05-29', 'in progress', 'Red'],
    );
    for (const row of body) assert.ok((ACTION_STATUSES as readonly unknown[]).includes(row[column('Status')]));
    assert.equal(body.find((row) => row[column('Action ID')] === 106)?.[column('Start')], null);
  });

  test('milestones and measures one a row, with their ids and their action\u2019s', () => {
    const milestones = sheet(ACTION_PLAN_SHEETS.milestones).rows;
    assert.deepEqual(
      milestones[0],
      MILESTONE_COLUMNS.map((column) => column.header),
    );
    assert.equal(milestones.length - 1, currentPlan.milestones.length);
    assert.deepEqual(
      milestones.find((row) => row[0] === 204),
      [204, 102, 'R1.2', 'Every team receives it weekly', '2026-05-01', null],
    );
    const measures = sheet(ACTION_PLAN_SHEETS.measures).rows;
    assert.deepEqual(
      measures[0],
      MEASURE_COLUMNS.map((column) => column.header),
    );
    assert.deepEqual(
      measures.find((row) => row[0] === 303),
      [
        303,
        105,
        'R3.1',
        'Days from return to interview (median)',
        'days',
        'lower',
        9,
        '2025-12-31',
        3,
        '2026-04-30',
        8,
        '2026-04-30',
        'unchanged',
        'monthly',
        'Missing children log',
      ],
    );
  });
});
