/** Which version of the reader's code read each stored report, so an unchanged reader need not read it again. */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const readerFingerprint: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('inspection').addColumn('reader_fingerprint', 'varchar(64)').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('inspection').dropColumn('reader_fingerprint').execute();
  },
};
