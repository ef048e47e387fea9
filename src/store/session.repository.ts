/** SQL for sign-in sessions. Rows are keyed by the sha256 of the session id; the id itself is never stored. */
import type { Kysely, Transaction } from 'kysely';
import type { UserSessionRow } from './accounts.tables.ts';
import type { UserRecord } from './user.repository.ts';
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

/**
 * A session with its user and the user's councils, in one query (the session check on every page):
 * the user is undefined when the session's user is gone.
 */
export async function findSessionWithUser(
  db: Db,
  idHash: string,
): Promise<{ session: UserSessionRow; user: UserRecord | undefined } | undefined> {
  const rows = await db
    .selectFrom('user_session')
    .leftJoin('app_user', 'app_user.id', 'user_session.user_id')
    .leftJoin('user_council', 'user_council.user_id', 'app_user.id')
    .select([
      'user_session.id_hash',
      'user_session.user_id',
      'user_session.method',
      'user_session.created_at',
      'user_session.last_seen_at',
      'user_session.expires_at',
      'app_user.id as app_user_id',
      'app_user.email',
      'app_user.name',
      'app_user.role',
      'app_user.password_hash',
      'app_user.created_at as user_created_at',
      'app_user.updated_at as user_updated_at',
      'user_council.urn',
    ])
    .where('user_session.id_hash', '=', idHash)
    .orderBy('user_council.urn')
    .execute();
  const first = rows[0];
  if (first === undefined) return undefined;
  const session: UserSessionRow = {
    id_hash: first.id_hash,
    user_id: first.user_id,
    method: first.method,
    created_at: first.created_at,
    last_seen_at: first.last_seen_at,
    expires_at: first.expires_at,
  };
  if (first.app_user_id === null || first.email === null || first.name === null || first.role === null)
    return { session, user: undefined };
  const user: UserRecord = {
    id: first.app_user_id,
    email: first.email,
    name: first.name,
    role: first.role,
    password_hash: first.password_hash,
    created_at: first.user_created_at ?? '',
    updated_at: first.user_updated_at ?? '',
    councils: rows.flatMap((row) => (row.urn === null ? [] : [row.urn])),
  };
  return { session, user };
}
