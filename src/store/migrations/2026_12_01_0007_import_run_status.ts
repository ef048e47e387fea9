/**
 * Import runs that died: who ran each run (host and process) and when it was last seen working, so a
 * run left 'running' by a killed process can be told from one still going and marked 'interrupted'.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const importRunStatus: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('import_run').addColumn('runner', 'varchar(300)').execute();
    await db.schema.alterTable('import_run').addColumn('heartbeat_at', 'varchar(30)').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('import_run').dropColumn('heartbeat_at').execute();
    await db.schema.alterTable('import_run').dropColumn('runner').execute();
  },
};
