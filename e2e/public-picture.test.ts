/**
 * Browser tests for issue 9 ("the public picture, whole"): a filter or a date applies to the whole
 * page and the page says which at the top; statutory deadlines on inspection pages; what is overdue.
 * Screen at 1280 px, phone at 375 px and print media, axe at 0 violations on each page opened.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumMissing, launchBrowser, screenshotPath, type Browser } from './support/browser.ts';
import { assertNoAxeViolations } from './support/page-checks.ts';
import { corpusMissing, startTestServer, type TestServer } from './support/test-server.ts';

const skip = chromiumMissing || corpusMissing;
if (skip) process.stdout.write(`# browser tests skipped: ${skip}\n`);

const DERBY = '80459';
const NORTH_WEST = 'North West';
const STOCKTON = '80563';

/** The number in a numeric table cell such as "12 (34%)". */
const leadingNumber = (text: string): number => Number(/^\d+/.exec(text.trim())?.[0] ?? Number.NaN);

describe('the public picture, whole', { skip }, () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, name: string): Promise<Page> {
    const page = await browser.context.newPage();
    const response = await page.goto(`${server.baseUrl}${path}`);
    assert.equal(response?.status(), 200, `${name}: status`);
    await assertNoAxeViolations(page, name);
    await page.screenshot({ path: screenshotPath(name), fullPage: true });
    return page;
  }

  /** "Overall effectiveness" row of the distribution table: [outstanding, good, RI, inadequate, councils]. */
  async function overallCounts(page: Page): Promise<number[]> {
    const cells = await page
      .locator('table')
      .first()
      .locator('tr', { hasText: 'Overall effectiveness' })
      .locator('td')
      .allInnerTexts();
    return cells.map(leadingNumber);
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
    await page.close();

    const today = await open(`/councils/${DERBY}`, 'council-today');
    assert.match(await today.locator('#page-scope').innerText(), /as at today/);
    assert.match(await today.locator('#latest + p').innerText(), /published 8 July 2025/);
    await today.close();
  });

  test('an inspection page shows its statutory deadlines with legal basis and whether each has passed (Derby 2017)', async () => {
    const derby2017 = (await server.loaded.services.inspections.listAll()).find(
      (inspection) => inspection.urn === DERBY && inspection.published === '2017-06-13',
    );
    assert.ok(derby2017, "Derby's 2017 report is labelled");
    const page = await open(`/inspections/${derby2017.id}`, 'inspection-1280');
    const rows = await page.locator('#deadlines-table tbody tr').allInnerTexts();
    const plan = rows.find((row) => /Written statement of action/.test(row));
    assert.ok(plan, rows.join(' / '));
    assert.match(plan, /70 working days/);
    assert.match(plan, /20 September 2017/);
    assert.match(plan, /Passed/);
    assert.match(plan, /s\.137/);
    const publication = rows.find((row) => /publishes the report/.test(row));
    assert.ok(publication && /30 working days/.test(publication) && /Passed/.test(publication), publication);
    await page.setViewportSize({ width: 375, height: 800 });
    await assertNoAxeViolations(page, 'inspection-375');
    await page.screenshot({ path: screenshotPath('inspection-375'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: screenshotPath('inspection-print'), fullPage: true });
    assert.ok(await page.locator('#deadlines-table').isVisible(), 'deadlines printed');
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
    const api = await page.request.get(`${server.baseUrl}/api/v1/councils/${STOCKTON}/next?asAt=2026-12-01`);
    const body = (await api.json()) as {
      next: { nominalWindow: { status: string; to: string }; givenNoInspectionYet: unknown };
    };
    assert.equal(body.next.nominalWindow.status, 'after-window');
    assert.match(body.next.nominalWindow.to, /^2026-09-/);
    assert.ok('givenNoInspectionYet' in body.next);
    await page.close();
  });
});
