/**
 * Migration 2026_12_02_0010_letter_warnings: letters' warnings, once JSON on their visit_letter row,
 * move to report_warning beside the reports'; a row whose JSON cannot be read stops it, changing nothing.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import {
  createDb,
  migrateToLatest,
  migrateUpTo,
  migrationTableSchemaOf,
  type StoreHandle,
} from '../../src/store/index.ts';
import { parseLetterWarnings } from '../../src/store/migrations/2026_12_02_0010_letter_warnings.ts';
import { createTestStore, TEST_DIALECTS, type TestStore } from '../helpers/dialects.ts';

const BEFORE = '2026_12_01_0007_import_run_status';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tables as an older version left them
type OldDb = Kysely<any>;

async function insertInspection(db: OldDb, id: number, kind: string): Promise<void> {
  await db
    .insertInto('inspection')
    .values({
      id,
      urn: '80418',
      content_hash: `hash-${id}`,
      facts_hash: `facts-${id}`,
      file_path: `/reports/80418-norfolk/${id}.pdf`,
      framework: 'ILACS',
      version: 'ILACS-2023',
      kind,
      local_authority_as_printed: 'Norfolk',
      inspection_start: '2024-02-06',
      inspection_end: '2024-02-07',
      published: '2024-03-04',
      published_source: 'file-name',
      imported_at: '2024-03-05T00:00:00Z',
      updated_at: '2024-03-05T00:00:00Z',
    })
    .execute();
}

async function oldStore(
  dialect: (typeof TEST_DIALECTS)[number],
): Promise<{ store: TestStore; handle: StoreHandle; schema: string | undefined }> {
  const store = await createTestStore(dialect);
  const handle = createDb(store.location);
  const schema = await migrationTableSchemaOf(handle);
  await migrateUpTo(handle.db, handle.dialect, BEFORE, schema);
  const db = handle.db as OldDb;
  await db.insertInto('local_authority').values({ urn: '80418', name: 'Norfolk' }).execute();
  return { store, handle, schema };
}

for (const dialect of TEST_DIALECTS) {
  describe(`letter warnings move to report_warning (${dialect})`, () => {
    test("each letter's JSON warnings become its report_warning rows in order, after any it had; reports' rows stay; the JSON column goes", async () => {
      const { store, handle, schema } = await oldStore(dialect);
      const db = handle.db as OldDb;
      try {
        await insertInspection(db, 1, 'focused-visit');
        await insertInspection(db, 2, 'focused-visit');
        await insertInspection(db, 3, 'ilacs-standard');
        const letterWarnings = [
          { code: 'no-letter-date', message: 'No letter date could be read.' },
          { code: 'short-item', message: 'Improvement 2 is unusually short.' },
        ];
        await db
          .insertInto('visit_letter')
          .values({
            inspection_id: 1,
            letter_date: null,
            focus: 'care leavers',
            theme: 'care-leavers',
            covid_context: 0,
            inspectors: '["Robin Sample"]',
            warnings: JSON.stringify(letterWarnings),
          })
          .execute();
        await db
          .insertInto('visit_letter')
          .values({
            inspection_id: 2,
            letter_date: '2024-03-03',
            focus: 'care leavers',
            theme: 'care-leavers',
            covid_context: 0,
            inspectors: '[]',
            warnings: '[]',
          })
          .execute();
        await db
          .insertInto('report_warning')
          .values({
            inspection_id: 3,
            position: 1,
            code: 'missing-lead-inspector',
            message: 'No lead inspector could be read.',
          })
          .execute();
        await db
          .insertInto('report_warning')
          .values({ inspection_id: 1, position: 1, code: 'already-here', message: 'A warning already in the table.' })
          .execute();

        assert.ok(
          (await migrateToLatest(handle.db, handle.dialect, schema)).includes('2026_12_02_0010_letter_warnings'),
        );

        const rows = await db
          .selectFrom('report_warning')
          .select(['inspection_id', 'position', 'code', 'message'])
          .orderBy('inspection_id')
          .orderBy('position')
          .execute();
        assert.deepEqual(
          rows.map((row) => ({ ...row, inspection_id: Number(row.inspection_id), position: Number(row.position) })),
          [
            { inspection_id: 1, position: 1, code: 'already-here', message: 'A warning already in the table.' },
            { inspection_id: 1, position: 2, ...letterWarnings[0] },
            { inspection_id: 1, position: 3, ...letterWarnings[1] },
            {
              inspection_id: 3,
              position: 1,
              code: 'missing-lead-inspector',
              message: 'No lead inspector could be read.',
            },
          ],
        );
        const letter = await db
          .selectFrom('visit_letter')
          .selectAll()
          .where('inspection_id', '=', 1)
          .executeTakeFirstOrThrow();
        assert.equal('warnings' in letter, false, 'the JSON column is gone');
        assert.equal(letter.focus, 'care leavers', 'the rest of the letter stays');
      } finally {
        await handle.db.destroy();
        await store.drop();
      }
    });

    test('a letter whose stored warnings are not JSON stops the migration with its id, and nothing changes', async () => {
      const { store, handle, schema } = await oldStore(dialect);
      const db = handle.db as OldDb;
      try {
        await insertInspection(db, 1, 'focused-visit');
        await insertInspection(db, 2, 'focused-visit');
        await db
          .insertInto('visit_letter')
          .values({
            inspection_id: 1,
            covid_context: 0,
            inspectors: '[]',
            warnings: '[{"code":"no-letter-date","message":"No letter date could be read."}]',
          })
          .execute();
        await db
          .insertInto('visit_letter')
          .values({ inspection_id: 2, covid_context: 0, inspectors: '[]', warnings: '{not json' })
          .execute();

        await assert.rejects(migrateToLatest(handle.db, handle.dialect, schema), /letter 2 are not JSON/);

        assert.deepEqual(await db.selectFrom('report_warning').selectAll().execute(), [], 'no warning moved');
        const kept = await sql<{ warnings: string }>`select warnings from visit_letter where inspection_id = 1`.execute(
          handle.db,
        );
        assert.equal(
          kept.rows[0]?.warnings,
          '[{"code":"no-letter-date","message":"No letter date could be read."}]',
          'the JSON column and its rows stay',
        );
      } finally {
        await handle.db.destroy();
        await store.drop();
      }
    });
  });
}

test('stored warnings are read as a list of {code, message}, and anything else is refused by name', () => {
  assert.deepEqual(parseLetterWarnings(7, '[{"code":"a","message":"b","extra":1}]'), [{ code: 'a', message: 'b' }]);
  assert.deepEqual(parseLetterWarnings(7, '[]'), []);
  assert.throws(() => parseLetterWarnings(7, '{"code":"a"}'), /letter 7 are not a list of \{code, message\}/);
  assert.throws(() => parseLetterWarnings(7, '[{"code":1,"message":"b"}]'), /letter 7/);
  assert.throws(() => parseLetterWarnings(7, 'nope'), /letter 7 are not JSON/);
});
