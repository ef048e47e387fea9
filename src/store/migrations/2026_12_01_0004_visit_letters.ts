/**
 * Letters after ungraded visits (focused visits, monitoring visits, JTAIs), stored as inspections of
 * their kind: what only a letter has lives in `visit_letter`, one row per such inspection; its areas
 * for priority action are recommendations in the list `priority`. Dialect-neutral.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const visitLetters: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('visit_letter')
      .addColumn('inspection_id', 'integer', (col) => col.primaryKey().references('inspection.id').onDelete('cascade'))
      .addColumn('letter_date', 'varchar(10)')
      .addColumn('focus', 'text')
      .addColumn('theme', 'varchar(32)')
      .addColumn('covid_context', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('inspectors', 'text', (col) => col.notNull().defaultTo('[]'))
      .addColumn('warnings', 'text', (col) => col.notNull().defaultTo('[]'))
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('visit_letter').execute();
  },
};
