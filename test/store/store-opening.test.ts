/**
 * Opening a store as operators and crashes leave it: several processes at once, a database that
 * never answers, a damaged SQLite page, a read-only file, and Kysely's tables in another schema.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { createServices } from '../../src/services/index.ts';
import {
  createDb,
  migrateToLatest,
  SQLITE_FILE,
  StoreDamagedError,
  StoreUnreachableError,
} from '../../src/store/index.ts';
import { createTestStore, TEST_DIALECTS } from '../helpers/dialects.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CSCI = join(ROOT, 'src/cli/main.ts');

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runCsci(
  args: readonly string[],
  options: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<Exit> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CSCI, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', ...options.env },
      uid: options.uid,
      gid: options.gid,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

test('three processes opening a new SQLite store at once all succeed, and the register is loaded once', async () => {
  const dataDir = tempDir('csci-concurrent-');
  try {
    const exits = await Promise.all([1, 2, 3].map(() => runCsci(['migrate', '--data-dir', dataDir])));
    for (const exit of exits) assert.equal(exit.code, 0, exit.stderr);
    assert.equal(
      exits.filter((exit) => /Applied: 2026_11_23_0001_initial/.test(exit.stdout)).length,
      1,
      exits.map((exit) => exit.stdout).join(''),
    );
    assert.equal(exits.filter((exit) => /Loaded 156 councils/.test(exit.stdout)).length, 1);
    const database = new SqliteDatabase(join(dataDir, SQLITE_FILE), { readonly: true });
    assert.equal((database.prepare('select count(*) as n from local_authority').get() as { n: number }).n, 156);
    database.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

for (const dialect of TEST_DIALECTS) {
  test(`${dialect}: openings of one new store at once in one process take turns`, async () => {
    const dataDir = tempDir('csci-concurrent-');
    const store =
      dialect === 'sqlite'
        ? { location: { sqlite: join(dataDir, SQLITE_FILE) }, drop: async () => {} }
        : await createTestStore(dialect);
    try {
      const opened = await Promise.all(
        [1, 2, 3].map(() => createServices({ databaseUrl: undefined, dataDir }, { location: store.location })),
      );
      try {
        assert.equal(opened.filter((services) => services.startup.appliedMigrations.length > 0).length, 1);
        assert.equal(
          opened.reduce((sum, services) => sum + services.startup.councilsLoaded, 0),
          156,
        );
        assert.equal((await opened[0]!.councils.list({ includeInactive: true })).length, 156);
      } finally {
        for (const services of opened) await services.close();
      }
    } finally {
      await store.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

test('a database that accepts connections and never answers fails after the timeout with one line naming the host', async () => {
  const sockets: Socket[] = [];
  const silent = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolvePromise) => silent.listen(0, '127.0.0.1', resolvePromise));
  const { port } = silent.address() as { port: number };
  try {
    const started = Date.now();
    await assert.rejects(
      createServices({
        databaseUrl: `postgres://someone:secret@127.0.0.1:${port}/csci`,
        dataDir: '/nonexistent',
        databaseTimeoutMs: 300,
      }),
      (error: unknown) => {
        assert.ok(error instanceof StoreUnreachableError, String(error));
        assert.match(
          error.message,
          new RegExp(`^The database at 127\\.0\\.0\\.1:${port} did not answer: no answer within 0\\.3 s`),
        );
        assert.match(error.message, /CSCI_DB_TIMEOUT_SECONDS/);
        assert.doesNotMatch(error.message, /secret|\n/);
        return true;
      },
    );
    assert.ok(Date.now() - started < 5000, 'failed within the timeout, not hanging');
  } finally {
    for (const socket of sockets) socket.destroy();
    silent.close();
  }
});

test('a damaged SQLite page is found at start, naming the damaged table', async () => {
  const dataDir = tempDir('csci-damaged-');
  const file = join(dataDir, SQLITE_FILE);
  try {
    const services = await createServices({ databaseUrl: undefined, dataDir });
    await services.close();
    const database = new SqliteDatabase(file);
    const { rootpage } = database
      .prepare("select rootpage from sqlite_schema where name = 'statistical_neighbour'")
      .get() as { rootpage: number };
    const pageSize = database.pragma('page_size', { simple: true }) as number;
    database.close();
    const handle = openSync(file, 'r+');
    writeSync(handle, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
    closeSync(handle);
    await assert.rejects(createServices({ databaseUrl: undefined, dataDir }), (error: unknown) => {
      assert.ok(error instanceof StoreDamagedError, String(error));
      assert.ok(error.tables.includes('statistical_neighbour'), error.message);
      assert.match(error.message, /failed its integrity check: table statistical_neighbour is damaged/);
      assert.ok(error.message.includes(file));
      return true;
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a read-only database names the file and says what to do', async (t) => {
  const dataDir = tempDir('csci-readonly-');
  try {
    const services = await createServices({ databaseUrl: undefined, dataDir });
    await services.close();
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) {
      chmodSync(join(dataDir, SQLITE_FILE), 0o444);
      chmodSync(dataDir, 0o555);
    } else t.diagnostic('running as root: the command runs as the user nobody, for whom the store is read-only');
    chmodSync(dataDir, 0o755);
    const exit = await runCsci(['migrate', '--data-dir', dataDir], asRoot ? { uid: 65534, gid: 65534 } : {});
    assert.equal(exit.code, 1, exit.stdout);
    assert.match(
      exit.stderr,
      new RegExp(
        `^csci migrate: Cannot write the SQLite database ${join(dataDir, SQLITE_FILE).replace(/[.]/g, '\\.')}: .*read-only.*(chmod|CSCI_DATA_DIR)`,
      ),
    );
    assert.equal(exit.stderr.trim().split('\n').length, 1, exit.stderr);
  } finally {
    chmodSync(dataDir, 0o755);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test(
  "postgres: a fresh schema migrates although another schema already holds Kysely's tables",
  { skip: TEST_DIALECTS.includes('postgres') ? false : 'set DATABASE_URL to run on PostgreSQL' },
  async () => {
    const first = await createTestStore('postgres');
    const second = await createTestStore('postgres');
    try {
      const other = createDb(first.location);
      await migrateToLatest(other.db, 'postgres', 'postgres' in first.location ? first.location.schema : undefined);
      await other.db.destroy();
      const services = await createServices(
        { databaseUrl: undefined, dataDir: '/nonexistent' },
        { location: second.location },
      );
      try {
        for (const name of [
          '2026_11_23_0001_initial',
          '2026_11_23_0002_reader_fingerprint',
          '2026_12_01_0007_import_run_status',
        ])
          assert.ok(services.startup.appliedMigrations.includes(name), name);
        assert.equal(services.startup.councilsLoaded, 156);
      } finally {
        await services.close();
      }
    } finally {
      await first.drop();
      await second.drop();
    }
  },
);
