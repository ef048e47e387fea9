/** Route tests: the real app over real services and a SQLite store holding a few written reports. */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import {
  comparisonsSchema,
  councilDetailSchema,
  councilListSchema,
  historySchema,
  inspectionDetailSchema,
  latestListSchema,
  nationalSchema,
  nextSchema,
} from '../../src/api/v1/api.schemas.ts';
import { createLogger } from '../../src/logger.ts';
import { createApp } from '../../src/app.ts';
import { DERBY_URN, NOTTINGHAM_URN, REPORT_FIXTURES } from '../helpers/report-fixtures.ts';
import { servicesWithReports, type LoadedServices } from '../helpers/services-with-reports.ts';

let loaded: LoadedServices;
let app: FastifyInstance;
const logLines: Record<string, unknown>[] = [];

before(async () => {
  loaded = await servicesWithReports(REPORT_FIXTURES, { readModel: { snapshotSeconds: 0 } });
  assert.equal(loaded.summary.imported, REPORT_FIXTURES.length, JSON.stringify(loaded.summary.failures));
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean))
        logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  app = await createApp({ services: loaded.services, logger: createLogger({ destination }) });
});

after(async () => {
  await app.close();
  await loaded.close();
});

async function idOf(urn: string, published: string): Promise<number> {
  const inspection = (await loaded.services.inspections.listAll()).find(
    (candidate) => candidate.urn === urn && candidate.published === published,
  );
  assert.ok(inspection, `no inspection of ${urn} published ${published}`);
  return inspection.id;
}

describe('pages', () => {
  test('home page: HTML with security headers and a CSP nonce on the inline script', async () => {
    const response = await app.inject('/');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/html/);
    const csp = String(response.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.ok(response.body.includes(`<script nonce="${nonce}">`));
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.ok(response.headers['x-request-id']);
    assert.match(response.body, /holds 4 graded inspections of 2 councils/);
    assert.doesNotMatch(response.body, /GOV\.UK - The best place/);
    assert.doesNotMatch(response.body, /govuk-header__logo|govuk-logo/);
  });

  test('each response has a fresh nonce', async () => {
    const first = String((await app.inject('/about')).headers['content-security-policy']);
    const second = String((await app.inject('/about')).headers['content-security-policy']);
    assert.notEqual(first, second);
  });

  test('national page: distribution chart with its table, and every council with a graded inspection', async () => {
    const response = await app.inject('/national?asAt=2024-06-30');
    assert.equal(response.statusCode, 200);
    const body = response.body;
    assert.match(body, /<svg[^>]*role="img"/);
    assert.match(
      body,
      /<title>Grades of each council's latest inspection, by judgement area, as at 30 June 2024<\/title>/,
    );
    assert.doesNotMatch(body, /<style>/, "Plot's inline style is removed for the CSP");
    assert.match(body, /2 councils had a graded inspection published by 30 June 2024/);
    assert.match(body, />Derby<\/a>/);
    assert.match(body, />Nottingham<\/a>/);
    assert.match(body, /Overall effectiveness<\/th>\s*<td[^>]*>0 \(0%\)<\/td>\s*<td[^>]*>2 \(100%\)<\/td>/);
  });

  test('national page as at an earlier date counts only what was published by then', async () => {
    const body = (await app.inject('/national?asAt=2018-01-01')).body;
    assert.match(body, /1 council had a graded inspection published by 1 January 2018/);
    assert.match(body, />Derby<\/a>/);
    assert.doesNotMatch(body, />Nottingham<\/a>/);
    assert.match(body, />Adoption</, 'SIF areas appear when SIF grades are the latest');
  });

  test('national table filters and sorts on the server', async () => {
    const filtered = (await app.inject('/national?asAt=2024-06-30&name=nott')).body;
    assert.match(filtered, /Showing 1 council that match your filters, of 2/);
    assert.doesNotMatch(filtered, />Derby<\/a>/);
    const sorted = (await app.inject('/national?asAt=2024-06-30&sort=helpAndProtection&order=desc')).body;
    assert.ok(sorted.indexOf('>Derby</a>') < sorted.indexOf('>Nottingham</a>'), 'good before inadequate');
    assert.match(sorted, /aria-sort="descending"/);
    const ascending = (await app.inject('/national?asAt=2024-06-30&sort=helpAndProtection&order=asc')).body;
    assert.ok(ascending.indexOf('>Nottingham</a>') < ascending.indexOf('>Derby</a>'));
  });

  test('national page with an impossible date shows the GOV.UK error summary and keeps what was typed', async () => {
    const response = await app.inject('/national?asAt=2019-02-30');
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /govuk-error-summary/);
    assert.match(response.body, /Enter a real date/);
    assert.match(response.body, /value="2019-02-30"/);
    assert.match(response.body, /<title>Error: National picture/);
  });

  test('CSV download gives the rows shown, with Ofsted wording and the source', async () => {
    const response = await app.inject(
      '/national/latest-inspections.csv?asAt=2024-06-30&region=East%20Midlands&overall=good',
    );
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/csv/);
    assert.match(String(response.headers['content-disposition']), /latest-inspections-2024-06-30\.csv/);
    const lines = response.body.trim().split('\r\n');
    assert.equal(
      lines[0],
      'urn,local_authority,region,as_at,counted_by,inspection_start,inspection_end,published,version,kind,overall,leadership,help_and_protection,children_in_care,care_leavers,adoption,lscb,overall_from_published,report,source',
    );
    assert.equal(lines.length, 3);
    assert.ok(
      lines.some((line) =>
        line.startsWith(
          `${NOTTINGHAM_URN},Nottingham,East Midlands,2024-06-30,published,2023-12-04,2023-12-15,2024-02-20,ILACS-2023,ilacs-standard,Good,Good,Inadequate,Good,Good,,,2024-02-20,/inspections/`,
        ),
      ),
    );
    assert.ok(
      lines.every(
        (line, index) =>
          index === 0 || line.endsWith('"Ofsted inspection report, Crown copyright, Open Government Licence v3.0"'),
      ),
    );
  });

  test('council page: history chart and table, change against the previous inspection, place, next steps, recommendations', async () => {
    const response = await app.inject(`/councils/${DERBY_URN}?asAt=2024-06-30`);
    assert.equal(response.statusCode, 200);
    const body = response.body;
    assert.match(body, /<h1 class="govuk-heading-l">Derby<\/h1>/);
    assert.match(body, /East Midlands/);
    assert.match(body, /<title>Derby: grades at each inspection, by judgement area<\/title>/);
    assert.match(body, /app-change--up">Improved/);
    assert.match(body, /<caption[^>]*>In the East Midlands<\/caption>/);
    assert.match(
      body,
      /Help and protection<\/th>\s*<td[^>]*><strong[^>]*>Good<\/strong><\/td>\s*<td[^>]*>1st<\/td>\s*<td[^>]*>1 of 2<\/td>/,
      'Derby good, Nottingham inadequate in help and protection',
    );
    assert.match(
      body,
      /Overall effectiveness<\/th>\s*<td[^>]*><strong[^>]*>Good<\/strong><\/td>\s*<td[^>]*>joint 1st<\/td>\s*<td[^>]*>2 of 2<\/td>/,
      'both good overall',
    );
    assert.match(body, /Next graded inspection: ILACS short inspection/);
    assert.match(body, /Written statement of action|action plan/i);
    assert.match(body, /The quality of supervision of social workers/);
    assert.match(body, /Open Government Licence v3\.0/);
  });

  test('inspection page: dates, kind, lead inspector, Ofsted wording, recommendations, flags, source', async () => {
    const id = await idOf(NOTTINGHAM_URN, '2024-02-20');
    const body = (await app.inject(`/inspections/${id}`)).body;
    assert.match(body, /ILACS standard inspection, published 20 February 2024/);
    assert.match(body, /4 to 15 December 2023/);
    assert.match(body, /Sam Sample; Jo Placeholder/);
    assert.match(
      body,
      /The experiences and progress of children who need help and protection<\/th>\s*<td[^>]*><strong class="govuk-tag app-grade govuk-tag--red">Inadequate/,
    );
    assert.match(body, /Requires improvement to be good|Good/);
    assert.match(body, /This set of grades is unusual/);
    assert.doesNotMatch(body, /Check this against the report/);
    assert.match(body, /What needs to improve/);
    assert.match(body, /Help for care leavers to find suitable homes\./);
    assert.match(body, /Download the source report \(PDF\)/);
    const pdf = await app.inject(`/inspections/${id}/report.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
  });

  test('SIF inspection page words judgements as SIF reports do and lists the LSCB recommendations', async () => {
    const id = await idOf(DERBY_URN, '2017-06-13');
    const body = (await app.inject(`/inspections/${id}`)).body;
    assert.match(body, /Children looked after and achieving permanence/);
    assert.match(body, /Recommendations to the Local Safeguarding Children Board/);
    assert.match(body, /No consistency check flags this set of grades/);
    assert.match(body, /Check this against the report<\/h2>/);
    assert.match(body, /LSCB recommendation 2 reads as a finding/);
    const api = (await app.inject(`/api/v1/inspections/${id}`)).json();
    assert.deepEqual(
      api.warnings.map((warning: { code: string }) => warning.code),
      ['lscb-item-not-about-board'],
    );
  });

  test('search by name lists matches; by URN goes straight to the council; empty asks for words', async () => {
    const byName = await app.inject('/search?q=derby');
    assert.equal(byName.statusCode, 200);
    assert.match(byName.body, />Derby<\/a>/);
    assert.match(byName.body, />Derbyshire<\/a>/);
    const byUrn = await app.inject(`/search?q=${DERBY_URN}`);
    assert.equal(byUrn.statusCode, 303);
    assert.equal(byUrn.headers.location, `/councils/${DERBY_URN}`);
    const byCode = await app.inject('/search?q=892');
    assert.equal(byCode.headers.location, `/councils/${NOTTINGHAM_URN}`);
    const empty = await app.inject('/search?q=');
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Enter a council name, Ofsted URN or LA code/);
  });

  test('unknown pages and councils get the GOV.UK-style 404 page', async () => {
    for (const url of [
      '/nowhere',
      '/councils/999999',
      '/councils/not-a-urn',
      '/inspections/0',
      '/inspections/123456',
    ]) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 404, url);
      assert.match(response.body, /Page not found/, url);
    }
  });

  test('a council page with a bad date is a 400 error page', async () => {
    const response = await app.inject(`/councils/${DERBY_URN}?asAt=31-12-2020`);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /There is a problem with your request/);
  });
});

describe('static files', () => {
  test('govuk-frontend CSS, JS and images are served locally; GDS Transport is not', async () => {
    assert.equal((await app.inject('/assets/govuk-frontend.min.css')).statusCode, 200);
    assert.equal((await app.inject('/assets/govuk-frontend.min.js')).statusCode, 200);
    assert.equal((await app.inject('/assets/images/favicon.svg')).statusCode, 200);
    assert.equal((await app.inject('/assets/fonts/bold-b542beb274-v2.woff2')).statusCode, 404);
    const css = await app.inject('/app-assets/app.css');
    assert.equal(css.statusCode, 200);
    assert.match(css.body, /\*::after \{\s+font-family: var\(--app-font\) !important/);
  });
});

describe('API', () => {
  test('councils: list, search, one council with links', async () => {
    const list = (await app.inject('/api/v1/councils')).json();
    assert.ok(list.count > 100);
    const search = (await app.inject('/api/v1/councils?q=nottingham')).json();
    assert.deepEqual(
      search.councils.map((council: { name: string }) => council.name),
      ['Nottingham', 'Nottinghamshire'],
    );
    const one = (await app.inject(`/api/v1/councils/${DERBY_URN}`)).json();
    assert.equal(one.council.name, 'Derby');
    assert.equal(one.latestInspection.judgements.childrenInCare, 'outstanding');
    assert.equal(one.inspections, 2);
    assert.equal(one.links.page, `/councils/${DERBY_URN}`);
  });

  test('history, comparisons and next steps of a council', async () => {
    const history = (await app.inject(`/api/v1/councils/${DERBY_URN}/inspections`)).json();
    assert.deepEqual(
      history.inspections.map((entry: { published: string }) => entry.published),
      ['2021-03-01', '2017-06-13'],
    );
    assert.equal(history.inspections[0].changes.overall, 'improved');
    assert.equal(history.inspections[0].previous.overall, 'requires_improvement');
    const comparisons = (await app.inject(`/api/v1/councils/${NOTTINGHAM_URN}/comparisons?asAt=2024-06-30`)).json();
    const region = comparisons.positions.find(
      (position: { group: string; area: string }) =>
        position.group === 'region' && position.area === 'helpAndProtection',
    );
    assert.deepEqual(
      { grade: region.grade, included: region.included, sameOrBetter: region.sameOrBetter, rank: region.rank },
      { grade: 'inadequate', included: 2, sameOrBetter: 2, rank: 2 },
    );
    const next = (await app.inject(`/api/v1/councils/${DERBY_URN}/next?asAt=2021-06-01`)).json();
    assert.equal(next.asAt, '2021-06-01');
    assert.equal(next.next.inspection.basis, 'rule');
    assert.equal(next.next.nominalWindow.basis, 'rule');
    assert.match(next.next.nominalWindow.from, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(next.next.deadlines.length > 0);
    assert.ok(
      next.next.deadlines.every(
        (deadline: { basis: string; legalBasis: { citation: string } }) =>
          deadline.basis === 'rule' && deadline.legalBasis.citation.length > 0,
      ),
    );
    const none = (await app.inject(`/api/v1/councils/${DERBY_URN}/next?asAt=2014-01-01`)).json();
    assert.equal(none.next, null);
  });

  test('an inspection with its wording, recommendations and flags', async () => {
    const id = await idOf(NOTTINGHAM_URN, '2024-02-20');
    const body = (await app.inject(`/api/v1/inspections/${id}`)).json();
    assert.equal(body.kind, 'ilacs-standard');
    assert.equal(body.judgementWording.careLeavers, 'The experiences and progress of care leavers');
    assert.equal(body.recommendations.length, 2);
    assert.ok(body.flags.length > 0);
    assert.deepEqual(body.warnings, []);
    assert.match(body.source, /Open Government Licence v3\.0/);
  });

  test('national stats as at a date, for one area or all', async () => {
    const all = (await app.inject('/api/v1/stats/national?asAt=2020-01-01')).json();
    assert.equal(all.asAt, '2020-01-01');
    assert.equal(all.included, 2);
    const overall = all.distributions.find((distribution: { area: string }) => distribution.area === 'overall');
    assert.deepEqual(overall.counts, { outstanding: 0, good: 0, requires_improvement: 2, inadequate: 0 });
    const one = (await app.inject('/api/v1/stats/national?asAt=2020-01-01&area=adoption')).json();
    assert.deepEqual(
      one.distributions.map((distribution: { area: string }) => distribution.area),
      ['adoption'],
    );
    const latest = (await app.inject('/api/v1/stats/latest-inspections?asAt=2024-06-30&overall=good')).json();
    assert.equal(latest.count, 2);
  });

  test('latest inspections filter on good or better, as /national does, and the OpenAPI document says so', async () => {
    const latest = async (query: string) =>
      (await app.inject(`/api/v1/stats/latest-inspections?${query}`)).json() as {
        count: number;
        inspections: { urn: string; overall: { grade: string } | null }[];
      };
    // 30 June 2024: both councils good; 1 January 2020: both requires improvement.
    const good = await latest('asAt=2024-06-30&overall=good-or-better');
    assert.equal(good.count, 2);
    assert.deepEqual(good.inspections.map((row) => row.urn).sort(), [DERBY_URN, NOTTINGHAM_URN].sort());
    for (const row of good.inspections) assert.ok(['good', 'outstanding'].includes(row.overall?.grade ?? ''), row.urn);
    assert.equal((await latest('asAt=2020-01-01&overall=good-or-better')).count, 0);
    assert.equal((await latest('asAt=2020-01-01&overall=requires_improvement')).count, 2);
    const wrong = await app.inject('/api/v1/stats/latest-inspections?overall=better');
    assert.equal(wrong.statusCode, 400);
    const document = (await app.inject('/api/v1/openapi.json')).json();
    const parameter = document.paths['/stats/latest-inspections'].get.parameters.find(
      (candidate: { name: string }) => candidate.name === 'overall',
    );
    assert.deepEqual(parameter.schema.enum, [
      'outstanding',
      'good',
      'requires_improvement',
      'inadequate',
      'good-or-better',
    ]);
  });

  test('bad input and unknown resources answer {"error": {"code", "message"}}', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/stats/national?asAt=2019-02-30', 400, 'invalid-input'],
      ['/api/v1/stats/national?area=happiness', 400, 'invalid-input'],
      ['/api/v1/councils/abc', 400, 'invalid-input'],
      ['/api/v1/councils/999999', 404, 'unknown-local-authority'],
      ['/api/v1/inspections/999999', 404, 'unknown-inspection'],
      ['/api/v1/nothing-here', 404, 'not-found'],
    ];
    for (const [url, status, code] of cases) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, status, url);
      const body = response.json();
      assert.equal(body.error.code, code, url);
      assert.equal(typeof body.error.message, 'string');
    }
    const dateError = (await app.inject('/api/v1/stats/national?asAt=2019-02-30')).json();
    assert.equal(dateError.error.message, 'query parameter asAt: must be a real calendar date');
  });

  test('every answer has the shape its OpenAPI schema gives', async () => {
    const id = await idOf(DERBY_URN, '2017-06-13');
    const cases = [
      ['/api/v1/councils?q=derby', councilListSchema],
      [`/api/v1/councils/${DERBY_URN}`, councilDetailSchema],
      [`/api/v1/councils/${DERBY_URN}/inspections`, historySchema],
      [`/api/v1/councils/${DERBY_URN}/comparisons?asAt=2022-01-01`, comparisonsSchema],
      [`/api/v1/councils/${DERBY_URN}/next?asAt=2022-01-01`, nextSchema],
      [`/api/v1/inspections/${id}`, inspectionDetailSchema],
      ['/api/v1/stats/national?asAt=2022-01-01', nationalSchema],
      ['/api/v1/stats/latest-inspections', latestListSchema],
    ] as const;
    for (const [url, schema] of cases) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 200, url);
      const parsed = (
        schema as unknown as { safeParse(value: unknown): { success: boolean; error?: unknown } }
      ).safeParse(response.json());
      assert.ok(parsed.success, `${url}: ${JSON.stringify(parsed.error)}`);
    }
  });

  test('the OpenAPI document describes every route and its schemas resolve', async () => {
    const document = (await app.inject('/api/v1/openapi.json')).json();
    assert.equal(document.openapi, '3.1.0');
    for (const path of [
      '/councils',
      '/councils/{urn}',
      '/councils/{urn}/inspections',
      '/councils/{urn}/comparisons',
      '/councils/{urn}/next',
      '/inspections/{id}',
      '/stats/national',
      '/stats/latest-inspections',
    ]) {
      assert.ok(document.paths[path], path);
    }
    const refs = JSON.stringify(document).match(/#\/components\/schemas\/[A-Za-z]+/g) ?? [];
    for (const ref of new Set(refs)) assert.ok(document.components.schemas[ref.split('/').at(-1) as string], ref);
  });
});

describe('logging', () => {
  test('one structured line per request, with its id and no IP address or query string', async () => {
    logLines.length = 0;
    await app.inject({ url: '/national?name=secret-words', headers: { 'x-request-id': 'test-request-1' } });
    const lines = logLines.filter((line) => line.reqId === 'test-request-1');
    assert.equal(lines.length, 1, JSON.stringify(lines));
    const [line] = lines;
    assert.equal(line?.msg, 'request');
    assert.equal(line?.status, 200);
    assert.equal(line?.path, '/national');
    assert.doesNotMatch(JSON.stringify(line), /secret-words|127\.0\.0\.1|remoteAddress|user-agent/);
  });
});
