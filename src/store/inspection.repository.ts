/** SQL for inspections, their judgements and their recommendations. */
import type { Kysely, Transaction } from 'kysely';
import type {
  Database,
  InspectionRow,
  JudgementRow,
  NewInspection,
  RecommendationList,
  RecommendationRow,
  ReportWarningRow,
  VisitLetterRow,
  VisitLetterTable,
} from './database.ts';

export interface InspectionFactsToStore {
  readonly inspection: Omit<NewInspection, 'id' | 'imported_at' | 'updated_at' | 'import_run_id'>;
  readonly judgements: readonly { area: string; grade: string }[];
  readonly recommendations: readonly { list: RecommendationList; text: string }[];
  /** Letters only: what a letter adds to the inspection row. */
  readonly letter?: Omit<VisitLetterTable, 'inspection_id'>;
  /** The reader's warnings, in order; none when every invariant held. */
  readonly warnings?: readonly { code: string; message: string }[];
}

export interface StoredReportKey {
  id: number;
  facts_hash: string;
}

export interface StoredReportState {
  id: number;
  content_hash: string;
  facts_hash: string;
  reader_fingerprint: string | null;
}

/** The stored reports among these file hashes (asked in batches to stay under parameter limits). */
export async function findInspectionsByContentHashes(
  db: Kysely<Database>,
  contentHashes: readonly string[],
): Promise<StoredReportState[]> {
  const found: StoredReportState[] = [];
  for (let start = 0; start < contentHashes.length; start += 500) {
    const batch = contentHashes.slice(start, start + 500);
    found.push(
      ...(await db
        .selectFrom('inspection')
        .select(['id', 'content_hash', 'facts_hash', 'reader_fingerprint'])
        .where('content_hash', 'in', batch)
        .execute()),
    );
  }
  return found;
}

/** Records that a newer reader read the report and found the same facts. */
export async function setReaderFingerprint(db: Kysely<Database>, id: number, readerFingerprint: string): Promise<void> {
  await db.updateTable('inspection').set({ reader_fingerprint: readerFingerprint }).where('id', '=', id).execute();
}

export async function findInspectionByContentHash(
  db: Kysely<Database>,
  contentHash: string,
): Promise<StoredReportKey | undefined> {
  return db
    .selectFrom('inspection')
    .select(['id', 'facts_hash'])
    .where('content_hash', '=', contentHash)
    .executeTakeFirst();
}

/** Stores a new report and its facts in one transaction; returns the new id. */
export async function insertInspection(
  db: Kysely<Database>,
  facts: InspectionFactsToStore,
  importRunId: number | null,
  now: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('inspection')
      .values({ ...facts.inspection, import_run_id: importRunId, imported_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertChildren(trx, id, facts);
    return id;
  });
}

/** Replaces the stored facts of a report already present (same file bytes, newer reading), in one transaction. */
export async function replaceInspectionFacts(
  db: Kysely<Database>,
  id: number,
  facts: InspectionFactsToStore,
  importRunId: number | null,
  now: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('inspection')
      .set({ ...facts.inspection, import_run_id: importRunId, updated_at: now })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('judgement').where('inspection_id', '=', id).execute();
    await trx.deleteFrom('recommendation').where('inspection_id', '=', id).execute();
    await trx.deleteFrom('visit_letter').where('inspection_id', '=', id).execute();
    await trx.deleteFrom('report_warning').where('inspection_id', '=', id).execute();
    await insertChildren(trx, id, facts);
  });
}

async function insertChildren(trx: Transaction<Database>, id: number, facts: InspectionFactsToStore): Promise<void> {
  if (facts.judgements.length > 0) {
    await trx
      .insertInto('judgement')
      .values(
        facts.judgements.map((judgement) => ({ inspection_id: id, area: judgement.area, grade: judgement.grade })),
      )
      .execute();
  }
  if (facts.letter)
    await trx
      .insertInto('visit_letter')
      .values({ inspection_id: id, ...facts.letter })
      .execute();
  const positions: Record<RecommendationList, number> = { la: 0, lscb: 0, priority: 0 };
  if (facts.recommendations.length > 0) {
    await trx
      .insertInto('recommendation')
      .values(
        facts.recommendations.map((recommendation) => ({
          inspection_id: id,
          list: recommendation.list,
          position: ++positions[recommendation.list],
          text: recommendation.text,
        })),
      )
      .execute();
  }
  const warnings = facts.warnings ?? [];
  if (warnings.length > 0) {
    await trx
      .insertInto('report_warning')
      .values(
        warnings.map((warning, index) => ({
          inspection_id: id,
          position: index + 1,
          code: warning.code,
          message: warning.message,
        })),
      )
      .execute();
  }
}

export interface InspectionFilter {
  readonly urn?: string;
}

export async function listInspectionRows(
  db: Kysely<Database>,
  filter: InspectionFilter = {},
): Promise<InspectionRow[]> {
  let query = db.selectFrom('inspection').selectAll();
  if (filter.urn !== undefined) query = query.where('urn', '=', filter.urn);
  return query.orderBy('urn').orderBy('published').orderBy('inspection_start').orderBy('id').execute();
}

export async function listJudgementRows(db: Kysely<Database>, filter: InspectionFilter = {}): Promise<JudgementRow[]> {
  let query = db.selectFrom('judgement').selectAll();
  if (filter.urn !== undefined) {
    const urn = filter.urn;
    query = query.where('inspection_id', 'in', (eb) => eb.selectFrom('inspection').select('id').where('urn', '=', urn));
  }
  return query.orderBy('inspection_id').execute();
}

export async function findInspectionRow(db: Kysely<Database>, id: number): Promise<InspectionRow | undefined> {
  return db.selectFrom('inspection').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listJudgementsOf(db: Kysely<Database>, id: number): Promise<JudgementRow[]> {
  return db.selectFrom('judgement').selectAll().where('inspection_id', '=', id).execute();
}

export async function listRecommendationsOf(db: Kysely<Database>, id: number): Promise<RecommendationRow[]> {
  return db
    .selectFrom('recommendation')
    .selectAll()
    .where('inspection_id', '=', id)
    .orderBy('list')
    .orderBy('position')
    .execute();
}

export async function listReportWarningsOf(db: Kysely<Database>, id: number): Promise<ReportWarningRow[]> {
  return db.selectFrom('report_warning').selectAll().where('inspection_id', '=', id).orderBy('position').execute();
}

export interface StoreCounts {
  inspections: number;
  judgements: number;
  recommendations: number;
}

export async function countStoredFacts(db: Kysely<Database>): Promise<StoreCounts> {
  const count = async (table: 'inspection' | 'judgement' | 'recommendation'): Promise<number> =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('count'))
          .executeTakeFirstOrThrow()
      ).count,
    );
  return {
    inspections: await count('inspection'),
    judgements: await count('judgement'),
    recommendations: await count('recommendation'),
  };
}

/** The letter facts of inspections of the letter kinds (all, or one council's). */
export async function listVisitLetterRows(
  db: Kysely<Database>,
  filter: InspectionFilter = {},
): Promise<VisitLetterRow[]> {
  let query = db.selectFrom('visit_letter').selectAll();
  if (filter.urn !== undefined) {
    const urn = filter.urn;
    query = query.where('inspection_id', 'in', (eb) => eb.selectFrom('inspection').select('id').where('urn', '=', urn));
  }
  return query.orderBy('inspection_id').execute();
}

export async function findVisitLetterRow(db: Kysely<Database>, id: number): Promise<VisitLetterRow | undefined> {
  return db.selectFrom('visit_letter').selectAll().where('inspection_id', '=', id).executeTakeFirst();
}
