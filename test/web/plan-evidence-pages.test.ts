/**
 * Evidence files from the plan pages, through the real app (app.inject, real services, a SQLite
 * store, CSRF on): a file uploaded (multipart, no JavaScript) on an action, on one of its updates
 * and on a measure, each naming the version it was based on, then listed with its name, type, size,
 * who and when; every refusal shown with the GOV.UK error summary and nothing stored (wrong type,
 * too large, empty, no file, a stale version with what is saved now, a missing or wrong CSRF token);
 * the download's headers; another council's editor and a viewer kept out. The measure page's chart.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COMMAND_LINE_ACTOR } from '../../src/domain/actor.ts';
import {
  accountsTestApp,
  csrfFrom,
  OTHER_COUNCIL,
  OWN_COUNCIL,
  PEOPLE,
  TEST_PASSWORD,
  Visitor,
  type AccountsTestApp,
} from '../helpers/accounts-app.ts';
import { EVIDENCE_SAMPLES } from '../helpers/plan-fixtures.ts';

const CLI = COMMAND_LINE_ACTOR;
const MAX_BYTES = 2048;
const OTHER_EDITOR = 'editor@nottingham.example.gov.uk';
const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

interface Upload {
  readonly file?: { readonly name: string; readonly bytes: Uint8Array } | 'none chosen';
  /** The token sent: the page's by default; null sends none. */
  readonly csrf?: string | null;
  readonly version?: string;
}

describe('evidence files from the plan pages', () => {
  let testApp: AccountsTestApp;
  let editor: Visitor;
  let viewer: Visitor;
  let otherEditor: Visitor;
  let planId: number;
  let actionId: number;
  let measureId: number;
  let updateId: number;
  let otherPlan: { planId: number; evidenceId: number };
  const plans = () => testApp.loaded.services.plans;

  before(async () => {
    testApp = await accountsTestApp({ evidenceMaxBytes: MAX_BYTES });
    await testApp.loaded.services.accounts.users.addUser(CLI, {
      email: OTHER_EDITOR,
      role: 'editor',
      name: 'Other Editor',
      councils: [OTHER_COUNCIL],
      password: TEST_PASSWORD,
    });
    editor = new Visitor(testApp.app);
    await editor.signIn(PEOPLE.editor);
    viewer = new Visitor(testApp.app);
    await viewer.signIn(PEOPLE.viewer);
    otherEditor = new Visitor(testApp.app);
    await otherEditor.signIn(OTHER_EDITOR);

    const inspections = await testApp.loaded.services.inspections.listAll();
    const planOf = async (urn: string) => {
      const plan = await plans().createPlan(CLI, urn, {
        inspectionId: inspections.find((inspection) => inspection.urn === urn)!.id,
      });
      const action = await plans().addAction(CLI, plan.id, {
        itemIds: plan.items.map((item) => item.id),
        title: 'Audit every plan each month',
        owner: { kind: 'role', name: 'Head of Service' },
        dueDate: '2030-01-31',
        basedOnVersion: plan.version,
      });
      const measure = await plans().addMeasure(CLI, action.id, {
        what: 'Plans reviewed on time',
        unit: '%',
        betterWhen: 'higher',
        baseline: { value: 50, date: '2019-01-01' },
        target: { value: 90, date: '2027-12-31' },
        frequency: 'monthly',
        source: 'Case records',
        basedOnVersion: action.version,
      });
      const update = await plans().addUpdate(CLI, action.id, {
        text: 'The first audits are done.',
        status: 'in progress',
        date: '2019-03-01',
        basedOnVersion: (await plans().getAction(CLI, action.id)).version,
      });
      return { plan, action, measure, update };
    };
    const own = await planOf(OWN_COUNCIL);
    planId = own.plan.id;
    actionId = own.action.id;
    measureId = own.measure.id;
    updateId = own.update.id;
    const other = await planOf(OTHER_COUNCIL);
    const evidence = await plans().addEvidence(
      CLI,
      { actionId: other.action.id },
      {
        fileName: 'other.pdf',
        bytes: EVIDENCE_SAMPLES.pdf,
        basedOnVersion: (await plans().getAction(CLI, other.action.id)).version,
      },
    );
    otherPlan = { planId: other.plan.id, evidenceId: evidence.id };
  });
  after(async () => testApp?.close());

  const actionUrl = () => `/plans/${planId}/actions/${actionId}`;
  const measureUrl = () => `/plans/${planId}/measures/${measureId}`;
  const evidenceCount = async () => {
    const action = await plans().getAction(CLI, actionId);
    return (
      action.evidence.length +
      action.updates.reduce((sum, update) => sum + update.files.length, 0) +
      action.measures.reduce((sum, measure) => sum + measure.evidence.length, 0)
    );
  };

  /** Opens `page` as `visitor`, then posts its upload form for `formAction` as a browser would (multipart). */
  async function upload(visitor: Visitor, page: string, formAction: string, sent: Upload = {}) {
    const html = (await visitor.get(page)).body;
    const form = new RegExp(
      `action="${formAction.replace(/[/]/g, '\\/')}" enctype="multipart/form-data"[\\s\\S]*?name="version" value="(\\d+)"`,
    ).exec(html);
    const data = new FormData();
    const token = sent.csrf === undefined ? csrfFrom(html) : sent.csrf;
    if (token !== null) data.append('_csrf', token);
    data.append('version', sent.version ?? form?.[1] ?? '1');
    const file = sent.file ?? { name: 'board-minutes.pdf', bytes: EVIDENCE_SAMPLES.pdf };
    if (file === 'none chosen') data.append('file', new Blob([]), '');
    else data.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
    const request = new Request('http://localhost/', { method: 'POST', body: data });
    const response = await testApp.app.inject({
      method: 'POST',
      url: formAction,
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { 'content-type': request.headers.get('content-type')!, cookie: visitor.jar.header() },
    });
    visitor.jar.take(response);
    return response;
  }

  test('the action page takes a file on the version it shows, then lists it with a download link', async () => {
    const page = await editor.get(actionUrl());
    assert.match(page.body, /enctype="multipart\/form-data"/);
    assert.match(
      page.body,
      /class="govuk-file-upload[^"]*"[^>]*id="evidence-action"|id="evidence-action"[^>]*class="govuk-file-upload/,
    );
    const response = await upload(editor, actionUrl(), `${actionUrl()}/evidence`);
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    assert.equal(response.headers.location, `${actionUrl()}#evidence`);
    const action = await plans().getAction(CLI, actionId);
    assert.deepEqual(
      action.evidence.map((file) => [file.fileName, file.contentType, file.size, file.createdBy]),
      [['board-minutes.pdf', 'application/pdf', EVIDENCE_SAMPLES.pdf.length, PEOPLE.editor]],
    );
    const listed = decode((await editor.get(actionUrl())).body);
    assert.match(
      listed,
      new RegExp(
        `href="/plans/${planId}/evidence/${action.evidence[0]!.id}" download>board-minutes\\.pdf</a>[\\s\\S]*?PDF[\\s\\S]*?${EVIDENCE_SAMPLES.pdf.length} bytes[\\s\\S]*?${PEOPLE.editor.replace(/\./g, '\\.')}`,
      ),
    );
    const audit = await testApp.loaded.services.accounts.audit.list(CLI, { recordType: 'evidence' });
    assert.ok(audit.some((event) => event.action === 'evidence.add' && event.actorEmail === PEOPLE.editor));
  });

  test('an update and a measure take files too, each on its own version', async () => {
    const toUpdate = await upload(editor, actionUrl(), `${actionUrl()}/updates/${updateId}/evidence`, {
      file: { name: 'audit.png', bytes: EVIDENCE_SAMPLES.png },
    });
    assert.equal(toUpdate.statusCode, 303, toUpdate.body.slice(0, 500));
    const update = (await plans().getAction(CLI, actionId)).updates.find((one) => one.id === updateId)!;
    assert.deepEqual(
      update.files.map((file) => [file.fileName, file.contentType]),
      [['audit.png', 'image/png']],
    );
    assert.match(
      decode((await editor.get(actionUrl())).body),
      /Evidence files of this update[\s\S]*audit\.png[\s\S]*PNG image/,
    );

    const toMeasure = await upload(editor, measureUrl(), `${measureUrl()}/evidence`, {
      file: { name: 'figures.pdf', bytes: EVIDENCE_SAMPLES.pdf },
    });
    assert.equal(toMeasure.statusCode, 303, toMeasure.body.slice(0, 500));
    assert.equal(toMeasure.headers.location, `${measureUrl()}#evidence`);
    assert.deepEqual(
      (await plans().getMeasure(CLI, measureId)).evidence.map((file) => file.fileName),
      ['figures.pdf'],
    );
    assert.match(decode((await editor.get(measureUrl())).body), /Evidence files of the measure[\s\S]*figures\.pdf/);
  });

  test('each refusal is an error summary on the form it came from, and stores nothing', async () => {
    const cases: [string, string, Upload, number, RegExp][] = [
      [
        actionUrl(),
        `${actionUrl()}/evidence`,
        { file: { name: 'minutes.txt', bytes: EVIDENCE_SAMPLES.text } },
        400,
        /The selected file must be a PDF, Word, Excel, PNG or JPEG/,
      ],
      [
        actionUrl(),
        `${actionUrl()}/evidence`,
        { file: { name: 'big.pdf', bytes: Buffer.concat([EVIDENCE_SAMPLES.pdf, Buffer.alloc(MAX_BYTES)]) } },
        400,
        /The selected file must be smaller than/,
      ],
      [
        measureUrl(),
        `${measureUrl()}/evidence`,
        { file: { name: 'empty.pdf', bytes: new Uint8Array(0) } },
        400,
        /The selected file is empty/,
      ],
      [
        actionUrl(),
        `${actionUrl()}/updates/${updateId}/evidence`,
        { file: 'none chosen' },
        400,
        /Select a file to upload/,
      ],
    ];
    for (const [page, formAction, sent, status, message] of cases) {
      const before = await evidenceCount();
      const response = await upload(editor, page, formAction, sent);
      assert.equal(response.statusCode, status, `${formAction}: ${response.body.slice(0, 300)}`);
      assert.equal(response.headers['cache-control'], 'no-store');
      const body = decode(response.body);
      const field = formAction.includes('/updates/')
        ? `evidence-update-${updateId}`
        : formAction.includes('/measures/')
          ? 'evidence-measure'
          : 'evidence-action';
      assert.match(body, new RegExp(`govuk-error-summary[\\s\\S]*href="#${field}"[^>]*>${message.source}`));
      assert.match(body, new RegExp(`id="${field}-error"[\\s\\S]*?${message.source}`), 'the message by the field too');
      assert.equal(await evidenceCount(), before, `${formAction}: nothing stored`);
    }
  });

  test('a stale upload stores nothing and shows the page as saved now', async () => {
    const page = (await editor.get(actionUrl())).body;
    const version = /action="[^"]*\/actions\/\d+\/evidence"[\s\S]*?name="version" value="(\d+)"/.exec(page)![1]!;
    const action = await plans().getAction(CLI, actionId);
    await plans().updateAction(CLI, actionId, {
      title: 'Audit every plan each fortnight',
      basedOnVersion: action.version,
    });
    const before = await evidenceCount();
    const response = await upload(editor, actionUrl(), `${actionUrl()}/evidence`, {
      version,
      file: { name: 'late.pdf', bytes: EVIDENCE_SAMPLES.pdf },
    });
    assert.equal(response.statusCode, 409);
    const body = decode(response.body);
    assert.match(
      body,
      /govuk-error-summary[\s\S]*Someone else saved a change to this while you were choosing the file/,
    );
    assert.match(body, /id="evidence-action-stale"/);
    assert.match(body, /<h1 class="govuk-heading-l">Audit every plan each fortnight<\/h1>/, 'the newer content');
    const fresh = (await plans().getAction(CLI, actionId)).version;
    assert.match(
      body,
      new RegExp(`action="[^"]*/actions/${actionId}/evidence"[\\s\\S]*?name="version" value="${fresh}"`),
    );
    assert.equal(await evidenceCount(), before);
  });

  test('an upload without the CSRF token, or with a wrong one, is refused and stores nothing', async () => {
    const before = await evidenceCount();
    const missing = await upload(editor, actionUrl(), `${actionUrl()}/evidence`, { csrf: null });
    assert.equal(missing.statusCode, 403);
    const wrong = await upload(editor, actionUrl(), `${actionUrl()}/evidence`, { csrf: 'not-the-token' });
    assert.equal(wrong.statusCode, 403);
    const otherSession = csrfFrom((await viewer.get('/sign-out')).body);
    assert.equal(
      (await upload(editor, actionUrl(), `${actionUrl()}/evidence`, { csrf: otherSession })).statusCode,
      403,
    );
    assert.equal(await evidenceCount(), before);
  });

  test('a download is private, an attachment with a safe name, of the type its content showed', async () => {
    const bytes = EVIDENCE_SAMPLES.pdf;
    const added = await plans().addEvidence(
      CLI,
      { actionId },
      {
        fileName: 'Évaluation "finale" (board).pdf',
        bytes,
        basedOnVersion: (await plans().getAction(CLI, actionId)).version,
      },
    );
    const response = await editor.get(`/plans/${planId}/evidence/${added.id}`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(
      response.headers['content-disposition'],
      `attachment; filename="_valuation finale (board).pdf"; filename*=UTF-8''%C3%89valuation%20finale%20%28board%29.pdf`,
    );
    assert.deepEqual(response.rawPayload, bytes);
    assert.equal((await viewer.get(`/plans/${planId}/evidence/${added.id}`)).statusCode, 200, 'a viewer may read');
    assert.equal((await editor.get(`/plans/${planId}/evidence/999999`)).statusCode, 404, 'an unknown id');
    const foreign = await editor.get(`/plans/${otherPlan.planId}/evidence/${otherPlan.evidenceId}`);
    assert.equal(foreign.statusCode, 404, "another council's file");
    assert.doesNotMatch(foreign.body, /other\.pdf/);
    assert.equal(
      (await editor.get(`/plans/${planId}/evidence/${otherPlan.evidenceId}`)).statusCode,
      404,
      "another council's file under this plan's address",
    );
  });

  test("a viewer sees the files but no upload form and cannot upload; another council's editor finds nothing", async () => {
    const page = decode((await viewer.get(actionUrl())).body);
    assert.match(page, /board-minutes\.pdf/);
    assert.doesNotMatch(page, /multipart\/form-data/);
    const before = await evidenceCount();
    const token = csrfFrom((await viewer.get('/sign-out')).body);
    assert.equal((await upload(viewer, '/sign-out', `${actionUrl()}/evidence`, { csrf: token })).statusCode, 403);
    assert.equal((await upload(viewer, '/sign-out', `${measureUrl()}/evidence`, { csrf: token })).statusCode, 403);
    const otherToken = csrfFrom((await otherEditor.get('/sign-out')).body);
    for (const formAction of [
      `${actionUrl()}/evidence`,
      `${actionUrl()}/updates/${updateId}/evidence`,
      `${measureUrl()}/evidence`,
    ])
      assert.equal(
        (await upload(otherEditor, '/sign-out', formAction, { csrf: otherToken })).statusCode,
        404,
        formAction,
      );
    assert.equal((await otherEditor.get(actionUrl())).statusCode, 404);
    assert.equal(await evidenceCount(), before);
  });

  test('the measure page draws its values as a chart, with the table of distance to target and direction of travel', async () => {
    const measure = await plans().getMeasure(CLI, measureId);
    await plans().addMeasureValue(CLI, measureId, {
      date: '2019-06-30',
      value: 62,
      comment: 'After the first audits',
      basedOnVersion: measure.version,
    });
    await plans().addMeasureValue(CLI, measureId, {
      date: '2019-12-31',
      value: 58,
      comment: '',
      basedOnVersion: (await plans().getMeasure(CLI, measureId)).version,
    });
    const body = decode((await editor.get(measureUrl())).body);
    const svg = /<svg[^>]*>/.exec(body.slice(body.indexOf('<figure')))?.[0] ?? '';
    assert.match(svg, /role="img"/);
    const chart = body.slice(body.indexOf('<svg'), body.indexOf('</svg>'));
    assert.doesNotMatch(chart, /\sstyle=/, 'no inline style: the content security policy would block it');
    assert.match(chart, /<rect fill="#ffffff" height="100%" width="100%"/, 'a white backdrop for the papers');
    assert.match(svg, /aria-label="Plans reviewed on time: 58% on 31 December 2019/);
    assert.match(
      body,
      /<title>Plans reviewed on time: 58% on 31 December 2019 against a target of 90% by 31 December 2027<\/title>/,
    );
    const table = body.slice(body.indexOf('Distance to target</th>'));
    assert.match(table, /30 June 2019[\s\S]*?62%[\s\S]*?28% to go[\s\S]*?Improving[\s\S]*?After the first audits/);
    assert.match(table, /31 December 2019[\s\S]*?58%[\s\S]*?32% to go[\s\S]*?Getting worse/);
  });
});
