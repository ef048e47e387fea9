/** The main job: start on an empty store with no reports (a clear message), or import a folder when empty; then serve. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createLogger } from './logger.ts';
import { startServer } from './server.ts';

async function freePortServer(reportsDir: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'csci-server-'));
  const lines: string[] = [];
  const server = await startServer({
    config: {
      port: 0,
      databaseUrl: undefined,
      dataDir: join(dir, 'data'),
      reportsDir,
      production: false,
      databaseTimeoutMs: 10_000,
      publicUrl: undefined,
      rateLimitPerMinute: 0,
    },
    logger: createLogger({ level: 'silent' }),
    say: (line) => lines.push(line),
    host: '127.0.0.1',
  });
  return { server, lines, dir };
}

test('with no reports folder it says so, and still serves the pages on an empty store', async () => {
  const { server, lines, dir } = await freePortServer(undefined);
  try {
    await server.imported;
    assert.match(lines.join('\n'), /Database migrated/);
    assert.match(lines.join('\n'), /Loaded the register of \d+ councils/);
    assert.match(
      lines.join('\n'),
      /No reports found: the store is empty and there is no reports folder \(set CSCI_REPORTS_DIR/,
    );
    assert.match(lines.join('\n'), /Serving on http:\/\/localhost:\d+/);
    const national = await fetch(`${server.address}/national`);
    assert.equal(national.status, 200);
    assert.match(await national.text(), /No graded inspection in the store was published by/);
    const council = await fetch(`${server.address}/councils/80459`);
    assert.equal(council.status, 200);
    assert.match(await council.text(), /No graded inspection report of this council is in the store yet/);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an empty reports folder gets a clear message', async () => {
  const reports = mkdtempSync(join(tmpdir(), 'csci-no-reports-'));
  mkdirSync(join(reports, 'nothing-here'));
  const { server, lines, dir } = await freePortServer(reports);
  try {
    await server.imported;
    assert.match(lines.join('\n'), new RegExp(`No reports found in ${reports} \\(no PDF files\\)`));
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(reports, { recursive: true, force: true });
  }
});
