/**
 * The import's idempotence and its update after a reader change, on reports written for the tests
 * (test/helpers/report-fixtures.ts), so they run without the corpus too (import.test.ts repeats
 * them on the corpus's labels).
 */
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import type { InspectionReport } from '../../src/domain/index.ts';
import type { ReportExtractor } from '../../src/services/index.ts';
import { listInspectionRows } from '../../src/store/index.ts';
import { fixtureExtractor } from '../helpers/fixture-extractor.ts';
import { REPORT_FIXTURES } from '../helpers/report-fixtures.ts';
import { createTestServices, TEST_DIALECTS } from '../helpers/dialects.ts';
import { addFixtureFile, makeTempDir } from '../helpers/label-fixtures.ts';
import { storedState } from '../helpers/stored-state.ts';

function fixtureFolder(): { dir: string; reports: Map<string, InspectionReport> } {
  const dir = makeTempDir('csci-synthetic-');
  const reports = new Map<string, InspectionReport>();
  for (const { path, ...report } of REPORT_FIXTURES) addFixtureFile(reports, join(dir, path), report);
  return { dir, reports };
}

for (const dialect of TEST_DIALECTS) {
  describe(`import of synthetic reports on ${dialect}`, () => {
    let filesRead = 0;
    let readerVersion = 'reader-1';
    const counting =
      (inner: ReportExtractor): ReportExtractor =>
      (files, options) => {
        filesRead += files.length;
        return inner(files, options);
      };
    const open = (reports: Map<string, InspectionReport>) =>
      createTestServices(dialect, {
        importer: {
          extract: counting(fixtureExtractor(reports, { others: 'refuse' })),
          readerFingerprint: () => readerVersion,
        },
      });

    test('importing the same folder twice leaves one row per report and reads nothing again', async () => {
      const folder = fixtureFolder();
      readerVersion = 'reader-1';
      const services = await open(folder.reports);
      try {
        const first = await services.imports.importReports([folder.dir]);
        assert.deepEqual(first.failures, []);
        assert.equal(first.imported, REPORT_FIXTURES.length);
        const state = await storedState(services.store.db);
        filesRead = 0;
        const second = await services.imports.importReports([folder.dir]);
        assert.equal(filesRead, 0, 'reports stored by the same reader are not read again');
        assert.deepEqual([second.imported, second.updated, second.alreadyPresent], [0, 0, REPORT_FIXTURES.length]);
        assert.equal((await listInspectionRows(services.store.db)).length, REPORT_FIXTURES.length);
        assert.deepEqual(await storedState(services.store.db), state);
      } finally {
        await services.done();
      }
    });

    test('after the reader changed, a re-import reads every report and updates only the changed one', async () => {
      const folder = fixtureFolder();
      readerVersion = 'reader-1';
      const services = await open(folder.reports);
      try {
        await services.imports.importReports([folder.dir]);
        const path = resolve(folder.dir, REPORT_FIXTURES[1]!.path);
        const report = folder.reports.get(path) ?? assert.fail('no fixture');
        folder.reports.set(path, {
          ...report,
          judgements: { ...report.judgements, leadership: 'inadequate' },
          recommendations: ['A recommendation the better reader found.'],
        });
        readerVersion = 'reader-2';
        filesRead = 0;
        const again = await services.imports.importReports([folder.dir]);
        assert.equal(filesRead, REPORT_FIXTURES.length, 'a new reader reads every report again');
        assert.deepEqual([again.imported, again.updated, again.alreadyPresent], [0, 1, REPORT_FIXTURES.length - 1]);
        const id =
          again.outcomes.find((outcome) => resolve(outcome.file) === path)?.inspectionId ?? assert.fail('no outcome');
        const stored = await services.inspections.get(id);
        assert.equal(stored.judgements.leadership, 'inadequate');
        assert.deepEqual(stored.recommendations, ['A recommendation the better reader found.']);
        assert.equal((await listInspectionRows(services.store.db)).length, REPORT_FIXTURES.length);
      } finally {
        await services.done();
      }
    });
  });
}
