/**
 * `npm start`, the main job: open the store (migrating it and loading the register), import the
 * reports from CSCI_REPORTS_DIR when the store holds none, then serve the web app and API on PORT.
 */
import { progressReporter } from './cli/progress.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { createServices, type Services } from './services/index.ts';
import { createApp } from './app.ts';

export interface StartOptions {
  readonly config: Config;
  readonly logger?: Logger;
  /** Human-readable progress lines (stdout by default); request logs go to the logger. */
  readonly say?: (line: string) => void;
  readonly host?: string;
}

export interface RunningServer {
  /** The address to print: http://localhost:PORT. */
  readonly url: string;
  /** The address actually bound, with the real port (tests start on port 0). */
  readonly address: string;
  readonly services: Services;
  close(): Promise<void>;
}

/** Imports the reports folder when the store holds no inspection yet; says what happened. */
export async function importWhenEmpty(services: Services, reportsDir: string | undefined, say: (line: string) => void): Promise<void> {
  const held = (await services.inspections.listAll()).length;
  if (held > 0) {
    say(`The store holds ${held} inspections; no import needed.`);
    return;
  }
  if (reportsDir === undefined) {
    say('No reports found: the store is empty and there is no reports folder (set CSCI_REPORTS_DIR to a folder of Ofsted report PDFs, or put them in ../shared/corpus/reports). The pages will show no inspections until reports are imported with `npm run csci -- import <folder>`.');
    return;
  }
  say(`The store is empty: importing the reports in ${reportsDir} ...`);
  const progress = progressReporter(process.stderr, 'Importing');
  try {
    const summary = await services.imports.importReports([reportsDir], { onProgress: progress.update });
    progress.stop();
    if (summary.files === 0) {
      say(`No reports found in ${reportsDir} (no PDF files). The pages will show no inspections.`);
      return;
    }
    say(`Imported ${summary.imported} of ${summary.files} files (${summary.failed} could not be read${summary.anomalies.length ? `, ${summary.anomalies.length} anomalies flagged` : ''}).`);
    for (const failure of summary.failures.slice(0, 10)) say(`  not imported: ${failure.file}: ${failure.message}`);
    if (summary.failures.length > 10) say(`  ... and ${summary.failures.length - 10} more (run \`npm run csci -- import ${reportsDir}\` for the full list).`);
  } finally {
    progress.stop();
  }
}

/** CSCI_SYNC_ON_START=1: one `csci sync` in the background; says how it ended. */
function syncInBackground(services: Services, say: (line: string) => void): { stop(): Promise<void> } {
  const controller = new AbortController();
  say("Syncing with Ofsted's site in the background (CSCI_SYNC_ON_START=1).");
  const running = services.sync
    .run({ signal: controller.signal })
    .then((summary) => say(`Background sync ${summary.runId} ${summary.status}: ${summary.imported.length} new, ${summary.failed.length} failed, ${summary.warnings.length} warnings${summary.message ? ` (${summary.message})` : ''}.`))
    .catch((error: unknown) => say(`Background sync did not run: ${(error as Error).message}`));
  return {
    async stop() {
      controller.abort();
      await running;
    },
  };
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config } = options;
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  const logger = options.logger ?? createLogger();
  const services = await createServices(config);
  const { appliedMigrations, councilsLoaded } = services.startup;
  say(appliedMigrations.length ? `Database migrated (${appliedMigrations.join(', ')}).` : 'Database schema up to date.');
  if (councilsLoaded > 0) say(`Loaded the register of ${councilsLoaded} councils.`);
  try {
    await importWhenEmpty(services, config.reportsDir, say);
    const app = await createApp({ services, logger });
    await app.listen({ port: config.port, host: options.host ?? '0.0.0.0' });
    const bound = app.server.address();
    const port = bound !== null && typeof bound === 'object' ? bound.port : config.port;
    const url = `http://localhost:${port}`;
    say(`Serving on ${url} (national picture: ${url}/national, API: ${url}/api/v1/openapi.json)`);
    const background = config.sync.onStart ? syncInBackground(services, say) : undefined;
    return {
      url,
      address: `http://127.0.0.1:${port}`,
      services,
      async close() {
        await background?.stop();
        await app.close();
        await services.close();
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}

if (import.meta.main) {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  try {
    const server = await startServer({ config });
    const stop = async (signal: string) => {
      process.stdout.write(`Stopping (${signal}).\n`);
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') process.stderr.write(`Port ${config.port} is in use: set PORT to a free port.\n`);
    else process.stderr.write(`Could not start: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
