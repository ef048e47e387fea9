/**
 * The load loop the web benchmarks share (`bench:web`, `bench:plans`): the server in a child process
 * (so autocannon does not share its event loop), each target beside a static file of the same size
 * served by the same server, autocannon at 20 connections for 10 s on each, and the table printed.
 * The ratio of a target's p99 to its static twin's in the same run is what carries across machine
 * loads.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';

export const CONNECTIONS = 20;
export const DURATION_SECONDS = 10;
const WARM_UP_SECONDS = 2;

/** A page or API route under load, with the static file of the same size it is compared with. */
export interface Target {
  readonly name: string;
  readonly path: string;
  readonly staticPath: string;
  readonly bytes: number;
  /** Sent with every request to the target (a bearer token, a session cookie); none to the static twin. */
  readonly headers: Readonly<Record<string, string>>;
  /** Where the target is served (the static twins are always served by the first server). */
  readonly origin: string;
}

export interface LoadResult {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

export interface TargetResult {
  readonly target: Target;
  readonly dynamic: LoadResult;
  readonly fixed: LoadResult;
  /** The target's p99 over its static twin's. */
  readonly ratio: number;
}

/** In the child: a temporary folder of static files served under /bench-static/, one per target. */
export interface StaticTwins {
  /** Fetches the target once (it must answer 2xx) and writes a static file of the same size. */
  add(
    base: string,
    name: string,
    path: string,
    headers?: Readonly<Record<string, string>>,
    extension?: string,
  ): Promise<Target>;
  remove(): void;
}

export async function serveStaticTwins(app: FastifyInstance): Promise<StaticTwins> {
  const dir = mkdtempSync(join(tmpdir(), 'csci-bench-static-'));
  await app.register(fastifyStatic, { root: dir, prefix: '/bench-static/', decorateReply: false, index: false });
  let count = 0;
  return {
    async add(base, name, path, headers = {}, extension = path.startsWith('/api') ? '.json' : '.html') {
      const response = await fetch(`${base}${path}`, { headers });
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      const bytes = Buffer.byteLength(Buffer.from(await response.arrayBuffer()));
      const file = `target-${count++}${extension}`;
      writeFileSync(join(dir, file), Buffer.alloc(bytes, 'x'));
      return { name, path, staticPath: `/bench-static/${file}`, bytes, headers, origin: base };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * In the parent: this same module file run again with `args` (its `--serve` branch), which sends
 * one message when it is ready. `execArgv` goes to the child's Node (`--cpu-prof`, for instance).
 */
export function forkServer<Ready>(
  moduleUrl: string,
  args: readonly string[],
  execArgv: readonly string[] = [],
): { child: ChildProcess; ready: Promise<Ready> } {
  const child = fork(new URL(moduleUrl).pathname, [...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [...process.execArgv, ...execArgv],
  });
  const ready = new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before it was ready`)));
  });
  return { child, ready };
}

/** In the child: when the parent lets go, close the server and run `cleanUp`, then exit. */
export function closeOnDisconnect(close: () => Promise<unknown>, cleanUp: () => void): void {
  process.on('disconnect', () => {
    void close()
      .catch(() => {})
      .finally(() => {
        cleanUp();
        process.exit(0);
      });
  });
}

export async function load(
  url: string,
  headers: Readonly<Record<string, string>> = {},
  duration = DURATION_SECONDS,
): Promise<LoadResult> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, headers: { ...headers } });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Each target in turn: a short warm-up, then the target, then its static twin (served at `base`). */
export async function loadBesideStatic(base: string, targets: readonly Target[]): Promise<TargetResult[]> {
  const results: TargetResult[] = [];
  for (const target of targets) {
    await load(`${target.origin}${target.path}`, target.headers, WARM_UP_SECONDS);
    const dynamic = await load(`${target.origin}${target.path}`, target.headers);
    const fixed = await load(`${base}${target.staticPath}`);
    results.push({ target, dynamic, fixed, ratio: dynamic.p99 / Math.max(1, fixed.p99) });
  }
  return results;
}

const HEADER = [
  'target',
  'path',
  'size',
  'req/s',
  'p50/p99 ms',
  'static req/s',
  'static p50/p99 ms',
  'p99 ratio',
  'errors',
] as const;

/** The results as an aligned table, one line per target. */
export function resultTable(results: readonly TargetResult[]): string {
  const rows = results.map(({ target, dynamic, fixed, ratio }) => [
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
  const widths = HEADER.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  return [line(HEADER), ...rows.map(line)].join('\n');
}

export const worstP99 = (results: readonly TargetResult[]): number =>
  Math.max(0, ...results.map((result) => result.dynamic.p99));
export const worstRatio = (results: readonly TargetResult[]): number =>
  Math.max(0, ...results.map((result) => result.ratio));
