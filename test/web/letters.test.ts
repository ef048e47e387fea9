/** Letters on the pages: a council's letters and what comes next from them, and /national's themes by year. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../../src/logger.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { createApp } from '../../src/app.ts';
import { focusedVisitLetterPdf } from '../helpers/letter-pdf.ts';
import { makeTempDir } from '../helpers/label-fixtures.ts';
import { Writable } from 'node:stream';
import { historySchema, inspectionDetailSchema } from '../../src/api/v1/api.schemas.ts';
import { OGL_ATTRIBUTION, csvRows, downloadLinksOf, xlsxTable } from '../helpers/page-downloads.ts';

let services: Services;
let app: FastifyInstance;

before(async () => {
  const dir = makeTempDir('csci-letter-pages-');
  mkdirSync(join(dir, 'reports', '80418-norfolk'), { recursive: true });
  writeFileSync(join(dir, 'reports', '80418-norfolk', '2024-03-04.pdf'), focusedVisitLetterPdf());
  writeFileSync(
    join(dir, 'reports', '80418-norfolk', '2025-05-02.pdf'),
    focusedVisitLetterPdf('1 May 2025', '1 and 2 April 2025', 'The timeliness of pathway plans for young people.'),
  );
  // Dated over 120 days after its visit: the reader warns.
  writeFileSync(
    join(dir, 'reports', '80418-norfolk', '2025-11-03.pdf'),
    focusedVisitLetterPdf('1 November 2025', '2 and 3 June 2025', 'Help for care leavers to find work and training.'),
  );
  services = await createServices(
    { databaseUrl: undefined, dataDir: join(dir, 'data') },
    { readModel: { snapshotSeconds: 0 } },
  );
  const summary = await services.imports.importReports([join(dir, 'reports')], { workers: 0 });
  assert.equal(summary.imported, 3, JSON.stringify(summary.failures));
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  app = await createApp({ services, logger: createLogger({ destination: quiet }) });
});

after(async () => {
  await app.close();
  await services.close();
});

test('the council page lists the letters and counts the focused visits and priority-action deadlines in what comes next', async () => {
  const response = await app.inject({ url: '/councils/80418?asAt=2025-06-01' });
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assert.match(html, /Letters after visits/);
  assert.match(html, /Care leavers<\/strong>: care leavers/);
  assert.match(html, /The suitability of the homes care leavers are offered\./);
  assert.match(html, /Visits done since the latest graded inspection/);
  assert.match(html, /2 focused visits published by 1 June 2025/);
  assert.match(html, /Draft action plan for the areas for priority action: due /);
  assert.match(
    html,
    /Graded inspections held\s*<\/dt>\s*<dd[^>]*>\s*0\s*</,
    'letters are not counted as graded inspections',
  );
});

test('as at a date before the second letter, only the first shows', async () => {
  const html = (await app.inject({ url: '/councils/80418?asAt=2024-12-31' })).body;
  assert.match(html, /1 letter published by/);
});

test('/national has the themes of focused visits by year, as a table', async () => {
  const html = (await app.inject({ url: '/national?asAt=2025-12-31' })).body;
  assert.match(html, /Focused visits by theme/);
  const table = html.slice(html.indexOf('id="visit-themes"'));
  assert.match(table, /<th scope="row" class="govuk-table__header">2024<\/th>/);
  assert.match(table, /<th scope="row" class="govuk-table__header">2025<\/th>/);
});

test('a letter has its own page, with its kind and what it asks to improve', async () => {
  const html = (await app.inject({ url: '/councils/80418?asAt=2025-06-01' })).body;
  const id = /href="\/inspections\/(\d+)"/.exec(html.slice(html.indexOf('id="letters"')))?.[1];
  assert.ok(id, 'the letters table links each letter');
  const page = await app.inject({ url: `/inspections/${id}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Focused visit/);
  assert.match(page.body, /Management oversight of pathway plans\./);
  assert.match(page.body, /Areas for priority action/);
  assert.match(page.body, /Robin Sample, Alex Placeholder/);
  assert.match(page.body, /id="priority-action-deadlines"/, 'the areas for priority action show their deadlines');
  assert.doesNotMatch(page.body, /No judgement could be read/);
});

test('the API gives a letter its fields, its areas for priority action with their deadlines, and the council history lists the letters', async () => {
  const history = historySchema.parse((await app.inject('/api/v1/councils/80418/inspections')).json());
  assert.deepEqual(history.inspections, [], 'letters are not graded inspections');
  assert.deepEqual(
    history.letters.map((letter) => letter.visitStart),
    ['2025-06-02', '2025-04-01', '2024-02-06'],
    'newest visit first',
  );
  const [latest, , first] = history.letters;
  assert.equal(latest?.kind, 'focused-visit');
  assert.equal(latest?.theme, 'care-leavers');
  const council = (await app.inject('/api/v1/councils/80418')).json();
  assert.equal(council.inspections, 0);
  assert.equal(council.letters, 3);

  const response = await app.inject(`/api/v1/inspections/${first!.id}`);
  assert.equal(response.statusCode, 200);
  const body = inspectionDetailSchema.parse(response.json());
  assert.equal(body.kind, 'focused-visit');
  assert.ok(body.letter, 'a letter carries its letter fields');
  assert.equal(body.letter.letterDate, '2024-03-03');
  assert.equal(body.letter.visitStart, '2024-02-06');
  assert.equal(body.letter.visitEnd, '2024-02-07');
  assert.deepEqual(body.letter.inspectors, ['Robin Sample', 'Alex Placeholder']);
  assert.equal(body.letter.focus, 'care leavers');
  assert.equal(body.letter.theme, 'care-leavers');
  assert.equal(body.letter.covidContext, false);
  assert.deepEqual(body.letter.recommendations, [
    'The quality of written plans, so that families know what must change.',
    'Management oversight of pathway plans.',
  ]);
  assert.deepEqual(body.letter.priorityActions, ['The suitability of the homes care leavers are offered.']);
  // Received on its printed date, 3 March 2024: the 20th working day after it, Good Friday and Easter Monday left out, is 2 April 2024.
  const [draft, final] = body.letter.priorityActionDeadlines;
  assert.equal(draft?.from, 'letter');
  assert.equal(draft?.anchor, '2024-03-03');
  assert.equal(draft?.due, '2024-04-02');
  assert.equal(draft?.workingDays, 20);
  assert.equal(final?.workingDays, 70);
  assert.equal(draft?.status, 'passed');
});

test('the OpenAPI document describes the letter fields', async () => {
  const document = (await app.inject('/api/v1/openapi.json')).json();
  const letter = document.components.schemas.Letter;
  assert.ok(letter, 'a Letter schema');
  for (const field of [
    'kind',
    'letterDate',
    'visitStart',
    'visitEnd',
    'inspectors',
    'focus',
    'theme',
    'covidContext',
    'recommendations',
    'priorityActions',
    'priorityActionDeadlines',
  ]) {
    assert.ok(field in letter.properties, `Letter has ${field}`);
  }
  assert.ok('letters' in document.components.schemas.History.properties);
});

test("a letter's warnings are stored as a report's are and shown the same way, on its page and in the API", async () => {
  const history = historySchema.parse((await app.inject('/api/v1/councils/80418/inspections')).json());
  const late = history.letters.find((letter) => letter.visitStart === '2025-06-02');
  assert.deepEqual(
    late?.warnings.map((warning) => warning.code),
    ['letter-long-after-visit'],
  );
  assert.deepEqual(
    history.letters.filter((letter) => letter !== late).flatMap((letter) => letter.warnings),
    [],
  );
  const body = inspectionDetailSchema.parse((await app.inject(`/api/v1/inspections/${late!.id}`)).json());
  assert.deepEqual(
    body.warnings.map((warning) => warning.code),
    ['letter-long-after-visit'],
  );
  const page = (await app.inject(`/inspections/${late!.id}`)).body;
  assert.match(page, /Check this against the letter<\/h2>/);
  assert.match(
    page,
    /<ul class="govuk-list govuk-list--bullet app-reader-warnings">\s*<li>The letter is dated more than 120 days after the visit\.<\/li>/,
  );
  const stored = await services.inspections.get(late!.id);
  assert.deepEqual(
    stored.warnings.map((warning) => warning.code),
    ['letter-long-after-visit'],
    'in report_warning, read as a report’s are',
  );
});

test('the letters table and a letter page download as CSV and XLSX, with the date, the basis and the attribution', async () => {
  const html = (await app.inject({ url: '/councils/80418?asAt=2025-06-01' })).body;
  const links = downloadLinksOf(html, 'letters');
  assert.ok(links.csv && links.xlsx, 'the letters table links its files');
  const letters = await csvRows(app, links.csv);
  assert.deepEqual(
    letters.map((row) => [row.published, row.kind, row.visit_start, row.theme, row.to_improve, row.priority_actions]),
    [
      ['2025-05-02', 'Focused visit', '2025-04-01', 'Care leavers', '2', '1'],
      ['2024-03-04', 'Focused visit', '2024-02-06', 'Care leavers', '2', '1'],
    ],
    'the letters published by the date, latest first',
  );
  for (const row of letters) {
    assert.equal(row.as_at, '2025-06-01');
    assert.equal(row.source, OGL_ATTRIBUTION);
  }
  const workbook = await xlsxTable(app, links.xlsx);
  assert.ok(workbook.about.includes('As at: 2025-06-01'), workbook.about.join(' | '));
  assert.equal(workbook.rows.length, 1 + 2);

  const first = historySchema
    .parse((await app.inject('/api/v1/councils/80418/inspections')).json())
    .letters.find((letter) => letter.published === '2024-03-04');
  assert.ok(first);
  const id = first.id;
  const letterPage = (await app.inject({ url: `/inspections/${id}` })).body;
  assert.match(letterPage, /published 4 March 2024/);
  const items = await csvRows(app, downloadLinksOf(letterPage, 'recommendations').csv!);
  assert.deepEqual(
    items.map((row) => [row.made_to, row.number, row.text]),
    [
      ['council', '1', 'The quality of written plans, so that families know what must change.'],
      ['council', '2', 'Management oversight of pathway plans.'],
      ['area for priority action', '1', 'The suitability of the homes care leavers are offered.'],
    ],
  );
  assert.match(items[0]?.basis ?? '', /the facts read from the letter published 2024-03-04/);
  const deadlines = await csvRows(app, downloadLinksOf(letterPage, 'deadlines').csv!);
  assert.deepEqual(
    deadlines.map((row) => [row.working_days, row.counted_from, row.from_date, row.passed]),
    [
      ['20', 'letter', '2024-03-03', 'yes'],
      ['70', 'letter', '2024-03-03', 'yes'],
    ],
  );
  assert.equal(deadlines[0]?.due, '2024-04-02');
  assert.equal(downloadLinksOf(letterPage, 'judgements').csv, undefined, 'a letter has no judgements to download');
});
