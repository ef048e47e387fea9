/**
 * The improvement plan's papers at the edges, over real services and a SQLite store: a plan made
 * through the plans service on Derby's 2017 inspection (written fixture reports), one frozen version
 * of it, then changes; the papers service (who may read, working copy and versions, what changed),
 * the API downloads by bearer token and `csci paper plan|progress`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import mammoth from 'mammoth';
import { runCli } from '../../src/cli/main.ts';
import { readWorkbook } from '../../src/documents/index.ts';
import { COMMAND_LINE_ACTOR, type Actor } from '../../src/domain/actor.ts';
import { DomainError } from '../../src/errors.ts';
import { insertPlanVersion } from '../../src/store/index.ts';
import { accountsTestApp, OTHER_COUNCIL, OWN_COUNCIL, PEOPLE, type AccountsTestApp } from '../helpers/accounts-app.ts';

let testApp: AccountsTestApp;
let planId: number;
let viewerToken: string;
let viewer: Actor;
const out = mkdtempSync(join(tmpdir(), 'csci-plan-paper-'));
const ON = '2026-06-01';

before(async () => {
  testApp = await accountsTestApp();
  const { services } = testApp.loaded;
  const plans = services.plans;
  const actor = COMMAND_LINE_ACTOR;
  const inspection = (await services.inspections.listAll()).find(
    (candidate) => candidate.urn === OWN_COUNCIL && candidate.published === '2017-06-13',
  );
  assert.ok(inspection);
  const plan = await plans.createPlan(actor, OWN_COUNCIL, { inspectionId: inspection.id });
  planId = plan.id;
  const first = plan.items[0];
  assert.ok(first, 'the plan has an item for each recommendation');
  const action = await plans.addAction(actor, planId, {
    itemIds: [first.id],
    title: 'Rewrite the assessment standard',
    owner: { kind: 'role', name: 'Head of Assessment' },
    startDate: '2026-01-05',
    dueDate: '2026-04-30',
    status: 'in progress',
    basedOnVersion: plan.version,
  });
  await plans.addMilestone(actor, action.id, {
    title: 'Standard drafted',
    dueDate: '2026-02-27',
    basedOnVersion: action.version,
  });
  const measure = await plans.addMeasure(actor, action.id, {
    what: 'Assessments on time',
    unit: '%',
    betterWhen: 'higher',
    baseline: { value: 60, date: '2025-12-31' },
    target: { value: 85, date: '2026-09-30' },
    frequency: 'monthly',
    source: 'Case system',
    basedOnVersion: (await plans.getAction(actor, action.id)).version,
  });
  const { measure: measured } = await plans.addMeasureValue(actor, measure.id, {
    date: '2026-02-28',
    value: 64,
    basedOnVersion: measure.version,
  });
  // Version 1 as a submission freezes it (the plans service's freezing comes in its next slice).
  await insertPlanVersion(services.store.db, {
    plan_id: planId,
    number: 1,
    content_json: JSON.stringify(await plans.getPlanContent(actor, planId)),
    frozen_by_user_id: null,
    frozen_by_email: 'command-line',
    frozen_at: '2026-03-02T09:00:00.000Z',
  });
  await plans.addMeasureValue(actor, measure.id, { date: '2026-04-30', value: 71, basedOnVersion: measured.version });
  await plans.addUpdate(actor, action.id, {
    date: '2026-05-20',
    text: 'Behind: the draft needs a second consultation; recovery plan agreed with partners.',
    status: 'in progress',
    basedOnVersion: (await plans.getAction(actor, action.id)).version,
  });
  await plans.updateAction(actor, action.id, {
    dueDate: '2026-05-15',
    basedOnVersion: (await plans.getAction(actor, action.id)).version,
  });

  const users = services.accounts.users;
  const person = await users.getUserByEmail(COMMAND_LINE_ACTOR, PEOPLE.viewer);
  viewerToken = (await users.createToken(COMMAND_LINE_ACTOR, person.id, 'papers')).secret;
  viewer = { userId: person.id, email: person.email, name: person.name, role: 'viewer', councils: [OWN_COUNCIL] };
});
after(async () => {
  await testApp?.close();
  rmSync(out, { recursive: true, force: true });
});

const refused = (code: string) => (error: unknown) => error instanceof DomainError && error.code === code;

describe('the papers service on a stored plan', () => {
  test('the action plan is the working copy, after the last frozen version, with the council and the inspection', async () => {
    const data = await testApp.loaded.services.papers.actionPlan(viewer, { planId, preparedOn: ON });
    assert.equal(data.subject.council.name, 'Derby');
    assert.equal(data.subject.inspection.published, '2017-06-13');
    assert.deepEqual(data.version, { number: 1, date: ON, working: true });
    assert.equal(data.plan.actions[0]?.dueDate, '2026-05-15');
    const frozen = await testApp.loaded.services.papers.actionPlan(viewer, { planId, version: 1, preparedOn: ON });
    assert.deepEqual(frozen.version, { number: 1, date: '2026-03-02', working: false });
    assert.equal(frozen.plan.actions[0]?.dueDate, '2026-04-30');
  });

  test('the progress report compares the working copy with the latest frozen version and draws each measure', async () => {
    const data = await testApp.loaded.services.papers.progressReport(viewer, { planId, preparedOn: ON });
    assert.equal(data.since?.version.number, 1);
    assert.equal(data.charts.length, 1);
    assert.ok(data.charts[0]?.png.subarray(1, 4).toString() === 'PNG');
    const file = await testApp.loaded.services.papers.progressReportFile(viewer, { planId, preparedOn: ON }, 'docx');
    const text = (await mammoth.extractRawText({ buffer: file.body })).value;
    assert.match(text, /due date moved from 30 April 2026 to 15 May 2026/);
    assert.match(text, /Corrective action: Behind: the draft needs a second consultation/);
    assert.match(file.fileName, /^Derby-progress-report-2026-06-01\.docx$/);
  });

  test('private as plans are: no actor 401, another council 404 (as for a plan that does not exist), a missing version 404, a bad date 400', async () => {
    const papers = testApp.loaded.services.papers;
    await assert.rejects(papers.actionPlan(null, { planId }), refused('not-authenticated'));
    const stranger: Actor = { ...viewer, councils: [OTHER_COUNCIL] };
    await assert.rejects(papers.actionPlanFile(stranger, { planId }, 'xlsx'), refused('unknown-plan'));
    await assert.rejects(papers.progressReport(stranger, { planId }), refused('unknown-plan'));
    await assert.rejects(papers.actionPlan(viewer, { planId: 999_999 }), refused('unknown-plan'));
    await assert.rejects(
      papers.progressReport(viewer, { planId, since: 7 }),
      (error: unknown) =>
        refused('not-found')(error) && /has no version 7; its versions are 1/.test((error as Error).message),
    );
    await assert.rejects(
      papers.progressReport(stranger, { planId, since: 7 }),
      refused('unknown-plan'),
      'a stranger learns nothing of the versions',
    );
    await assert.rejects(papers.actionPlan(viewer, { planId, preparedOn: '1 June' }), refused('invalid-date'));
  });
});

describe('the plan papers in the API', () => {
  test('GET /api/v1/plans/{id}/action-plan.xlsx and .docx and /progress-report.docx are downloads, never cached', async () => {
    for (const [path, type] of [
      ['action-plan.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['action-plan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['progress-report.docx?since=1', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const response = await testApp.app.inject({
        method: 'GET',
        url: `/api/v1/plans/${planId}/${path}`,
        headers: { authorization: `Bearer ${viewerToken}` },
      });
      assert.equal(response.statusCode, 200, `${path}: ${response.body.slice(0, 200)}`);
      assert.equal(response.headers['content-type'], type);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.match(
        String(response.headers['content-disposition']),
        /^attachment; filename="Derby-(action-plan|progress-report)-\d{4}-\d{2}-\d{2}\.(xlsx|docx)"$/,
      );
      if (path.endsWith('.xlsx')) {
        const sheets = await readWorkbook(response.rawPayload);
        assert.equal(sheets.find((sheet) => sheet.name === 'Actions')?.rows.length, 2);
      }
    }
    const bad = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/plans/${planId}/progress-report.docx?since=zero`,
      headers: { authorization: `Bearer ${viewerToken}` },
    });
    assert.equal(bad.statusCode, 400);
    const anonymous = await testApp.app.inject({ method: 'GET', url: `/api/v1/plans/${planId}/action-plan.docx` });
    assert.equal(anonymous.statusCode, 401);
    assert.match(String(anonymous.headers['www-authenticate']), /^Bearer/);
  });

  test('the OpenAPI document describes the three downloads', async () => {
    const document = JSON.parse((await testApp.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).body) as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      '/plans/{id}/action-plan.docx',
      '/plans/{id}/action-plan.xlsx',
      '/plans/{id}/progress-report.docx',
    ])
      assert.ok(document.paths[path], path);
  });
});

describe('csci paper plan and progress', () => {
  const dataDir = () => join(testApp.loaded.dir, 'data');
  function capture() {
    let text = '';
    const stream = new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) });
    return { stream, text: () => text };
  }

  test('write the action plan (Word, Excel, print view) and the progress report, whole', async () => {
    for (const [kind, file, extra] of [
      ['plan', 'plan.xlsx', []],
      ['plan', 'plan-v1.docx', ['--version', '1']],
      ['plan', 'plan.html', []],
      ['progress', 'progress.docx', ['--since', '1']],
    ] as const) {
      const stdout = capture();
      const code = await runCli(
        [
          'paper',
          kind,
          '--plan',
          String(planId),
          '--out',
          join(out, file),
          '--date',
          ON,
          ...extra,
          '--data-dir',
          dataDir(),
        ],
        { stdout: stdout.stream, stderr: process.stderr },
      );
      assert.equal(code, 0, file);
      assert.match(
        stdout.text(),
        new RegExp(
          `^Wrote .*${file.replace('.', '\\.')} \\(\\d[\\d,]* bytes\\): the (action plan|progress report) of plan ${planId}, Derby's response to the inspection published 13 June 2017\\.\\n$`,
        ),
      );
    }
    assert.equal((await readWorkbook(readFileSync(join(out, 'plan.xlsx')))).length, 4);
    assert.match((await mammoth.extractRawText({ path: join(out, 'plan-v1.docx') })).value, /Version 1, 2 March 2026/);
    assert.ok(readFileSync(join(out, 'plan.html'), 'utf8').includes('@media print'));
    assert.deepEqual(
      readdirSync(out).filter((name) => name.includes('.partial-')),
      [],
    );
  });

  test('mistakes are usage errors (exit 2); a missing version is an error (exit 1) and leaves no file', async () => {
    const run = async (args: string[]) => {
      const stderr = capture();
      const code = await runCli(args, { stdout: capture().stream, stderr: stderr.stream });
      return { code, stderr: stderr.text() };
    };
    assert.equal(
      (await run(['paper', 'plan', '--plan', 'seven', '--out', join(out, 'x.docx'), '--data-dir', dataDir()])).code,
      2,
    );
    assert.equal(
      (
        await run([
          'paper',
          'plan',
          '--plan',
          String(planId),
          '--since',
          '1',
          '--out',
          join(out, 'x.docx'),
          '--data-dir',
          dataDir(),
        ])
      ).code,
      2,
    );
    assert.equal(
      (
        await run([
          'paper',
          'progress',
          '--plan',
          String(planId),
          '--out',
          join(out, 'x.xlsx'),
          '--data-dir',
          dataDir(),
        ])
      ).code,
      2,
    );
    const missing = await run([
      'paper',
      'progress',
      '--plan',
      String(planId),
      '--since',
      '9',
      '--out',
      join(out, 'missing.docx'),
      '--data-dir',
      dataDir(),
    ]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /has no version 9/);
    assert.equal(existsSync(join(out, 'missing.docx')), false);
  });
});
