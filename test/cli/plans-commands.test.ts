/**
 * `csci remind` and `csci plans import` as an operator runs them: the real CLI in a child process
 * (Node running src/cli/main.ts) on a SQLite store in a temporary --data-dir that the test fills
 * through the services first. `remind` sends to an SMTP server the test starts and a second run
 * sends nothing; `plans import` reads a workbook written by the Excel export, first without --yes
 * (nothing imported, every unreadable row reported) and then with it. Exit codes and messages.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { addDays, todayIso } from '../../src/calendar/index.ts';
import { COMMAND_LINE_ACTOR } from '../../src/domain/actor.ts';
import { actionPlanWorkbook } from '../../src/documents/plan-papers/action-plan.xlsx.ts';
import { writeWorkbook, type TableSheetSpec } from '../../src/documents/spreadsheet.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { DERBY_URN, NOTTINGHAM_URN, REPORT_FIXTURES } from '../helpers/report-fixtures.ts';
import { servicesWithReports } from '../helpers/services-with-reports.ts';
import { startSmtp, type TestSmtp } from '../helpers/smtp-server.ts';

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const CLI_ACTOR = COMMAND_LINE_ACTOR;

/** The real `csci` in a child process; SQLite in the data dir whatever DATABASE_URL says. */
function csci(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.DATABASE_URL;
  if (!env.CSCI_SMTP_URL) delete childEnv.CSCI_SMTP_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: childEnv, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('csci remind and csci plans import, run as the command line', () => {
  let dir: string;
  let dataDir: string;
  let services: Services;
  let smtp: TestSmtp;
  let remindPlanId: number;
  let sourcePlanId: number;
  let targetPlanId: number;

  before(async () => {
    smtp = await startSmtp();
    const loaded = await servicesWithReports(REPORT_FIXTURES);
    services = loaded.services;
    dir = loaded.dir;
    dataDir = join(dir, 'data');
    const plans = services.plans;
    const inspections = await services.inspections.listAll();
    const inspectionOf = (urn: string, published: string) =>
      inspections.find((inspection) => inspection.urn === urn && inspection.published === published)!.id;
    for (const [email, name, role] of [
      ['editor@derby.example.gov.uk', 'Ed Editor', 'editor'],
      ['sam.owner@derby.example.gov.uk', 'Sam Owner', 'viewer'],
    ] as const)
      await services.accounts.users.addUser(CLI_ACTOR, { email, name, role, councils: [DERBY_URN] });

    // For remind: one action due in five days (the CLI runs on today's date), owned by a person the
    // council knows, and (added below) its monthly measure with no value for last month: two events.
    const plan = await plans.createPlan(CLI_ACTOR, DERBY_URN, { inspectionId: inspectionOf(DERBY_URN, '2017-06-13') });
    remindPlanId = plan.id;
    await plans.addAction(CLI_ACTOR, plan.id, {
      itemIds: plan.items.map((item) => item.id),
      title: 'Audit every child in need plan',
      owner: { kind: 'person', name: 'Sam Owner' },
      dueDate: addDays(todayIso(), 5),
      basedOnVersion: plan.version,
    });

    // For plans import: the same plan's actions with measures are the source; another council's plan is the target.
    const source = await plans.getPlan(CLI_ACTOR, plan.id);
    sourcePlanId = source.id;
    const action = (await plans.getPlanContent(CLI_ACTOR, source.id)).actions[0]!;
    await plans.addMeasure(CLI_ACTOR, action.id, {
      what: 'Plans audited each month',
      unit: '%',
      betterWhen: 'higher',
      baseline: { value: 40, date: '2017-06-01' },
      target: { value: 95, date: '2030-06-01' },
      frequency: 'monthly',
      source: 'Audit log',
      basedOnVersion: (await plans.getAction(CLI_ACTOR, action.id)).version,
    });
    targetPlanId = (
      await plans.createPlan(CLI_ACTOR, NOTTINGHAM_URN, { inspectionId: inspectionOf(NOTTINGHAM_URN, '2024-02-20') })
    ).id;
    // The child processes open the store themselves.
    await services.close();
  });
  after(async () => {
    await smtp?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function openStore(): Promise<Services> {
    return createServices({ databaseUrl: undefined, dataDir });
  }

  test('remind emails the owner and the editors once; a second run sends nothing', async () => {
    const env = { CSCI_SMTP_URL: smtp.url, CSCI_SMTP_FROM: 'csci <csci@test.example>' };
    const first = await csci(['remind', '--data-dir', dataDir], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /^Reminders on \d{4}-\d{2}-\d{2}: \d+ open plans, 2 events .* 2 emails sent, 0 failed\./,
    );
    assert.match(first.stdout, new RegExp(`Derby.*, plan ${remindPlanId}: .*Audit every child in need plan`));
    assert.match(first.stdout, /sam\.owner@derby\.example\.gov\.uk: sent/);
    assert.deepEqual(smtp.mails.map((mail) => mail.to).sort(), [
      'editor@derby.example.gov.uk',
      'sam.owner@derby.example.gov.uk',
    ]);
    for (const mail of smtp.mails) {
      assert.match(mail.subject, /Derby: 2 improvement plan reminders/);
      assert.match(mail.body, /Audit every child in need plan" is due in 5 days/);
      assert.match(mail.body, /Plans audited each month" .* has no value for the period/);
      assert.match(mail.body, /^From: csci <csci@test\.example>/m);
    }

    const second = await csci(['remind', '--data-dir', dataDir, '--json'], env);
    assert.equal(second.code, 0, second.stderr);
    const summary = JSON.parse(second.stdout) as {
      emailsSent: number;
      events: { recipients: { status: string }[] }[];
    };
    assert.equal(summary.emailsSent, 0);
    assert.deepEqual(
      summary.events.flatMap((event) => event.recipients.map((recipient) => recipient.status)),
      ['already-sent', 'already-sent', 'already-sent', 'already-sent'],
    );
    assert.equal(smtp.mails.length, 2, 'nothing more sent');

    const bad = await csci(['remind', '--within', 'soon', '--data-dir', dataDir], env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--within takes a whole number of days from 0 to 366, not "soon"/);
    const noSmtp = await csci(['remind', '--data-dir', dataDir]);
    assert.equal(noSmtp.code, 1);
    assert.match(noSmtp.stderr, /CSCI_SMTP_URL is not set/);
  });

  test('plans import reads an exported workbook: without --yes it reports and imports nothing, with --yes it imports', async () => {
    let store = await openStore();
    const content = await store.plans.getPlanContent(CLI_ACTOR, sourcePlanId);
    await store.close();
    const spec = actionPlanWorkbook({
      subject: {
        council: { urn: DERBY_URN, name: 'Derby' },
        inspection: { id: content.plan.inspectionId, published: '2017-06-13', title: 'Inspection of Derby' },
      },
      plan: content,
      version: { number: content.plan.version, date: '2026-03-01', working: true },
      preparedOn: '2026-03-01',
    });
    // Two rows a council might have typed into the exported sheet: one with no due date, one for no recommendation of the plan.
    const actions = spec.sheets.find((sheet) => sheet.name === 'Actions') as TableSheetSpec;
    const template = actions.rows[0]!;
    const dueColumn = actions.columns.findIndex((column) => column.header === 'Due');
    const itemsColumn = actions.columns.findIndex((column) => column.header === 'Items');
    const titleColumn = actions.columns.findIndex((column) => column.header === 'Action');
    const withCells = (changes: Record<number, string | null>) =>
      template.map((cell, index) => (index in changes ? changes[index]! : cell));
    const rows = [
      ...actions.rows,
      withCells({ 0: null, [titleColumn]: 'Weekly tracking of missing children', [dueColumn]: null }),
      withCells({ 0: null, [titleColumn]: 'Something for no recommendation', [itemsColumn]: 'R9' }),
    ];
    const file = join(dir, 'derby-action-plan.xlsx');
    writeFileSync(
      file,
      await writeWorkbook({
        ...spec,
        sheets: spec.sheets.map((sheet) => (sheet === actions ? { ...actions, rows } : sheet)),
      }),
    );

    const checked = await csci(['plans', 'import', file, '--plan', String(targetPlanId), '--data-dir', dataDir]);
    assert.equal(checked.code, 0, checked.stderr);
    assert.match(checked.stdout, /^derby-action-plan\.xlsx: sheet "Actions", headings on row \d+\./);
    assert.match(checked.stdout, /1 actions can be read; 2 rows cannot\./);
    const problems = checked.stdout.split('\n').filter((line) => /^ {2}row \d+: /.test(line));
    assert.equal(problems.length, 2, checked.stdout);
    assert.match(problems[0]!, /due/i);
    assert.match(problems[1]!, /R9/);
    assert.match(checked.stdout, /Nothing imported yet: run again with --yes to import the rows that can be read\./);
    store = await openStore();
    assert.equal((await store.plans.getPlanContent(CLI_ACTOR, targetPlanId)).actions.length, 0, 'nothing imported');
    await store.close();

    const imported = await csci([
      'plans',
      'import',
      file,
      '--plan',
      String(targetPlanId),
      '--yes',
      '--data-dir',
      dataDir,
    ]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /Imported 1 actions and 1 measures; the plan is now at version \d+\./);
    store = await openStore();
    const after = await store.plans.getPlanContent(CLI_ACTOR, targetPlanId);
    await store.close();
    assert.deepEqual(
      after.actions.map((action) => [action.title, action.owner]),
      [['Audit every child in need plan', { kind: 'person', name: 'Sam Owner' }]],
    );
    assert.deepEqual(
      after.measures.map((measure) => [measure.what, measure.target.value]),
      [['Plans audited each month', 95]],
    );

    const unknownPlan = await csci(['plans', 'import', file, '--plan', '999', '--data-dir', dataDir]);
    assert.equal(unknownPlan.code, 1);
    assert.match(unknownPlan.stderr, /There is no plan 999/);
    const noPlan = await csci(['plans', 'import', file, '--data-dir', dataDir]);
    assert.equal(noPlan.code, 2);
    assert.match(noPlan.stderr, /Give the plan to import into: --plan ID/);
  });
});
