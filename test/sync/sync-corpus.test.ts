/**
 * The sync over real reports: the imitation serves the corpus PDFs of a few councils (reorganised
 * ones among them) under the file ids Ofsted gives them; the first sync imports every one it serves
 * with the grades the labels give, and a second sync downloads nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/services/index.ts';
import { CORPUS_REPORTS_DIR, corpusMissing, readLabels, type LabelRow } from '../helpers/corpus.ts';
import { isGradedLabelRow, makeTempDir } from '../helpers/label-fixtures.ts';
import { startOfstedImitation, type ImitationCouncil, type OfstedImitation } from './ofsted-imitation.ts';

const COUNCILS = ['2532287', '2637539', '2733690', '80418'];

function councilsFromCorpus(rows: readonly LabelRow[]): ImitationCouncil[] {
  return COUNCILS.map((urn) => {
    const own = rows.filter(
      (row) => row.urn === urn && isGradedLabelRow(row) && /\/v1\/file\/\d+$/.test(row.source_url),
    );
    return {
      urn,
      name: own[0]!.local_authority,
      publications: own.map((row) => ({
        fileId: Number(/(\d+)$/.exec(row.source_url)![1]),
        kindLabel:
          row.framework === 'SIF' ? "single inspection of LA children's services" : "Children's services inspection",
        legacyWording: row.framework === 'SIF',
        date: row.listed_published,
        bytes: readFileSync(join(CORPUS_REPORTS_DIR, row.file)),
      })),
    };
  });
}

describe('csci sync over corpus reports', { skip: corpusMissing }, () => {
  let site: OfstedImitation;
  let services: Services;
  let served: LabelRow[];

  before(async () => {
    const rows = readLabels();
    served = rows.filter(
      (row) => COUNCILS.includes(row.urn) && isGradedLabelRow(row) && /\/v1\/file\/\d+$/.test(row.source_url),
    );
    site = await startOfstedImitation(councilsFromCorpus(rows));
    const dataDir = makeTempDir('csci-sync-corpus-');
    services = await createServices(
      {
        databaseUrl: undefined,
        dataDir,
        sync: {
          reportsUrl: site.reportsUrl,
          filesUrl: site.filesUrl,
          contact: 'ops@example.test',
          delayMs: 1000,
          onStart: false,
          mailFrom: 'x <x@example.test>',
        },
      },
      { location: { sqlite: ':memory:' }, sync: { client: { sleep: async () => {} } } },
    );
  });
  after(async () => {
    await services?.close();
    await site?.close();
  });

  test("the first sync imports every report served, with the labels' grades and Ofsted's address", async () => {
    assert.ok(served.length >= 8, `only ${served.length} corpus reports for the chosen councils`);
    const summary = await services.sync.run();
    assert.deepEqual(summary.failed, []);
    assert.equal(summary.imported.length, served.length);
    const inspections = await services.inspections.listAll();
    assert.equal(inspections.length, served.length);
    for (const row of served) {
      const stored = inspections.find((inspection) =>
        inspection.ofstedUrl?.endsWith(/(\/v1\/file\/\d+)$/.exec(row.source_url)![1]!),
      );
      assert.ok(stored, `${row.file} was not stored with its Ofsted address`);
      assert.equal(stored.urn, row.urn, row.file);
      assert.equal(stored.version, row.version, row.file);
      assert.equal(stored.published, row.published || row.listed_published, row.file);
      if (row.overall) assert.equal(stored.judgements.overall, row.overall, row.file);
    }
  });

  test('a second sync downloads no file', async () => {
    site.resetCounts();
    const summary = await services.sync.run();
    assert.equal(site.counts.files, 0);
    assert.deepEqual(summary.imported, []);
  });
});
