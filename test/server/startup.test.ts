/**
 * `npm start` after a crash or with a slow folder (issue 15, point 3): it listens before the import
 * ends, shows "Loading: N of M" on pages and in /health, imports at every start what the folder
 * holds that the store does not, and marks runs whose process died as interrupted.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import type { InspectionReport } from '../../src/domain/index.ts';
import { createLogger } from '../../src/logger.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import type { ReportExtractor } from '../../src/services/index.ts';
import { createDb, SQLITE_FILE, startImportRun } from '../../src/store/index.ts';
import { REPORT_FIXTURES } from '../helpers/report-fixtures.ts';

/** Writes stand-in files for the fixtures; the extractor gives each its report, after `gate` opens. */
function reportsFolder(root: string, count: number): { folder: string; reports: Map<string, InspectionReport> } {
  const folder = join(root, 'reports');
  const reports = new Map<string, InspectionReport>();
  for (const { path, ...report } of REPORT_FIXTURES.slice(0, count)) {
    const file = resolve(folder, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `%PDF-1.4\n% stand-in for ${path}\n`);
    reports.set(file, { ...report, file });
  }
  return { folder, reports };
}

function gatedExtractor(reports: ReadonlyMap<string, InspectionReport>, gate: Promise<void>): ReportExtractor {
  return async function* (files, options) {
    let done = 0;
    for (const file of files) {
      await gate;
      const report = reports.get(resolve(file));
      if (!report) throw new Error(`no fixture for ${file}`);
      yield { ...report, file };
      options.onProgress?.(++done, files.length);
    }
  };
}

async function start(
  root: string,
  reportsDir: string,
  extract: ReportExtractor,
  lines: string[] = [],
): Promise<RunningServer> {
  return startServer({
    config: {
      port: 0,
      databaseUrl: undefined,
      dataDir: join(root, 'data'),
      reportsDir,
      production: false,
      databaseTimeoutMs: 10_000,
      publicUrl: undefined,
      rateLimitPerMinute: 0,
    },
    logger: createLogger({ level: 'silent' }),
    say: (line) => lines.push(line),
    host: '127.0.0.1',
    services: { importer: { extract } },
  });
}

test('the server listens before the import ends, and says "Loading: N of M" on pages and in /health', async () => {
  const root = mkdtempSync(join(tmpdir(), 'csci-start-'));
  const { folder, reports } = reportsFolder(root, 2);
  let open!: () => void;
  const gate = new Promise<void>((resolveGate) => (open = resolveGate));
  const server = await start(root, folder, gatedExtractor(reports, gate));
  try {
    let health = await (await fetch(`${server.address}/health`)).json();
    assert.equal(health.status, 'loading', 'answers at once, while loading');
    // The files are listed and hashed first; the reader then waits at the gate.
    for (let tries = 0; health.of === 0 && tries < 100; tries += 1) {
      await new Promise((resolveWait) => setTimeout(resolveWait, 50));
      health = await (await fetch(`${server.address}/health`)).json();
    }
    assert.deepEqual(health, { status: 'loading', read: 0, of: 2 });
    const national = await (await fetch(`${server.address}/national`)).text();
    assert.match(national, /Loading: 0 of 2 reports read\./);
    open();
    await server.imported;
    assert.deepEqual(await (await fetch(`${server.address}/health`)).json(), { status: 'ok' });
    assert.doesNotMatch(await (await fetch(`${server.address}/national`)).text(), /Loading:/);
  } finally {
    open();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('every start imports what the folder holds that the store does not', async () => {
  const root = mkdtempSync(join(tmpdir(), 'csci-start-'));
  try {
    const first = reportsFolder(root, 1);
    const server = await start(root, first.folder, gatedExtractor(first.reports, Promise.resolve()));
    await server.imported;
    assert.equal((await server.services.inspections.listAll()).length, 1);
    await server.close();
    const second = reportsFolder(root, 3);
    const lines: string[] = [];
    const again = await start(root, second.folder, gatedExtractor(second.reports, Promise.resolve()), lines);
    try {
      await again.imported;
      assert.equal((await again.services.inspections.listAll()).length, 3);
      assert.match(lines.join('\n'), /Import finished: 3 files, imported 2, updated 0, already present 1/);
    } finally {
      await again.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a run left running by a process that died is marked interrupted at the next start, and csci import --runs lists it', async () => {
  const root = mkdtempSync(join(tmpdir(), 'csci-start-'));
  try {
    const dataDir = join(root, 'data');
    const { folder, reports } = reportsFolder(root, 1);
    const first = await start(root, folder, gatedExtractor(reports, Promise.resolve()));
    await first.imported;
    await first.close();
    // A process killed with -9 mid-import: its run stays 'running', under a process id that no longer exists.
    const store = createDb({ sqlite: join(dataDir, SQLITE_FILE) });
    await startImportRun(store.db, folder, 364, new Date().toISOString(), `${hostname()}:2147483646`);
    await store.db.destroy();
    const lines: string[] = [];
    const server = await start(root, folder, gatedExtractor(reports, Promise.resolve()), lines);
    try {
      assert.equal(server.services.startup.interruptedRuns, 1);
      assert.match(lines.join('\n'), /Marked 1 import run as interrupted/);
      await server.imported;
      const runs = await server.services.imports.listRuns();
      assert.deepEqual(
        runs.map((run) => run.status),
        ['finished', 'interrupted', 'finished'],
      );
    } finally {
      await server.close();
    }
    let stdout = '';
    const code = await runCli(['import', '--runs', '--data-dir', dataDir], {
      stdout: { write: (chunk: string) => ((stdout += chunk), true) } as unknown as NodeJS.WritableStream,
      stderr: { write: () => true } as unknown as NodeJS.WritableStream,
    });
    assert.equal(code, 0);
    const listed = stdout.trim().split('\n');
    assert.equal(listed.length, 3);
    assert.match(listed[1] ?? '', /^#2 interrupted: started \S+, last seen \S+; 364 files found; /);
    assert.match(listed[0] ?? '', /^#3 finished: .*1 file: imported 0, updated 0, already present 1, failed 0/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
