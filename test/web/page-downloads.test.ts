/**
 * Every table on an inspection page and a council page as CSV and XLSX (issue 9, point 11): the
 * rows the page shows, with the as-at date, the basis and Ofsted's OGL attribution in the file.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { todayIso } from '../../src/calendar/index.ts';
import { createApp } from '../../src/app.ts';
import { createLogger } from '../../src/logger.ts';
import { DERBY_URN, REPORT_FIXTURES } from '../helpers/report-fixtures.ts';
import { servicesWithReports, type LoadedServices } from '../helpers/services-with-reports.ts';
import { OGL_ATTRIBUTION, csvRows, downloadLinksOf, xlsxTable } from '../helpers/page-downloads.ts';

let loaded: LoadedServices;
let app: FastifyInstance;
let derby2017 = 0;

before(async () => {
  loaded = await servicesWithReports(REPORT_FIXTURES, { readModel: { snapshotSeconds: 0 } });
  assert.equal(loaded.summary.imported, REPORT_FIXTURES.length, JSON.stringify(loaded.summary.failures));
  app = await createApp({
    services: loaded.services,
    logger: createLogger({ destination: new Writable({ write: (_chunk, _encoding, done) => done() }) }),
  });
  const inspection = (await loaded.services.inspections.listAll()).find(
    (candidate) => candidate.urn === DERBY_URN && candidate.published === '2017-06-13',
  );
  assert.ok(inspection);
  derby2017 = inspection.id;
});

after(async () => {
  await app.close();
  await loaded.close();
});

/** The page's links for the table, both there, and the CSV's rows. */
async function tableOnPage(html: string, id: string) {
  const links = downloadLinksOf(html, id);
  assert.ok(links.csv && links.xlsx, `the page links ${id} as CSV and XLSX`);
  return { links, rows: await csvRows(app, links.csv) };
}

describe('an inspection page: judgements, deadlines and recommendations', () => {
  test('each table downloads with its rows, today as the as-at date, the basis and the attribution', async () => {
    const page = await app.inject(`/inspections/${derby2017}`);
    assert.equal(page.statusCode, 200);
    const today = todayIso();

    const judgements = await tableOnPage(page.body, 'judgements');
    assert.equal(judgements.rows.length, 7, 'the seven areas the SIF report judged');
    const overall = judgements.rows.find((row) => row.judgement_area === 'overall');
    assert.equal(overall?.grade, 'Requires improvement to be good');
    assert.equal(overall?.judgement, 'Overall effectiveness');
    assert.equal(judgements.rows.find((row) => row.judgement_area === 'adoption')?.grade, 'Good');
    for (const row of judgements.rows) {
      assert.deepEqual([row.urn, row.local_authority, row.published], [DERBY_URN, 'Derby', '2017-06-13']);
      assert.equal(row.as_at, today);
      assert.match(row.basis ?? '', /the facts read from the report published 2017-06-13/);
      assert.equal(row.source, OGL_ATTRIBUTION);
    }

    const deadlines = await tableOnPage(page.body, 'deadlines');
    const plan = deadlines.rows.find((row) => row.working_days === '70');
    assert.ok(plan, JSON.stringify(deadlines.rows));
    assert.deepEqual([plan.due, plan.passed, plan.from_date], ['2017-09-20', 'yes', '2017-06-13']);
    assert.match(plan.legal_basis ?? '', /\S/);
    assert.ok(deadlines.rows.some((row) => row.working_days === '30'));

    const recommendations = await tableOnPage(page.body, 'recommendations');
    assert.deepEqual(
      recommendations.rows.map((row) => [row.made_to, row.number, row.text]),
      [
        ['council', '1', 'Make sure that plans for children in need say what will change and by when.'],
        ['council', '2', 'Improve the timeliness of return home interviews.'],
        ['local safeguarding children board', '1', 'Check that partners attend strategy meetings.'],
        ['local safeguarding children board', '2', 'The board meets its statutory duties.'],
      ],
    );

    const workbook = await xlsxTable(app, recommendations.links.xlsx!);
    assert.ok(workbook.about.includes(`As at: ${today}`), workbook.about.join(' | '));
    assert.ok(workbook.about.some((line) => /^Basis: the facts read from the report published 2017-06-13/.test(line)));
    assert.ok(workbook.about.includes(`Source: ${OGL_ATTRIBUTION}`));
    assert.deepEqual(workbook.rows[0], [
      'urn',
      'local_authority',
      'inspection_id',
      'published',
      'made_to',
      'number',
      'text',
    ]);
    assert.equal(workbook.rows.length, 1 + 4);
  });

  test('a table the page does not hold is a 404; the page itself is unchanged by the links', async () => {
    const missing = await app.inject(`/inspections/${derby2017}?download=letters&format=csv`);
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /There is no table “letters” on this page/);
  });
});

describe('a council page: the latest grades against the inspection before', () => {
  test('the latest table downloads as at the date, with the grade before and the change', async () => {
    const page = await app.inject(`/councils/${DERBY_URN}?asAt=2022-01-01`);
    const latest = await tableOnPage(page.body, 'latest');
    assert.equal(latest.rows.length, 4, 'the four areas the 2021 ILACS inspection judged');
    const children = latest.rows.find((row) => row.judgement_area === 'children_in_care');
    assert.deepEqual(
      [children?.published, children?.grade, children?.grade_before, children?.change],
      ['2021-03-01', 'Outstanding', 'Good', 'improved'],
    );
    for (const row of latest.rows) {
      assert.equal(row.as_at, '2022-01-01');
      assert.match(row.basis ?? '', /latest graded inspection published by the date/);
      assert.equal(row.source, OGL_ATTRIBUTION);
    }
    const before = await csvRows(
      app,
      downloadLinksOf((await app.inject(`/councils/${DERBY_URN}?asAt=2019-01-01`)).body, 'latest').csv!,
    );
    assert.deepEqual(
      [...new Set(before.map((row) => row.published))],
      ['2017-06-13'],
      'as at 2019 the latest is the 2017 report',
    );
    assert.ok(
      before.every((row) => row.grade_before === ''),
      'nothing before the first inspection',
    );
  });
});
