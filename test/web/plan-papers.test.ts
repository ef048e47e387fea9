/**
 * A plan's papers from its pages, through the real app (app.inject, real services, a SQLite store):
 * a plan made through the plans service on Derby's 2017 inspection, submitted twice (versions 1 and
 * 2) and changed since. The action plan as Word, Excel, print view and PDF, the progress report as
 * Word, print view and PDF, each with its type and headers (no-store; files are attachments) and a
 * body that opens; "since" chosen on the plan page; sign-in first; 404 for another council's
 * editor; and, where Chromium is not installed, a 503 page that names what is missing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import mammoth from 'mammoth';
import { readWorkbook } from '../../src/documents/index.ts';
import { COMMAND_LINE_ACTOR } from '../../src/domain/actor.ts';
import { pdfPrinterAvailable } from '../../src/services/pdf-printer.ts';
import {
  accountsTestApp,
  OTHER_COUNCIL,
  OWN_COUNCIL,
  PEOPLE,
  TEST_PASSWORD,
  Visitor,
  type AccountsTestApp,
} from '../helpers/accounts-app.ts';

const CLI = COMMAND_LINE_ACTOR;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HTML = 'text/html; charset=utf-8';
const RECOMMENDATION = 'Make sure that plans for children in need say what will change and by when.';
const OTHER_EDITOR = 'editor@nottingham.example.gov.uk';
const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** A plan on Derby's 2017 inspection, covered and submitted as versions 1 and 2, then changed again. */
async function madePlan(testApp: AccountsTestApp): Promise<number> {
  const { plans, inspections } = testApp.loaded.services;
  const inspection = (await inspections.listAll()).find(
    (candidate) => candidate.urn === OWN_COUNCIL && candidate.published === '2017-06-13',
  );
  assert.ok(inspection);
  const plan = await plans.createPlan(CLI, OWN_COUNCIL, { inspectionId: inspection.id });
  const action = await plans.addAction(CLI, plan.id, {
    itemIds: plan.items.map((item) => item.id),
    title: 'Rewrite the children in need planning standard',
    owner: { kind: 'role', name: 'Head of Assessment' },
    startDate: '2026-01-05',
    dueDate: '2026-04-30',
    status: 'in progress',
    basedOnVersion: plan.version,
  });
  const measure = await plans.addMeasure(CLI, action.id, {
    what: 'Plans that say what will change',
    unit: '%',
    betterWhen: 'higher',
    baseline: { value: 40, date: '2025-12-31' },
    target: { value: 90, date: '2026-12-31' },
    frequency: 'monthly',
    source: 'Case audit',
    basedOnVersion: (await plans.getAction(CLI, action.id)).version,
  });
  const { measure: measured } = await plans.addMeasureValue(CLI, measure.id, {
    date: '2026-02-28',
    value: 52,
    basedOnVersion: measure.version,
  });
  const submit = async () =>
    plans.submit(CLI, plan.id, { basedOnVersion: (await plans.getPlan(CLI, plan.id)).version });
  await submit();
  await plans.updateAction(CLI, action.id, {
    dueDate: '2026-05-15',
    basedOnVersion: (await plans.getAction(CLI, action.id)).version,
  });
  await submit();
  await plans.addMeasureValue(CLI, measure.id, { date: '2026-04-30', value: 61, basedOnVersion: measured.version });
  await plans.updateAction(CLI, action.id, {
    dueDate: '2026-06-30',
    basedOnVersion: (await plans.getAction(CLI, action.id)).version,
  });
  return plan.id;
}

const wordText = async (body: Buffer) => (await mammoth.extractRawText({ buffer: body })).value;

describe('plan papers from the pages', () => {
  let testApp: AccountsTestApp;
  let planId: number;
  let editor: Visitor;

  before(async () => {
    testApp = await accountsTestApp();
    planId = await madePlan(testApp);
    await testApp.loaded.services.accounts.users.addUser(CLI, {
      email: OTHER_EDITOR,
      role: 'editor',
      name: 'Nia Nottingham',
      councils: [OTHER_COUNCIL],
      password: TEST_PASSWORD,
    });
    editor = new Visitor(testApp.app);
    await editor.signIn(PEOPLE.editor);
  });
  after(async () => testApp?.close());

  const files = () => [
    `/plans/${planId}/action-plan.docx`,
    `/plans/${planId}/action-plan.xlsx`,
    `/plans/${planId}/action-plan.pdf`,
    `/plans/${planId}/progress-report.docx`,
    `/plans/${planId}/progress-report.pdf`,
  ];
  const printViews = () => [`/plans/${planId}/action-plan`, `/plans/${planId}/progress-report`];

  test('the action plan in Word and Excel: attachments, never cached, and they open', async () => {
    const word = await editor.get(`/plans/${planId}/action-plan.docx`);
    assert.equal(word.statusCode, 200, word.body.slice(0, 300));
    assert.equal(word.headers['content-type'], DOCX);
    assert.equal(word.headers['cache-control'], 'no-store');
    assert.match(
      String(word.headers['content-disposition']),
      /^attachment; filename="Derby-action-plan-\d{4}-\d{2}-\d{2}\.docx"$/,
    );
    const text = await wordText(word.rawPayload);
    assert.ok(text.includes(RECOMMENDATION), 'the recommendation word for word');
    assert.match(text, /Rewrite the children in need planning standard/);
    assert.match(text, /Working copy \(after version 2\)/);

    const excel = await editor.get(`/plans/${planId}/action-plan.xlsx`);
    assert.equal(excel.statusCode, 200);
    assert.equal(excel.headers['content-type'], XLSX);
    assert.equal(excel.headers['cache-control'], 'no-store');
    assert.match(
      String(excel.headers['content-disposition']),
      /^attachment; filename="Derby-action-plan-[\d-]+\.xlsx"$/,
    );
    const sheets = await readWorkbook(excel.rawPayload);
    const actions = sheets.find((sheet) => sheet.name === 'Actions');
    assert.equal(actions?.rows.length, 2, 'the header and the one action');
    assert.ok(actions.rows[1]?.includes('Rewrite the children in need planning standard'));

    const frozen = await editor.get(`/plans/${planId}/action-plan.docx?version=1`);
    assert.equal(frozen.statusCode, 200);
    const frozenText = await wordText(frozen.rawPayload);
    assert.match(frozenText, /Version 1, /);
    assert.match(frozenText, /30 April 2026/, 'version 1 has the first due date');
  });

  test('the progress report in Word says what changed since the latest version, or since the one asked for', async () => {
    const latest = await editor.get(`/plans/${planId}/progress-report.docx`);
    assert.equal(latest.statusCode, 200);
    assert.equal(latest.headers['content-type'], DOCX);
    assert.equal(latest.headers['cache-control'], 'no-store');
    assert.match(
      String(latest.headers['content-disposition']),
      /^attachment; filename="Derby-progress-report-[\d-]+\.docx"$/,
    );
    const text = await wordText(latest.rawPayload);
    assert.match(text, /What changed since version 2/);
    assert.match(text, /due date moved from 15 May 2026 to 30 June 2026/);
    assert.doesNotMatch(text, /from 30 April 2026/);

    const sinceFirst = await wordText((await editor.get(`/plans/${planId}/progress-report.docx?since=1`)).rawPayload);
    assert.match(sinceFirst, /What changed since version 1/);
    assert.match(sinceFirst, /due date moved from 30 April 2026 to 30 June 2026/);
  });

  test('the print views are pages (not attachments), never cached, with their style under the nonce and links to the files', async () => {
    for (const url of printViews()) {
      const page = await editor.get(url);
      assert.equal(page.statusCode, 200, url);
      assert.equal(page.headers['content-type'], HTML);
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.equal(page.headers['content-disposition'], undefined);
      const nonce = /style-src[^;]*'nonce-([^']+)'/.exec(String(page.headers['content-security-policy']))?.[1];
      assert.ok(nonce, 'a style nonce in the CSP');
      assert.ok(page.body.includes(`<style nonce="${nonce}">`), 'the print style sheet under the nonce');
      assert.ok(page.body.includes('@media print'));
      if (url.endsWith('action-plan')) assert.ok(decode(page.body).includes(RECOMMENDATION), 'quoted word for word');
      assert.ok(page.body.includes(`href="${url}.docx"`), 'links to the Word file');
      assert.ok(page.body.includes(`href="/plans/${planId}"`), 'back to the plan');
    }
    const report = decode((await editor.get(`/plans/${planId}/progress-report?since=1`)).body);
    assert.match(report, /What changed since version 1/);
    assert.match(report, /<img src="data:image\/png;base64,[^"]+"[^>]* alt="Plans that say what will change: from 40%/);
    assert.ok(report.includes(`href="/plans/${planId}/progress-report.docx?since=1"`));
  });

  test('PDFs through Chromium: attachments that are PDFs, or a 503 page naming Chromium where it is missing', async () => {
    for (const url of [`/plans/${planId}/action-plan.pdf`, `/plans/${planId}/progress-report.pdf?since=1`]) {
      const response = await editor.get(url);
      assert.equal(response.headers['cache-control'], 'no-store');
      if (!pdfPrinterAvailable()) {
        assert.equal(response.statusCode, 503);
        assert.match(response.body, /needs Chromium at \/usr\/bin\/chromium/);
        continue;
      }
      assert.equal(response.statusCode, 200, response.body.slice(0, 300));
      assert.equal(response.headers['content-type'], 'application/pdf');
      assert.match(
        String(response.headers['content-disposition']),
        /^attachment; filename="Derby-(action-plan|progress-report)-[\d-]+\.pdf"$/,
      );
      assert.equal(response.rawPayload.subarray(0, 5).toString(), '%PDF-');
      assert.ok(response.rawPayload.length > 10_000, `a PDF of some pages: ${response.rawPayload.length} bytes`);
    }
  });

  test('a viewer of the council may read them too', async () => {
    const viewer = new Visitor(testApp.app);
    await viewer.signIn(PEOPLE.viewer);
    const response = await viewer.get(`/plans/${planId}/action-plan.xlsx`);
    assert.equal(response.statusCode, 200);
    assert.equal((await readWorkbook(response.rawPayload)).length, 4);
  });

  test('sign in first: every paper sends a visitor who is not signed in to the sign-in page, and back', async () => {
    const anonymous = new Visitor(testApp.app);
    for (const url of [...files(), ...printViews()]) {
      const response = await anonymous.get(url);
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.equal(
        String(response.headers.location),
        `/sign-in?returnTo=${encodeURIComponent(url)}`,
        `${url}: back afterwards`,
      );
    }
  });

  test("another council's editor gets 404 for every paper, as for the plan page", async () => {
    const stranger = new Visitor(testApp.app);
    assert.equal((await stranger.signIn(OTHER_EDITOR)).statusCode, 303);
    for (const url of [`/plans/${planId}`, ...files(), ...printViews(), `${files()[3]}?since=1`]) {
      const response = await stranger.get(url);
      assert.equal(response.statusCode, 404, url);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.equal(response.headers['content-disposition'], undefined);
      const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(response.body)?.[1] ?? '';
      assert.match(main, /Page not found/);
      assert.doesNotMatch(main, /Derby|version/i, `${url} confirms nothing`);
    }
  });

  test('bad addresses: a version that is not a number is 400, one the plan does not have is 404, each with a page that says so', async () => {
    const bad = await editor.get(`/plans/${planId}/progress-report.docx?since=zero`);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /since must be a version number/);
    const missing = await editor.get(`/plans/${planId}/action-plan.xlsx?version=9`);
    assert.equal(missing.statusCode, 404);
    assert.match(decode(missing.body), /has no version 9; its versions are 1, 2/);
    assert.equal((await editor.get(`/plans/${planId}/progress-report?since=0`)).statusCode, 400);
  });

  test('the plan page has a Papers section: a link for each format, and a GET form to choose the version compared with', async () => {
    const page = await editor.get(`/plans/${planId}`);
    assert.equal(page.statusCode, 200);
    const html = decode(page.body);
    assert.match(html, /<h2 class="govuk-heading-m" id="papers">Papers<\/h2>/);
    for (const [href, text] of [
      [`/plans/${planId}/action-plan.docx`, 'Action plan (Word, .docx)'],
      [`/plans/${planId}/action-plan.xlsx`, 'Action plan (Excel, .xlsx)'],
      [`/plans/${planId}/action-plan`, 'Action plan (print view, web page)'],
      [`/plans/${planId}/progress-report.docx`, 'Progress report (Word, .docx)'],
      [`/plans/${planId}/progress-report`, 'Progress report (print view, web page)'],
    ])
      assert.ok(html.includes(`href="${href}"`) && html.includes(`>${text}</a>`), text);
    assert.equal(html.includes('Action plan (PDF, .pdf)'), pdfPrinterAvailable());
    assert.match(html, /<form method="get" action="\/plans\/\d+#papers-progress-report"/);
    assert.match(
      html,
      /<option value="2" selected>Version 2, submitted [^<]+<\/option>\s*<option value="1">Version 1, submitted/,
    );
    assert.match(html, /what changed since version 2/);

    const chosen = decode((await editor.get(`/plans/${planId}?since=1`)).body);
    assert.ok(chosen.includes(`href="/plans/${planId}/progress-report.docx?since=1"`));
    assert.ok(chosen.includes(`href="/plans/${planId}/progress-report?since=1"`));
    assert.match(chosen, /<option value="1" selected>/);
    assert.match(chosen, /what changed since version 1/);

    const unknown = await editor.get(`/plans/${planId}?since=9`);
    assert.equal(unknown.statusCode, 200);
    assert.match(unknown.body, /govuk-error-message/);
    assert.match(unknown.body, /Select a submitted version of the plan from the list to compare with/);
  });
});

describe('plan papers where Chromium is not installed', () => {
  let testApp: AccountsTestApp;
  let planId: number;
  let editor: Visitor;
  const missing = '/nonexistent/chromium';

  before(async () => {
    testApp = await accountsTestApp({ services: { papers: { chromiumPath: missing } } });
    planId = await madePlan(testApp);
    editor = new Visitor(testApp.app);
    await editor.signIn(PEOPLE.editor);
  });
  after(async () => testApp?.close());

  test('the PDF routes answer 503 with a page that names what is missing; the other formats still work', async () => {
    for (const url of [`/plans/${planId}/action-plan.pdf`, `/plans/${planId}/progress-report.pdf`]) {
      const response = await editor.get(url);
      assert.equal(response.statusCode, 503, url);
      assert.equal(response.headers['content-type'], HTML);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.equal(response.headers['content-disposition'], undefined);
      assert.match(response.body, /Writing a PDF needs Chromium at \/nonexistent\/chromium, and it is not installed/);
    }
    assert.equal((await editor.get(`/plans/${planId}/action-plan.docx`)).statusCode, 200);
  });

  test('the plan page offers no PDF and says why; the print views link no PDF', async () => {
    const html = decode((await editor.get(`/plans/${planId}`)).body);
    assert.doesNotMatch(html, /\(PDF, \.pdf\)/);
    assert.match(html, /PDF copies cannot be made on this server: they need Chromium at \/nonexistent\/chromium/);
    const view = (await editor.get(`/plans/${planId}/action-plan`)).body;
    assert.doesNotMatch(view, /action-plan\.pdf/);
  });

  test('scope comes first: another council sees 404, not the missing printer', async () => {
    await testApp.loaded.services.accounts.users.addUser(CLI, {
      email: OTHER_EDITOR,
      role: 'editor',
      councils: [OTHER_COUNCIL],
      password: TEST_PASSWORD,
    });
    const stranger = new Visitor(testApp.app);
    await stranger.signIn(OTHER_EDITOR);
    assert.equal((await stranger.get(`/plans/${planId}/action-plan.pdf`)).statusCode, 404);
  });
});
