/** Brings the schema up to date with Kysely's Migrator; migrations are listed here in order. */
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResult } from 'kysely/migration';
import type { DialectName, StoreHandle } from './create-db.ts';
import { initialSchema } from './migrations/2026_11_23_0001_initial.ts';
import { readerFingerprint } from './migrations/2026_11_23_0002_reader_fingerprint.ts';
import { reportWarnings } from './migrations/2026_12_01_0003_report_warnings.ts';
import { visitLetters } from './migrations/2026_12_01_0004_visit_letters.ts';
import { accountsSchema } from './migrations/2026_12_01_0005_accounts.ts';
import { syncSchema } from './migrations/2026_12_01_0006_sync.ts';
import { importRunStatus } from './migrations/2026_12_01_0007_import_run_status.ts';
import { plansSchema } from './migrations/2026_12_02_0008_plans.ts';
import { planReminders } from './migrations/2026_12_02_0009_plan_reminders.ts';
import { letterWarnings } from './migrations/2026_12_02_0010_letter_warnings.ts';
import { formerCodes } from './migrations/2026_12_02_0011_former_codes.ts';
import { planIndexes } from './migrations/2026_12_02_0012_plan_indexes.ts';

function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '2026_11_23_0001_initial': initialSchema(dialect),
    '2026_11_23_0002_reader_fingerprint': readerFingerprint,
    '2026_12_01_0003_report_warnings': reportWarnings,
    '2026_12_01_0004_visit_letters': visitLetters,
    '2026_12_01_0005_accounts': accountsSchema(dialect),
    '2026_12_01_0006_sync': syncSchema(dialect),
    '2026_12_01_0007_import_run_status': importRunStatus,
    '2026_12_02_0008_plans': plansSchema(dialect),
    '2026_12_02_0009_plan_reminders': planReminders,
    '2026_12_02_0010_letter_warnings': letterWarnings,
    '2026_12_02_0011_former_codes': formerCodes,
    '2026_12_02_0012_plan_indexes': planIndexes,
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
export async function migrateToLatest(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Migrator works on any schema
  db: Kysely<any>,
  dialect: DialectName,
  migrationTableSchema?: string,
): Promise<string[]> {
  // On PostgreSQL the Migrator looks for its tables in every schema unless told which: another
  // schema's half-made migration tables (a parallel run) would make it skip creating its own.
  // Branches' migrations may land in any order (0007 before 0006): a store that ran a later one
  // still runs an earlier one, as each touches only its own tables.
  const migrator = await migratorFor(db, dialect, migrationTableSchema);
  return applied(await migrator.migrateToLatest());
}

/**
 * Runs the pending migrations up to and including `name` (a store as an older version left it, for
 * testing the migrations that move data); returns the names applied now. Throws when one fails.
 */
export async function migrateUpTo(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Migrator works on any schema
  db: Kysely<any>,
  dialect: DialectName,
  name: string,
  migrationTableSchema?: string,
): Promise<string[]> {
  if (!(name in migrations(dialect))) throw new Error(`There is no migration named ${name}.`);
  const migrator = await migratorFor(db, dialect, migrationTableSchema);
  return applied(await migrator.migrateTo(name));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Migrator works on any schema
async function migratorFor(db: Kysely<any>, dialect: DialectName, migrationTableSchema?: string): Promise<Migrator> {
  const schema = migrationTableSchema ?? (dialect === 'postgres' ? await currentSchema(db) : undefined);
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

function applied({ error, results }: { error?: unknown; results?: MigrationResult[] }): string[] {
  if (error)
    throw new MigrationFailedError(`The database could not be migrated: ${(error as Error).message}`, { cause: error });
  return (results ?? [])
    .filter((result: MigrationResult) => result.status === 'Success')
    .map((result) => result.migrationName);
}

/** The schema unqualified tables go to (the first of the search path that exists). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema
async function currentSchema(db: Kysely<any>): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}
