/**
 * Browser tests: every page in Debian's Chromium, over a store holding the corpus's labelled
 * reports. Each page: content checks, a keyboard-only pass, axe at WCAG 2.2 AA with no violations,
 * only same-origin requests and no console errors (so the CSP blocks nothing we need), and a
 * screenshot under artifacts/screenshots/. Then the same journeys with JavaScript off.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumMissing, launchBrowser, screenshotPath, type Browser } from './support/browser.ts';
import { assertNoAxeViolations, keyboardPass, tabTo, watchPage } from './support/page-checks.ts';
import { corpusMissing, startTestServer, type TestServer } from './support/test-server.ts';

const skip = chromiumMissing || corpusMissing;
if (skip) process.stdout.write(`# browser tests skipped: ${skip}\n`);

const DERBY = '80459';

describe('pages in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let derbyLatestId: number;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const derby = (await server.loaded.services.inspections.listAll()).filter((inspection) => inspection.urn === DERBY);
    const latest = derby.sort((a, b) => a.published.localeCompare(b.published)).at(-1);
    assert.ok(latest, 'Derby has labelled reports');
    derbyLatestId = latest.id;
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the page, runs the shared checks, saves the screenshot; returns the page for more checks. */
  async function openAndCheck(path: string, name: string, expectedStatus = 200): Promise<Page> {
    const page = await browser.context.newPage();
    const watched = watchPage(page);
    const response = await page.goto(`${server.baseUrl}${path}`);
    assert.equal(response?.status(), expectedStatus, `${name}: status`);
    await page.waitForLoadState('load');
    assert.ok(
      await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')),
      `${name}: govuk-frontend initialised (inline script allowed by its nonce)`,
    );
    await assertNoAxeViolations(page, name);
    await page.screenshot({ path: screenshotPath(name), fullPage: true });
    const foreign = watched.requests.filter((url) => !url.startsWith(server.baseUrl) && !url.startsWith('data:'));
    assert.deepEqual(foreign, [], `${name}: nothing loaded from another origin`);
    assert.deepEqual(
      watched.requests.filter((url) => /\.(woff2?|ttf)$/.test(url)),
      [],
      `${name}: no web font (GDS Transport) requested`,
    );
    assert.deepEqual(watched.consoleErrors, [], `${name}: no console errors`);
    const font = await page.evaluate(() => getComputedStyle(document.querySelector('h1') ?? document.body).fontFamily);
    assert.doesNotMatch(font, /GDS Transport/, `${name}: system font`);
    return page;
  }

  test('home page', async () => {
    const page = await openAndCheck('/', 'home');
    assert.equal(await page.locator('h1').innerText(), "Ofsted inspections of children's services");
    assert.match(await page.locator('main').innerText(), /The store holds \d+ graded inspections of \d+ councils/);
    assert.equal(
      await page.locator('.govuk-header__logo, .govuk-logo, svg[class*=crown]').count(),
      0,
      'no crown, no GOV.UK logo',
    );
    assert.match(await page.locator('footer').innerText(), /Open Government Licence v3\.0/);
    const stops = await keyboardPass(page, 'home');
    assert.ok(stops.some((stop) => stop.href === '/national'));
    // Search with the keyboard alone.
    await page.goto(`${server.baseUrl}/`);
    await tabTo(page, 'home', (stop) => stop.tag === 'input');
    await page.keyboard.type('Derby');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=Derby/);
    assert.match(await page.locator('main').innerText(), /Derbyshire/);
    await page.close();
  });

  test('national page: chart with table, sortable and filterable table, CSV link', async () => {
    const page = await openAndCheck('/national?asAt=2025-12-31', 'national');
    assert.equal(await page.locator('h1').innerText(), 'National picture');
    // The distribution at the date first; the quarterly series follows it.
    const chart = page.locator('svg.app-chart[role=img]').first();
    assert.equal(await page.locator('svg.app-chart[role=img]').count(), 2);
    assert.match((await chart.getAttribute('aria-label')) ?? '', /as at 31 December 2025/);
    const box = await chart.boundingBox();
    assert.ok(box && box.width > 400 && box.height > 200, `chart drawn at a readable size (${JSON.stringify(box)})`);
    assert.match(await page.locator('table').first().innerText(), /Overall effectiveness/);
    const rows = await page.locator('#latest-table tbody tr').count();
    assert.ok(rows > 50, `every council with a labelled report (${rows})`);
    assert.ok(await page.locator('a[href^="/national/latest-inspections.csv"]').count());

    // Keyboard only: choose a region, submit, then sort by a column.
    await keyboardPass(page, 'national');
    await page.goto(`${server.baseUrl}/national?asAt=2025-12-31`);
    await tabTo(
      page,
      'national',
      (stop) => (stop.tag === 'select' && /region/i.test(stop.text + (stop.href ?? ''))) || stop.tag === 'select',
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const region = await page.locator('#region').inputValue();
    assert.ok(region !== '', 'a region chosen with the arrow keys');
    await tabTo(page, 'national', (stop) => stop.tag === 'button' && stop.text === 'Show');
    await page.keyboard.press('Enter');
    await page.waitForURL(/region=/);
    const regions = await page.locator('#latest-table tbody tr td:nth-child(2)').allInnerTexts();
    assert.ok(regions.length > 0 && regions.every((text) => text === region), `only ${region} is shown`);
    await tabTo(page, 'national', (stop) => stop.tag === 'a' && stop.text === 'Published');
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=published/);
    assert.equal(await page.locator('th[aria-sort=ascending]').innerText(), 'Published');
    const csv = await page.request.get(
      `${server.baseUrl}${await page.locator('a[href^="/national/latest-inspections.csv"]').getAttribute('href')}`,
    );
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(lines.length - 1, regions.length, 'the CSV has the rows shown');
    await page.close();
  });

  test('council page: history, place, what comes next, recommendations', async () => {
    const page = await openAndCheck(`/councils/${DERBY}?asAt=2025-12-31`, 'council');
    assert.equal(await page.locator('h1').innerText(), 'Derby');
    const main = await page.locator('main').innerText();
    for (const heading of [
      'Latest inspection',
      'Inspection history',
      'Place in its region and among its statistical neighbours',
      'What comes next',
      'Latest recommendations',
    ]) {
      assert.ok(main.includes(heading), heading);
    }
    assert.equal(await page.locator('svg.app-chart[role=img]').count(), 1);
    assert.match(main, /East Midlands/);
    assert.match(main, /Next graded inspection/);
    await keyboardPass(page, 'council');
    await page.goto(`${server.baseUrl}/councils/${DERBY}?asAt=2025-12-31`);
    await tabTo(page, 'council', (stop) => stop.href === `/inspections/${derbyLatestId}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/inspections/${derbyLatestId}$`));
    await page.close();
  });

  test('inspection page: judgements in Ofsted wording, recommendations, source and licence', async () => {
    const page = await openAndCheck(`/inspections/${derbyLatestId}`, 'inspection');
    const main = await page.locator('main').innerText();
    assert.match(main, /ILACS short inspection, published 8 July 2025/);
    assert.match(main, /19 to 23 May 2025/);
    assert.match(main, /The impact of leaders on social work practice with children and families/);
    assert.match(main, /Open Government Licence v3\.0/);
    assert.match(main, /What needs to improve/);
    assert.ok((await page.locator('ol.app-recommendations li').count()) > 0);
    const pdfHref = await page.locator('a', { hasText: 'Download the source report (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(`${server.baseUrl}${pdfHref}`);
    assert.equal(pdf.status(), 200);
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    await keyboardPass(page, 'inspection');
    await page.close();
  });

  test('search page', async () => {
    const page = await openAndCheck('/search?q=north', 'search');
    const results = await page.locator('main ul.govuk-list li').allInnerTexts();
    assert.ok(results.length >= 3 && results.every((text) => /north/i.test(text)), results.join(' / '));
    await keyboardPass(page, 'search');
    await page.close();
    const empty = await openAndCheck('/search?q=', 'search-error', 400);
    assert.match(await empty.locator('.govuk-error-summary').innerText(), /Enter a council name/);
    await keyboardPass(empty, 'search-error');
    await empty.close();
  });

  test('about, 404 and error pages', async () => {
    const about = await openAndCheck('/about', 'about');
    assert.match(await about.locator('main').innerText(), /Open Government Licence v3\.0/);
    await keyboardPass(about, 'about');
    await about.close();
    const missing = await openAndCheck('/councils/123456789', 'not-found', 404);
    assert.equal(await missing.locator('h1').innerText(), 'Page not found');
    await keyboardPass(missing, 'not-found');
    await missing.close();
    const bad = await openAndCheck(`/councils/${DERBY}?asAt=yesterday`, 'error', 400);
    assert.equal(await bad.locator('h1').innerText(), 'There is a problem with your request');
    await bad.close();
  });
});

describe('pages with JavaScript off', { skip }, () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser({ javaScriptEnabled: false });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('every journey works as plain links and GET forms', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.baseUrl}/`);
    assert.equal(await page.locator('body.js-enabled').count(), 0, 'JavaScript is off');
    await page.fill('#q', 'Derby');
    await page.click('button:has-text("Search")');
    await page.waitForURL(/\/search\?q=Derby/);
    await page.click('a:has-text("Derbyshire")');
    await page.waitForURL(/\/councils\/\d+/);
    assert.equal(await page.locator('h1').innerText(), 'Derbyshire');
    await page.goto(`${server.baseUrl}/national`);
    await page.selectOption('#overall', 'inadequate');
    await page.click('button:has-text("Show")');
    await page.waitForURL(/overall=inadequate/);
    const grades = await page.locator('#latest-table tbody tr td:nth-child(5)').allInnerTexts();
    assert.ok(grades.length > 0 && grades.every((text) => /^Inadequate\b/.test(text.trim())), grades.join(','));
    await page.click('a.app-sort-link:has-text("Council")');
    await page.waitForURL(/sort=name&order=desc|order=desc/);
    await page.screenshot({ path: screenshotPath('national-no-js'), fullPage: true });
    await page.close();
  });
});
