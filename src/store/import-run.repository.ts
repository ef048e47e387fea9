/** SQL for import runs: one row per `csci import`, left 'running' if the run was interrupted. */
import type { Kysely } from 'kysely';
import type { Database, ImportRunRow } from './database.ts';

export interface ImportRunTotals {
  readonly files: number;
  readonly imported: number;
  readonly updated: number;
  readonly alreadyPresent: number;
  readonly failed: number;
  readonly failures: readonly { file: string; code: string; message: string }[];
}

export async function startImportRun(db: Kysely<Database>, source: string, files: number, now: string): Promise<number> {
  const { id } = await db
    .insertInto('import_run')
    .values({ source, started_at: now, status: 'running', files, imported: 0, updated: 0, already_present: 0, failed: 0, failures: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function finishImportRun(db: Kysely<Database>, id: number, totals: ImportRunTotals, now: string): Promise<void> {
  await db
    .updateTable('import_run')
    .set({
      finished_at: now,
      status: 'finished',
      files: totals.files,
      imported: totals.imported,
      updated: totals.updated,
      already_present: totals.alreadyPresent,
      failed: totals.failed,
      failures: JSON.stringify(totals.failures),
    })
    .where('id', '=', id)
    .execute();
}

export async function listImportRunRows(db: Kysely<Database>): Promise<ImportRunRow[]> {
  return db.selectFrom('import_run').selectAll().orderBy('id', 'desc').execute();
}
