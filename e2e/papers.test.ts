/**
 * The committee report's print view in Debian's Chromium, over Derby's labelled reports: axe at
 * WCAG 2.2 AA with no violations, nothing from another origin and no console errors (the print style
 * sheet loads under the CSP), the links from the inspection page, and a screenshot under
 * artifacts/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chromiumMissing, launchBrowser, screenshotPath, type Browser } from './support/browser.ts';
import { assertNoAxeViolations, watchPage } from './support/page-checks.ts';
import { corpusMissing, labelledReports, startTestServer, type TestServer } from './support/test-server.ts';

const skip = chromiumMissing || corpusMissing;
if (skip) process.stdout.write(`# committee report browser tests skipped: ${skip}\n`);

describe('the committee report in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let derby2017: number;

  before(async () => {
    server = await startTestServer(labelledReports(new Set(['80459', '80460', '80533'])));
    browser = await launchBrowser();
    const found = (await server.loaded.services.inspections.listAll()).find(
      (inspection) => inspection.urn === '80459' && inspection.published === '2017-06-13',
    );
    assert.ok(found, "Derby's 2017 inspection is loaded");
    derby2017 = found.id;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the inspection page leads to the print view, which passes axe and loads only its own style sheet', async () => {
    const page = await browser.context.newPage();
    const watched = watchPage(page);
    await page.goto(`${server.baseUrl}/inspections/${derby2017}`);
    await page.getByRole('link', { name: /View the committee report to print/ }).click();
    await page.waitForLoadState('load');
    assert.equal(new URL(page.url()).pathname, `/inspections/${derby2017}/committee-report`);
    assert.equal(await page.locator('h1').innerText(), "Ofsted inspection of children's services: Derby");
    assert.equal(await page.locator('main h2').count(), 12);
    assert.equal(await page.locator('ol.paper-quoted li').count(), 11);
    const numberStyle = await page
      .locator('.paper-numbered')
      .first()
      .evaluate((element) => getComputedStyle(element).display);
    assert.equal(numberStyle, 'grid', 'the print style sheet applied');
    await assertNoAxeViolations(page, 'committee report');
    await page.screenshot({ path: screenshotPath('committee-report'), fullPage: true });
    assert.deepEqual(
      watched.requests.filter((url) => !url.startsWith(server.baseUrl) && !url.startsWith('data:')),
      [],
    );
    assert.deepEqual(watched.consoleErrors, []);
    const download = await page.request.get(`${server.baseUrl}/api/v1/inspections/${derby2017}/committee-report.docx`);
    assert.equal(download.status(), 200);
    await page.close();
  });
});
