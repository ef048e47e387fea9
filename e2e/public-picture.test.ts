/**
 * Browser tests for issue 9 ("the public picture, whole"): a filter or a date applies to the whole
 * page and the page says which at the top; statutory deadlines on inspection pages; what is overdue.
 * Screen at 1280 px, phone at 375 px and print media, axe at 0 violations on each page opened.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { todayIso } from '../src/calendar/index.ts';
import { readWorkbook } from '../src/documents/index.ts';
import { overallCounts, publicPages, publicPagesMissing as skip, shootPhoneAndPrint } from './support/public-pages.ts';

const DERBY = '80459';
const NORTH_WEST = 'North West';
const STOCKTON = '80563';

describe('the public picture, whole', { skip }, () => {
  const pages = publicPages();
  const open = (path: string, name: string) => pages.open(path, name);

  async function derby2017Path(): Promise<string> {
    const derby2017 = (await pages.server.loaded.services.inspections.listAll()).find(
      (inspection) => inspection.urn === DERBY && inspection.published === '2017-06-13',
    );
    assert.ok(derby2017, "Derby's 2017 report is labelled");
    return `/inspections/${derby2017.id}`;
  }

  test('a region filter applies to the counts, the chart and the table, and the top of the page says so', async () => {
    const whole = await open('/national?asAt=2025-12-31', 'national-whole');
    const nationalCounts = await overallCounts(whole);
    await whole.close();

    const page = await open(
      `/national?asAt=2025-12-31&region=${encodeURIComponent(NORTH_WEST)}`,
      'national-region-1280',
    );
    const scope = await page.locator('#page-scope').innerText();
    assert.match(scope, /as at 31 December 2025/);
    assert.match(scope, /North West/);
    const rowRegions = await page.locator('#latest-table tbody tr td:nth-child(2)').allInnerTexts();
    assert.ok(
      rowRegions.length > 0 && rowRegions.every((region) => region === NORTH_WEST),
      'the table shows the region only',
    );
    const counts = await overallCounts(page);
    const councils = counts.at(-1) ?? 0;
    assert.ok(
      councils > 0 && councils <= rowRegions.length,
      `the overall counts cover the region's councils (${councils} of ${rowRegions.length} rows)`,
    );
    assert.ok(
      councils < (nationalCounts.at(-1) ?? 0),
      `the counts are the region's, not the nation's (${councils} vs ${nationalCounts.at(-1)})`,
    );
    assert.equal(
      counts.slice(0, 4).reduce((sum, count) => sum + count, 0),
      councils,
      'the grades add up to the councils counted',
    );
    const chartLabels = await page
      .locator('svg.app-chart[role=img]')
      .evaluateAll((charts) => charts.map((chart) => chart.getAttribute('aria-label') ?? ''));
    assert.ok(chartLabels.length >= 1, 'the page has its charts');
    for (const label of chartLabels) assert.match(label, /North West/, "every chart is the region's");
    for (const caption of await page.locator('figcaption').allInnerTexts())
      assert.match(caption, /North West/, "every chart's caption names the region");
    await shootPhoneAndPrint(page, 'national-region');
    await page.close();
  });

  test('a council page at a past date shows the latest inspection and recommendations of that date', async () => {
    const page = await open(`/councils/${DERBY}?asAt=2019-01-01`, 'council-past-date-1280');
    const scope = await page.locator('#page-scope').innerText();
    assert.match(scope, /as at 1 January 2019/);
    const main = await page.locator('main').innerText();
    assert.match(main, /Latest inspection\n/);
    const latest = await page.locator('#latest + p').innerText();
    assert.match(latest, /published 13 June 2017/, 'the latest inspection as at the date is the 2017 one');
    assert.match(await page.locator('#recommendations + p').innerText(), /published 13 June 2017/);
    const published = await page.locator('#history-table tbody th').allInnerTexts();
    assert.deepEqual(published, ['13 June 2017'], 'no inspection published after the date');
    assert.doesNotMatch(main, /2025/, 'nothing from 2025 on a page as at 2019');
    await shootPhoneAndPrint(page, 'council-past-date');
    await page.close();

    const today = await open(`/councils/${DERBY}`, 'council-today');
    assert.match(await today.locator('#page-scope').innerText(), /as at today/);
    assert.match(await today.locator('#latest + p').innerText(), /published 8 July 2025/);
    await today.close();
  });

  test('an inspection page shows its statutory deadlines with legal basis and whether each has passed (Derby 2017)', async () => {
    const page = await open(await derby2017Path(), 'inspection-1280');
    const rows = await page.locator('#deadlines-table tbody tr').allInnerTexts();
    const plan = rows.find((row) => /Written statement of action/.test(row));
    assert.ok(plan, rows.join(' / '));
    assert.match(plan, /70 working days/);
    assert.match(plan, /20 September 2017/);
    assert.match(plan, /Passed/);
    assert.match(plan, /s\.137/);
    const publication = rows.find((row) => /publishes the report/.test(row));
    assert.ok(publication && /30 working days/.test(publication) && /Passed/.test(publication), publication);
    await shootPhoneAndPrint(page, 'inspection');
    assert.ok(await page.locator('#deadlines-table').isVisible(), 'deadlines printed');
    await page.close();
  });
  test("an inspection page's judgements, deadlines and recommendations download as CSV and XLSX (Derby 2017)", async () => {
    const page = await open(await derby2017Path(), 'inspection-downloads-1280');
    const today = todayIso();
    const links = async (format: string) =>
      page
        .locator('.app-downloads a', { hasText: format })
        .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    const csv = await links('CSV');
    const xlsx = await links('XLSX');
    const tables = (hrefs: string[]) => hrefs.map((href) => new URLSearchParams(href.split('?')[1]).get('download'));
    assert.deepEqual(tables(csv), ['judgements', 'deadlines', 'recommendations']);
    assert.deepEqual(tables(xlsx), ['judgements', 'deadlines', 'recommendations']);
    for (const href of csv) {
      const response = await page.request.get(`${pages.server.baseUrl}${href}`);
      assert.equal(response.status(), 200, href);
      const [header, first] = (await response.text()).split('\r\n');
      assert.match(header ?? '', /^urn,local_authority,inspection_id,published,.*,as_at,basis,source$/, href);
      assert.match(
        first ?? '',
        new RegExp(`^${DERBY},Derby,\\d+,2017-06-13,.*,${today},the facts read from the report`),
        href,
      );
      assert.match(first ?? '', /Open Government Licence v3\.0"?$/, href);
    }
    for (const href of xlsx) {
      const response = await page.request.get(`${pages.server.baseUrl}${href}`);
      const sheets = await readWorkbook(await response.body());
      const cover = sheets[0]?.rows.flat().join(' | ') ?? '';
      assert.match(cover, new RegExp(`As at \\| ${today}`), href);
      assert.match(cover, /Crown copyright, reused under the Open Government Licence v3\.0/, href);
      assert.ok((sheets[1]?.rows.length ?? 0) > 1, href);
    }
    await page.close();
  });

  test('a council whose nominal window has passed is told so, with the updated estimate (Stockton-on-Tees), in the page and the API', async () => {
    const page = await open(`/councils/${STOCKTON}?asAt=2026-12-01`, 'council-overdue-1280');
    const next = await page.locator('main').innerText();
    assert.match(
      next,
      /The nominal window for the next graded inspection has passed with no inspection by 1 December 2026/,
    );
    assert.match(next, /Nominal window: .* September 2026 .*: passed, with no inspection by 1 December 2026/);
    assert.match(next, /Updated estimate, given no inspection by 1 December 2026/);
    const api = await page.request.get(`${pages.server.baseUrl}/api/v1/councils/${STOCKTON}/next?asAt=2026-12-01`);
    const body = (await api.json()) as {
      next: { nominalWindow: { status: string; to: string }; givenNoInspectionYet: unknown };
    };
    assert.equal(body.next.nominalWindow.status, 'after-window');
    assert.match(body.next.nominalWindow.to, /^2026-09-/);
    assert.ok('givenNoInspectionYet' in body.next);
    await page.close();
  });
});
