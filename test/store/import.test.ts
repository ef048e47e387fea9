import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { InspectionReport } from '../../src/domain/index.ts';
import type { ReportExtractor } from '../../src/services/index.ts';
import { listInspectionRows } from '../../src/store/index.ts';
import type { DialectName } from '../../src/store/index.ts';
import { corpusMissing, readLabels, readRecommendationLabels } from '../helpers/corpus.ts';
import { createTestServices, TEST_DIALECTS } from '../helpers/dialects.ts';
import { storedState } from '../helpers/stored-state.ts';
import {
  addFixtureFile,
  buildFixtureFolder,
  fixtureExtractor,
  isGradedLabelRow,
  makeTempDir,
  reportFromLabel,
} from '../helpers/label-fixtures.ts';

const labels = corpusMissing ? [] : readLabels().filter(isGradedLabelRow);
const recommendations = corpusMissing ? new Map() : readRecommendationLabels();

let filesRead = 0;
/** Counts the files the importer asks the reader for. */
function countingExtractor(inner: ReportExtractor): ReportExtractor {
  return (files, options) => {
    filesRead += files.length;
    return inner(files, options);
  };
}

const sample = (count: number) =>
  labels.filter((_row, index) => index % Math.ceil(labels.length / count) === 0).slice(0, count);

for (const dialect of TEST_DIALECTS) {
  describe(`import on ${dialect}`, { skip: corpusMissing }, () => {
    /** The reader's version as the importer sees it; a test changes it to stand for a better reader. */
    let readerVersion = 'reader-1';
    const withServices = async (
      reports: Map<string, InspectionReport>,
      body: (services: Awaited<ReturnType<typeof createTestServices>>) => Promise<void>,
      d: DialectName = dialect,
    ) => {
      readerVersion = 'reader-1';
      const services = await createTestServices(d, {
        importer: { extract: countingExtractor(fixtureExtractor(reports)), readerFingerprint: () => readerVersion },
      });
      try {
        await body(services);
      } finally {
        await services.done();
      }
    };

    test('importing the same folder twice leaves one row per report', async () => {
      const folder = buildFixtureFolder(labels, recommendations);
      await withServices(folder.reports, async (services) => {
        const first = await services.imports.importReports([folder.dir]);
        assert.equal(first.files, labels.length);
        assert.deepEqual(first.failures, []);
        assert.equal(first.imported, labels.length);
        filesRead = 0;
        const second = await services.imports.importReports([folder.dir]);
        assert.equal(filesRead, 0, 'reports stored by the same reader are not read again');
        assert.equal(second.imported, 0);
        assert.equal(second.updated, 0);
        assert.equal(second.alreadyPresent, labels.length);
        const rows = await listInspectionRows(services.store.db);
        assert.equal(rows.length, labels.length);
        assert.equal(new Set(rows.map((row) => row.content_hash)).size, labels.length);
        const stored = await services.inspections.get(
          first.outcomes.find((outcome) => outcome.file.endsWith('80418-norfolk/2015-10-20.pdf'))?.inspectionId ?? -1,
        );
        assert.equal(stored.published, '2015-10-19', 'the printed date wins over the file name');
        assert.equal(stored.publishedSource, 'printed');
        assert.equal(
          stored.recommendations.length,
          recommendations.get('80418-norfolk/2015-10-20.pdf')?.recommendations.length,
        );
        const ilacs = await services.inspections.get(
          first.outcomes.find((outcome) => outcome.file.endsWith('80418-norfolk/2023-01-13.pdf'))?.inspectionId ?? -1,
        );
        assert.deepEqual([ilacs.published, ilacs.publishedSource], ['2023-01-13', 'file-name']);
      });
    });

    test('a folder with a corrupt file imports the rest and reports the failure', async () => {
      const folder = buildFixtureFolder(sample(4));
      mkdirSync(join(folder.dir, '80418-norfolk'), { recursive: true });
      const corrupt = join(folder.dir, '80418-norfolk', '2020-01-01.pdf');
      writeFileSync(corrupt, '%PDF-1.7\nthis is not really a PDF\n');
      const html = join(folder.dir, '80418-norfolk', '2020-02-02.pdf');
      writeFileSync(html, '<!DOCTYPE html><html><body>Report not found</body></html>');
      await withServices(folder.reports, async (services) => {
        const summary = await services.imports.importReports([folder.dir]);
        assert.equal(summary.imported, 4);
        assert.equal(summary.failed, 2);
        const codes = Object.fromEntries(summary.failures.map((failure) => [failure.file, failure.code]));
        assert.equal(codes[html], 'not-a-pdf');
        assert.ok(
          ['corrupt-pdf', 'unreadable-file', 'not-a-pdf'].includes(codes[corrupt] ?? ''),
          `corrupt file code: ${codes[corrupt]}`,
        );
        assert.ok(summary.failures.every((failure) => failure.message.length > 0));
        assert.equal((await listInspectionRows(services.store.db)).length, 4);
      });
    });

    test('a run stopped after a few reports, then run again, ends as one clean run does', async () => {
      const rows = sample(12);
      const folder = buildFixtureFolder(rows, recommendations);
      let clean: unknown;
      await withServices(folder.reports, async (services) => {
        await services.imports.importReports([folder.dir]);
        clean = await storedState(services.store.db);
      });
      await withServices(folder.reports, async (services) => {
        const stop = new Error('stopped');
        await assert.rejects(
          services.imports.importReports([folder.dir], {
            onReport: (_outcome, index) => {
              if (index === 4) throw stop;
            },
          }),
          stop,
        );
        assert.equal((await listInspectionRows(services.store.db)).length, 5);
        const again = await services.imports.importReports([folder.dir]);
        assert.equal(again.alreadyPresent, 5);
        assert.equal(again.imported, rows.length - 5);
        assert.deepEqual(await storedState(services.store.db), clean);
        const runs = await services.store.db.selectFrom('import_run').select(['status']).orderBy('id').execute();
        assert.deepEqual(
          runs.map((run) => run.status),
          ['interrupted', 'finished'],
          'the stopped run is marked interrupted',
        );
      });
    });

    test('a re-import after the reader changed updates only the changed reports', async () => {
      const rows = sample(6);
      const folder = buildFixtureFolder(rows, recommendations);
      await withServices(folder.reports, async (services) => {
        await services.imports.importReports([folder.dir]);
        const [path, report] = [...folder.reports.entries()][2] ?? assert.fail('no fixture');
        folder.reports.set(path, {
          ...report,
          judgements: { ...report.judgements, leadership: 'inadequate' },
          recommendations: ['A recommendation the better reader found.'],
        });
        const sameReader = await services.imports.importReports([folder.dir]);
        assert.deepEqual(
          [sameReader.updated, sameReader.alreadyPresent],
          [0, rows.length],
          'the same reader does not read stored reports again',
        );
        readerVersion = 'reader-2';
        const summary = await services.imports.importReports([folder.dir]);
        assert.deepEqual([summary.imported, summary.updated, summary.alreadyPresent], [0, 1, rows.length - 1]);
        const outcome = summary.outcomes.find((candidate) => candidate.status === 'updated');
        const stored = await services.inspections.get(outcome?.inspectionId ?? -1);
        assert.equal(stored.judgements.leadership, 'inadequate');
        assert.deepEqual(stored.recommendations, ['A recommendation the better reader found.']);
        assert.equal((await listInspectionRows(services.store.db)).length, rows.length);
      });
    });

    test('the reader’s warnings are stored with the report, and a newer reading replaces them', async () => {
      const rows = sample(2);
      const folder = buildFixtureFolder(rows, recommendations);
      await withServices(folder.reports, async (services) => {
        const [path, report] = [...folder.reports.entries()][0] ?? assert.fail('no fixture');
        const warnings = [
          { code: 'missing-lead-inspector' as const, message: 'No lead inspector could be read from the report.' },
          {
            code: 'item-ends-mid-sentence' as const,
            message: 'The local authority’s recommendation 1 ends mid-sentence.',
          },
        ];
        folder.reports.set(path, { ...report, leadInspector: null, warnings });
        const first = await services.imports.importReports([folder.dir]);
        const id = first.outcomes.find((outcome) => outcome.file === path)?.inspectionId ?? -1;
        assert.deepEqual((await services.inspections.get(id)).warnings, warnings);
        readerVersion = 'reader-2';
        folder.reports.set(path, { ...report, leadInspector: null, warnings: warnings.slice(0, 1) });
        const second = await services.imports.importReports([folder.dir]);
        assert.equal(second.updated, 1, 'a change in the warnings alone is a new reading');
        assert.deepEqual((await services.inspections.get(id)).warnings, warnings.slice(0, 1));
      });
    });

    test('without a URN folder the printed name finds the council; with neither the file fails clearly', async () => {
      const row =
        labels.find((candidate) => candidate.file === '80418-norfolk/2023-01-13.pdf') ??
        assert.fail('no Norfolk label');
      const dir = makeTempDir('csci-loose-');
      const reports = new Map<string, InspectionReport>();
      addFixtureFile(reports, join(dir, 'downloads', '2023-01-13 barnet.pdf'), {
        ...reportFromLabel(row, ''),
        localAuthority: 'London Borough of Barnet',
      });
      addFixtureFile(reports, join(dir, 'downloads', '2023-01-14.pdf'), {
        ...reportFromLabel(row, ''),
        localAuthority: 'Gondor County Council',
      });
      addFixtureFile(reports, join(dir, '999999-nowhere', '2023-01-15.pdf'), {
        ...reportFromLabel(row, ''),
        localAuthority: 'Nowhere',
      });
      await withServices(reports, async (services) => {
        const summary = await services.imports.importReports([dir]);
        assert.equal(summary.imported, 1);
        assert.equal(summary.outcomes.find((outcome) => outcome.status === 'imported')?.urn, '80487');
        assert.deepEqual(summary.failures.map((failure) => failure.code).sort(), [
          'unknown-local-authority',
          'unknown-local-authority',
        ]);
        assert.match(
          summary.failures.find((failure) => failure.file.includes('999999'))?.message ?? '',
          /URN 999999 of its folder is not in the register.*"Nowhere"/,
        );
        assert.match(
          summary.failures.find((failure) => failure.file.includes('2023-01-14'))?.message ?? '',
          /"Gondor County Council" matches no council/,
        );
      });
    });

    test('a report with no printed date and no date in its name takes the manifest date, or fails', async () => {
      const row =
        labels.find((candidate) => candidate.file === '80418-norfolk/2023-01-13.pdf') ??
        assert.fail('no Norfolk label');
      const dir = makeTempDir('csci-manifest-');
      const reports = new Map<string, InspectionReport>();
      const file = join(dir, '80418-norfolk', 'latest-report.pdf');
      addFixtureFile(reports, file, reportFromLabel(row, ''));
      await withServices(reports, async (services) => {
        const without = await services.imports.importReports([dir]);
        assert.equal(without.failures[0]?.code, 'no-publication-date');
        const manifest = join(dir, 'manifest.csv');
        writeFileSync(manifest, 'file,published\n80418-norfolk/latest-report.pdf,2023-01-13\n');
        const withManifest = await services.imports.importReports([join(dir, '80418-norfolk')], { manifest });
        assert.equal(withManifest.imported, 1);
        const stored = await services.inspections.get(withManifest.outcomes[0]?.inspectionId ?? -1);
        assert.deepEqual([stored.published, stored.publishedSource], ['2023-01-13', 'manifest']);
      });
    });

    test('anomalies flagged by the framework rules are listed, and the report is still stored', async () => {
      const row =
        labels.find((candidate) => candidate.version === 'SIF' && candidate.overall === 'good') ??
        assert.fail('no good SIF label');
      const dir = makeTempDir('csci-anomaly-');
      mkdirSync(join(dir, `${row.urn}-council`));
      const reports = new Map<string, InspectionReport>();
      const report = reportFromLabel(row, '');
      addFixtureFile(reports, join(dir, `${row.urn}-council`, `${row.listed_published}.pdf`), {
        ...report,
        judgements: { ...report.judgements, helpAndProtection: 'inadequate' },
      });
      await withServices(reports, async (services) => {
        const summary = await services.imports.importReports([dir]);
        assert.equal(summary.imported, 1);
        assert.ok(
          summary.anomalies.some(
            (anomaly) => anomaly.rule === 'sif-inadequate-key-judgement-limits-overall' && anomaly.urn === row.urn,
          ),
        );
        const again = await services.imports.importReports([dir]);
        assert.equal(again.alreadyPresent, 1);
        assert.deepEqual(
          again.anomalies,
          summary.anomalies,
          'a report not read again is still checked, from its stored grades',
        );
      });
    });
  });
}
