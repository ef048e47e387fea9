import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  countStoredFacts,
  findInspectionByContentHash,
  finishImportRun,
  insertInspection,
  listImportRunRows,
  listJudgementsOf,
  listRecommendationsOf,
  migrateToLatest,
  replaceInspectionFacts,
  startImportRun,
  type InspectionFactsToStore,
} from '../../src/store/index.ts';
import { createTestServices, TEST_DIALECTS } from '../helpers/dialects.ts';

function facts(contentHash: string, overrides: Partial<InspectionFactsToStore> = {}): InspectionFactsToStore {
  return {
    inspection: {
      urn: '80418',
      content_hash: contentHash,
      facts_hash: `facts-${contentHash}`,
      file_path: `/reports/80418-norfolk/${contentHash}.pdf`,
      framework: 'ILACS',
      version: 'ILACS-2018',
      kind: 'ilacs-standard',
      local_authority_as_printed: 'Norfolk County Council',
      inspection_start: '2022-11-07',
      inspection_end: '2022-11-18',
      published: '2023-01-13',
      published_source: 'file-name',
      lead_inspector: 'A Inspector',
    },
    judgements: [
      { area: 'overall', grade: 'good' },
      { area: 'leadership', grade: 'good' },
    ],
    recommendations: [
      { list: 'la', text: 'First recommendation.' },
      { list: 'la', text: 'Second recommendation.' },
      { list: 'lscb', text: 'A board recommendation.' },
    ],
    ...overrides,
  };
}

for (const dialect of TEST_DIALECTS) {
  describe(`store on ${dialect}`, () => {
    let services: Awaited<ReturnType<typeof createTestServices>>;
    before(async () => {
      services = await createTestServices(dialect);
    });
    after(async () => {
      await services.done();
    });

    test('migrations ran once and a second run has nothing to do', async () => {
      assert.deepEqual(services.startup.appliedMigrations, [
        '2026_11_23_0001_initial',
        '2026_11_23_0002_reader_fingerprint',
        '2026_12_01_0003_report_warnings',
        '2026_12_01_0004_visit_letters',
        '2026_12_01_0005_accounts',
        '2026_12_01_0006_sync',
        '2026_12_01_0007_import_run_status',
        '2026_12_02_0008_plans',
        '2026_12_02_0009_plan_reminders',
        '2026_12_02_0010_letter_warnings',
        '2026_12_02_0011_former_codes',
        '2026_12_02_0012_plan_indexes',
      ]);
      assert.deepEqual(await migrateToLatest(services.store.db, services.store.dialect), []);
    });

    test('the register is loaded at first start with inactive councils kept', async () => {
      assert.equal(services.startup.councilsLoaded, 156);
      const all = await services.councils.list({ includeInactive: true });
      assert.equal(all.length, 156);
      assert.deepEqual(
        all.filter((authority) => !authority.active).map((authority) => authority.name),
        ['Cumbria', 'Northamptonshire', 'Poole'],
      );
      const norfolk = await services.councils.get('80418');
      assert.equal(norfolk.authority.laCode, '926');
      assert.equal(norfolk.authority.gssCode, 'E10000020');
      assert.equal(norfolk.authority.regionName, 'East of England');
      assert.equal(norfolk.authority.laType, 'County');
      assert.deepEqual(norfolk.neighbours.map((neighbour) => neighbour.name).slice(0, 3), [
        'Suffolk',
        'Cornwall',
        'Devon',
      ]);
      assert.equal(norfolk.region.members.length, 11);
    });

    test('a report is stored with its judgements and recommendations in order', async () => {
      const id = await insertInspection(services.store.db, facts('aaa'), null, '2026-11-23T12:00:00.000Z');
      assert.deepEqual(await findInspectionByContentHash(services.store.db, 'aaa'), { id, facts_hash: 'facts-aaa' });
      const judgements = await listJudgementsOf(services.store.db, id);
      assert.deepEqual(judgements.map((row) => [row.area, row.grade]).sort(), [
        ['leadership', 'good'],
        ['overall', 'good'],
      ]);
      const recommendations = await listRecommendationsOf(services.store.db, id);
      assert.deepEqual(
        recommendations.map((row) => [row.list, row.position, row.text]),
        [
          ['la', 1, 'First recommendation.'],
          ['la', 2, 'Second recommendation.'],
          ['lscb', 1, 'A board recommendation.'],
        ],
      );
      const detail = await services.inspections.get(id);
      assert.equal(detail.fileName, 'aaa.pdf');
      assert.equal(detail.publishedSource, 'file-name');
      assert.deepEqual(detail.lscbRecommendations, ['A board recommendation.']);
    });

    test('replacing the facts of a stored report swaps judgements and recommendations', async () => {
      const id = await insertInspection(services.store.db, facts('bbb'), null, '2026-11-23T12:00:00.000Z');
      await replaceInspectionFacts(
        services.store.db,
        id,
        facts('bbb', {
          judgements: [{ area: 'overall', grade: 'inadequate' }],
          recommendations: [{ list: 'la', text: 'Only one.' }],
        }),
        null,
        '2026-11-23T13:00:00.000Z',
      );
      const detail = await services.inspections.get(id);
      assert.deepEqual(detail.judgements, { overall: 'inadequate' });
      assert.deepEqual(detail.recommendations, ['Only one.']);
      assert.equal(detail.importedAt, '2026-11-23T12:00:00.000Z');
      assert.equal(detail.updatedAt, '2026-11-23T13:00:00.000Z');
    });

    test('a report that fails halfway leaves nothing behind', async () => {
      const before = await countStoredFacts(services.store.db);
      const broken = facts('ccc', {
        judgements: [
          { area: 'overall', grade: 'good' },
          { area: 'overall', grade: 'inadequate' },
        ],
      });
      await assert.rejects(insertInspection(services.store.db, broken, null, '2026-11-23T12:00:00.000Z'));
      assert.deepEqual(await countStoredFacts(services.store.db), before);
      assert.equal(await findInspectionByContentHash(services.store.db, 'ccc'), undefined);
    });

    test('the same file bytes cannot be stored twice', async () => {
      await assert.rejects(insertInspection(services.store.db, facts('aaa'), null, '2026-11-23T12:00:00.000Z'));
    });

    test('an inspection must belong to a council in the register', async () => {
      const stray = facts('ddd');
      await assert.rejects(
        insertInspection(
          services.store.db,
          { ...stray, inspection: { ...stray.inspection, urn: '999999' } },
          null,
          '2026-11-23T12:00:00.000Z',
        ),
      );
    });

    test('an import run is recorded as running, then finished with its totals', async () => {
      const id = await startImportRun(services.store.db, '/reports', 3, '2026-11-23T12:00:00.000Z');
      assert.equal((await listImportRunRows(services.store.db)).find((row) => row.id === id)?.status, 'running');
      await finishImportRun(
        services.store.db,
        id,
        {
          files: 3,
          imported: 1,
          updated: 0,
          alreadyPresent: 1,
          failed: 1,
          failures: [{ file: 'x.pdf', code: 'not-a-pdf', message: 'm' }],
        },
        '2026-11-23T12:01:00.000Z',
      );
      const row = (await listImportRunRows(services.store.db)).find((candidate) => candidate.id === id);
      assert.equal(row?.status, 'finished');
      assert.equal(row?.already_present, 1);
      assert.deepEqual(JSON.parse(row?.failures ?? ''), [{ file: 'x.pdf', code: 'not-a-pdf', message: 'm' }]);
    });
  });
}
