/**
 * Reminders sent by `csci remind`: one row per event (an action due soon or overdue, a measure with
 * no value for its period) and person told, so running the command twice tells no one twice. No
 * foreign key to the plan tables: a reminder row outlives a removed plan harmlessly, and this table
 * does not depend on the order the plans migration lands in. Dialect-neutral.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const planReminders: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('plan_reminder_sent')
      .addColumn('event_key', 'varchar(200)', (col) => col.notNull())
      .addColumn('recipient', 'varchar(254)', (col) => col.notNull())
      .addColumn('plan_id', 'integer', (col) => col.notNull())
      .addColumn('council', 'varchar(16)', (col) => col.notNull())
      .addColumn('kind', 'varchar(40)', (col) => col.notNull())
      .addColumn('sent_at', 'varchar(30)', (col) => col.notNull())
      .addPrimaryKeyConstraint('plan_reminder_sent_pk', ['event_key', 'recipient'])
      .execute();
    await db.schema.createIndex('plan_reminder_sent_plan_idx').on('plan_reminder_sent').column('plan_id').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('plan_reminder_sent').execute();
  },
};
