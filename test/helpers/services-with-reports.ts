/**
 * For tests and the benchmark: real services over a fresh SQLite store, filled through the real
 * importer with reports given as data (one small stand-in file per report, read by an extractor
 * that returns the report written for it). No PDF reading, so it is quick and needs no corpus.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { InspectionReport } from '../../src/domain/index.ts';
import { createServices, type ImportSummary, type Services, type ServicesOptions } from '../../src/services/index.ts';
import { fixtureExtractor } from './fixture-extractor.ts';

export interface ReportFixture extends Omit<InspectionReport, 'file'> {
  /** Where the report sits, corpus-style: `<urn>-<slug>/<YYYY-MM-DD>.pdf`. */
  readonly path: string;
}

export interface LoadedServices {
  readonly services: Services;
  readonly summary: ImportSummary;
  readonly dir: string;
  /** Writes more stand-in files and imports them through the same services. */
  importMore(fixtures: readonly ReportFixture[]): Promise<ImportSummary>;
  close(): Promise<void>;
}

function writeFixtures(
  reportsDir: string,
  fixtures: readonly ReportFixture[],
  reports: Map<string, InspectionReport>,
): string[] {
  const written: string[] = [];
  for (const { path: relative, ...report } of fixtures) {
    const path = resolve(reportsDir, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `%PDF-1.4\n% stand-in for ${relative}\n`);
    reports.set(path, { ...report, file: path });
    written.push(path);
  }
  return written;
}

/** Options for the services besides the importer: the store's `location` (a new SQLite file by default), the read model's snapshot. */
export type TestServicesOptions = Omit<ServicesOptions, 'importer'>;

/** Opens services on a new SQLite file under a temporary folder (or at `options.location`) and imports the fixtures; their folder is the reports folder unless the options name another. */
export async function servicesWithReports(
  fixtures: readonly ReportFixture[],
  options: TestServicesOptions = {},
): Promise<LoadedServices> {
  const dir = mkdtempSync(join(tmpdir(), 'csci-web-'));
  const reportsDir = join(dir, 'reports');
  const reports = new Map<string, InspectionReport>();
  writeFixtures(reportsDir, fixtures, reports);
  const loaded = await servicesImporting(reports, fixtures.length ? [reportsDir] : [], dir, {
    ...options,
    readModel: { reportsDir, ...options.readModel },
  });
  return {
    ...loaded,
    importMore: (more) => loaded.services.imports.importReports(writeFixtures(reportsDir, more, reports)),
  };
}

/**
 * Opens services on a new SQLite file and imports existing report files (real corpus PDFs, say),
 * each read as the report given for its absolute path.
 */
export async function servicesWithReportFiles(
  reports: ReadonlyMap<string, InspectionReport>,
  options: TestServicesOptions = {},
): Promise<Omit<LoadedServices, 'importMore'>> {
  return servicesImporting(reports, [...reports.keys()], mkdtempSync(join(tmpdir(), 'csci-web-')), options);
}

async function servicesImporting(
  reports: ReadonlyMap<string, InspectionReport>,
  paths: readonly string[],
  dir: string,
  options: TestServicesOptions = {},
): Promise<Omit<LoadedServices, 'importMore'>> {
  const services = await createServices(
    { databaseUrl: undefined, dataDir: join(dir, 'data') },
    { ...options, importer: { extract: fixtureExtractor(reports, { others: 'refuse' }) } },
  );
  try {
    const summary = paths.length ? await services.imports.importReports(paths) : emptySummary();
    return {
      services,
      summary,
      dir,
      async close() {
        await services.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function emptySummary(): ImportSummary {
  return {
    runId: 0,
    source: '',
    files: 0,
    imported: 0,
    updated: 0,
    alreadyPresent: 0,
    failed: 0,
    failures: [],
    anomalies: [],
    outcomes: [],
  };
}
