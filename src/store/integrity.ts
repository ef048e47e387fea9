/** At start, SQLite's quick integrity check, naming each damaged table, so damage is found before a page fails. */
import { sql } from 'kysely';
import type { StoreHandle } from './create-db.ts';
import { StoreDamagedError } from './store-errors.ts';

/** Throws StoreDamagedError when the SQLite file fails `PRAGMA quick_check`; PostgreSQL and memory stores pass. */
export async function checkStoreIntegrity(store: StoreHandle): Promise<void> {
  const { location } = store;
  if (!('sqlite' in location) || location.sqlite === ':memory:') return;
  const file = location.sqlite;
  let problems: string[];
  try {
    problems = await quickCheck(store);
  } catch (error) {
    if (!isCorruption(error)) throw error;
    problems = [(error as Error).message];
  }
  if (problems.length === 0) return;
  // Which tables: each checked on its own (with its indexes); the schema itself may be what is damaged.
  const damaged: string[] = [];
  try {
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_schema where type = 'table' order by name`.execute(store.db);
    for (const { name } of tables.rows) {
      const found = await quickCheck(store, name).catch((error: unknown) => {
        if (isCorruption(error)) return [(error as Error).message];
        throw error;
      });
      if (found.length > 0) damaged.push(name);
    }
  } catch (error) {
    if (!isCorruption(error)) throw error;
  }
  throw new StoreDamagedError(file, damaged, problems.slice(0, 3).join('; '));
}

async function quickCheck(store: StoreHandle, table?: string): Promise<string[]> {
  const statement =
    table === undefined
      ? sql`pragma quick_check`
      : sql`pragma quick_check(${sql.raw(`"${table.replace(/"/g, '""')}"`)})`;
  const result = await statement.execute(store.db);
  return result.rows
    .map((row) => String(Object.values(row as Record<string, unknown>)[0]))
    .filter((line) => line !== 'ok');
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}
