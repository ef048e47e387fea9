/**
 * `npm run bench:web`: the web app over the whole corpus, loaded with autocannon (20 connections,
 * 10 s each) on the national page, a council page and two API endpoints, each beside the same
 * server returning a static file of the same size. Prints requests per second and p50/p99 latency.
 * Goal (issue 5): dynamic pages p99 under 50 ms, and within 3x the static file's p99.
 *
 * The server runs in a child process so autocannon does not share its event loop. The store is
 * kept in data/tmp/bench-web (imported from the corpus on first run with the real reader;
 * `--data-dir DIR` uses another store that already holds reports).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fastifyStatic from '@fastify/static';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { createLogger } from '../src/logger.ts';
import { createServices } from '../src/services/index.ts';
import { SQLITE_FILE } from '../src/store/index.ts';
import { createApp } from '../src/app.ts';

const CONNECTIONS = 20;
const DURATION_SECONDS = 10;
const CORPUS = new URL('../../shared/corpus/reports', import.meta.url).pathname;
const DEFAULT_DATA_DIR = new URL('../data/tmp/bench-web', import.meta.url).pathname;

interface Target {
  readonly name: string;
  readonly path: string;
  readonly staticPath: string;
  readonly bytes: number;
}

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
  const staticDir = mkdtempSync(join(tmpdir(), 'csci-bench-static-'));
  await app.register(fastifyStatic, { root: staticDir, prefix: '/bench-static/', decorateReply: false, index: false });
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
  for (const [index, [name, path]] of paths.entries()) {
    const response = await fetch(`${base}${path}`);
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    const bytes = Buffer.byteLength(Buffer.from(await response.arrayBuffer()));
    const file = `target-${index}${path.startsWith('/api') ? '.json' : '.html'}`;
    writeFileSync(join(staticDir, file), Buffer.alloc(bytes, 'x'));
    targets.push({ name, path, staticPath: `/bench-static/${file}`, bytes });
  }
  const ready: Ready = { port: address.port, inspections, targets };
  process.send?.(ready);
  process.on('disconnect', () => {
    void app
      .close()
      .then(() => services.close())
      .finally(() => {
        rmSync(staticDir, { recursive: true, force: true });
        process.exit(0);
      });
  });
}

function waitForReady(child: ChildProcess): Promise<Ready> {
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before it was ready`)));
  });
}

async function load(url: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SECONDS });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
  const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;
  mkdirSync(dataDir, { recursive: true });
  const child = fork(new URL(import.meta.url).pathname, ['--serve', dataDir], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const ready = await waitForReady(child);
    const base = `http://127.0.0.1:${ready.port}`;
    console.log(
      `bench:web: ${ready.inspections} inspections in the store; autocannon ${CONNECTIONS} connections, ${DURATION_SECONDS} s per run; server and client share this machine's ${(await import('node:os')).availableParallelism()} cores.`,
    );
    const rows: string[][] = [];
    let worstP99 = 0;
    let worstRatio = 0;
    for (const target of ready.targets) {
      await autocannon({ url: `${base}${target.path}`, connections: CONNECTIONS, duration: 2 }); // warm up
      const dynamic = await load(`${base}${target.path}`);
      const fixed = await load(`${base}${target.staticPath}`);
      const ratio = dynamic.p99 / Math.max(1, fixed.p99);
      worstP99 = Math.max(worstP99, dynamic.p99);
      worstRatio = Math.max(worstRatio, ratio);
      rows.push([
        target.name,
        target.path,
        `${(target.bytes / 1024).toFixed(1)} KB`,
        dynamic.rps.toFixed(0),
        `${dynamic.p50} / ${dynamic.p99}`,
        fixed.rps.toFixed(0),
        `${fixed.p50} / ${fixed.p99}`,
        `${ratio.toFixed(2)}x`,
        String(dynamic.errors + fixed.errors),
      ]);
    }
    const header = [
      'target',
      'path',
      'size',
      'req/s',
      'p50/p99 ms',
      'static req/s',
      'static p50/p99 ms',
      'p99 ratio',
      'errors',
    ];
    const widths = header.map((title, column) =>
      Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
    );
    const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
    console.log(line(header));
    for (const row of rows) console.log(line(row));
    console.log(
      `worst dynamic p99: ${worstP99} ms (goal < 50 ms): ${worstP99 < 50 ? 'met' : 'NOT met'}; worst p99 ratio to static: ${worstRatio.toFixed(2)}x (goal <= 3x): ${worstRatio <= 3 ? 'met' : 'NOT met'}`,
    );
  } finally {
    child.disconnect();
  }
}

if (process.argv[2] === '--serve') await serve(process.argv[3] ?? DEFAULT_DATA_DIR);
else await main();
