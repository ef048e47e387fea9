/** Opens the store: a SQLite file (WAL) by default, PostgreSQL when a URL is given. One Kysely API for both. */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase as KyselySqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { postgresHost, StoreReadOnlyError } from './store-errors.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface StoreHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly location: StoreLocation;
  /** How long a connection attempt or a statement may take before it fails, in milliseconds. */
  readonly timeoutMs: number;
}

export type StoreLocation =
  /** A SQLite file path, or ':memory:'. */
  | { readonly sqlite: string }
  /** A postgres:// URL; `schema` puts every table in that schema (it must exist). */
  | { readonly postgres: string; readonly schema?: string };

export interface StoreOptions {
  /** Connection and statement timeout (PostgreSQL) and lock wait (SQLite); 10 s by default. */
  readonly timeoutMs?: number;
}

export const SQLITE_FILE = 'csci.sqlite';
export const DEFAULT_STORE_TIMEOUT_MS = 10_000;

/** Where the configuration says the store lives. */
export function storeLocation(settings: {
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
}): StoreLocation {
  return settings.databaseUrl ? { postgres: settings.databaseUrl } : { sqlite: join(settings.dataDir, SQLITE_FILE) };
}

/** The store in words, for messages: "the SQLite file /x/csci.sqlite" or "PostgreSQL at db:5432". */
export function describeStore(location: StoreLocation): string {
  return 'postgres' in location
    ? `PostgreSQL at ${postgresHost(location.postgres)}`
    : `the SQLite file ${location.sqlite}`;
}

export function createDb(location: StoreLocation, options: StoreOptions = {}): StoreHandle {
  const timeoutMs = options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  if ('postgres' in location) {
    const pool = new pg.Pool({
      connectionString: location.postgres,
      max: 4,
      connectionTimeoutMillis: timeoutMs,
      // Server-side: a statement running longer is cancelled; client-side: a server that never answers.
      statement_timeout: timeoutMs,
      query_timeout: timeoutMs + 1000,
      ...(location.schema ? { options: `-c search_path=${quoteIdentifier(location.schema)}` } : {}),
    });
    // An idle client losing its connection must not crash the process; the next query reports it.
    pool.on('error', () => {});
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
      location,
      timeoutMs,
    };
  }
  if (location.sqlite !== ':memory:') {
    mkdirSync(dirname(location.sqlite), { recursive: true });
    ensureWritable(location.sqlite);
  }
  const database = new SqliteDatabase(location.sqlite);
  // First, so that two processes opening a new file at once wait for each other instead of failing.
  database.pragma(`busy_timeout = ${Math.max(0, Math.round(timeoutMs))}`);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }),
    dialect: 'sqlite',
    location,
    timeoutMs,
  };
}

/** How many prepared statements the SQLite store keeps for reuse, by their SQL (least recently used go first). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The SQLite database as Kysely sees it, with its prepared statements kept and reused by their SQL:
 * Kysely prepares every query afresh, and preparing (parsing and planning) costs as much as running
 * the short queries the pages and the API make. A statement still being iterated (a streamed query)
 * is busy, so a fresh one is prepared beside it. SQLite re-prepares a kept statement by itself when
 * the schema changes under it.
 */
export function withStatementCache(
  database: SqliteDatabase.Database,
  size = STATEMENT_CACHE_SIZE,
): KyselySqliteDatabase {
  const kept = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const statement = kept.get(sql);
      if (statement !== undefined && !statement.busy) {
        // Most recently used last: a Map keeps insertion order.
        kept.delete(sql);
        kept.set(sql, statement);
        return statement;
      }
      const prepared = database.prepare(sql);
      if (statement === undefined) {
        kept.set(sql, prepared);
        if (kept.size > size) kept.delete(kept.keys().next().value as string);
      }
      return prepared;
    },
  };
}

/** SQLite writes the file and, in WAL mode, two files beside it: all must be writable. */
function ensureWritable(file: string): void {
  for (const path of existsSync(file) ? [file, dirname(file)] : [dirname(file)]) {
    try {
      accessSync(path, constants.W_OK);
    } catch {
      throw new StoreReadOnlyError(file, path);
    }
  }
}

/** A schema name for a connection option: letters, digits and underscores only. */
function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`Not a safe schema name: ${name}`);
  return name;
}
