/**
 * Improvement plan pages in the browser, JavaScript off (every journey is plain forms): start a plan
 * from an inspection, the plan's task list with its gaps first, an action added with and without
 * errors, its page, a measure and its value, a progress update, the import upload and the council
 * timeline. axe at WCAG 2.2 AA on each page, nothing from another origin, no console errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { accountsTestApp, OWN_COUNCIL, PEOPLE, TEST_PASSWORD, type AccountsTestApp } from '../test/helpers/accounts-app.ts';
import { chromiumMissing, launchBrowser, screenshotPath, type Browser } from './support/browser.ts';
import { assertNoAxeViolations, watchPage } from './support/page-checks.ts';

if (chromiumMissing) process.stdout.write(`# browser tests skipped: ${chromiumMissing}\n`);

describe('improvement plan pages in the browser', { skip: chromiumMissing }, () => {
  let testApp: AccountsTestApp;
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    testApp = await accountsTestApp();
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const address = testApp.app.server.address();
    assert.ok(address !== null && typeof address === 'object');
    baseUrl = `http://127.0.0.1:${address.port}`;
    browser = await launchBrowser({ javaScriptEnabled: false });
    context = browser.context;
  });
  after(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function check(page: Page, name: string, watched: ReturnType<typeof watchPage>): Promise<void> {
    await page.waitForLoadState('load');
    await assertNoAxeViolations(page, name);
    await page.screenshot({ path: screenshotPath(`plans-${name}`), fullPage: true });
    assert.deepEqual(watched.requests.filter((url) => !url.startsWith(baseUrl) && !url.startsWith('data:')), [], `${name}: nothing from another origin`);
    assert.deepEqual(watched.consoleErrors, [], `${name}: no console errors`);
  }

  test('an editor starts a plan, adds an action and a measure, and reads the timeline', async () => {
    const page = await context.newPage();
    const watched = watchPage(page);
    await page.goto(`${baseUrl}/sign-in`);
    await page.fill('#email', PEOPLE.editor);
    await page.fill('#password', TEST_PASSWORD);
    await page.click('button:has-text("Sign in")');
    await page.waitForURL(`${baseUrl}/account`);

    await page.goto(`${baseUrl}/councils/${OWN_COUNCIL}/plans`);
    await check(page, 'council-plans', watched);
    await page.click('text=Start a plan from an inspection');
    await check(page, 'new-plan', watched);
    await page.click('button:has-text("Start the plan")');
    assert.equal(await page.locator('.govuk-error-summary').count(), 1, 'no inspection chosen: the error summary');
    await check(page, 'new-plan-error', watched);
    await page.locator('input[name="inspectionId"]').first().check();
    await page.click('button:has-text("Start the plan")');
    await page.waitForURL(/\/plans\/\d+$/);
    await check(page, 'plan', watched);
    assert.match(await page.locator('#gaps').innerText(), /Gaps to fill/);

    await page.click('text=Add an action');
    await page.click('button:has-text("Save the action")');
    assert.ok((await page.locator('.govuk-error-summary').innerText()).includes('Enter what will be delivered'));
    await check(page, 'action-form-errors', watched);
    await page.fill('#title', 'Audit every child in need plan each month');
    await page.locator('input[name="itemIds"]').first().check();
    await page.fill('#ownerName', 'Sam Carter');
    await page.fill('#dueDate', '30/09/2030');
    await page.click('button:has-text("Save the action")');
    await page.waitForURL(/\/actions\/\d+$/);
    await check(page, 'action', watched);

    await page.click('text=Add a measure');
    await check(page, 'measure-form', watched);
    await page.fill('#what', 'Plans reviewed on time');
    await page.fill('#unit', '%');
    await page.fill('#baseline', '60');
    await page.fill('#baselineDate', '2026-01-01');
    await page.fill('#target', '90');
    await page.fill('#targetDate', '2030-12-31');
    await page.fill('#frequency', 'monthly');
    await page.fill('#source', 'Case records');
    await page.click('button:has-text("Add the measure")');
    await page.waitForURL(/\/actions\/\d+$/);
    await page.click('text=Plans reviewed on time');
    await check(page, 'measure', watched);
    await page.fill('#date', '2026-02-01');
    await page.fill('#value', '64');
    await page.click('button:has-text("Add the value")');
    await page.waitForURL(/\/measures\/\d+$/);
    assert.match(await page.locator('table').last().innerText(), /64%/);

    await page.goto(`${baseUrl}/councils/${OWN_COUNCIL}/timeline`);
    await check(page, 'timeline', watched);
    assert.match(await page.locator('main').innerText(), /Improvement plan started/);
    await page.close();
  });
});
