/** Brings the schema up to date with Kysely's Migrator; migrations are listed here in order. */
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResult } from 'kysely/migration';
import type { DialectName, StoreHandle } from './create-db.ts';
import { initialSchema } from './migrations/2026_11_23_0001_initial.ts';
import { readerFingerprint } from './migrations/2026_11_23_0002_reader_fingerprint.ts';
import { reportWarnings } from './migrations/2026_12_01_0003_report_warnings.ts';
import { importRunStatus } from './migrations/2026_12_01_0007_import_run_status.ts';

function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '2026_11_23_0001_initial': initialSchema(dialect),
    '2026_11_23_0002_reader_fingerprint': readerFingerprint,
    '2026_12_01_0003_report_warnings': reportWarnings,
    '2026_12_01_0007_import_run_status': importRunStatus,
  };
}

export class MigrationFailedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationFailedError';
  }
}

/**
 * The schema that holds Kysely's migration tables: on PostgreSQL the store's own (its `schema`, else
 * the connection's current one), so tables of the same name in another schema are not taken for ours.
 */
export async function migrationTableSchemaOf(store: StoreHandle): Promise<string | undefined> {
  if (!('postgres' in store.location)) return undefined;
  if (store.location.schema) return store.location.schema;
  const { rows } = await sql<{ name: string }>`select current_schema() as name`.execute(store.db);
  return rows[0]?.name ?? undefined;
}

/** Runs every pending migration; returns the names applied now. Throws when one fails. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Migrator works on any schema
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName, migrationTableSchema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) }, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new MigrationFailedError(`The database could not be migrated: ${(error as Error).message}`, { cause: error });
  return (results ?? []).filter((result: MigrationResult) => result.status === 'Success').map((result) => result.migrationName);
}
