/**
 * `csci remind` over a real store on every dialect and a real SMTP server the test starts: actions
 * due soon and overdue and measures with no value for their period are emailed to the person owning
 * the action and to the council's editors, one email per person per run; a second run sends nothing
 * (the events are remembered); a dry run sends nothing and remembers nothing; a failed send is not
 * remembered, so the next run tries again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COMMAND_LINE_ACTOR } from '../../src/domain/actor.ts';
import { createPlanReminderService, type PlanReminderService } from '../../src/services/plan-reminders.service.ts';
import { openPlansForReminders } from '../../src/services/plan-reminders.source.ts';
import { listSentReminders } from '../../src/store/index.ts';
import { TEST_DIALECTS } from '../helpers/dialects.ts';
import { startSmtp, type TestSmtp } from '../helpers/smtp-server.ts';
import {
  ACTORS,
  inspectionId,
  MEASURE,
  OWN,
  planTestServices,
  type PlanTestServices,
} from '../helpers/plan-fixtures.ts';

const TODAY = '2017-09-10';

for (const dialect of TEST_DIALECTS) {
  describe(`csci remind on ${dialect}`, () => {
    let services: PlanTestServices;
    let smtp: TestSmtp;
    let reminders: PlanReminderService;
    let planId: number;

    before(async () => {
      smtp = await startSmtp();
      services = await planTestServices(dialect, { now: () => new Date(`${TODAY}T08:00:00.000Z`) });
      await services.accounts.users.addUser(COMMAND_LINE_ACTOR, {
        email: 'editor@derby.example.gov.uk',
        role: 'editor',
        name: 'Ed Editor',
        councils: [OWN],
      });
      await services.accounts.users.addUser(COMMAND_LINE_ACTOR, {
        email: 'sam.owner@derby.example.gov.uk',
        role: 'viewer',
        name: 'Sam Owner',
        councils: [OWN],
      });
      const plan = await services.plans.createPlan(ACTORS.editor, OWN, {
        inspectionId: await inspectionId(services, OWN, '2017-06-13'),
      });
      planId = plan.id;
      const [first, second] = plan.items;
      // Due in 4 days, owned by a person the council knows by name.
      const soon = await services.plans.addAction(ACTORS.editor, plan.id, {
        itemIds: [first!.id],
        title: 'Audit every child in need plan',
        owner: { kind: 'person', name: 'Sam Owner' },
        dueDate: '2017-09-14',
        basedOnVersion: plan.version,
      });
      // Overdue, owned by a team: only the editors hear of it.
      const afterSoon = await services.plans.getPlan(ACTORS.editor, plan.id);
      await services.plans.addAction(ACTORS.editor, plan.id, {
        itemIds: [second!.id],
        title: 'Train staff on return home interviews',
        owner: { kind: 'team', name: 'Workforce development' },
        dueDate: '2017-09-01',
        basedOnVersion: afterSoon.version,
      });
      // Far off and complete: no reminder.
      const afterLate = await services.plans.getPlan(ACTORS.editor, plan.id);
      await services.plans.addAction(ACTORS.editor, plan.id, {
        itemIds: [second!.id],
        title: 'Publish the new guidance',
        owner: { kind: 'role', name: 'Head of service' },
        dueDate: '2017-08-01',
        status: 'complete',
        basedOnVersion: afterLate.version,
      });
      // A monthly measure from 1 June with a value in June only: the last month ended, August, has none.
      const measure = await services.plans.addMeasure(ACTORS.editor, soon.id, {
        ...MEASURE,
        basedOnVersion: soon.version,
      });
      await services.plans.addMeasureValue(ACTORS.editor, measure.id, {
        date: '2017-06-20',
        value: 65,
        basedOnVersion: measure.version,
      });
      reminders = createPlanReminderService({
        db: services.store.db,
        openPlans: openPlansForReminders(services.plans, services.councils),
        smtpUrl: smtp.url,
        mailFrom: 'csci <csci@test.example>',
        publicUrl: 'https://csci.example',
        now: () => new Date(`${TODAY}T08:00:00.000Z`),
      });
    });
    after(async () => {
      await services?.done();
      await smtp?.close();
    });

    test('a dry run lists every event and its recipients, and sends and remembers nothing', async () => {
      const summary = await reminders.remind({ withinDays: 7, dryRun: true });
      assert.equal(summary.today, TODAY);
      assert.deepEqual(
        summary.events.map((event) => [event.kind, event.actionTitle]),
        [
          ['action-due-soon', 'Audit every child in need plan'],
          ['action-overdue', 'Train staff on return home interviews'],
          ['measure-missing-value', 'Audit every child in need plan'],
        ],
      );
      const soon = summary.events[0]!;
      assert.deepEqual(
        soon.recipients.map((recipient) => [recipient.email, recipient.status]),
        [
          ['sam.owner@derby.example.gov.uk', 'would-send'],
          ['editor@derby.example.gov.uk', 'would-send'],
        ],
      );
      assert.deepEqual(
        summary.events[1]!.recipients.map((recipient) => recipient.email),
        ['editor@derby.example.gov.uk'],
        'a team owner has no email: the editors hear',
      );
      assert.match(summary.events[2]!.text, /has no value for the period from 1 August 2017/);
      assert.equal(smtp.mails.length, 0);
      assert.deepEqual(await listSentReminders(services.store.db), []);
    });

    test('a run emails each person once, listing the events new to them, and remembers them', async () => {
      const summary = await reminders.remind({ withinDays: 7 });
      assert.equal(summary.emailsSent, 2);
      assert.equal(summary.emailsFailed, 0);
      const byRecipient = new Map(smtp.mails.map((mail) => [mail.to, mail]));
      assert.deepEqual([...byRecipient.keys()].sort(), [
        'editor@derby.example.gov.uk',
        'sam.owner@derby.example.gov.uk',
      ]);
      const editor = byRecipient.get('editor@derby.example.gov.uk')!;
      assert.match(editor.subject, /Derby: 3 improvement plan reminders \(1 overdue\)/);
      assert.match(editor.body, /Overdue actions:/);
      assert.match(editor.body, /Train staff on return home interviews" was due on 1 September 2017 \(9 days ago\)/);
      assert.match(editor.body, new RegExp(`https://csci.example/plans/${planId}/actions/\\d+`));
      const owner = byRecipient.get('sam.owner@derby.example.gov.uk')!;
      assert.match(owner.body, /is due in 4 days, on 14 September 2017/);
      assert.doesNotMatch(owner.body, /Train staff/, 'the owner hears only of their own actions');
      const sent = await listSentReminders(services.store.db, planId);
      assert.equal(sent.length, 5, 'three events to the editor, two to the owner');
    });

    test('running it again sends nothing: every event is already sent', async () => {
      const before = smtp.mails.length;
      const summary = await reminders.remind({ withinDays: 7 });
      assert.equal(summary.emailsSent, 0);
      assert.equal(smtp.mails.length, before);
      assert.ok(
        summary.events.every((event) => event.recipients.every((recipient) => recipient.status === 'already-sent')),
      );
    });

    test('a wider window finds a new event; a failed send is not remembered and goes next time', async () => {
      const plan = await services.plans.getPlan(ACTORS.editor, planId);
      await services.plans.addAction(ACTORS.editor, planId, {
        itemIds: [plan.items[0]!.id],
        title: 'Review the front door',
        owner: { kind: 'person', name: 'editor@derby.example.gov.uk' },
        dueDate: '2017-09-25',
        basedOnVersion: plan.version,
      });
      smtp.failNext(1);
      const failed = await reminders.remind({ withinDays: 30 });
      assert.equal(failed.emailsFailed, 1);
      const event = failed.events.find((one) => one.actionTitle === 'Review the front door')!;
      assert.deepEqual(
        event.recipients.map((recipient) => recipient.status),
        ['failed'],
      );
      const retried = await reminders.remind({ withinDays: 30 });
      assert.equal(retried.emailsSent, 1);
      assert.equal(
        retried.events.find((one) => one.actionTitle === 'Review the front door')!.recipients[0]!.status,
        'sent',
      );
      assert.match(smtp.mails.at(-1)!.body, /Review the front door/);
    });

    test('without CSCI_SMTP_URL only a dry run is possible, and the error says so', async () => {
      const noSmtp = createPlanReminderService({
        db: services.store.db,
        openPlans: openPlansForReminders(services.plans, services.councils),
        smtpUrl: undefined,
        mailFrom: 'x <x@x.example>',
        publicUrl: undefined,
      });
      await assert.rejects(noSmtp.remind({ withinDays: 7 }), /CSCI_SMTP_URL is not set/);
      assert.ok((await noSmtp.remind({ withinDays: 7, dryRun: true })).events.length > 0);
    });
  });
}
