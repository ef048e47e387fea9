/**
 * Killing `csci import` midway (SIGKILL, so nothing gets to clean up) and running it again ends in
 * the same stored state as one clean run. Real PDFs from the corpus, the real CLI in child processes.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createDb, listImportRunRows, SQLITE_FILE, type StoreHandle } from '../../src/store/index.ts';
import { CORPUS_REPORTS_DIR, corpusMissing, readLabels } from '../helpers/corpus.ts';
import { isGradedLabelRow, makeTempDir } from '../helpers/label-fixtures.ts';
import { storedState } from '../helpers/stored-state.ts';

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

function startImport(folder: string, dataDir: string) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [CLI, 'import', folder, '--data-dir', dataDir, '--workers', '1', '--json'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout })),
  );
  return { child, exited };
}

async function storedCount(store: StoreHandle): Promise<number> {
  try {
    const row = await store.db
      .selectFrom('inspection')
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  } catch {
    return 0; // the child has not made the schema yet
  }
}

test('an import killed midway and run again ends as one clean run does', { skip: corpusMissing }, async () => {
  const labels = readLabels().filter(isGradedLabelRow);
  const chosen = labels.filter((_row, index) => index % 23 === 0).slice(0, 14);
  const folder = makeTempDir('csci-killed-');
  for (const row of chosen) {
    mkdirSync(dirname(join(folder, row.file)), { recursive: true });
    copyFileSync(join(CORPUS_REPORTS_DIR, row.file), join(folder, row.file));
  }
  const killedDir = makeTempDir('csci-killed-data-');
  const cleanDir = makeTempDir('csci-clean-data-');

  const first = startImport(folder, killedDir);
  const file = join(killedDir, SQLITE_FILE);
  while (!existsSync(file)) await sleep(20);
  const watcher = createDb({ sqlite: file });
  let seen = 0;
  let finished = false;
  void first.exited.then(() => (finished = true));
  while (!finished && seen < 3) {
    seen = await storedCount(watcher);
    if (seen < 3) await sleep(25);
  }
  first.child.kill('SIGKILL');
  const killed = await first.exited;
  assert.equal(killed.signal, 'SIGKILL', 'the first run was still going when it was killed');
  const leftBehind = await storedCount(watcher);
  assert.ok(
    leftBehind >= 3 && leftBehind < chosen.length,
    `killed with ${leftBehind} of ${chosen.length} reports stored`,
  );

  const again = await startImport(folder, killedDir).exited;
  assert.equal(again.code, 0, again.stdout);
  const summary = JSON.parse(again.stdout) as { imported: number; alreadyPresent: number; failed: number };
  assert.equal(summary.alreadyPresent, leftBehind);
  assert.equal(summary.imported, chosen.length - leftBehind);

  const clean = await startImport(folder, cleanDir).exited;
  assert.equal(clean.code, 0, clean.stdout);
  const cleanStore = createDb({ sqlite: join(cleanDir, SQLITE_FILE) });
  try {
    assert.deepEqual(await storedState(watcher.db), await storedState(cleanStore.db));
    assert.deepEqual((await listImportRunRows(watcher.db)).map((run) => run.status).sort(), [
      'finished',
      'interrupted',
    ]);
  } finally {
    await watcher.db.destroy();
    await cleanStore.db.destroy();
  }
});
