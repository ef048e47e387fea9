/** `csci import`, `stats`, `history` and `migrate` as a user runs them, on a SQLite store in a temporary --data-dir. */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import { createServices } from '../../src/services/index.ts';
import { SQLITE_FILE } from '../../src/store/index.ts';
import { CORPUS_REPORTS_DIR, corpusMissing, readLabels } from '../helpers/corpus.ts';
import { buildFixtureFolder, fixtureExtractor, isGradedLabelRow, makeTempDir } from '../helpers/label-fixtures.ts';
import { existed, labelGrade, register, tally } from '../helpers/label-figures.ts';

async function csci(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (chunk: string) => ((stdout += chunk), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (chunk: string) => ((stderr += chunk), true) } as unknown as NodeJS.WritableStream,
  });
  return { code, stdout, stderr };
}

describe('csci import', { skip: corpusMissing }, () => {
  test('imports real reports, reports a corrupt file, and exits 1; a second run finds them all present', async () => {
    const folder = makeTempDir('csci-cli-import-');
    for (const file of ['80418-norfolk/2023-01-13.pdf', '80418-norfolk/2015-10-20.pdf']) {
      mkdirSync(dirname(join(folder, file)), { recursive: true });
      copyFileSync(join(CORPUS_REPORTS_DIR, file), join(folder, file));
    }
    writeFileSync(join(folder, '80418-norfolk', '2019-01-01.pdf'), 'not a pdf at all');
    const dataDir = makeTempDir('csci-cli-data-');
    const first = await csci('import', folder, '--json', '--data-dir', dataDir);
    assert.equal(first.code, 1, first.stderr);
    const summary = JSON.parse(first.stdout);
    assert.deepEqual(Object.keys(summary), [
      'runId',
      'source',
      'files',
      'imported',
      'updated',
      'alreadyPresent',
      'failed',
      'failures',
      'anomalies',
    ]);
    assert.deepEqual([summary.files, summary.imported, summary.failed], [3, 2, 1]);
    assert.equal(summary.failures[0].code, 'not-a-pdf');
    const text = await csci('import', folder, '--data-dir', dataDir);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /3 files: imported 0, updated 0, already present 2, failed 1\./);
    assert.match(text.stdout, /2019-01-01\.pdf: not-a-pdf: /);
  });

  test('without a folder it is a usage error', async () => {
    const result = await csci('import');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /usage: csci import/);
  });
});

describe('csci stats, history and migrate', { skip: corpusMissing }, () => {
  const dataDir = makeTempDir('csci-cli-stats-');
  before(async () => {
    const folder = buildFixtureFolder(readLabels().filter(isGradedLabelRow));
    const services = await createServices(
      { databaseUrl: undefined, dataDir },
      { location: { sqlite: join(dataDir, SQLITE_FILE) }, importer: { extract: fixtureExtractor(folder.reports) } },
    );
    await services.imports.importReports([folder.dir]);
    await services.close();
  });

  test('migrate on a ready store has nothing to do', async () => {
    const result = await csci('migrate', '--data-dir', dataDir);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /No migration was pending\. The register was already loaded\./);
  });

  test('stats national --json has exactly the documented keys', async () => {
    const result = await csci(
      'stats',
      'national',
      '--as-at',
      '2022-03-31',
      '--framework',
      'ILACS',
      '--area',
      'help_and_protection',
      '--basis',
      'first',
      '--json',
      '--data-dir',
      dataDir,
    );
    assert.equal(result.code, 0, result.stderr);
    const body = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(body), [
      'asAt',
      'framework',
      'area',
      'basis',
      'countedBy',
      'included',
      'missing',
      'counts',
      'percentages',
    ]);
    assert.deepEqual(
      [body.asAt, body.framework, body.area, body.basis],
      ['2022-03-31', 'ILACS', 'helpAndProtection', 'first'],
    );
    assert.deepEqual(Object.keys(body.counts), ['outstanding', 'good', 'requires_improvement', 'inadequate']);
    assert.equal(
      body.included + body.missing.length,
      152,
      '156 in the register less Poole and Northamptonshire (abolished), Cumberland and Westmorland and Furness (not yet made)',
    );
  });

  test("stats national --counted-by inspected gives Ofsted's basis, the labels' figures; published stays the default", async () => {
    const labels = readLabels().filter(isGradedLabelRow);
    const asAt = '2025-03-31';
    const councils = register.filter((row) => existed(row, asAt));
    const expected = (countedBy: 'published' | 'inspected') =>
      tally(
        councils.flatMap((row) => labelGrade(labels, row.urn, asAt, 'overall', undefined, 'latest', countedBy) ?? []),
      );
    const inspected = await csci(
      'stats',
      'national',
      '--as-at',
      asAt,
      '--counted-by',
      'inspected',
      '--json',
      '--data-dir',
      dataDir,
    );
    assert.equal(inspected.code, 0, inspected.stderr);
    const body = JSON.parse(inspected.stdout);
    assert.equal(body.countedBy, 'inspected');
    assert.deepEqual(body.counts, expected('inspected'));
    const byDefault = JSON.parse(
      (await csci('stats', 'national', '--as-at', asAt, '--json', '--data-dir', dataDir)).stdout,
    );
    assert.equal(byDefault.countedBy, 'published');
    assert.deepEqual(byDefault.counts, expected('published'));
    assert.notDeepEqual(byDefault.counts, body.counts);
    const words = await csci('stats', 'national', '--as-at', asAt, '--counted-by', 'inspected', '--data-dir', dataDir);
    assert.match(words.stdout, /carried out by then \(on site until the date at the latest\), whenever published/);
    const wrong = await csci('stats', 'national', '--counted-by', 'visited', '--data-dir', dataDir);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--counted-by must be published or inspected/);
  });

  test('a council whose latest inspection (ILACS-2026, Lancashire) gives no overall grade holds its previous one in the CLI too', async () => {
    const result = await csci(
      'stats',
      'region',
      '--la',
      'Lancashire',
      '--as-at',
      '2026-11-30',
      '--json',
      '--data-dir',
      dataDir,
    );
    assert.equal(result.code, 0, result.stderr);
    const labels = readLabels().filter(isGradedLabelRow);
    const previous = labels
      .filter((row) => row.urn === '80480' && row.overall !== '')
      .sort((a, b) => (a.published < b.published ? -1 : 1))
      .at(-1);
    assert.equal(JSON.parse(result.stdout).grade, previous?.overall);
  });

  test('stats region and neighbours --json have exactly the documented keys', async () => {
    for (const group of ['region', 'neighbours']) {
      const result = await csci(
        'stats',
        group,
        '--la',
        'Norfolk County Council',
        '--as-at',
        '2024-01-01',
        '--json',
        '--data-dir',
        dataDir,
      );
      assert.equal(result.code, 0, result.stderr);
      const body = JSON.parse(result.stdout);
      assert.deepEqual(Object.keys(body), [
        'la',
        'region',
        'asAt',
        'area',
        'grade',
        'included',
        'counts',
        'sameOrBetter',
        'rank',
      ]);
      assert.deepEqual([body.la.urn, body.region, body.grade], ['80418', 'East of England', 'good']);
    }
  });

  test('stats in words', async () => {
    const national = await csci('stats', 'national', '--as-at', '2024-01-01', '--data-dir', dataDir);
    assert.match(national.stdout, /Overall effectiveness as at 2024-01-01/);
    assert.match(national.stdout, /councils included/);
    const region = await csci('stats', 'region', '--la', '80418', '--as-at', '2024-01-01', '--data-dir', dataDir);
    assert.match(region.stdout, /^Norfolk \(East of England\), overall effectiveness as at 2024-01-01: Good/);
    assert.match(region.stdout, /place \d+ of \d+/);
  });

  test('history --json lists inspections oldest first with the change from before', async () => {
    const result = await csci('history', '--la', '80418', '--json', '--data-dir', dataDir);
    assert.equal(result.code, 0, result.stderr);
    const body = JSON.parse(result.stdout);
    assert.deepEqual(body.la, { urn: '80418', name: 'Norfolk' });
    const published = body.inspections.map((inspection: { published: string }) => inspection.published);
    assert.deepEqual(published, [...published].sort());
    const ilacs = body.inspections.find((inspection: { published: string }) => inspection.published === '2023-01-13');
    assert.deepEqual(ilacs.changes.overall, {
      from: 'requires_improvement',
      to: 'good',
      direction: 'improved',
      sinceInspectionId: body.inspections[1].id,
    });
    const words = await csci('history', '--la', 'Norfolk', '--data-dir', dataDir);
    assert.match(words.stdout, /Overall effectiveness\s+Good\s+improved from requires improvement/);
  });

  test('bad options are usage errors; an unknown council is a clear error', async () => {
    // A date that does not exist is bad input (exit 1), worded as every command words it (test/cli/cli-conventions.test.ts).
    assert.equal((await csci('stats', 'national', '--as-at', '2024-02-30', '--data-dir', dataDir)).code, 1);
    assert.equal((await csci('stats', 'national', '--area', 'happiness', '--data-dir', dataDir)).code, 2);
    assert.equal((await csci('stats', 'region', '--as-at', '2024-01-01', '--data-dir', dataDir)).code, 2);
    assert.equal((await csci('stats', 'everywhere', '--data-dir', dataDir)).code, 2);
    const unknown = await csci('history', '--la', 'Gondor', '--data-dir', dataDir);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No council in the register matches "Gondor"/);
  });
});
