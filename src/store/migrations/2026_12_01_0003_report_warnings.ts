/** The reader's warnings on each stored report: invariants of its kind that the facts read break, in order. */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const reportWarnings: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('report_warning')
      .addColumn('inspection_id', 'integer', (col) => col.notNull().references('inspection.id').onDelete('cascade'))
      .addColumn('position', 'integer', (col) => col.notNull())
      .addColumn('code', 'varchar(64)', (col) => col.notNull())
      .addColumn('message', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('report_warning_pk', ['inspection_id', 'position'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('report_warning').execute();
  },
};
