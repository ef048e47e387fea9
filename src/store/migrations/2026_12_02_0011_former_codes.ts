/**
 * Council codes across time: the ONS (GSS) and DfE LA codes a council was known by before (a code
 * renumbered after a boundary change, or the code of a predecessor not in the register), and the
 * predecessors in the register a council replaced in a reorganisation. Dialect-neutral.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const formerCodes: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('local_authority_former_code')
      .addColumn('urn', 'varchar(16)', (col) => col.notNull().references('local_authority.urn').onDelete('cascade'))
      .addColumn('code_type', 'varchar(3)', (col) => col.notNull())
      .addColumn('code', 'varchar(12)', (col) => col.notNull())
      .addColumn('former_name', 'varchar(200)', (col) => col.notNull())
      .addColumn('in_use_until', 'varchar(10)', (col) => col.notNull())
      .addColumn('change', 'varchar(16)', (col) => col.notNull())
      .addPrimaryKeyConstraint('local_authority_former_code_pk', ['code_type', 'code', 'urn'])
      .execute();
    await db.schema
      .createTable('local_authority_predecessor')
      .addColumn('urn', 'varchar(16)', (col) => col.notNull().references('local_authority.urn').onDelete('cascade'))
      .addColumn('predecessor_urn', 'varchar(16)', (col) =>
        col.notNull().references('local_authority.urn').onDelete('cascade'),
      )
      .addColumn('took_over_on', 'varchar(10)', (col) => col.notNull())
      .addPrimaryKeyConstraint('local_authority_predecessor_pk', ['urn', 'predecessor_urn'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('local_authority_predecessor').execute();
    await db.schema.dropTable('local_authority_former_code').execute();
  },
};
