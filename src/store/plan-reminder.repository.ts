/** The reminders `csci remind` has sent (migration 2026_12_02_0009): the only SQL on plan_reminder_sent. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from './database.ts';
import type { PlanReminderSentTable } from './plan-reminders.tables.ts';

export type PlanReminderSentRow = Selectable<PlanReminderSentTable>;

type Db = Kysely<Database> | Transaction<Database>;

/** The `event_key|recipient` pairs already sent among these event keys. */
export async function findSentReminders(db: Db, eventKeys: readonly string[]): Promise<Set<string>> {
  const sent = new Set<string>();
  // In slices, so a large run stays under the databases' limits on bound parameters.
  for (let start = 0; start < eventKeys.length; start += 500) {
    const slice = eventKeys.slice(start, start + 500);
    const rows = await db
      .selectFrom('plan_reminder_sent')
      .select(['event_key', 'recipient'])
      .where('event_key', 'in', slice)
      .execute();
    for (const row of rows) sent.add(`${row.event_key}|${row.recipient}`);
  }
  return sent;
}

/** Records events told to one person; a pair already recorded (another run got there first) is left as it is. */
export async function recordSentReminders(db: Db, rows: readonly PlanReminderSentTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('plan_reminder_sent')
    .values([...rows])
    .onConflict((conflict) => conflict.columns(['event_key', 'recipient']).doNothing())
    .execute();
}

export async function listSentReminders(db: Db, planId?: number): Promise<PlanReminderSentRow[]> {
  let query = db
    .selectFrom('plan_reminder_sent')
    .selectAll()
    .orderBy('sent_at')
    .orderBy('event_key')
    .orderBy('recipient');
  if (planId !== undefined) query = query.where('plan_id', '=', planId);
  return query.execute();
}
