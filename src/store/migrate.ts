/** Brings the schema up to date with Kysely's Migrator; migrations are listed here in order. */
import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResult } from 'kysely/migration';
import type { DialectName } from './create-db.ts';
import { initialSchema } from './migrations/2026_11_23_0001_initial.ts';
import { readerFingerprint } from './migrations/2026_11_23_0002_reader_fingerprint.ts';
import { syncSchema } from './migrations/2026_12_01_0006_sync.ts';

function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '2026_11_23_0001_initial': initialSchema(dialect),
    '2026_11_23_0002_reader_fingerprint': readerFingerprint,
    '2026_12_01_0006_sync': syncSchema(dialect),
  };
}

export class MigrationFailedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationFailedError';
  }
}

/** Runs every pending migration; returns the names applied now. Throws when one fails. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Migrator works on any schema
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new MigrationFailedError(`The database could not be migrated: ${(error as Error).message}`, { cause: error });
  return (results ?? []).filter((result: MigrationResult) => result.status === 'Success').map((result) => result.migrationName);
}
