/** Brings the schema up to date with Kysely's Migrator; migrations are listed here in order. */
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResult } from 'kysely/migration';
import type { DialectName } from './create-db.ts';
import { initialSchema } from './migrations/2026_11_23_0001_initial.ts';
import { readerFingerprint } from './migrations/2026_11_23_0002_reader_fingerprint.ts';
import { visitLetters } from './migrations/2026_12_01_0004_visit_letters.ts';

function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '2026_11_23_0001_initial': initialSchema(dialect),
    '2026_11_23_0002_reader_fingerprint': readerFingerprint,
    '2026_12_01_0004_visit_letters': visitLetters,
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
  // On PostgreSQL the Migrator looks for its tables in every schema unless told which: another
  // schema's half-made migration tables (a parallel run) would make it skip creating its own.
  const migrationTableSchema = dialect === 'postgres' ? await currentSchema(db) : undefined;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(dialect) }, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new MigrationFailedError(`The database could not be migrated: ${(error as Error).message}`, { cause: error });
  return (results ?? []).filter((result: MigrationResult) => result.status === 'Success').map((result) => result.migrationName);
}

/** The schema unqualified tables go to (the first of the search path that exists). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema
async function currentSchema(db: Kysely<any>): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}
