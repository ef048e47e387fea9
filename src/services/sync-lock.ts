/**
 * One sync at a time: a session advisory lock on PostgreSQL, a lock file beside the SQLite database.
 * A lock file whose process is gone is stale and taken over.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '../errors.ts';
import { withPostgresAdvisoryLock, type StoreHandle } from '../store/index.ts';

/** The advisory lock key of `csci sync` (a fixed number; its bytes spell "sync"). */
export const SYNC_LOCK_KEY = 0x73796e63;
export const SYNC_LOCK_FILE = 'sync.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function withLockFile<T>(path: string, body: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n${new Date().toISOString()}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw lockedError(path, error);
      const holder = Number((await readFile(path, 'utf8').catch(() => '')).split('\n')[0]);
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) throw lockedError(path, error, holder);
      await rm(path, { force: true });
    }
  }
  try {
    return await body();
  } finally {
    await rm(path, { force: true });
  }
}

function lockedError(path: string, error: unknown, pid?: number): Error {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return error as Error;
  return new DomainError(
    'sync-running',
    `Another sync is running${pid ? ` (process ${pid})` : ''}: ${path} is held. Wait for it to finish.`,
    409,
  );
}

/** Runs the body holding the sync lock; throws DomainError('sync-running', 409) when another sync holds it. */
export async function withSyncLock<T>(store: StoreHandle, dataDir: string, body: () => Promise<T>): Promise<T> {
  if (store.dialect === 'postgres') {
    const result = await withPostgresAdvisoryLock(store.db, SYNC_LOCK_KEY, body);
    if (!result.acquired)
      throw new DomainError(
        'sync-running',
        'Another sync is running (the PostgreSQL advisory lock is held). Wait for it to finish.',
        409,
      );
    return result.value;
  }
  return withLockFile(join(dataDir, SYNC_LOCK_FILE), body);
}
