/** Opens the store: a SQLite file (WAL) by default, PostgreSQL when a URL is given. One Kysely API for both. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface StoreHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
}

export type StoreLocation =
  /** A SQLite file path, or ':memory:'. */
  | { readonly sqlite: string }
  /** A postgres:// URL; `schema` puts every table in that schema (it must exist). */
  | { readonly postgres: string; readonly schema?: string };

export const SQLITE_FILE = 'csci.sqlite';

/** Where the configuration says the store lives. */
export function storeLocation(settings: { readonly databaseUrl: string | undefined; readonly dataDir: string }): StoreLocation {
  return settings.databaseUrl ? { postgres: settings.databaseUrl } : { sqlite: join(settings.dataDir, SQLITE_FILE) };
}

export function createDb(location: StoreLocation): StoreHandle {
  if ('postgres' in location) {
    const pool = new pg.Pool({
      connectionString: location.postgres,
      max: 4,
      ...(location.schema ? { options: `-c search_path=${quoteIdentifier(location.schema)}` } : {}),
    });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  if (location.sqlite !== ':memory:') mkdirSync(join(location.sqlite, '..'), { recursive: true });
  const database = new SqliteDatabase(location.sqlite);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), dialect: 'sqlite' };
}

/** A schema name for a connection option: letters, digits and underscores only. */
function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`Not a safe schema name: ${name}`);
  return name;
}
