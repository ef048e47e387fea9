/**
 * Improvement plan pages in the browser, JavaScript off (every journey is plain forms): start a plan
 * from an inspection, the plan's task list with its gaps first, an action added with and without
 * errors, its page, an evidence file uploaded and downloaded, a measure and its value, a progress update, the import upload and the council
 * timeline, then the check page (submission refused with the gaps), submission and sign-off, then the
 * plan page's Papers section and the progress report's print view. axe at
 * WCAG 2.2 AA on each page, nothing from another origin, no console errors.
 *
 * axe cannot run in a page with JavaScript off (its script is never evaluated and the call waits
 * for ever), so each page's HTML, exactly as served to the JavaScript-off browser, is checked in a
 * second, JavaScript-on browser at the same address. Every browser step has a timeout.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { COMMAND_LINE_ACTOR } from '../src/domain/actor.ts';
import {
  accountsTestApp,
  OWN_COUNCIL,
  PEOPLE,
  TEST_PASSWORD,
  type AccountsTestApp,
} from '../test/helpers/accounts-app.ts';
import { EVIDENCE_SAMPLES } from '../test/helpers/plan-fixtures.ts';
import { chromiumMissing, launchBrowser, screenshotPath, type Browser } from './support/browser.ts';
import { assertNoAxeViolations, watchPage } from './support/page-checks.ts';

/** Each browser step's limit: a step that cannot finish fails the test instead of hanging it. */
const STEP_MS = 15_000;

async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

if (chromiumMissing) process.stdout.write(`# browser tests skipped: ${chromiumMissing}\n`);

describe('improvement plan pages in the browser', { skip: chromiumMissing }, () => {
  let testApp: AccountsTestApp;
  let baseUrl: string;
  let browser: Browser;
  let axeBrowser: Browser;
  let context: BrowserContext;

  before(
    async () => {
      testApp = await accountsTestApp();
      await testApp.app.listen({ port: 0, host: '127.0.0.1' });
      const address = testApp.app.server.address();
      assert.ok(address !== null && typeof address === 'object');
      baseUrl = `http://127.0.0.1:${address.port}`;
      browser = await launchBrowser({ javaScriptEnabled: false });
      context = browser.context;
      context.setDefaultTimeout(STEP_MS);
      context.setDefaultNavigationTimeout(STEP_MS);
      axeBrowser = await launchBrowser();
      axeBrowser.context.setDefaultTimeout(STEP_MS);
      axeBrowser.context.setDefaultNavigationTimeout(STEP_MS);
    },
    { timeout: 90_000 },
  );
  after(
    async () => {
      await axeBrowser?.close();
      await browser?.close();
      await testApp?.close();
    },
    { timeout: 60_000 },
  );

  /** axe on this page's HTML as served, in the JavaScript-on browser at the same address. */
  async function axeCheck(page: Page, name: string): Promise<void> {
    const url = page.url();
    const html = await page.content();
    const copy = await axeBrowser.context.newPage();
    try {
      await copy.route(
        (address) => address.href === url,
        (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
      );
      await copy.goto(url);
      await within(STEP_MS * 2, `${name}: axe`, assertNoAxeViolations(copy, name));
    } finally {
      await copy.close();
    }
  }

  async function check(page: Page, name: string, watched: ReturnType<typeof watchPage>): Promise<void> {
    await page.waitForLoadState('load');
    await axeCheck(page, name);
    await page.screenshot({ path: screenshotPath(`plans-${name}`), fullPage: true });
    assert.deepEqual(
      watched.requests.filter((url) => !url.startsWith(baseUrl) && !url.startsWith('data:')),
      [],
      `${name}: nothing from another origin`,
    );
    assert.deepEqual(watched.consoleErrors, [], `${name}: no console errors`);
  }

  test(
    'an editor starts a plan, adds an action and a measure, reads the timeline, submits and signs off, then gets its papers',
    { timeout: 240_000 },
    async () => {
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
      const planUrl = page.url();
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
      const actionUrl = page.url();

      // Evidence with JavaScript off: the plain multipart form, then the file listed with its download.
      await page.setInputFiles('#evidence-action', {
        name: 'board-minutes.pdf',
        mimeType: 'application/pdf',
        buffer: EVIDENCE_SAMPLES.pdf,
      });
      await page.click('button:has-text("Upload to the action")');
      await page.waitForURL(/\/actions\/\d+#evidence$/);
      assert.ok(page.url().startsWith(actionUrl), page.url());
      const evidenceTable = page.locator('table', { hasText: 'Evidence files of the action' });
      assert.match(await evidenceTable.innerText(), /board-minutes\.pdf[\s\S]*PDF/);
      const download = await page.request.get(
        await evidenceTable
          .locator('a[download]')
          .first()
          .getAttribute('href')
          .then((href) => `${baseUrl}${href}`),
      );
      assert.equal(download.status(), 200);
      assert.equal(download.headers()['cache-control'], 'no-store');
      assert.deepEqual(Buffer.from(await download.body()), EVIDENCE_SAMPLES.pdf);
      await check(page, 'action-evidence', watched);

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

      // Submission: refused with the gaps as an error summary, then (the gaps filled) frozen and signed off.
      const plans = testApp.loaded.services.plans;
      const planId = Number(/\/plans\/(\d+)/.exec(planUrl)![1]);
      const started = await plans.getPlan(COMMAND_LINE_ACTOR, planId);
      // An action with no measure: a gap, whatever the report's recommendations were.
      await plans.addAction(COMMAND_LINE_ACTOR, planId, {
        itemIds: [started.items[0]!.id],
        title: 'Train every social worker in plan writing',
        owner: { kind: 'role', name: 'Principal social worker' },
        dueDate: '2030-06-30',
        basedOnVersion: started.version,
      });
      await page.goto(planUrl);
      await page.click('text=Check the plan and submit it');
      await page.waitForURL(/\/check$/);
      await check(page, 'check', watched);
      await page.click('button:has-text("Submit the plan")');
      assert.match(await page.locator('.govuk-error-summary').innerText(), /has no action|has no measure/);
      await check(page, 'check-gaps', watched);
      const plan = await plans.getPlan(COMMAND_LINE_ACTOR, planId);
      const uncovered = plan.items.filter((item) => item.actionIds.length === 0).map((item) => item.id);
      if (uncovered.length > 0)
        await plans.addAction(COMMAND_LINE_ACTOR, planId, {
          itemIds: uncovered,
          title: 'Review the remaining recommendations',
          owner: { kind: 'team', name: 'Quality assurance' },
          dueDate: '2030-01-31',
          basedOnVersion: plan.version,
        });
      for (const action of (await plans.getPlanContent(COMMAND_LINE_ACTOR, planId)).actions) {
        const view = await plans.getAction(COMMAND_LINE_ACTOR, action.id);
        if (view.measures.length === 0)
          await plans.addMeasure(COMMAND_LINE_ACTOR, action.id, {
            what: 'Recommendations reviewed',
            unit: '%',
            betterWhen: 'higher',
            baseline: { value: 0, date: '2026-01-01' },
            target: { value: 100, date: '2030-01-01' },
            frequency: 'quarterly',
            source: 'Review log',
            basedOnVersion: view.version,
          });
      }
      await page.goto(`${planUrl}/check`);
      await page.click('button:has-text("Submit the plan")');
      await page.waitForURL(/\/versions\?submitted=1$/);
      assert.match(await page.locator('.govuk-notification-banner').innerText(), /Version 1 is submitted and frozen/);
      await check(page, 'versions', watched);
      await page.click('button:has-text("Sign off version 1")');
      assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter the capacity you sign off in/);
      await check(page, 'sign-off-error', watched);
      await page.fill('#capacity', "Director of Children's Services");
      await page.click('button:has-text("Sign off version 1")');
      await page.waitForURL(/\/versions\?signed=1$/);
      assert.match(await page.locator('table').first().innerText(), /Director of Children's Services/);

      // The papers: the plan page's Papers section, the version chosen with its GET form, the print view and a download.
      await page.goto(planUrl);
      assert.equal(await page.locator('h2#papers').innerText(), 'Papers');
      for (const name of [
        'Action plan (Word, .docx)',
        'Action plan (Excel, .xlsx)',
        'Action plan (print view, web page)',
        'Progress report (Word, .docx)',
        'Progress report (print view, web page)',
      ])
        assert.equal(await page.getByRole('link', { name, exact: true }).count(), 1, name);
      await check(page, 'plan-papers', watched);
      await page.selectOption('#since', '1');
      await page.click('button:has-text("Use this version")');
      await page.waitForURL(/\/plans\/\d+\?since=1#papers-progress-report$/);
      await page.getByRole('link', { name: 'Progress report (print view, web page)', exact: true }).click();
      await page.waitForURL(/\/progress-report\?since=1$/);
      assert.equal(await page.locator('h1').innerText(), 'Improvement plan: progress report');
      await check(page, 'progress-report-print-view', watched);
      const word = await page.request.get(`${planUrl}/action-plan.docx`);
      assert.equal(word.status(), 200);
      assert.equal(word.headers()['cache-control'], 'no-store');
      assert.match(word.headers()['content-disposition'] ?? '', /^attachment; filename="Derby-action-plan-/);
      await page.close();
    },
  );
});
