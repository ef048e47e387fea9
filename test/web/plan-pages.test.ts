/**
 * The improvement plan pages through the real app (app.inject, real services, CSRF on): a plan
 * started from an inspection, its task list with the gaps first, an action added and changed, a
 * stale change shown again with the saved answers beside the user's and nothing overwritten, the
 * RAG set by hand with a reason, a measure and a value, submission refused with the gaps, then
 * submitted and signed off (a sign-off of a version no longer the latest refused); the Excel import's upload, mapping and confirmation; the timeline for
 * the public and for the council's people. Private pages are no-store; another council's editor
 * gets 404, a viewer 403 on a change.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COMMAND_LINE_ACTOR } from '../../src/domain/actor.ts';
import { writeWorkbook } from '../../src/documents/spreadsheet.ts';
import {
  accountsTestApp,
  csrfFrom,
  OTHER_COUNCIL,
  OWN_COUNCIL,
  PEOPLE,
  Visitor,
  type AccountsTestApp,
} from '../helpers/accounts-app.ts';

const CLI = COMMAND_LINE_ACTOR;
const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('improvement plan pages', () => {
  let testApp: AccountsTestApp;
  let editor: Visitor;
  let viewer: Visitor;
  let planUrl: string;
  let planId: number;

  before(async () => {
    testApp = await accountsTestApp();
    editor = new Visitor(testApp.app);
    await editor.signIn(PEOPLE.editor);
    viewer = new Visitor(testApp.app);
    await viewer.signIn(PEOPLE.viewer);
  });
  after(async () => testApp?.close());

  async function inspectionOf(urn: string, published: string): Promise<number> {
    const found = (await testApp.loaded.services.inspections.listAll()).find(
      (inspection) => inspection.urn === urn && inspection.published === published,
    );
    assert.ok(found, `inspection of ${urn} on ${published}`);
    return found.id;
  }

  test('the council plans page is private: no-store, sign-in first, 404 for another council', async () => {
    const page = await editor.get(`/councils/${OWN_COUNCIL}/plans`);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(page.body, /has no improvement plan here yet/);
    assert.equal((await editor.get(`/councils/${OTHER_COUNCIL}/plans`)).statusCode, 404);
    const anonymous = new Visitor(testApp.app);
    const redirected = await anonymous.get(`/councils/${OWN_COUNCIL}/plans`);
    assert.equal(redirected.statusCode, 303);
    assert.match(String(redirected.headers.location), /^\/sign-in/);
  });

  test('starting a plan: no choice is an error summary; a choice makes the plan and shows its gaps first', async () => {
    const refused = await editor.submit(`/councils/${OWN_COUNCIL}/plans/new`, `/councils/${OWN_COUNCIL}/plans/new`, {});
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /govuk-error-summary/);
    assert.match(refused.body, /Select the report the plan answers/);
    const made = await editor.submit(`/councils/${OWN_COUNCIL}/plans/new`, `/councils/${OWN_COUNCIL}/plans/new`, {
      inspectionId: String(await inspectionOf(OWN_COUNCIL, '2017-06-13')),
    });
    assert.equal(made.statusCode, 303);
    planUrl = String(made.headers.location);
    planId = Number(/\/plans\/(\d+)$/.exec(planUrl)?.[1]);
    const page = await editor.get(planUrl);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    const body = decode(page.body);
    assert.ok(
      body.indexOf('Gaps to fill before submission') < body.indexOf('<h2 class="govuk-heading-m">Items</h2>'),
      'the gaps come first',
    );
    assert.match(body, /Recommendation 1 has no action/);
    assert.match(body, /Make sure that plans for children in need say what will change and by when\./);
    assert.match(body, /20 September 2017/);
  });

  test('an action with errors is shown again with the error summary and the answers kept', async () => {
    const response = await editor.submit(`${planUrl}/actions/new`, `${planUrl}/actions/new`, {
      title: 'Audit plans',
      ownerKind: 'team',
      ownerName: '',
      dueDate: '31/02/2030',
      status: 'in progress',
      version: '1',
    });
    assert.equal(response.statusCode, 400);
    const body = decode(response.body);
    assert.match(body, /Select at least one item the action serves/);
    assert.match(body, /Enter the owner/);
    assert.match(body, /Enter the due date as a real date/);
    assert.match(body, /value="Audit plans"|>Audit plans</);
  });

  let actionUrl: string;
  test("an action is added on the plan's version and shown with its RAG rating and reason", async () => {
    const form = await editor.get(`${planUrl}/actions/new`);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1];
    const itemId = /name="itemIds"[^>]*value="(\d+)"/.exec(form.body)?.[1];
    assert.ok(version && itemId);
    const response = await editor.post(`${planUrl}/actions/new`, {
      _csrf: csrfFrom(form.body),
      version,
      itemIds: itemId,
      title: 'Audit every child in need plan each month',
      ownerKind: 'person',
      ownerName: 'Sam Carter',
      startDate: '2017-07-01',
      dueDate: '2030-09-30',
      status: 'in progress',
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    actionUrl = String(response.headers.location);
    const page = decode((await editor.get(actionUrl)).body);
    assert.match(page, /Audit every child in need plan each month/);
    assert.match(page, /Sam Carter \(person\)/);
    assert.match(page, /govuk-tag--green|govuk-tag--orange|govuk-tag--red/);
  });

  test("a stale change saves nothing and shows the saved answers beside the user's", async () => {
    const first = await editor.get(`${actionUrl}/edit`);
    const second = await editor.get(`${actionUrl}/edit`);
    const version = /name="version" value="(\d+)"/.exec(first.body)![1]!;
    const itemId =
      /name="itemIds"[^>]*value="(\d+)"[^>]*checked/.exec(first.body)?.[1] ??
      /name="itemIds"[^>]*value="(\d+)"/.exec(first.body)![1]!;
    const common = {
      itemIds: itemId,
      ownerKind: 'person',
      ownerName: 'Sam Carter',
      startDate: '2017-07-01',
      dueDate: '2030-09-30',
      version,
    };
    const saved = await editor.post(`${actionUrl}/edit`, {
      ...common,
      _csrf: csrfFrom(first.body),
      title: 'First change wins',
      status: 'in progress',
    });
    assert.equal(saved.statusCode, 303);
    const stale = await editor.post(`${actionUrl}/edit`, {
      ...common,
      _csrf: csrfFrom(second.body),
      title: 'Second change, based on the old version',
      status: 'complete',
    });
    assert.equal(stale.statusCode, 409);
    const body = decode(stale.body);
    assert.match(body, /govuk-error-summary/);
    assert.match(body, /Someone else saved a change/);
    assert.match(body, /Second change, based on the old version/, "the user's answer is kept");
    assert.match(body, /<td class="govuk-table__cell">First change wins/, 'the saved answer beside it');
    const page = decode((await editor.get(actionUrl)).body);
    assert.match(page, /First change wins/);
    assert.doesNotMatch(page, /Second change, based on the old version/);
  });

  test('a RAG rating set by hand needs a reason; with one it shows beside the derived rating', async () => {
    const page = await editor.get(actionUrl);
    const version = /action="[^"]*\/rag"[\s\S]*?name="version" value="(\d+)"/.exec(page.body)![1]!;
    const refused = await editor.post(`${actionUrl}/rag`, {
      _csrf: csrfFrom(page.body),
      version,
      rating: 'red',
      reason: '',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Enter why the rating is set by hand/);
    const set = await editor.post(`${actionUrl}/rag`, {
      _csrf: csrfFrom(page.body),
      version,
      rating: 'red',
      reason: 'The audit team is short of two officers.',
    });
    assert.equal(set.statusCode, 303);
    const after = decode((await editor.get(actionUrl)).body);
    assert.match(after, /Set by hand by .*: The audit team is short of two officers\./);
    assert.match(after, /Worked out from the dates/);
  });

  test('a plan page and an action page read again after a change made elsewhere show the change (the render memo never serves old content)', async () => {
    const actionId = Number(/\/actions\/(\d+)/.exec(actionUrl)?.[1]);
    const plans = testApp.loaded.services.plans;
    const { version, title } = await plans.getAction(CLI, actionId);
    for (let i = 0; i < 2; i++) {
      assert.ok(decode((await editor.get(planUrl)).body).includes(title));
      assert.match(decode((await editor.get(actionUrl)).body), /Sam Carter \(person\)/);
    }
    await plans.updateAction(CLI, actionId, {
      title: 'Audit every child in need plan each fortnight',
      owner: { kind: 'team', name: 'Quality assurance' },
      basedOnVersion: version,
    });
    const planPage = decode((await editor.get(planUrl)).body);
    assert.match(planPage, /Audit every child in need plan each fortnight/);
    assert.ok(!planPage.includes(title));
    const actionPage = decode((await editor.get(actionUrl)).body);
    assert.match(actionPage, /Quality assurance \(team\)/);
    assert.doesNotMatch(actionPage, /Sam Carter/);
    // Each response carries a CSRF token of its own, put in after the memo.
    const again = await editor.get(actionUrl);
    assert.notEqual(csrfFrom(again.body), csrfFrom((await editor.get(actionUrl)).body));
  });

  test('a viewer reads the plan but cannot change it (403)', async () => {
    assert.equal((await viewer.get(planUrl)).statusCode, 200);
    const form = await viewer.get(actionUrl);
    assert.doesNotMatch(form.body, /Change the action/);
    const token = csrfFrom((await viewer.get('/sign-out')).body);
    const response = await viewer.post(`${actionUrl}/rag`, {
      _csrf: token,
      version: '1',
      rating: 'green',
      reason: 'x',
    });
    assert.equal(response.statusCode, 403);
  });

  test("the public timeline has no plan events; the council's people see them marked private", async () => {
    const anonymous = await new Visitor(testApp.app).get(`/councils/${OWN_COUNCIL}/timeline`);
    assert.equal(anonymous.statusCode, 200);
    assert.match(anonymous.body, /inspection published|published/i);
    assert.doesNotMatch(anonymous.body, /Improvement plan started/);
    const own = await editor.get(`/councils/${OWN_COUNCIL}/timeline`);
    assert.equal(own.headers['cache-control'], 'no-store');
    assert.match(own.body, /Improvement plan started/);
    assert.match(own.body, /Private/);
  });

  test('submission: the check page lists the gaps as an error summary and freezes nothing; once covered it submits a version', async () => {
    const check = await editor.get(`${planUrl}/check`);
    assert.equal(check.statusCode, 200);
    assert.equal(check.headers['cache-control'], 'no-store');
    assert.match(decode(check.body), /Check the plan before you submit it/);
    const version = /action="[^"]*\/submit"[\s\S]*?name="version" value="(\d+)"/.exec(check.body)?.[1];
    assert.ok(version, 'the submit form names the version it was based on');
    assert.equal((await viewer.get(`${planUrl}/check`)).statusCode, 403, 'a viewer may not submit');
    const refused = await editor.post(`${planUrl}/submit`, { _csrf: csrfFrom(check.body), version });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.headers['cache-control'], 'no-store');
    const body = decode(refused.body);
    assert.match(body, /govuk-error-summary/);
    assert.match(body, /The plan cannot be submitted yet/);
    assert.match(body, /has no action|has no measure/);
    assert.equal((await testApp.loaded.services.plans.listVersions(CLI, planId)).length, 0, 'nothing frozen');

    // Cover every gap through the service, then submit on a version the page was not based on: stale.
    const plans = testApp.loaded.services.plans;
    let plan = await plans.getPlan(CLI, planId);
    const uncovered = plan.items.filter((item) => item.actionIds.length === 0).map((item) => item.id);
    if (uncovered.length > 0)
      await plans.addAction(CLI, planId, {
        itemIds: uncovered,
        title: 'Review the remaining recommendations',
        owner: { kind: 'team', name: 'Quality assurance' },
        dueDate: '2030-01-31',
        basedOnVersion: plan.version,
      });
    for (const action of (await plans.getPlanContent(CLI, planId)).actions) {
      const view = await plans.getAction(CLI, action.id);
      if (view.measures.length === 0)
        await plans.addMeasure(CLI, action.id, {
          what: `Audits done for ${action.id}`,
          unit: '%',
          betterWhen: 'higher',
          baseline: { value: 10, date: '2026-01-01' },
          target: { value: 90, date: '2030-01-01' },
          frequency: 'monthly',
          source: 'Audit log',
          basedOnVersion: view.version,
        });
    }
    const stale = await editor.post(`${planUrl}/submit`, { _csrf: csrfFrom(check.body), version });
    assert.equal(stale.statusCode, 409);
    assert.match(decode(stale.body), /The plan changed while you were checking it/);
    assert.equal((await plans.listVersions(CLI, planId)).length, 0, 'a stale submission freezes nothing');

    const fresh = await editor.get(`${planUrl}/check`);
    plan = await plans.getPlan(CLI, planId);
    assert.match(fresh.body, new RegExp(`name="version" value="${plan.version}"`));
    const submitted = await editor.post(`${planUrl}/submit`, {
      _csrf: csrfFrom(fresh.body),
      version: String(plan.version),
    });
    assert.equal(submitted.statusCode, 303, submitted.body.slice(0, 300));
    assert.equal(submitted.headers.location, `${planUrl}/versions?submitted=1`);
    const versions = decode((await editor.get(String(submitted.headers.location))).body);
    assert.match(versions, /Version 1 is submitted and frozen\./);
    assert.match(versions, /Version 1<\/td>|Version 1 /);
  });

  test('versions: sign-off needs a capacity; signed, it shows who signed what in what capacity; two versions compare', async () => {
    const page = await editor.get(`${planUrl}/versions`);
    assert.equal(page.headers['cache-control'], 'no-store');
    const version = /action="[^"]*\/sign-off"[\s\S]*?name="version" value="(\d+)"/.exec(page.body)?.[1];
    assert.ok(version, 'the sign-off form names the version it was based on');
    const refused = await editor.post(`${planUrl}/sign-off`, {
      _csrf: csrfFrom(page.body),
      version,
      planVersion: '1',
      capacity: '',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(decode(refused.body), /govuk-error-summary[\s\S]*Enter the capacity you sign off in/);
    assert.equal(
      (
        await viewer.post(`${planUrl}/sign-off`, {
          _csrf: csrfFrom((await viewer.get('/sign-out')).body),
          version,
          planVersion: '1',
          capacity: 'Viewer',
        })
      ).statusCode,
      403,
    );
    const signed = await editor.post(`${planUrl}/sign-off`, {
      _csrf: csrfFrom(page.body),
      version,
      planVersion: '1',
      capacity: "Director of Children's Services",
      note: 'Agreed at committee',
    });
    assert.equal(signed.statusCode, 303, signed.body.slice(0, 300));
    const after = decode((await editor.get(String(signed.headers.location))).body);
    assert.match(after, /Version 1 is signed off\./);
    assert.match(after, /Director of Children's Services/);
    const signOffs = await testApp.loaded.services.plans.listSignOffs(CLI, planId);
    assert.deepEqual(
      signOffs.map((one) => [one.versionNumber, one.capacity, one.signedBy.email]),
      [[1, "Director of Children's Services", PEOPLE.editor]],
    );

    // A change after submission, then a second version: the comparison names what changed.
    const plans = testApp.loaded.services.plans;
    const content = await plans.getPlanContent(CLI, planId);
    const action = await plans.getAction(CLI, content.actions[0]!.id);
    await plans.updateAction(CLI, action.id, {
      title: 'Audit every plan each fortnight',
      basedOnVersion: action.version,
    });
    const toWorking = decode((await editor.get(`${planUrl}/versions/compare?from=1&to=working`)).body);
    assert.match(toWorking, /Changes from version 1 to the working copy/);
    assert.match(toWorking, /title changed[\s\S]*Audit every plan each fortnight/);
    await plans.submit(CLI, planId, { basedOnVersion: (await plans.getPlan(CLI, planId)).version });
    const listed = decode((await editor.get(`${planUrl}/versions`)).body);
    assert.match(listed, /Compare two versions/);
    const compared = await editor.get(`${planUrl}/versions/compare?from=1&to=2`);
    assert.equal(compared.statusCode, 200);
    assert.equal(compared.headers['cache-control'], 'no-store');
    assert.match(decode(compared.body), /Changes from version 1 to version 2[\s\S]*title changed/);
    assert.doesNotMatch(decode((await editor.get(`${planUrl}/versions/compare?from=2&to=2`)).body), /title changed/);
    assert.equal((await editor.get(`${planUrl}/versions/compare?from=1&to=9`)).statusCode, 404);
  });

  test('a sign-off form opened on an older version is refused once a newer one is submitted, and shows the newer one', async () => {
    // The versions test left version 2 submitted after version 1 was signed: a page opened before shows version 1.
    const page = await editor.get(`${planUrl}/versions`);
    assert.match(decode(page.body), /You are signing off version 2, submitted on .* by command-line\./);
    assert.match(page.body, /href="[^"]*\/versions\/compare\?from=1&amp;to=2"/);
    const before = await testApp.loaded.services.plans.listSignOffs(CLI, planId);
    const refused = await editor.post(`${planUrl}/sign-off`, {
      _csrf: csrfFrom(page.body),
      version: String((await testApp.loaded.services.plans.getPlan(CLI, planId)).version),
      planVersion: '1',
      capacity: 'Lead Member for Children',
    });
    assert.equal(refused.statusCode, 409);
    const body = decode(refused.body);
    assert.match(
      body,
      /govuk-error-summary[\s\S]*href="#form"[^>]*>Version 1 is no longer the plan's latest: version 2 was submitted since/,
    );
    assert.match(body, /Sign off version 2/);
    assert.deepEqual(await testApp.loaded.services.plans.listSignOffs(CLI, planId), before, 'nothing signed');
  });

  test('the Excel import: upload, a mapping for unknown headings, every unreadable row listed, nothing stored until confirmed', async () => {
    const workbook = await writeWorkbook({
      title: 'Tracker',
      created: '2026-01-01',
      sheets: [
        {
          kind: 'table',
          name: 'Tracker',
          columns: [
            { header: 'Rec', width: 10 },
            { header: 'What we will do', width: 40 },
            { header: 'Lead officer', width: 20 },
            { header: 'By when', width: 12 },
            { header: 'Status', width: 12 },
          ],
          rows: [
            ['1', 'Monthly audit of children in need plans', 'Head of service', '2030-03-31', 'In progress'],
            ['2', 'Return home interviews tracked weekly', 'Team: Missing children', 'not a date', 'Not started'],
            ['9', 'Something for no recommendation', 'Someone', '2030-03-31', ''],
          ],
        },
      ],
    });
    const form = await editor.get(`${planUrl}/import`);
    const data = new FormData();
    data.append('_csrf', csrfFrom(form.body));
    data.append('workbook', new Blob([new Uint8Array(workbook)]), 'tracker.xlsx');
    const request = new Request('http://localhost/', { method: 'POST', body: data });
    const upload = await testApp.app.inject({
      method: 'POST',
      url: `${planUrl}/import`,
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { 'content-type': request.headers.get('content-type')!, cookie: editor.jar.header() },
    });
    assert.equal(upload.statusCode, 303, upload.body.slice(0, 500));
    const mappingUrl = String(upload.headers.location);
    const unmapped = decode((await editor.get(mappingUrl)).body);
    assert.match(unmapped, /Choose the column that holds the recommendation/);
    const mapped = decode((await editor.get(`${mappingUrl}&col0=recommendation&col2=owner`)).body);
    assert.match(mapped, /Rows that cannot be read \(2\)/);
    assert.match(mapped, /the due date &quot;not a date&quot; is not a date|the due date "not a date" is not a date/);
    assert.match(mapped, /the recommendation "9" is not one of this plan's items/);
    assert.match(mapped, /Actions to import \(1\)/);
    const before = (
      await testApp.loaded.services.plans.getPlanContent(
        { userId: 0, email: 'command-line', name: 'cli', role: 'admin', councils: [] },
        planId,
      )
    ).actions.length;
    const page = await editor.get(`${mappingUrl}&col0=recommendation&col2=owner`);
    const fields = Object.fromEntries(
      [...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [
        match[1]!,
        match[2]!,
      ]),
    );
    const confirmed = await editor.post(`${planUrl}/import/confirm`, fields);
    assert.equal(confirmed.statusCode, 303, confirmed.body.slice(0, 500));
    const after = (
      await testApp.loaded.services.plans.getPlanContent(
        { userId: 0, email: 'command-line', name: 'cli', role: 'admin', councils: [] },
        planId,
      )
    ).actions;
    assert.equal(after.length, before + 1);
    assert.equal(after.at(-1)!.title, 'Monthly audit of children in need plans');
    assert.deepEqual(after.at(-1)!.owner, { kind: 'role', name: 'Head of service' });
    const again = await editor.post(`${planUrl}/import/confirm`, fields);
    assert.equal(again.statusCode, 404, 'an upload is imported once');
  });
});
