/** SQL for one-time set-password links: the sha256 of the secret, an expiry, and when it was used. */
import type { Kysely, Transaction } from 'kysely';
import type { PasswordLinkRow } from './accounts.tables.ts';
import type { Database } from './database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Stores a new link for the user, and drops the user's earlier unused ones. */
export async function replacePasswordLink(db: Db, link: PasswordLinkRow): Promise<void> {
  await db.deleteFrom('password_link').where('user_id', '=', link.user_id).where('used_at', 'is', null).execute();
  await db.insertInto('password_link').values(link).execute();
}

/** A link that is unused and not expired at `now`. */
export async function findUsablePasswordLink(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<PasswordLinkRow | undefined> {
  return db
    .selectFrom('password_link')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks the link used; returns false when it was used already (a concurrent use lost). */
export async function markPasswordLinkUsed(db: Db, tokenHash: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('password_link')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
