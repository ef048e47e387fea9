/**
 * Signing in and who is acting: passwords (argon2id) with throttling and a temporary lock-out per
 * email that answers the same whether the email exists or not; single sign-on for emails an admin
 * added; store-backed sessions with idle and absolute timeouts (the id is kept hashed); API tokens;
 * one-time set-password links. Sign-ins, failures and lock-outs are audited in their transaction.
 */
import type { Kysely } from 'kysely';
import { normaliseEmail, type Actor } from '../domain/actor.ts';
import { MAX_PASSWORD_LENGTH, passwordProblem } from '../domain/password-policy.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import {
  appendAuditEvent,
  clearLoginThrottle,
  deleteExpiredSessions,
  deleteSessionRow,
  deleteUserSessions,
  findLiveApiToken,
  findLoginThrottle,
  findSessionRow,
  findSessionWithUser,
  findUsablePasswordLink,
  findUserByEmail,
  findUserById,
  insertSession,
  markApiTokenUsed,
  markPasswordLinkUsed,
  saveLoginThrottle,
  touchSession,
  updatePasswordHash,
  type Database,
} from '../store/index.ts';
import { hashPassword, randomSecret, sha256Hex, verifyAgainstNothing, verifyPassword } from './account-secrets.ts';
import { toActor } from './account-views.ts';
import { auditActor } from './accounts.service.ts';

export interface SessionPolicy {
  /** A session unused this long ends (ASVS 3.3.2: 30 minutes). */
  readonly idleMinutes: number;
  /** A session ends this long after sign-in whatever the activity (ASVS 3.3.2: 12 hours). */
  readonly absoluteHours: number;
}

export interface LockoutPolicy {
  /** Wrong passwords for one email within the window before it is locked. */
  readonly maxFailures: number;
  readonly windowMinutes: number;
  readonly lockMinutes: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 30, absoluteHours: 12 };
export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 };

/** Last-seen and last-used times are written at most this often, so reading pages does not write each time. */
const TOUCH_EVERY_MS = 60_000;

export type SignInResult =
  | { readonly ok: true; readonly sessionId: string; readonly actor: Actor }
  /** `invalid`: wrong email or password (never which); `locked`: too many failures for this email, try later. */
  | { readonly ok: false; readonly reason: 'invalid' | 'locked' };

export type SsoSignInResult =
  | { readonly ok: true; readonly sessionId: string; readonly actor: Actor }
  | { readonly ok: false; readonly reason: 'not-added' };

export interface SessionActor {
  readonly actor: Actor;
  /** The hash of the session id: binds CSRF tokens to the session without holding the id. */
  readonly sessionKey: string;
}

export interface AuthenticationService {
  signInWithPassword(email: string, password: string, options?: { readonly replacing?: string }): Promise<SignInResult>;
  /** After the identity provider vouched for the email: a session only when an admin added that email. */
  signInWithSso(
    email: string,
    options?: { readonly replacing?: string; readonly issuer?: string },
  ): Promise<SsoSignInResult>;
  /** The signed-in user of a session id, or null when it is unknown, idle too long or past its end. */
  sessionActor(sessionId: string | undefined): Promise<SessionActor | null>;
  signOut(sessionId: string | undefined): Promise<void>;
  /** Ends every session of the actor's user, this one included. */
  signOutEverywhere(actor: Actor): Promise<number>;
  /** The user a bearer token acts as, or null (unknown or revoked token). */
  tokenActor(token: string | undefined): Promise<Actor | null>;
  /** Whether a set-password link is still usable (unused, under 24 hours old). */
  passwordLinkUsable(secret: string): Promise<boolean>;
  /** Sets the password through a one-time link, and ends every session of that user. */
  setPasswordWithLink(secret: string, password: string): Promise<void>;
}

export interface AuthenticationDependencies {
  readonly db: Kysely<Database>;
  readonly now?: () => Date;
  readonly sessions?: SessionPolicy;
  readonly lockout?: LockoutPolicy;
}

export function createAuthenticationService({
  db,
  now = () => new Date(),
  sessions = DEFAULT_SESSION_POLICY,
  lockout = DEFAULT_LOCKOUT_POLICY,
}: AuthenticationDependencies): AuthenticationService {
  async function startSession(
    userId: number,
    method: string,
    at: Date,
    replacing: string | undefined,
  ): Promise<string> {
    const sessionId = randomSecret();
    const iso = at.toISOString();
    if (replacing) await deleteSessionRow(db, sha256Hex(replacing));
    await insertSession(db, {
      id_hash: sha256Hex(sessionId),
      user_id: userId,
      method,
      created_at: iso,
      last_seen_at: iso,
      expires_at: new Date(at.getTime() + sessions.absoluteHours * 3600_000).toISOString(),
    });
    return sessionId;
  }

  return {
    async signInWithPassword(emailInput, password, options = {}) {
      const email = normaliseEmail(emailInput).slice(0, 254);
      const emailHash = sha256Hex(email);
      const at = now();
      const atIso = at.toISOString();
      const throttle = await findLoginThrottle(db, emailHash);
      const user = await findUserByEmail(db, email);
      const locked = throttle?.locked_until != null && throttle.locked_until > atIso;
      // Always spend one argon2 verification, so neither a lock nor an unknown email shows in the timing.
      const passwordFits = password.length <= MAX_PASSWORD_LENGTH * 4;
      const matches =
        user?.password_hash && passwordFits
          ? await verifyPassword(user.password_hash, password)
          : await verifyAgainstNothing(passwordFits ? password : '');

      if (locked) {
        await db.transaction().execute((trx) =>
          appendAuditEvent(trx, {
            at: atIso,
            actorUserId: null,
            actorEmail: null,
            action: 'sign-in.refused-locked',
            recordType: 'user',
            recordId: user ? String(user.id) : null,
            before: null,
            after: { email, lockedUntil: throttle.locked_until },
          }),
        );
        return { ok: false, reason: 'locked' };
      }
      if (user && matches) {
        await db.transaction().execute(async (trx) => {
          await clearLoginThrottle(trx, emailHash);
          await appendAuditEvent(trx, {
            at: atIso,
            actorUserId: user.id,
            actorEmail: user.email,
            action: 'sign-in',
            recordType: 'user',
            recordId: String(user.id),
            before: null,
            after: { method: 'password' },
          });
        });
        await deleteExpiredSessions(db, atIso, new Date(at.getTime() - sessions.idleMinutes * 60_000).toISOString());
        return {
          ok: true,
          sessionId: await startSession(user.id, 'password', at, options.replacing),
          actor: toActor(user),
        };
      }
      const windowOpen =
        throttle !== undefined &&
        Date.parse(throttle.window_started_at) + lockout.windowMinutes * 60_000 > at.getTime();
      const failures = windowOpen ? throttle.failures + 1 : 1;
      const lockNow = failures >= lockout.maxFailures;
      const lockedUntil = lockNow ? new Date(at.getTime() + lockout.lockMinutes * 60_000).toISOString() : null;
      await db.transaction().execute(async (trx) => {
        await saveLoginThrottle(trx, {
          email_hash: emailHash,
          failures: lockNow ? 0 : failures,
          window_started_at: windowOpen ? throttle.window_started_at : atIso,
          locked_until: lockedUntil,
        });
        const recordId = user ? String(user.id) : null;
        await appendAuditEvent(trx, {
          at: atIso,
          actorUserId: null,
          actorEmail: null,
          action: 'sign-in.failed',
          recordType: 'user',
          recordId,
          before: null,
          after: { email, method: 'password', failures },
        });
        if (lockNow)
          await appendAuditEvent(trx, {
            at: atIso,
            actorUserId: null,
            actorEmail: null,
            action: 'sign-in.locked',
            recordType: 'user',
            recordId,
            before: null,
            after: { email, lockedUntil },
          });
      });
      return { ok: false, reason: lockNow ? 'locked' : 'invalid' };
    },

    async signInWithSso(emailInput, options = {}) {
      const email = normaliseEmail(emailInput);
      const at = now();
      const user = await findUserByEmail(db, email);
      await db.transaction().execute((trx) =>
        appendAuditEvent(trx, {
          at: at.toISOString(),
          actorUserId: user?.id ?? null,
          actorEmail: user?.email ?? null,
          action: user ? 'sign-in' : 'sign-in.failed',
          recordType: 'user',
          recordId: user ? String(user.id) : null,
          before: null,
          after: {
            method: 'oidc',
            email,
            issuer: options.issuer ?? null,
            ...(user ? {} : { reason: 'no user with this email' }),
          },
        }),
      );
      if (!user) return { ok: false, reason: 'not-added' };
      return { ok: true, sessionId: await startSession(user.id, 'oidc', at, options.replacing), actor: toActor(user) };
    },

    async sessionActor(sessionId) {
      if (!sessionId) return null;
      const idHash = sha256Hex(sessionId);
      const found = await findSessionWithUser(db, idHash);
      if (!found) return null;
      const { session: row, user } = found;
      const at = now();
      const idleEnd = Date.parse(row.last_seen_at) + sessions.idleMinutes * 60_000;
      if (at.toISOString() >= row.expires_at || at.getTime() >= idleEnd) {
        await deleteSessionRow(db, idHash);
        return null;
      }
      if (!user) return null;
      if (at.getTime() - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS)
        await touchSession(db, idHash, at.toISOString());
      return { actor: toActor(user), sessionKey: idHash };
    },

    async signOut(sessionId) {
      if (!sessionId) return;
      const idHash = sha256Hex(sessionId);
      const row = await findSessionRow(db, idHash);
      if (!row) return;
      await db.transaction().execute(async (trx) => {
        await deleteSessionRow(trx, idHash);
        await appendAuditEvent(trx, {
          at: now().toISOString(),
          actorUserId: row.user_id,
          actorEmail: (await findUserById(trx, row.user_id))?.email ?? null,
          action: 'sign-out',
          recordType: 'user',
          recordId: String(row.user_id),
          before: null,
          after: null,
        });
      });
    },

    async signOutEverywhere(actor) {
      return db.transaction().execute(async (trx) => {
        const ended = await deleteUserSessions(trx, actor.userId);
        await appendAuditEvent(trx, {
          at: now().toISOString(),
          ...auditActor(actor),
          action: 'sign-out.everywhere',
          recordType: 'user',
          recordId: String(actor.userId),
          before: null,
          after: { sessionsEnded: ended },
        });
        return ended;
      });
    },

    async tokenActor(token) {
      if (!token || token.length > 200) return null;
      const row = await findLiveApiToken(db, sha256Hex(token));
      if (!row) return null;
      const user = await findUserById(db, row.user_id);
      if (!user) return null;
      const at = now();
      if (row.last_used_at === null || at.getTime() - Date.parse(row.last_used_at) >= TOUCH_EVERY_MS)
        await markApiTokenUsed(db, row.id, at.toISOString());
      return toActor(user);
    },

    async passwordLinkUsable(secret) {
      return (await findUsablePasswordLink(db, sha256Hex(secret), now().toISOString())) !== undefined;
    },

    async setPasswordWithLink(secret, password) {
      const tokenHash = sha256Hex(secret);
      const atIso = now().toISOString();
      const link = await findUsablePasswordLink(db, tokenHash, atIso);
      if (!link)
        throw new NotFoundError(
          'This link to set a password has expired or has been used. Ask an administrator for a new one.',
          'link-expired',
        );
      const user = await findUserById(db, link.user_id);
      if (!user)
        throw new NotFoundError(
          'This link to set a password has expired or has been used. Ask an administrator for a new one.',
          'link-expired',
        );
      const problem = passwordProblem(password, { email: user.email });
      if (problem) throw new ValidationError(problem, 'weak-password');
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        if (!(await markPasswordLinkUsed(trx, tokenHash, atIso)))
          throw new NotFoundError(
            'This link to set a password has been used. Ask an administrator for a new one.',
            'link-expired',
          );
        await updatePasswordHash(trx, user.id, passwordHash, atIso);
        const ended = await deleteUserSessions(trx, user.id);
        await appendAuditEvent(trx, {
          at: atIso,
          actorUserId: user.id,
          actorEmail: user.email,
          action: 'user.set-password',
          recordType: 'user',
          recordId: String(user.id),
          before: null,
          after: { sessionsEnded: ended },
        });
      });
    },
  };
}
