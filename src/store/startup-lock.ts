/**
 * Setting a store up (migrations, the register) happens under a lock, so that two processes opening
 * a new store at once take turns instead of both creating the same tables and rows. PostgreSQL: a
 * session advisory lock. SQLite: an exclusive transaction on a small lock file beside the database
 * (the operating system releases it if the process dies). Within one process, openings of the same
 * store also wait for each other, without blocking the event loop.
 */
import { resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { StoreHandle } from './create-db.ts';
import { StoreError } from './store-errors.ts';

const turns = new Map<string, Promise<void>>();

/** Runs `body` holding the store's set-up lock; other openers of the same store wait. */
export async function withStartupLock<T>(store: StoreHandle, body: () => Promise<T>): Promise<T> {
  const key = lockKey(store);
  if (key === undefined) return body();
  const previous = turns.get(key) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolvePromise) => (done = resolvePromise));
  const queued = previous.then(() => mine);
  turns.set(key, queued);
  try {
    await previous;
    return await (store.dialect === 'postgres'
      ? withAdvisoryLock(store, key, body)
      : withLockFile(store, `${key}.startup-lock`, body));
  } finally {
    done();
    if (turns.get(key) === queued) turns.delete(key);
  }
}

function lockKey(store: StoreHandle): string | undefined {
  const { location } = store;
  if ('sqlite' in location) return location.sqlite === ':memory:' ? undefined : resolve(location.sqlite);
  return `${location.postgres}#${location.schema ?? ''}`;
}

async function withAdvisoryLock<T>(store: StoreHandle, key: string, body: () => Promise<T>): Promise<T> {
  const name = `csci-startup:${key.split('#')[1] ?? ''}`;
  return store.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtextextended(${name}, 0))`.execute(connection);
    try {
      return await body();
    } finally {
      await sql`select pg_advisory_unlock(hashtextextended(${name}, 0))`.execute(connection);
    }
  });
}

async function withLockFile<T>(store: StoreHandle, file: string, body: () => Promise<T>): Promise<T> {
  const lock = new SqliteDatabase(file);
  try {
    // Set-up takes well under a second; wait for another process's for several timeouts' worth.
    lock.pragma(`busy_timeout = ${Math.max(30_000, store.timeoutMs * 3)}`);
    try {
      lock.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      throw new StoreError(
        'store-busy',
        `Another process has been setting up the store ${file.replace(/\.startup-lock$/, '')} for too long; try again when it has finished.`,
        { cause: error },
      );
    }
    try {
      return await body();
    } finally {
      lock.exec('COMMIT');
    }
  } finally {
    lock.close();
  }
}
