/**
 * Improvement plans (issue 11): a plan per inspection and council, its items (the report's
 * recommendations word for word, and the council's own), actions linked to one or more items,
 * milestones, measures with dated values, progress updates, evidence files, frozen versions (the
 * whole content as JSON, who froze it, when) and sign-offs of a frozen version. Every row that can
 * change carries an integer `version` for optimistic concurrency (UPDATE ... WHERE version = ?).
 * Frozen versions and sign-offs never change (a trigger refuses UPDATE and DELETE on both).
 * Dates are YYYY-MM-DD and times ISO-8601 UTC strings, as elsewhere in the store.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from '../create-db.ts';

const FROZEN_MESSAGE = 'frozen plan versions and sign-offs cannot be changed or deleted';
const FROZEN_TABLES = ['plan_version', 'plan_sign_off'] as const;

export function plansSchema(dialect: DialectName): Migration {
  const serial = dialect === 'postgres' ? 'serial' : 'integer';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's column builder callback type
  const primaryId = (col: any) => (dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement());
  const time = 'varchar(30)';
  const day = 'varchar(10)';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('plan')
        .addColumn('id', serial, primaryId)
        .addColumn('urn', 'varchar(16)', (col) => col.notNull().references('local_authority.urn'))
        .addColumn('inspection_id', 'integer', (col) => col.notNull().references('inspection.id'))
        .addColumn('status', 'varchar(16)', (col) =>
          col.notNull().check(sql`status in ('draft', 'submitted', 'published', 'closed')`),
        )
        .addColumn('due_date', day, (col) => col.notNull())
        .addColumn('draft_due_date', day)
        .addColumn('published_version', 'integer')
        .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('created_at', time, (col) => col.notNull())
        .addColumn('updated_at', time, (col) => col.notNull())
        .addUniqueConstraint('plan_inspection_unique', ['urn', 'inspection_id'])
        .execute();

      await db.schema
        .createTable('plan_item')
        .addColumn('id', serial, primaryId)
        .addColumn('plan_id', 'integer', (col) => col.notNull().references('plan.id').onDelete('cascade'))
        .addColumn('position', 'integer', (col) => col.notNull())
        .addColumn('recommendation_list', 'varchar(16)')
        .addColumn('recommendation_position', 'integer')
        .addColumn('recommendation_text', 'text')
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('response_kind', 'varchar(16)', (col) =>
          col.check(sql`response_kind in ('agreed', 'partly agreed')`),
        )
        .addColumn('response_reason', 'text')
        .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('created_at', time, (col) => col.notNull())
        .addColumn('updated_at', time, (col) => col.notNull())
        .execute();
      await db.schema.createIndex('plan_item_plan_idx').on('plan_item').columns(['plan_id', 'position']).execute();

      await db.schema
        .createTable('plan_action')
        .addColumn('id', serial, primaryId)
        .addColumn('plan_id', 'integer', (col) => col.notNull().references('plan.id').onDelete('cascade'))
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('owner_kind', 'varchar(8)', (col) =>
          col.notNull().check(sql`owner_kind in ('person', 'role', 'team')`),
        )
        .addColumn('owner_name', 'varchar(200)', (col) => col.notNull())
        .addColumn('start_date', day)
        .addColumn('due_date', day, (col) => col.notNull())
        .addColumn('status', 'varchar(20)', (col) =>
          col
            .notNull()
            .check(sql`status in ('not started', 'in progress', 'awaiting sign-off', 'complete', 'signed off')`),
        )
        .addColumn('rag_override', 'varchar(8)', (col) => col.check(sql`rag_override in ('red', 'amber', 'green')`))
        .addColumn('rag_reason', 'text')
        .addColumn('rag_by', 'varchar(254)')
        .addColumn('rag_on', day)
        .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('created_at', time, (col) => col.notNull())
        .addColumn('updated_at', time, (col) => col.notNull())
        .execute();
      await db.schema.createIndex('plan_action_plan_idx').on('plan_action').column('plan_id').execute();

      await db.schema
        .createTable('plan_action_item')
        .addColumn('action_id', 'integer', (col) => col.notNull().references('plan_action.id').onDelete('cascade'))
        .addColumn('item_id', 'integer', (col) => col.notNull().references('plan_item.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('plan_action_item_pk', ['action_id', 'item_id'])
        .execute();
      await db.schema.createIndex('plan_action_item_item_idx').on('plan_action_item').column('item_id').execute();

      await db.schema
        .createTable('plan_milestone')
        .addColumn('id', serial, primaryId)
        .addColumn('action_id', 'integer', (col) => col.notNull().references('plan_action.id').onDelete('cascade'))
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('due_date', day, (col) => col.notNull())
        .addColumn('met_on', day)
        .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('created_at', time, (col) => col.notNull())
        .addColumn('updated_at', time, (col) => col.notNull())
        .execute();
      await db.schema.createIndex('plan_milestone_action_idx').on('plan_milestone').column('action_id').execute();

      await db.schema
        .createTable('plan_measure')
        .addColumn('id', serial, primaryId)
        .addColumn('action_id', 'integer', (col) => col.notNull().references('plan_action.id').onDelete('cascade'))
        .addColumn('what', 'text', (col) => col.notNull())
        .addColumn('unit', 'varchar(50)', (col) => col.notNull())
        .addColumn('better_when', 'varchar(8)', (col) => col.notNull().check(sql`better_when in ('higher', 'lower')`))
        .addColumn('baseline_value', 'double precision', (col) => col.notNull())
        .addColumn('baseline_date', day, (col) => col.notNull())
        .addColumn('target_value', 'double precision', (col) => col.notNull())
        .addColumn('target_date', day, (col) => col.notNull())
        .addColumn('frequency', 'varchar(50)', (col) => col.notNull())
        .addColumn('source', 'text', (col) => col.notNull())
        .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('created_at', time, (col) => col.notNull())
        .addColumn('updated_at', time, (col) => col.notNull())
        .execute();
      await db.schema.createIndex('plan_measure_action_idx').on('plan_measure').column('action_id').execute();

      await db.schema
        .createTable('plan_measure_value')
        .addColumn('id', serial, primaryId)
        .addColumn('measure_id', 'integer', (col) => col.notNull().references('plan_measure.id').onDelete('cascade'))
        .addColumn('date', day, (col) => col.notNull())
        .addColumn('value', 'double precision', (col) => col.notNull())
        .addColumn('comment', 'text', (col) => col.notNull())
        .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('created_at', time, (col) => col.notNull())
        .addColumn('updated_at', time, (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('plan_measure_value_measure_idx')
        .on('plan_measure_value')
        .column('measure_id')
        .execute();

      await db.schema
        .createTable('plan_update')
        .addColumn('id', serial, primaryId)
        .addColumn('action_id', 'integer', (col) => col.notNull().references('plan_action.id').onDelete('cascade'))
        .addColumn('date', day, (col) => col.notNull())
        .addColumn('author', 'varchar(254)', (col) => col.notNull())
        .addColumn('text', 'text', (col) => col.notNull())
        .addColumn('status', 'varchar(20)', (col) =>
          col
            .notNull()
            .check(sql`status in ('not started', 'in progress', 'awaiting sign-off', 'complete', 'signed off')`),
        )
        .addColumn('evidence_links', 'text', (col) => col.notNull())
        .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('created_at', time, (col) => col.notNull())
        .addColumn('updated_at', time, (col) => col.notNull())
        .execute();
      await db.schema.createIndex('plan_update_action_idx').on('plan_update').column('action_id').execute();

      await db.schema
        .createTable('plan_evidence')
        .addColumn('id', serial, primaryId)
        .addColumn('plan_id', 'integer', (col) => col.notNull().references('plan.id').onDelete('cascade'))
        .addColumn('action_id', 'integer', (col) => col.references('plan_action.id').onDelete('cascade'))
        .addColumn('update_id', 'integer', (col) => col.references('plan_update.id').onDelete('cascade'))
        .addColumn('measure_id', 'integer', (col) => col.references('plan_measure.id').onDelete('cascade'))
        .addColumn('file_name', 'varchar(255)', (col) => col.notNull())
        .addColumn('content_type', 'varchar(100)', (col) => col.notNull())
        .addColumn('size', 'integer', (col) => col.notNull())
        .addColumn('sha256', 'varchar(64)', (col) => col.notNull())
        /** The random name the file is kept under in the data dir: never derived from anything guessable. */
        .addColumn('storage_key', 'varchar(64)', (col) => col.notNull().unique())
        .addColumn('created_by', 'varchar(254)', (col) => col.notNull())
        .addColumn('created_at', time, (col) => col.notNull())
        .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('plan_evidence_plan_idx').on('plan_evidence').column('plan_id').execute();

      await db.schema
        .createTable('plan_version')
        .addColumn('plan_id', 'integer', (col) => col.notNull().references('plan.id'))
        .addColumn('number', 'integer', (col) => col.notNull())
        .addColumn('content_json', 'text', (col) => col.notNull())
        .addColumn('frozen_by_user_id', 'integer')
        .addColumn('frozen_by_email', 'varchar(254)', (col) => col.notNull())
        .addColumn('frozen_at', time, (col) => col.notNull())
        .addPrimaryKeyConstraint('plan_version_pk', ['plan_id', 'number'])
        .execute();

      await db.schema
        .createTable('plan_sign_off')
        .addColumn('id', serial, primaryId)
        .addColumn('plan_id', 'integer', (col) => col.notNull())
        .addColumn('version_number', 'integer', (col) => col.notNull())
        .addColumn('signed_by_user_id', 'integer')
        .addColumn('signed_by_email', 'varchar(254)', (col) => col.notNull())
        .addColumn('signed_by_name', 'varchar(200)', (col) => col.notNull())
        .addColumn('capacity', 'varchar(200)', (col) => col.notNull())
        .addColumn('note', 'text', (col) => col.notNull())
        .addColumn('signed_at', time, (col) => col.notNull())
        .addForeignKeyConstraint('plan_sign_off_version_fk', ['plan_id', 'version_number'], 'plan_version', [
          'plan_id',
          'number',
        ])
        .execute();
      await db.schema.createIndex('plan_sign_off_plan_idx').on('plan_sign_off').column('plan_id').execute();

      if (dialect === 'sqlite') {
        for (const table of FROZEN_TABLES) {
          await sql`CREATE TRIGGER ${sql.raw(`${table}_no_update`)} BEFORE UPDATE ON ${sql.table(table)} BEGIN SELECT RAISE(ABORT, ${sql.lit(FROZEN_MESSAGE)}); END`.execute(
            db,
          );
          await sql`CREATE TRIGGER ${sql.raw(`${table}_no_delete`)} BEFORE DELETE ON ${sql.table(table)} BEGIN SELECT RAISE(ABORT, ${sql.lit(FROZEN_MESSAGE)}); END`.execute(
            db,
          );
        }
      } else {
        await sql`CREATE FUNCTION plan_frozen_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION ${sql.lit(FROZEN_MESSAGE)}; END $$`.execute(
          db,
        );
        for (const table of FROZEN_TABLES) {
          await sql`CREATE TRIGGER ${sql.raw(`${table}_no_change`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION plan_frozen_refuse_change()`.execute(
            db,
          );
        }
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'plan_sign_off',
        'plan_version',
        'plan_evidence',
        'plan_update',
        'plan_measure_value',
        'plan_measure',
        'plan_milestone',
        'plan_action_item',
        'plan_action',
        'plan_item',
        'plan',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
      if (dialect === 'postgres') await sql`DROP FUNCTION IF EXISTS plan_frozen_refuse_change()`.execute(db);
    },
  };
}
