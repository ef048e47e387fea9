/**
 * `node bench/import.bench.ts [folder]`: times `csci extract` over the folder (default: the shared
 * corpus), then `csci import` of it into a fresh SQLite store, then the same import again, each as
 * its own process, and prints the times and the ratio. The goal (issue 4): import at most 1.5x extract.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const folder = process.argv[2] ?? new URL('../../shared/corpus/reports', import.meta.url).pathname;
if (!existsSync(folder)) {
  console.error(`bench/import: no folder at ${folder}; pass one as the first argument.`);
  process.exit(2);
}
const cli = new URL('../src/cli/main.ts', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'csci-bench-import-'));
const env = { ...process.env };
delete env.DATABASE_URL;

async function timeCommand(args: string[]): Promise<{ seconds: number; stdout: string }> {
  const start = process.hrtime.bigint();
  // Non-zero exits are expected: the corpus holds files that are not reports.
  const { stdout } = await run(process.execPath, [cli, ...args], { env, maxBuffer: 64 << 20 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, stdout };
}

try {
  const extract = await timeCommand(['extract', folder]);
  const first = await timeCommand(['import', folder, '--json', '--data-dir', dataDir]);
  const again = await timeCommand(['import', folder, '--json', '--data-dir', dataDir]);
  const summary = JSON.parse(first.stdout) as { files: number; imported: number; failed: number };
  console.log(`files: ${summary.files} (imported ${summary.imported}, failed ${summary.failed})`);
  console.log(`csci extract:             ${extract.seconds.toFixed(1)} s`);
  console.log(
    `csci import (empty store): ${first.seconds.toFixed(1)} s  = ${(first.seconds / extract.seconds).toFixed(2)}x extract (goal: at most 1.5x)`,
  );
  console.log(
    `csci import (again):       ${again.seconds.toFixed(1)} s  = ${(again.seconds / extract.seconds).toFixed(2)}x extract`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
