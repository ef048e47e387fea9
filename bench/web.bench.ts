/**
 * `npm run bench:web`: the web app over the whole corpus, loaded with autocannon (20 connections,
 * 10 s each) on the national page, a council page and two API endpoints, each beside the same
 * server returning a static file of the same size. Prints requests per second and p50/p99 latency.
 * Goal (issue 5): dynamic pages p99 under 50 ms, and within 3x the static file's p99.
 *
 * The server runs in a child process (bench/load.ts). The store is kept in data/tmp/bench-web
 * (imported from the corpus on first run with the real reader; `--data-dir DIR` uses another store
 * that already holds reports).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createLogger } from '../src/logger.ts';
import { createServices } from '../src/services/index.ts';
import { SQLITE_FILE } from '../src/store/index.ts';
import { createApp } from '../src/app.ts';
import {
  closeOnDisconnect,
  CONNECTIONS,
  DURATION_SECONDS,
  forkServer,
  loadBesideStatic,
  resultTable,
  serveStaticTwins,
  worstP99,
  worstRatio,
  type Target,
} from './load.ts';

const CORPUS = new URL('../../shared/corpus/reports', import.meta.url).pathname;
const DEFAULT_DATA_DIR = new URL('../data/tmp/bench-web', import.meta.url).pathname;

interface Ready {
  readonly port: number;
  readonly inspections: number;
  readonly targets: readonly Target[];
}

/** The child: open the store (importing the corpus when it is empty), serve, measure each target's size. */
async function serve(dataDir: string): Promise<void> {
  const services = await createServices(
    { databaseUrl: undefined, dataDir },
    { location: { sqlite: join(dataDir, SQLITE_FILE) } },
  );
  let inspections = (await services.inspections.listAll()).length;
  if (inspections === 0) {
    if (!existsSync(CORPUS))
      throw new Error(`The store in ${dataDir} is empty and there is no corpus at ${CORPUS} to import.`);
    process.stderr.write(`bench:web: importing the corpus into ${dataDir} (once; later runs reuse it) ...\n`);
    const summary = await services.imports.importReports([CORPUS]);
    inspections = summary.imported + summary.updated + summary.alreadyPresent;
  }
  const logger = createLogger({ destination: pino.destination({ dest: '/dev/null', sync: false }) });
  const app = await createApp({ services, logger });
  const twins = await serveStaticTwins(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const base = `http://127.0.0.1:${address.port}`;

  const all = await services.inspections.listAll();
  const counts = Map.groupBy(all, (inspection) => inspection.urn);
  const [urn] = [...counts.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!urn) throw new Error('No council with inspections in the store.');
  const paths = [
    ['national page', '/national'],
    ['council page', `/councils/${urn}`],
    ['API national stats', '/api/v1/stats/national'],
    ['API council history', `/api/v1/councils/${urn}/inspections`],
  ] as const;
  const targets: Target[] = [];
  for (const [name, path] of paths) targets.push(await twins.add(base, name, path));
  const ready: Ready = { port: address.port, inspections, targets };
  process.send?.(ready);
  closeOnDisconnect(
    () => app.close().then(() => services.close()),
    () => twins.remove(),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
  const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;
  mkdirSync(dataDir, { recursive: true });
  const { child, ready: readyMessage } = forkServer<Ready>(import.meta.url, ['--serve', dataDir]);
  try {
    const ready = await readyMessage;
    const base = `http://127.0.0.1:${ready.port}`;
    console.log(
      `bench:web: ${ready.inspections} inspections in the store; autocannon ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run; server and client share this machine's ${availableParallelism()} cores.`,
    );
    const results = await loadBesideStatic(base, ready.targets);
    console.log(resultTable(results));
    const p99 = worstP99(results);
    const ratio = worstRatio(results);
    console.log(
      `worst dynamic p99: ${p99} ms (goal < 50 ms): ${p99 < 50 ? 'met' : 'NOT met'}; worst p99 ratio to static: ${ratio.toFixed(2)}x (goal <= 3x): ${ratio <= 3 ? 'met' : 'NOT met'}`,
    );
  } finally {
    child.disconnect();
  }
}

if (process.argv[2] === '--serve') await serve(process.argv[3] ?? DEFAULT_DATA_DIR);
else await main();
