/**
 * Managing people: users, their roles and councils, API tokens and one-time set-password links.
 * Every operation takes the acting user first and checks it here (admins only); every change
 * writes its audit row in the change's own transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import { isEmail, isRole, normaliseEmail, type Actor, type Role } from '../domain/actor.ts';
import { passwordProblem } from '../domain/password-policy.ts';
import { ConflictError, ForbiddenError, NotAuthenticatedError, NotFoundError, ValidationError } from '../errors.ts';
import {
  appendAuditEvent,
  countAdmins,
  deleteUser,
  existingCouncilUrns,
  findApiTokenById,
  findUserByEmail,
  findUserById,
  insertApiToken,
  insertUser,
  listApiTokenRecords,
  listUserRecords,
  replacePasswordLink,
  replaceUserCouncils,
  revokeApiTokenRow,
  updateUserRole,
  type Database,
} from '../store/index.ts';
import { hashPassword, randomSecret, sha256Hex } from './account-secrets.ts';
import { auditedUser, toApiTokenView, toUserView, type ApiTokenView, type UserView } from './account-views.ts';

export const PASSWORD_LINK_HOURS = 24;
export const API_TOKEN_PREFIX = 'csci_';

export interface NewUserInput {
  readonly email: string;
  readonly name?: string;
  readonly role: string;
  readonly councils?: readonly string[];
  /** Sets the password now (it must pass the password rule); without it a set-password link is made. */
  readonly password?: string;
}

export interface PasswordLink {
  /** The path to open, with the secret in it: `/set-password/<secret>`. Shown once, stored hashed. */
  readonly path: string;
  readonly expiresAt: string;
}

export interface AccountsService {
  listUsers(actor: Actor | null): Promise<UserView[]>;
  getUser(actor: Actor | null, id: number): Promise<UserView>;
  getUserByEmail(actor: Actor | null, email: string): Promise<UserView>;
  addUser(
    actor: Actor | null,
    input: NewUserInput,
  ): Promise<{ user: UserView; passwordLink: PasswordLink | undefined }>;
  removeUser(actor: Actor | null, id: number): Promise<UserView>;
  setRole(actor: Actor | null, id: number, role: string): Promise<UserView>;
  setCouncils(actor: Actor | null, id: number, urns: readonly string[]): Promise<UserView>;
  createPasswordLink(actor: Actor | null, id: number): Promise<PasswordLink>;
  listTokens(actor: Actor | null, userId?: number): Promise<ApiTokenView[]>;
  /** Returns the token once; only its hash is kept. */
  createToken(actor: Actor | null, userId: number, label?: string): Promise<{ token: ApiTokenView; secret: string }>;
  revokeToken(actor: Actor | null, tokenId: number): Promise<ApiTokenView>;
}

export interface AccountsDependencies {
  readonly db: Kysely<Database>;
  readonly now?: () => Date;
}

/** Only admins manage accounts: no actor is 401, any other role 403. */
export function requireAdmin(actor: Actor | null): Actor {
  if (actor === null) throw new NotAuthenticatedError();
  if (actor.role !== 'admin') throw new ForbiddenError('Only an administrator can manage accounts.');
  return actor;
}

export function auditActor(actor: Actor | null): { actorUserId: number | null; actorEmail: string | null } {
  if (actor === null) return { actorUserId: null, actorEmail: null };
  return { actorUserId: actor.userId === 0 ? null : actor.userId, actorEmail: actor.email };
}

function checkEmail(input: string): string {
  const email = normaliseEmail(input);
  if (!isEmail(email))
    throw new ValidationError(
      'Enter an email address in the correct format, like name@example.gov.uk',
      'invalid-email',
    );
  return email;
}

function checkRole(input: string): Role {
  const role = input.trim().toLowerCase();
  if (!isRole(role)) throw new ValidationError('Choose a role: admin, editor or viewer', 'invalid-role');
  return role;
}

function checkName(input: string | undefined, email: string): string {
  const name = (input ?? '').trim() || email.split('@')[0]!;
  if (name.length > 200) throw new ValidationError('Name must be 200 characters or fewer', 'invalid-name');
  return name;
}

function checkLabel(input: string | undefined): string {
  const label = (input ?? '').trim() || 'API token';
  if (label.length > 100) throw new ValidationError('Label must be 100 characters or fewer', 'invalid-label');
  return label;
}

async function checkCouncils(
  db: Kysely<Database> | Transaction<Database>,
  inputs: readonly string[],
): Promise<string[]> {
  const urns = [...new Set(inputs.map((urn) => urn.trim()).filter((urn) => urn !== ''))].sort();
  const bad = urns.filter((urn) => !/^\d{1,10}$/.test(urn));
  if (bad.length)
    throw new ValidationError(
      `A council is given by its Ofsted URN, a number: not ${bad.join(', ')}`,
      'invalid-council',
    );
  const known = await existingCouncilUrns(db, urns);
  const unknown = urns.filter((urn) => !known.has(urn));
  if (unknown.length)
    throw new ValidationError(`No council in the register has the URN ${unknown.join(', ')}`, 'unknown-council');
  return urns;
}

export function createAccountsService({ db, now = () => new Date() }: AccountsDependencies): AccountsService {
  const iso = () => now().toISOString();

  async function userOrNotFound(executor: Kysely<Database> | Transaction<Database>, id: number) {
    const user = await findUserById(executor, id);
    if (!user) throw new NotFoundError('There is no such user.');
    return user;
  }

  async function newPasswordLink(trx: Transaction<Database>, userId: number, at: Date): Promise<PasswordLink> {
    const secret = randomSecret();
    const expiresAt = new Date(at.getTime() + PASSWORD_LINK_HOURS * 3600_000).toISOString();
    await replacePasswordLink(trx, {
      token_hash: sha256Hex(secret),
      user_id: userId,
      created_at: at.toISOString(),
      expires_at: expiresAt,
      used_at: null,
    });
    return { path: `/set-password/${secret}`, expiresAt };
  }

  /** Refuses a change that would leave no admin. */
  async function keepAnAdmin(trx: Transaction<Database>, user: { role: Role }, change: string): Promise<void> {
    if (user.role === 'admin' && (await countAdmins(trx)) <= 1)
      throw new ConflictError(
        `Cannot ${change} the last administrator: make another administrator first.`,
        'last-admin',
      );
  }

  return {
    async listUsers(actor) {
      requireAdmin(actor);
      return (await listUserRecords(db)).map(toUserView);
    },

    async getUser(actor, id) {
      requireAdmin(actor);
      return toUserView(await userOrNotFound(db, id));
    },

    async getUserByEmail(actor, email) {
      requireAdmin(actor);
      const user = await findUserByEmail(db, normaliseEmail(email));
      if (!user) throw new NotFoundError(`There is no user with the email ${normaliseEmail(email)}.`);
      return toUserView(user);
    },

    async addUser(actor, input) {
      const admin = requireAdmin(actor);
      const email = checkEmail(input.email);
      const role = checkRole(input.role);
      const name = checkName(input.name, email);
      if (input.password !== undefined) {
        const problem = passwordProblem(input.password, { email });
        if (problem) throw new ValidationError(problem, 'weak-password');
      }
      const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
      const at = now();
      return db.transaction().execute(async (trx) => {
        const councils = await checkCouncils(trx, input.councils ?? []);
        if (await findUserByEmail(trx, email))
          throw new ConflictError(`There is already a user with the email ${email}.`, 'user-exists');
        const id = await insertUser(trx, { email, name, role, passwordHash, now: at.toISOString() });
        await replaceUserCouncils(trx, id, councils);
        const user = await userOrNotFound(trx, id);
        await appendAuditEvent(trx, {
          at: at.toISOString(),
          ...auditActor(admin),
          action: 'user.add',
          recordType: 'user',
          recordId: String(id),
          before: null,
          after: { ...auditedUser(user), passwordSet: passwordHash !== null },
        });
        const passwordLink = passwordHash === null ? await newPasswordLink(trx, id, at) : undefined;
        if (passwordLink)
          await appendAuditEvent(trx, {
            at: at.toISOString(),
            ...auditActor(admin),
            action: 'password-link.create',
            recordType: 'user',
            recordId: String(id),
            before: null,
            after: { email, expiresAt: passwordLink.expiresAt },
          });
        return { user: toUserView(user), passwordLink };
      });
    },

    async removeUser(actor, id) {
      const admin = requireAdmin(actor);
      return db.transaction().execute(async (trx) => {
        const user = await userOrNotFound(trx, id);
        await keepAnAdmin(trx, user, 'remove');
        await deleteUser(trx, id);
        await appendAuditEvent(trx, {
          at: iso(),
          ...auditActor(admin),
          action: 'user.remove',
          recordType: 'user',
          recordId: String(id),
          before: auditedUser(user),
          after: null,
        });
        return toUserView(user);
      });
    },

    async setRole(actor, id, roleInput) {
      const admin = requireAdmin(actor);
      const role = checkRole(roleInput);
      return db.transaction().execute(async (trx) => {
        const before = await userOrNotFound(trx, id);
        if (before.role === role) return toUserView(before);
        await keepAnAdmin(trx, before, 'change the role of');
        await updateUserRole(trx, id, role, iso());
        const after = await userOrNotFound(trx, id);
        await appendAuditEvent(trx, {
          at: iso(),
          ...auditActor(admin),
          action: 'user.set-role',
          recordType: 'user',
          recordId: String(id),
          before: auditedUser(before),
          after: auditedUser(after),
        });
        return toUserView(after);
      });
    },

    async setCouncils(actor, id, urnInputs) {
      const admin = requireAdmin(actor);
      return db.transaction().execute(async (trx) => {
        const before = await userOrNotFound(trx, id);
        const urns = await checkCouncils(trx, urnInputs);
        await replaceUserCouncils(trx, id, urns);
        const after = await userOrNotFound(trx, id);
        await appendAuditEvent(trx, {
          at: iso(),
          ...auditActor(admin),
          action: 'user.set-councils',
          recordType: 'user',
          recordId: String(id),
          before: auditedUser(before),
          after: auditedUser(after),
        });
        return toUserView(after);
      });
    },

    async createPasswordLink(actor, id) {
      const admin = requireAdmin(actor);
      const at = now();
      return db.transaction().execute(async (trx) => {
        const user = await userOrNotFound(trx, id);
        const link = await newPasswordLink(trx, id, at);
        await appendAuditEvent(trx, {
          at: at.toISOString(),
          ...auditActor(admin),
          action: 'password-link.create',
          recordType: 'user',
          recordId: String(id),
          before: null,
          after: { email: user.email, expiresAt: link.expiresAt },
        });
        return link;
      });
    },

    async listTokens(actor, userId) {
      requireAdmin(actor);
      return (await listApiTokenRecords(db, userId)).map(toApiTokenView);
    },

    async createToken(actor, userId, labelInput) {
      const admin = requireAdmin(actor);
      const label = checkLabel(labelInput);
      const secret = randomSecret(API_TOKEN_PREFIX);
      return db.transaction().execute(async (trx) => {
        const user = await userOrNotFound(trx, userId);
        const id = await insertApiToken(trx, { userId, label, tokenHash: sha256Hex(secret), now: iso() });
        const token = toApiTokenView((await findApiTokenById(trx, id))!);
        await appendAuditEvent(trx, {
          at: iso(),
          ...auditActor(admin),
          action: 'token.create',
          recordType: 'api-token',
          recordId: String(id),
          before: null,
          after: { email: user.email, label },
        });
        return { token, secret };
      });
    },

    async revokeToken(actor, tokenId) {
      const admin = requireAdmin(actor);
      return db.transaction().execute(async (trx) => {
        const before = await findApiTokenById(trx, tokenId);
        if (!before) throw new NotFoundError(`There is no API token ${tokenId}.`);
        if (before.revoked_at !== null) return toApiTokenView(before);
        await revokeApiTokenRow(trx, tokenId, iso());
        const after = (await findApiTokenById(trx, tokenId))!;
        await appendAuditEvent(trx, {
          at: iso(),
          ...auditActor(admin),
          action: 'token.revoke',
          recordType: 'api-token',
          recordId: String(tokenId),
          before: { email: before.email, label: before.label, revokedAt: null },
          after: { email: after.email, label: after.label, revokedAt: after.revoked_at },
        });
        return toApiTokenView(after);
      });
    },
  };
}
