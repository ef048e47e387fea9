/**
 * One store for the reader's warnings: a letter's warnings, kept as JSON on its `visit_letter` row,
 * move to `report_warning` beside the reports' (in order, after any already there), and the JSON
 * column goes. A row whose JSON is not a list of {code, message} stops the migration with its
 * inspection named; nothing is changed then (one transaction). Dialect-neutral.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Migration } from 'kysely/migration';

interface Tables {
  visit_letter: { inspection_id: number; warnings: string };
  report_warning: { inspection_id: number; position: number; code: string; message: string };
}

interface StoredWarning {
  readonly code: string;
  readonly message: string;
}

/** The warnings of one letter's JSON, or an error naming the letter when they cannot be read. */
export function parseLetterWarnings(inspectionId: number, json: string): StoredWarning[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(
      `The warnings stored on letter ${inspectionId} are not JSON (${JSON.stringify(json.slice(0, 60))}); the migration changed nothing.`,
    );
  }
  const isWarning = (item: unknown): item is StoredWarning =>
    typeof item === 'object' &&
    item !== null &&
    typeof (item as StoredWarning).code === 'string' &&
    typeof (item as StoredWarning).message === 'string';
  if (!Array.isArray(value) || !value.every(isWarning)) {
    throw new Error(
      `The warnings stored on letter ${inspectionId} are not a list of {code, message}; the migration changed nothing.`,
    );
  }
  return value.map((warning) => ({ code: warning.code, message: warning.message }));
}

/** Runs the work in the migration's transaction (PostgreSQL) or in one of its own (SQLite's migrations run outside one). */
async function inTransaction(db: Kysely<Tables>, work: (trx: Kysely<Tables>) => Promise<void>): Promise<void> {
  if (db.isTransaction) return work(db);
  await db.transaction().execute((trx: Transaction<Tables>) => work(trx));
}

export const letterWarnings: Migration = {
  async up(untyped: Kysely<unknown>): Promise<void> {
    await inTransaction(untyped as Kysely<Tables>, async (db) => {
      const letters = await db
        .selectFrom('visit_letter')
        .select(['inspection_id', 'warnings'])
        .orderBy('inspection_id')
        .execute();
      for (const letter of letters) {
        const id = Number(letter.inspection_id);
        const warnings = parseLetterWarnings(id, letter.warnings);
        if (warnings.length === 0) continue;
        const last = await db
          .selectFrom('report_warning')
          .select(sql<number>`max(position)`.as('position'))
          .where('inspection_id', '=', id)
          .executeTakeFirst();
        const after = Number(last?.position ?? 0);
        await db
          .insertInto('report_warning')
          .values(
            warnings.map((warning, index) => ({
              inspection_id: id,
              position: after + index + 1,
              code: warning.code,
              message: warning.message,
            })),
          )
          .execute();
      }
      await db.schema.alterTable('visit_letter').dropColumn('warnings').execute();
    });
  },
  async down(untyped: Kysely<unknown>): Promise<void> {
    await inTransaction(untyped as Kysely<Tables>, async (db) => {
      await db.schema
        .alterTable('visit_letter')
        .addColumn('warnings', 'text', (col) => col.notNull().defaultTo('[]'))
        .execute();
      const rows = await db
        .selectFrom('report_warning')
        .select(['inspection_id', 'code', 'message'])
        .where('inspection_id', 'in', db.selectFrom('visit_letter').select('inspection_id'))
        .orderBy('inspection_id')
        .orderBy('position')
        .execute();
      for (const [id, warnings] of Map.groupBy(rows, (row) => Number(row.inspection_id))) {
        const json = JSON.stringify(warnings.map((warning) => ({ code: warning.code, message: warning.message })));
        await db.updateTable('visit_letter').set({ warnings: json }).where('inspection_id', '=', id).execute();
      }
      await db
        .deleteFrom('report_warning')
        .where('inspection_id', 'in', db.selectFrom('visit_letter').select('inspection_id'))
        .execute();
    });
  },
};
