/**
 * `npm start`, the main job: open the store (migrating it and loading the register), serve the web
 * app and API on PORT at once, and import in the background whatever the reports folder
 * (CSCI_REPORTS_DIR) holds that the store does not, with the progress on the pages and in /health.
 */
import { progressReporter } from './cli/progress.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { createApp } from './app.ts';
import { createServices, type Services, type ServicesOptions } from './services/index.ts';
import type { LoadingProgress } from './web/middleware/set-up-service-status.ts';

export interface StartOptions {
  readonly config: Config;
  readonly logger?: Logger;
  /** Human-readable progress lines (stdout by default); request logs go to the logger. */
  readonly say?: (line: string) => void;
  readonly host?: string;
  /** How the services are built (tests: a stand-in extractor). */
  readonly services?: ServicesOptions;
}

export interface RunningServer {
  /** The address to print: http://localhost:PORT. */
  readonly url: string;
  /** The address actually bound, with the real port (tests start on port 0). */
  readonly address: string;
  readonly services: Services;
  /** Settles when the background import has finished (or failed, or was stopped). */
  readonly imported: Promise<void>;
  close(): Promise<void>;
}

/** What the background import has done so far, for the pages and /health. */
class ImportProgress {
  #progress: LoadingProgress | null = null;
  start(): void {
    this.#progress = { read: 0, of: 0 };
  }
  update(read: number, of: number): void {
    if (this.#progress) this.#progress = { read, of };
  }
  end(): void {
    this.#progress = null;
  }
  current(): LoadingProgress | null {
    return this.#progress;
  }
}

/**
 * Imports what the reports folder holds that the store does not: files stored already (same bytes,
 * same reader) are skipped after hashing, so a restart after a crash finishes the job. Says what happened.
 */
export async function importReportsFolder(
  services: Services,
  reportsDir: string | undefined,
  say: (line: string) => void,
  options: { readonly onProgress?: (read: number, of: number) => void; readonly signal?: AbortSignal } = {},
): Promise<void> {
  const held = (await services.inspections.listAll()).length;
  if (reportsDir === undefined) {
    if (held === 0) {
      say(
        'No reports found: the store is empty and there is no reports folder (set CSCI_REPORTS_DIR to a folder of Ofsted report PDFs, or put them in ../shared/corpus/reports). The pages will show no inspections until reports are imported with `npm run csci -- import <folder>`.',
      );
    } else say(`The store holds ${held} inspections; there is no reports folder to import from.`);
    return;
  }
  say(
    `The store holds ${held} inspections: importing what ${reportsDir} holds that the store does not, in the background ...`,
  );
  const bar = progressReporter(process.stderr, 'Importing');
  try {
    const summary = await services.imports.importReports([reportsDir], {
      signal: options.signal,
      onProgress: (read, of) => {
        bar.update(read, of);
        options.onProgress?.(read, of);
      },
    });
    bar.stop();
    if (summary.files === 0) {
      say(`No reports found in ${reportsDir} (no PDF files). The pages will show no inspections.`);
      return;
    }
    say(
      `Import finished: ${summary.files} files, imported ${summary.imported}, updated ${summary.updated}, already present ${summary.alreadyPresent}, ${summary.failed} could not be read${summary.anomalies.length ? `, ${summary.anomalies.length} anomalies flagged` : ''}.`,
    );
    for (const failure of summary.failures.slice(0, 10)) say(`  not imported: ${failure.file}: ${failure.message}`);
    if (summary.failures.length > 10)
      say(
        `  ... and ${summary.failures.length - 10} more (run \`npm run csci -- import ${reportsDir}\` for the full list).`,
      );
  } finally {
    bar.stop();
  }
}

/** CSCI_SYNC_ON_START=1: one `csci sync` in the background; says how it ended. */
function syncInBackground(services: Services, say: (line: string) => void): { stop(): Promise<void> } {
  const controller = new AbortController();
  say("Syncing with Ofsted's site in the background (CSCI_SYNC_ON_START=1).");
  const running = services.sync
    .run({ signal: controller.signal })
    .then((summary) =>
      say(
        `Background sync ${summary.runId} ${summary.status}: ${summary.imported.length} new, ${summary.failed.length} failed, ${summary.warnings.length} warnings${summary.message ? ` (${summary.message})` : ''}.`,
      ),
    )
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
  const services = await createServices(config, options.services);
  const { appliedMigrations, councilsLoaded, interruptedRuns } = services.startup;
  say(
    appliedMigrations.length ? `Database migrated (${appliedMigrations.join(', ')}).` : 'Database schema up to date.',
  );
  if (councilsLoaded > 0) say(`Loaded the register of ${councilsLoaded} councils.`);
  if (interruptedRuns > 0)
    say(
      `Marked ${interruptedRuns} import run${interruptedRuns === 1 ? '' : 's'} as interrupted (the process running it had stopped); see \`npm run csci -- import --runs\`.`,
    );
  const progress = new ImportProgress();
  if (config.reportsDir !== undefined) progress.start();
  let app;
  try {
    app = await createApp({
      services,
      logger,
      loading: () => progress.current(),
      publicUrl: config.publicUrl,
      rateLimitPerMinute: config.rateLimitPerMinute,
      trustProxy: config.trustProxy ?? false,
      accounts: {
        sessionSecret: config.sessionSecret,
        publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
        oidc: config.oidc,
      },
    });
    await app.listen({ port: config.port, host: options.host ?? config.host ?? '127.0.0.1' });
  } catch (error) {
    await app?.close();
    await services.close();
    throw error;
  }
  const bound = app.server.address();
  const port = bound !== null && typeof bound === 'object' ? bound.port : config.port;
  const url = `http://localhost:${port}`;
  say(`Serving on ${url} (national picture: ${url}/national, API: ${url}/api/v1/openapi.json)`);

  const stop = new AbortController();
  const imported = importReportsFolder(services, config.reportsDir, say, {
    onProgress: (read, of) => progress.update(read, of),
    signal: stop.signal,
  })
    .catch((error: unknown) => {
      if (stop.signal.aborted) say('Import stopped; the next start carries on from where it got to.');
      else
        say(`Import failed: ${(error as Error).message} The pages show what was stored; the next start tries again.`);
    })
    .finally(() => progress.end());
  const background = config.sync?.onStart ? syncInBackground(services, say) : undefined;
  return {
    url,
    address: `http://127.0.0.1:${port}`,
    services,
    imported,
    async close() {
      stop.abort(new Error('The server is stopping.'));
      await background?.stop();
      await app.close();
      // The import stops between reports; a file being read when asked is not waited for long.
      await Promise.race([imported, new Promise((resolveWait) => setTimeout(resolveWait, 5000).unref())]);
      await services.close();
    },
  };
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
