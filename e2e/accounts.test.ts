/**
 * Accounts in the browser: sign in through the form, then every new page (account, sign-out,
 * workspace, people, add a person with and without errors, a person, remove, tokens, a new token,
 * the audit trail, set a password) checked with axe at WCAG 2.2 AA, no foreign requests and no
 * console errors; and signing in with JavaScript off.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  accountsTestApp,
  OTHER_COUNCIL,
  OWN_COUNCIL,
  PEOPLE,
  TEST_PASSWORD,
  type AccountsTestApp,
} from '../test/helpers/accounts-app.ts';
import { chromiumMissing, launchBrowser, screenshotPath, type Browser } from './support/browser.ts';
import { assertNoAxeViolations, watchPage } from './support/page-checks.ts';

if (chromiumMissing) process.stdout.write(`# browser tests skipped: ${chromiumMissing}\n`);

describe('account pages in the browser', { skip: chromiumMissing }, () => {
  let testApp: AccountsTestApp;
  let baseUrl: string;
  let browser: Browser;

  before(async () => {
    testApp = await accountsTestApp();
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const address = testApp.app.server.address();
    assert.ok(address !== null && typeof address === 'object');
    baseUrl = `http://127.0.0.1:${address.port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function check(page: Page, name: string, watched: ReturnType<typeof watchPage>): Promise<void> {
    await page.waitForLoadState('load');
    await assertNoAxeViolations(page, name);
    await page.screenshot({ path: screenshotPath(`account-${name}`), fullPage: true });
    assert.deepEqual(
      watched.requests.filter((url) => !url.startsWith(baseUrl) && !url.startsWith('data:')),
      [],
      `${name}: nothing from another origin`,
    );
    assert.deepEqual(watched.consoleErrors, [], `${name}: no console errors`);
  }

  async function visit(
    page: Page,
    watched: ReturnType<typeof watchPage>,
    path: string,
    name: string,
    status = 200,
  ): Promise<void> {
    const response = await page.goto(`${baseUrl}${path}`);
    assert.equal(response?.status(), status, `${name}: status`);
    await check(page, name, watched);
  }

  async function signIn(context: BrowserContext, email: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.fill('#email', email);
    await page.fill('#password', TEST_PASSWORD);
    await page.click('button:has-text("Sign in")');
    await page.waitForURL(`${baseUrl}/account`);
    return page;
  }

  test('sign-in page, with and without errors', async () => {
    const page = await browser.context.newPage();
    const watched = watchPage(page);
    await visit(page, watched, '/sign-in', 'sign-in');
    assert.equal(await page.locator('h1').innerText(), 'Sign in');
    assert.equal(
      await page.locator('.govuk-service-navigation a:has-text("Sign in")').count(),
      1,
      'the header has a sign-in link',
    );
    await page.fill('#email', 'nobody@example.org');
    await page.fill('#password', 'not the right password');
    await page.click('button:has-text("Sign in")');
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter a correct email address and password/);
    await check(page, 'sign-in-error', watched);
    await page.close();
  });

  test('an admin’s pages: account, people, add a person, a person, tokens, the audit trail, workspace, sign out', async () => {
    const page = await signIn(browser.context, PEOPLE.admin);
    const watched = watchPage(page);
    await visit(page, watched, '/account', 'account');
    assert.match(await page.locator('main').innerText(), /Ada Admin/);
    assert.equal(await page.locator('.govuk-service-navigation a:has-text("Your account")').count(), 1);
    await visit(page, watched, '/admin/users', 'users');
    await visit(page, watched, '/admin/users/new', 'user-new');
    await page.click('button:has-text("Add person")');
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter their email address/);
    await check(page, 'user-new-error', watched);
    await page.fill('#email', 'nia@derby.example.gov.uk');
    await page.fill('#name', 'Nia New');
    await page.check('#role');
    await page.fill('#councils', OWN_COUNCIL);
    await page.click('button:has-text("Add person")');
    await check(page, 'user-added', watched);
    const link = await page.locator('#password-link').innerText();
    assert.match(link, /\/set-password\//);
    await page.click('a:has-text("Their details")');
    await check(page, 'user', watched);
    await page.fill('#label', 'reporting tool');
    await page.click('button:has-text("Create a token")');
    await check(page, 'token-created', watched);
    assert.match(await page.locator('#api-token').innerText(), /^csci_/);
    await visit(page, watched, '/admin/tokens', 'tokens');
    await visit(page, watched, '/admin/audit', 'audit');
    await visit(page, watched, '/admin/audit?from=not-a-date', 'audit-error', 400);
    await visit(page, watched, `/councils/${OTHER_COUNCIL}/workspace`, 'workspace');
    const users = await page.goto(`${baseUrl}/admin/users`);
    assert.equal(users?.status(), 200);
    await page.click('a:has-text("Nia New")');
    await page.click('a:has-text("Remove Nia New")');
    await check(page, 'user-remove', watched);
    await visit(page, watched, '/sign-out', 'sign-out');
    await page.click('button:has-text("Sign out"):not(.govuk-button--warning)');
    await page.waitForURL(/\/sign-in\?signedOut=1/);
    await check(page, 'signed-out', watched);

    const newcomer = await browser.context.newPage();
    const newcomerWatch = watchPage(newcomer);
    await visit(newcomer, newcomerWatch, new URL(link).pathname, 'set-password');
    await newcomer.fill('#password', 'short');
    await newcomer.fill('#confirm', 'short');
    await newcomer.click('button:has-text("Set password")');
    assert.match(await newcomer.locator('.govuk-error-summary').innerText(), /12 characters or more/);
    await check(newcomer, 'set-password-error', newcomerWatch);
    await page.close();
    await newcomer.close();
  });

  test('a viewer sees their council’s workspace, and another council’s is not found', async () => {
    const context = await launchBrowser();
    try {
      const page = await signIn(context.context, PEOPLE.viewer);
      const watched = watchPage(page);
      await visit(page, watched, `/councils/${OWN_COUNCIL}/workspace`, 'workspace-viewer');
      assert.match(await page.locator('main').innerText(), /Vi Viewer/);
      await visit(page, watched, `/councils/${OTHER_COUNCIL}/workspace`, 'workspace-other', 404);
      await visit(page, watched, '/admin/users', 'users-forbidden', 403);
    } finally {
      await context.close();
    }
  });

  test('signing in works with JavaScript off', async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await signIn(noScript.context, PEOPLE.editor);
      assert.match(await page.locator('main').innerText(), /Ed Editor/);
    } finally {
      await noScript.close();
    }
  });
});
