/** SQL for sign-in sessions. Rows are keyed by the sha256 of the session id; the id itself is never stored. */
import type { Kysely, Transaction } from 'kysely';
import type { UserSessionRow } from './accounts.tables.ts';
import type { Database } from './database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertSession(db: Db, session: UserSessionRow): Promise<void> {
  await db.insertInto('user_session').values(session).execute();
}

export async function findSessionRow(db: Db, idHash: string): Promise<UserSessionRow | undefined> {
  return db.selectFrom('user_session').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, now: string): Promise<void> {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
}

export async function deleteSessionRow(db: Db, idHash: string): Promise<number> {
  const result = await db.deleteFrom('user_session').where('id_hash', '=', idHash).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  const result = await db.deleteFrom('user_session').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes sessions past their absolute end or idle since before `idleBefore`. */
export async function deleteExpiredSessions(db: Db, now: string, idleBefore: string): Promise<number> {
  const result = await db
    .deleteFrom('user_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
