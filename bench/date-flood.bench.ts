/**
 * `npx node bench/date-flood.bench.ts [--data-dir DIR]`: one client asks for a council page with a
 * new `asAt` date on every request (nothing can be cached), 20 connections for 10 s, while another
 * asks for /health one request at a time. Run twice in the same process: with the load limits off
 * (the reference) and on (the defaults: 600 requests a minute per client, one uncached computation
 * at a time). Prints the flood's req/s and statuses, and /health's p50/p99 under the flood as a ratio
 * of its p99 when idle. The store is data/tmp/bench-web, as `npm run bench:web` makes it (or DIR).
 *
 * The server runs in a child process so autocannon and the /health client do not share its event loop.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/logger.ts';
import { createServices } from '../src/services/index.ts';
import { SQLITE_FILE } from '../src/store/index.ts';

const DEFAULT_DATA_DIR = new URL('../data/tmp/bench-web', import.meta.url).pathname;
const COUNCIL_URN = '80459';

async function serve(dataDir: string, limited: boolean): Promise<void> {
  const services = await createServices(
    { databaseUrl: undefined, dataDir },
    { location: { sqlite: join(dataDir, SQLITE_FILE) } },
  );
  const logger = createLogger({ destination: pino.destination({ dest: '/dev/null', sync: false }) });
  const app = await createApp({
    services,
    logger,
    rateLimitPerMinute: limited ? 600 : 0,
    computations: limited ? {} : { concurrent: 1_000_000, queue: 0 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  process.send?.({ port: address.port, inspections: (await services.inspections.listAll()).length });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** /health one request at a time until `until` resolves; latencies in ms. */
async function healthLatencies(base: string, until: Promise<unknown> | number): Promise<number[]> {
  const latencies: number[] = [];
  let done = false;
  if (typeof until !== 'number') void until.then(() => (done = true));
  while (!done && (typeof until !== 'number' || latencies.length < until)) {
    const started = performance.now();
    await (await fetch(`${base}/health`)).arrayBuffer();
    latencies.push(performance.now() - started);
  }
  return latencies.sort((a, b) => a - b);
}

async function run(dataDir: string, limited: boolean): Promise<void> {
  const child = fork(
    new URL(import.meta.url).pathname,
    ['--serve', '--data-dir', dataDir, ...(limited ? ['--limited'] : [])],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const ready = await new Promise<{ port: number; inspections: number }>((resolveReady, reject) => {
    child.once('message', (message) => resolveReady(message as { port: number; inspections: number }));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  try {
    const base = `http://127.0.0.1:${ready.port}`;
    const idle = await healthLatencies(base, 300);
    let day = 0;
    const statuses = new Map<number, number>();
    const flood = autocannon({
      url: base,
      connections: 20,
      duration: 10,
      requests: [
        {
          setupRequest: (request) => {
            day += 1;
            const date = new Date(Date.UTC(2014, 0, 1) + (day % 4000) * 86_400_000).toISOString().slice(0, 10);
            return { ...request, path: `/councils/${COUNCIL_URN}?asAt=${date}&n=${day}` };
          },
        },
      ],
    });
    flood.on('response', (_client, statusCode) => statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1));
    const loaded = await healthLatencies(base, flood);
    const result = await flood;
    const counts = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ');
    console.log(
      `${limited ? 'limits on ' : 'limits off'} | ${ready.inspections} inspections | flood ${Math.round(result.requests.average)} req/s (${counts}) | ` +
        `/health idle p50 ${percentile(idle, 50).toFixed(1)} ms p99 ${percentile(idle, 99).toFixed(1)} ms; under the flood p50 ${percentile(loaded, 50).toFixed(1)} ms p99 ${percentile(loaded, 99).toFixed(1)} ms ` +
        `(${(percentile(loaded, 99) / percentile(idle, 99)).toFixed(1)}x idle p99, ${loaded.length} requests)`,
    );
  } finally {
    child.kill();
  }
}

const { values } = parseArgs({
  options: { serve: { type: 'boolean' }, limited: { type: 'boolean' }, 'data-dir': { type: 'string' } },
});
const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;
if (values.serve) await serve(dataDir, values.limited ?? false);
else {
  await run(dataDir, false);
  await run(dataDir, true);
}
