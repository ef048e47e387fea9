/**
 * The app on a free port over a temporary SQLite store holding real corpus reports: every labelled
 * graded report of the shared corpus, read as its hand-checked label says (no PDF parsing, so the
 * browser tests do not depend on the parsers' progress); the source PDF links serve the real files.
 */
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { InspectionReport } from '../../src/domain/index.ts';
import { createLogger } from '../../src/logger.ts';
import { createApp } from '../../src/app.ts';
import { servicesWithReportFiles, type LoadedServices } from '../../test/helpers/services-with-reports.ts';

type LoadedFiles = Omit<LoadedServices, 'importMore'>;
import { CORPUS_REPORTS_DIR, corpusMissing, readLabels, readRecommendationLabels } from '../../test/helpers/corpus.ts';
import { isGradedLabelRow, reportFromLabel } from '../../test/helpers/label-fixtures.ts';

export { corpusMissing };

export interface TestServer {
  readonly baseUrl: string;
  readonly loaded: LoadedFiles;
  close(): Promise<void>;
}

/** Labelled graded reports of the corpus, by absolute path; `urns` keeps only those councils. */
export function labelledReports(urns?: ReadonlySet<string>): Map<string, InspectionReport> {
  const recommendations = readRecommendationLabels();
  const reports = new Map<string, InspectionReport>();
  for (const row of readLabels().filter(isGradedLabelRow)) {
    if (urns && !urns.has(row.urn)) continue;
    const path = resolve(join(CORPUS_REPORTS_DIR, row.file));
    reports.set(path, reportFromLabel(row, path, recommendations.get(row.file)));
  }
  return reports;
}

export async function startTestServer(
  reports: ReadonlyMap<string, InspectionReport> = labelledReports(),
): Promise<TestServer> {
  const loaded = await servicesWithReportFiles(reports, { readModel: { reportsDir: CORPUS_REPORTS_DIR } });
  if (loaded.summary.failed > 0) {
    await loaded.close();
    throw new Error(`Fixture import failed: ${JSON.stringify(loaded.summary.failures.slice(0, 3))}`);
  }
  let app: FastifyInstance | undefined;
  try {
    app = await createApp({ services: loaded.services, logger: createLogger({ level: 'warn' }) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    const started = app;
    return {
      baseUrl: `http://127.0.0.1:${address.port}`,
      loaded,
      async close() {
        await started.close();
        await loaded.close();
      },
    };
  } catch (error) {
    await app?.close();
    await loaded.close();
    throw error;
  }
}
