/** SQL for sign-in throttling: failures per email (hashed) within a window, and a lock-out end. */
import type { Kysely, Transaction } from 'kysely';
import type { LoginThrottleRow } from './accounts.tables.ts';
import type { Database } from './database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function findLoginThrottle(db: Db, emailHash: string): Promise<LoginThrottleRow | undefined> {
  return db.selectFrom('login_throttle').selectAll().where('email_hash', '=', emailHash).executeTakeFirst();
}

export async function saveLoginThrottle(db: Db, row: LoginThrottleRow): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('email_hash').doUpdateSet({
        failures: row.failures,
        window_started_at: row.window_started_at,
        locked_until: row.locked_until,
      }),
    )
    .execute();
}

export async function clearLoginThrottle(db: Db, emailHash: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('email_hash', '=', emailHash).execute();
}
