/** SQL for API tokens: stored as the sha256 of the token, revocable, with when each was last used. */
import type { Kysely, Transaction } from 'kysely';
import type { ApiTokenRow } from './accounts.tables.ts';
import type { Database } from './database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ApiTokenRecord extends ApiTokenRow {
  readonly email: string;
}

export async function insertApiToken(
  db: Db,
  token: { userId: number; label: string; tokenHash: string; now: string },
): Promise<number> {
  const { id } = await db
    .insertInto('api_token')
    .values({
      user_id: token.userId,
      label: token.label,
      token_hash: token.tokenHash,
      created_at: token.now,
      last_used_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A live (not revoked) token by its hash. */
export async function findLiveApiToken(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db
    .selectFrom('api_token')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function findApiTokenById(db: Db, id: number): Promise<ApiTokenRecord | undefined> {
  return db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .selectAll('api_token')
    .select('app_user.email')
    .where('api_token.id', '=', id)
    .executeTakeFirst();
}

export async function listApiTokenRecords(db: Db, userId?: number): Promise<ApiTokenRecord[]> {
  let query = db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .selectAll('api_token')
    .select('app_user.email');
  if (userId !== undefined) query = query.where('api_token.user_id', '=', userId);
  return query.orderBy('api_token.id').execute();
}

export async function markApiTokenUsed(db: Db, id: number, now: string): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function revokeApiTokenRow(db: Db, id: number, now: string): Promise<void> {
  await db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
