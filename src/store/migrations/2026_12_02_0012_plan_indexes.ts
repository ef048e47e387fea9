/**
 * Indexes for reading a plan's records (issue 11's bench): evidence files by the action, update or
 * measure they are attached to (an action's evidence was a scan of every file), and a measure's
 * values in date order. Dialect-neutral.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

const INDEXES = [
  ['plan_evidence_action_idx', 'plan_evidence', ['action_id']],
  ['plan_evidence_update_idx', 'plan_evidence', ['update_id']],
  ['plan_evidence_measure_idx', 'plan_evidence', ['measure_id']],
  ['plan_measure_value_measure_date_idx', 'plan_measure_value', ['measure_id', 'date', 'id']],
] as const;

export const planIndexes: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const [name, table, columns] of INDEXES)
      await db.schema
        .createIndex(name)
        .on(table)
        .columns([...columns])
        .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const [name] of [...INDEXES].reverse()) await db.schema.dropIndex(name).execute();
  },
};
