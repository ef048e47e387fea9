/** SQL for import runs: one row per `csci import`, 'running' until finished, 'interrupted' if its process died. */
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

export async function startImportRun(
  db: Kysely<Database>,
  source: string,
  files: number,
  now: string,
  runner: string | null = null,
): Promise<number> {
  const { id } = await db
    .insertInto('import_run')
    .values({
      source,
      started_at: now,
      status: 'running',
      files,
      imported: 0,
      updated: 0,
      already_present: 0,
      failed: 0,
      failures: '[]',
      runner,
      heartbeat_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The running process is still at work on the run. */
export async function touchImportRun(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db
    .updateTable('import_run')
    .set({ heartbeat_at: now })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function finishImportRun(
  db: Kysely<Database>,
  id: number,
  totals: ImportRunTotals,
  now: string,
): Promise<void> {
  await db
    .updateTable('import_run')
    .set({
      finished_at: now,
      heartbeat_at: now,
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

export async function listRunningImportRunRows(db: Kysely<Database>): Promise<ImportRunRow[]> {
  return db.selectFrom('import_run').selectAll().where('status', '=', 'running').orderBy('id').execute();
}

/** Marks the runs as interrupted (only those still 'running'); their end is when they were last seen. */
export async function markImportRunsInterrupted(
  db: Kysely<Database>,
  runs: readonly Pick<ImportRunRow, 'id' | 'heartbeat_at' | 'started_at'>[],
): Promise<void> {
  for (const run of runs) {
    await db
      .updateTable('import_run')
      .set({ status: 'interrupted', finished_at: run.heartbeat_at ?? run.started_at })
      .where('id', '=', run.id)
      .where('status', '=', 'running')
      .execute();
  }
}

export async function listImportRunRows(db: Kysely<Database>): Promise<ImportRunRow[]> {
  return db.selectFrom('import_run').selectAll().orderBy('id', 'desc').execute();
}
