/** SQL for users and their council assignments. Emails are stored normalised (lower-case). */
import type { Kysely, Transaction } from 'kysely';
import type { AppUserRow, RoleColumn } from './accounts.tables.ts';
import type { Database } from './database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface UserRecord extends AppUserRow {
  /** Assigned councils' URNs, in URN order. */
  readonly councils: readonly string[];
}

async function withCouncils(db: Db, rows: readonly AppUserRow[]): Promise<UserRecord[]> {
  if (rows.length === 0) return [];
  const assignments = await db
    .selectFrom('user_council')
    .select(['user_id', 'urn'])
    .where(
      'user_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('urn')
    .execute();
  return rows.map((row) => ({
    ...row,
    councils: assignments.filter((assignment) => assignment.user_id === row.id).map((assignment) => assignment.urn),
  }));
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
  return row ? (await withCouncils(db, [row]))[0] : undefined;
}

export async function findUserById(db: Db, id: number): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withCouncils(db, [row]))[0] : undefined;
}

export async function listUserRecords(db: Db): Promise<UserRecord[]> {
  return withCouncils(db, await db.selectFrom('app_user').selectAll().orderBy('email').execute());
}

/** The users assigned to a council, by name. */
export async function listCouncilMemberRecords(db: Db, urn: string): Promise<UserRecord[]> {
  const rows = await db
    .selectFrom('app_user')
    .innerJoin('user_council', 'user_council.user_id', 'app_user.id')
    .selectAll('app_user')
    .where('user_council.urn', '=', urn)
    .orderBy('app_user.name')
    .execute();
  return withCouncils(db, rows);
}

export async function insertUser(
  db: Db,
  user: { email: string; name: string; role: RoleColumn; passwordHash: string | null; now: string },
): Promise<number> {
  const { id } = await db
    .insertInto('app_user')
    .values({
      email: user.email,
      name: user.name,
      role: user.role,
      password_hash: user.passwordHash,
      created_at: user.now,
      updated_at: user.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateUserRole(db: Db, id: number, role: RoleColumn, now: string): Promise<void> {
  await db.updateTable('app_user').set({ role, updated_at: now }).where('id', '=', id).execute();
}

export async function updateUserName(db: Db, id: number, name: string, now: string): Promise<void> {
  await db.updateTable('app_user').set({ name, updated_at: now }).where('id', '=', id).execute();
}

export async function updatePasswordHash(db: Db, id: number, passwordHash: string, now: string): Promise<void> {
  await db.updateTable('app_user').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', id).execute();
}

export async function deleteUser(db: Db, id: number): Promise<void> {
  await db.deleteFrom('app_user').where('id', '=', id).execute();
}

export async function replaceUserCouncils(db: Db, id: number, urns: readonly string[]): Promise<void> {
  await db.deleteFrom('user_council').where('user_id', '=', id).execute();
  if (urns.length > 0)
    await db
      .insertInto('user_council')
      .values(urns.map((urn) => ({ user_id: id, urn })))
      .execute();
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Which of these URNs are in the register. */
export async function existingCouncilUrns(db: Db, urns: readonly string[]): Promise<Set<string>> {
  if (urns.length === 0) return new Set();
  const rows = await db
    .selectFrom('local_authority')
    .select('urn')
    .where('urn', 'in', [...urns])
    .execute();
  return new Set(rows.map((row) => row.urn));
}
