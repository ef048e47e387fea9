/**
 * The real corpus through the real reader into the store (SQLite in memory): every report once,
 * the broken files reported, a second import changing nothing, and the figures matching labels.csv.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ImportSummary } from '../../src/services/index.ts';
import { countStoredFacts, listInspectionRows } from '../../src/store/index.ts';
import { CORPUS_REPORTS_DIR, corpusMissing, readLabels } from '../helpers/corpus.ts';
import { createTestServices } from '../helpers/dialects.ts';
import { isGradedLabelRow } from '../helpers/label-fixtures.ts';
import { existed, expectedGroup, labelGrade, register, tally } from '../helpers/label-figures.ts';

describe('importing the real corpus', { skip: corpusMissing }, () => {
  const allLabels = corpusMissing ? [] : readLabels();
  const graded = allLabels.filter(isGradedLabelRow);
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let first: ImportSummary;

  before(async () => {
    services = await createTestServices('sqlite');
    first = await services.imports.importReports([CORPUS_REPORTS_DIR]);
  });
  after(async () => {
    await services?.done();
  });

  test('every graded report is imported once, and every unreadable file is reported with its reason', () => {
    assert.equal(first.files, allLabels.length);
    assert.equal(first.imported, graded.length);
    const failedFiles = first.failures.map((failure) => failure.file.slice(CORPUS_REPORTS_DIR.length + 1)).sort();
    assert.deepEqual(
      failedFiles,
      allLabels
        .filter((row) => !isGradedLabelRow(row))
        .map((row) => row.file)
        .sort(),
    );
    for (const failure of first.failures) {
      const label = allLabels.find((row) => join(CORPUS_REPORTS_DIR, row.file) === failure.file);
      assert.equal(failure.code, label?.expected_error || 'unsupported-report', failure.file);
    }
  });

  test('importing the corpus a second time leaves exactly one row per report', async () => {
    const before = await countStoredFacts(services.store.db);
    const second = await services.imports.importReports([CORPUS_REPORTS_DIR]);
    assert.deepEqual(
      [second.imported, second.updated, second.alreadyPresent, second.failed],
      [0, 0, graded.length, first.failed],
    );
    assert.deepEqual(await countStoredFacts(services.store.db), before);
    const rows = await listInspectionRows(services.store.db);
    assert.equal(rows.length, graded.length);
    assert.deepEqual(
      rows.map((row) => row.file_path.slice(CORPUS_REPORTS_DIR.length + 1)).sort(),
      graded.map((row) => row.file).sort(),
    );
  });

  test('each report is stored under its council with the publication date of its label', async (t) => {
    const rows = await listInspectionRows(services.store.db);
    const sifFromFileName: string[] = [];
    for (const label of graded) {
      const row = rows.find((candidate) => candidate.file_path === join(CORPUS_REPORTS_DIR, label.file));
      assert.equal(row?.urn, label.urn, label.file);
      assert.equal(row?.published, label.published, label.file);
      // ILACS reports print no date, so theirs comes from the file name; SIF reports print one, and
      // where the reader missed it the file name's date (Ofsted's listing) stands in.
      if (label.framework === 'ILACS') assert.equal(row?.published_source, 'file-name', label.file);
      else if (row?.published_source !== 'printed') sifFromFileName.push(label.file);
    }
    assert.ok(
      sifFromFileName.every(
        (file) =>
          graded.find((label) => label.file === file)?.published ===
          graded.find((label) => label.file === file)?.listed_published,
      ),
    );
    t.diagnostic(
      `SIF reports whose printed date the reader did not give: ${sifFromFileName.length} (${sifFromFileName.join(', ')})`,
    );
  });

  test('national and regional figures from the read reports match the labels', async () => {
    for (const asAt of ['2016-01-01', '2019-12-31', '2026-11-23']) {
      for (const area of ['overall', 'helpAndProtection', 'careLeavers'] as const) {
        const existing = register.filter((row) => existed(row, asAt));
        const grades = existing.flatMap((row) => labelGrade(graded, row.urn, asAt, area) ?? []);
        const national = await services.stats.national({ asAt, area });
        assert.equal(national.included, grades.length, `${asAt} ${area}`);
        assert.deepEqual(national.counts, tally(grades), `${asAt} ${area}`);
      }
      for (const urn of ['80418', '80429', '80521', '2637548']) {
        const council = register.find((row) => row.urn === urn) ?? assert.fail(urn);
        const region = register.filter((row) => row.region_name === council.region_name);
        assert.deepEqual(
          await services.stats.region(urn, { asAt, area: 'overall' }),
          expectedGroup(graded, council, region, asAt, 'overall'),
          `${council.name} ${asAt}`,
        );
      }
    }
  });
});
