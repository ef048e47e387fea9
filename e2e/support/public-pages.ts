/**
 * The set-up the public-page browser tests share: the app over every labelled corpus report, one
 * Chromium, and pages opened with axe at 0 violations and a screenshot; plus reading the national
 * distribution table. Call `publicPages()` inside a `describe` (it adds the suite's before and after).
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumMissing, launchBrowser, screenshotPath, type Browser } from './browser.ts';
import { assertNoAxeViolations } from './page-checks.ts';
import { corpusMissing, startTestServer, type TestServer } from './test-server.ts';

/** Why the public-page browser tests skip (said once on stdout), or false when they can run. */
export const publicPagesMissing: string | false = chromiumMissing || corpusMissing;
if (publicPagesMissing) process.stdout.write(`# browser tests skipped: ${publicPagesMissing}\n`);

export const PHONE_WIDTH = 375;

export interface PublicPages {
  readonly server: TestServer;
  /** Opens the page at the width (default 1280 px), checks it answers 200 with no axe violation, and screenshots it. */
  open(path: string, name: string, width?: number): Promise<Page>;
}

export function publicPages(): PublicPages {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      assert.ok(server, 'the test server has started');
      return server;
    },
    async open(path, name, width = 1280) {
      assert.ok(server && browser, 'the test server and browser have started');
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      const response = await page.goto(`${server.baseUrl}${path}`);
      assert.equal(response?.status(), 200, `${name}: status`);
      await assertNoAxeViolations(page, name);
      await page.screenshot({ path: screenshotPath(name), fullPage: true });
      return page;
    },
  };
}

/** The open page on a phone (axe again, screenshot `<name>-375`), then printed (screenshot `<name>-print`; the page stays in print media). */
export async function shootPhoneAndPrint(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: PHONE_WIDTH, height: 800 });
  await assertNoAxeViolations(page, `${name}-${PHONE_WIDTH}`);
  await page.screenshot({ path: screenshotPath(`${name}-${PHONE_WIDTH}`), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: screenshotPath(`${name}-print`), fullPage: true });
}

/** The number in a numeric table cell such as "12 (34%)". */
export const leadingNumber = (text: string): number => Number(/^\d+/.exec(text.trim())?.[0] ?? Number.NaN);

/** "Overall effectiveness" row of the national distribution table: each grade, good or better, councils. */
export async function overallCounts(page: Page): Promise<number[]> {
  const cells = await page
    .locator('table')
    .first()
    .locator('tr', { hasText: 'Overall effectiveness' })
    .locator('td')
    .allInnerTexts();
  return cells.map(leadingNumber);
}
