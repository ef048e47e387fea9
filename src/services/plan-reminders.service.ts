/**
 * `csci remind`: finds, in every plan that is not closed, the actions due within N days, the actions
 * overdue and the measures with no value for their last period (src/plans/reminders.ts), and emails
 * each event to the action's owner (when the owner is a person the council knows by name or email,
 * or whose name is an email address) and to the council's editors: one email per person per run,
 * listing the events new to them. What was sent is remembered (plan_reminder_sent), so a second run
 * tells no one twice; an email that fails is not remembered and is tried again next run.
 */
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { formatUkDate, todayIso, type IsoDate } from '../calendar/index.ts';
import { isEmail, normaliseEmail } from '../domain/actor.ts';
import { DomainError } from '../errors.ts';
import {
  findReminders,
  type Action,
  type Measure,
  type PlanContent,
  type Reminder,
  type ReminderKind,
} from '../plans/index.ts';
import {
  findSentReminders,
  listCouncilMemberRecords,
  recordSentReminders,
  type Database,
  type PlanReminderSentTable,
} from '../store/index.ts';

/** One plan as the reminders read it. */
export interface PlanForReminders {
  readonly councilName: string;
  readonly content: PlanContent;
}

/** Where the reminders read the plans from: every plan that is not closed. */
export type OpenPlansSource = () => Promise<readonly PlanForReminders[]>;

export type RecipientStatus = 'sent' | 'already-sent' | 'would-send' | 'failed';

export interface ReminderEvent {
  readonly key: string;
  readonly kind: ReminderKind;
  readonly planId: number;
  readonly council: string;
  readonly councilName: string;
  readonly actionId: number;
  readonly actionTitle: string;
  readonly owner: string;
  /** Due date (actions) or the period's first day (measures). */
  readonly date: IsoDate;
  readonly measureId: number | null;
  /** The event in one sentence. */
  readonly text: string;
  readonly recipients: readonly { readonly email: string; readonly status: RecipientStatus; readonly error?: string }[];
}

export interface RemindSummary {
  readonly today: IsoDate;
  readonly withinDays: number;
  readonly dryRun: boolean;
  readonly plans: number;
  readonly events: readonly ReminderEvent[];
  readonly emailsSent: number;
  readonly emailsFailed: number;
  /** Events no one could be told of: an owner without an email and a council without editors. */
  readonly untold: readonly string[];
  /** Measures whose frequency is free text, so no missing value can be found: `plan:measure`. */
  readonly unscheduledMeasures: readonly string[];
}

export interface PlanReminderService {
  remind(options: {
    readonly withinDays: number;
    readonly dryRun?: boolean;
    readonly today?: IsoDate;
  }): Promise<RemindSummary>;
}

export interface PlanReminderDependencies {
  readonly db: Kysely<Database>;
  readonly openPlans: OpenPlansSource;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** This site's address, for links to the plan page. */
  readonly publicUrl: string | undefined;
  readonly now?: () => Date;
}

function describe(reminder: Reminder, action: Action, measure: Measure | undefined): string {
  if (reminder.kind === 'measure-missing-value') {
    return `The measure "${measure?.what ?? reminder.measureId}" (action "${action.title}") has no value for the period from ${formatUkDate(reminder.period.start)} to the day before ${formatUkDate(reminder.period.end)}.`;
  }
  if (reminder.kind === 'action-overdue')
    return `The action "${action.title}" was due on ${formatUkDate(reminder.dueDate)} (${-reminder.daysLeft} days ago) and is ${action.status}.`;
  const when =
    reminder.daysLeft === 0 ? 'today' : reminder.daysLeft === 1 ? 'tomorrow' : `in ${reminder.daysLeft} days`;
  return `The action "${action.title}" is due ${when}, on ${formatUkDate(reminder.dueDate)}, and is ${action.status}.`;
}

export function createPlanReminderService(dependencies: PlanReminderDependencies): PlanReminderService {
  const { db } = dependencies;
  const now = dependencies.now ?? (() => new Date());
  const transport = dependencies.smtpUrl ? nodemailer.createTransport(dependencies.smtpUrl) : undefined;

  return {
    async remind({ withinDays, dryRun = false, today }) {
      if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 366)
        throw new DomainError(
          'invalid-count',
          `--within must be a whole number of days from 0 to 366, not ${withinDays}.`,
        );
      if (!dryRun && transport === undefined)
        throw new DomainError(
          'bad-config',
          'CSCI_SMTP_URL is not set, so no reminder can be emailed. Set it, or use --dry-run to see what would be sent.',
        );
      const asAt = today ?? todayIso(now());
      const plans = (await dependencies.openPlans()).filter((plan) => plan.content.plan.status !== 'closed');

      const found: Omit<ReminderEvent, 'recipients'>[] = [];
      const recipientsOf = new Map<string, string[]>();
      const unscheduledMeasures: string[] = [];
      const editorsByCouncil = new Map<string, { emails: string[]; byName: Map<string, string> }>();
      for (const { content, councilName } of plans) {
        const { plan } = content;
        let members = editorsByCouncil.get(plan.council);
        if (members === undefined) {
          const records = await listCouncilMemberRecords(db, plan.council);
          members = {
            emails: records.filter((record) => record.role === 'editor').map((record) => normaliseEmail(record.email)),
            byName: new Map(
              records.flatMap((record) => [
                [record.name.trim().toLowerCase(), normaliseEmail(record.email)] as const,
                [normaliseEmail(record.email), normaliseEmail(record.email)] as const,
              ]),
            ),
          };
          editorsByCouncil.set(plan.council, members);
        }
        const result = findReminders(content, asAt, withinDays);
        unscheduledMeasures.push(...result.unscheduledMeasures.map((id) => `${plan.id}:${id}`));
        for (const reminder of result.reminders) {
          const action = content.actions.find((candidate) => candidate.id === reminder.actionId);
          if (action === undefined) continue;
          const measure =
            reminder.kind === 'measure-missing-value'
              ? content.measures.find((candidate) => candidate.id === reminder.measureId)
              : undefined;
          // Keys name the plan too: ids are unique per store, but the plan makes the key readable.
          const key = `plan-${plan.id}:${reminder.key}`;
          const ownerEmail =
            action.owner.kind === 'person'
              ? (members.byName.get(action.owner.name.trim().toLowerCase()) ??
                (isEmail(normaliseEmail(action.owner.name)) ? normaliseEmail(action.owner.name) : undefined))
              : undefined;
          recipientsOf.set(key, [...new Set([...(ownerEmail ? [ownerEmail] : []), ...members.emails])]);
          found.push({
            key,
            kind: reminder.kind,
            planId: plan.id,
            council: plan.council,
            councilName,
            actionId: action.id,
            actionTitle: action.title,
            owner: `${action.owner.name} (${action.owner.kind})`,
            date: reminder.kind === 'measure-missing-value' ? reminder.period.start : reminder.dueDate,
            measureId: reminder.kind === 'measure-missing-value' ? reminder.measureId : null,
            text: describe(reminder, action, measure),
          });
        }
      }

      const sent = await findSentReminders(
        db,
        found.map((event) => event.key),
      );
      const status = new Map<string, { status: RecipientStatus; error?: string }>();
      const newFor = new Map<string, Omit<ReminderEvent, 'recipients'>[]>();
      for (const event of found) {
        for (const email of recipientsOf.get(event.key)!) {
          if (sent.has(`${event.key}|${email}`)) status.set(`${event.key}|${email}`, { status: 'already-sent' });
          else newFor.set(email, [...(newFor.get(email) ?? []), event]);
        }
      }

      let emailsSent = 0;
      let emailsFailed = 0;
      for (const [email, events] of newFor) {
        if (dryRun) {
          for (const event of events) status.set(`${event.key}|${email}`, { status: 'would-send' });
          continue;
        }
        const message = reminderEmail(events, asAt, dependencies.publicUrl);
        try {
          await transport!.sendMail({
            from: dependencies.mailFrom,
            to: email,
            subject: message.subject,
            text: message.text,
          });
          const at = now().toISOString();
          const rows: PlanReminderSentTable[] = events.map((event) => ({
            event_key: event.key,
            recipient: email,
            plan_id: event.planId,
            council: event.council,
            kind: event.kind,
            sent_at: at,
          }));
          await db.transaction().execute((trx) => recordSentReminders(trx, rows));
          for (const event of events) status.set(`${event.key}|${email}`, { status: 'sent' });
          emailsSent += 1;
        } catch (error) {
          emailsFailed += 1;
          for (const event of events)
            status.set(`${event.key}|${email}`, { status: 'failed', error: (error as Error).message });
        }
      }

      const events: ReminderEvent[] = found.map((event) => ({
        ...event,
        recipients: recipientsOf.get(event.key)!.map((email) => ({ email, ...status.get(`${event.key}|${email}`)! })),
      }));
      return {
        today: asAt,
        withinDays,
        dryRun,
        plans: plans.length,
        events,
        emailsSent,
        emailsFailed,
        untold: events.filter((event) => event.recipients.length === 0).map((event) => event.key),
        unscheduledMeasures,
      };
    },
  };
}

const HEADINGS: Record<ReminderKind, string> = {
  'action-overdue': 'Overdue actions',
  'action-due-soon': 'Actions due soon',
  'measure-missing-value': 'Measures with no value for their period',
};

/** One person's email: the events new to them, grouped by kind, with a link to each plan. Pure. */
export function reminderEmail(
  events: readonly Omit<ReminderEvent, 'recipients'>[],
  today: IsoDate,
  publicUrl: string | undefined,
): { subject: string; text: string } {
  const councils = [...new Set(events.map((event) => event.councilName))];
  const lines: string[] = [`Improvement plan reminders for ${councils.join(', ')} on ${formatUkDate(today)}.`, ''];
  for (const kind of ['action-overdue', 'action-due-soon', 'measure-missing-value'] as const) {
    const these = events.filter((event) => event.kind === kind);
    if (these.length === 0) continue;
    lines.push(`${HEADINGS[kind]}:`);
    for (const event of these) {
      lines.push(`- ${event.text} Owner: ${event.owner}.`);
      if (publicUrl) lines.push(`  ${publicUrl}/plans/${event.planId}/actions/${event.actionId}`);
    }
    lines.push('');
  }
  lines.push(
    "You get this because you own these actions or edit this council's improvement plan in csc-inspections. You are told of each event once.",
  );
  const overdue = events.filter((event) => event.kind === 'action-overdue').length;
  const subject = `${councils.join(', ')}: ${events.length} improvement plan reminder${events.length === 1 ? '' : 's'}${overdue > 0 ? ` (${overdue} overdue)` : ''}`;
  return { subject, text: lines.join('\n') + '\n' };
}
