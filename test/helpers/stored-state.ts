import type { Kysely } from 'kysely';
import { listInspectionRows, listJudgementRows, type Database } from '../../src/store/index.ts';

/** Everything stored about the reports, keyed by content hash, without ids, run ids or times. */
export async function storedState(db: Kysely<Database>): Promise<unknown> {
  const rows = await listInspectionRows(db);
  const judgements = await listJudgementRows(db);
  const recommendationRows = await db.selectFrom('recommendation').selectAll().execute();
  const hashOf = new Map(rows.map((row) => [Number(row.id), row.content_hash]));
  return {
    inspections: rows
      .map(({ id: _id, import_run_id: _run, imported_at: _imported, updated_at: _updated, ...rest }) => rest)
      .sort((a, b) => a.content_hash.localeCompare(b.content_hash)),
    judgements: judgements.map((row) => `${hashOf.get(Number(row.inspection_id))} ${row.area} ${row.grade}`).sort(),
    recommendations: recommendationRows
      .map((row) => `${hashOf.get(Number(row.inspection_id))} ${row.list} ${row.position} ${row.text}`)
      .sort(),
  };
}
