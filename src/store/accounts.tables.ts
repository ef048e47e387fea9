/** Table types of the accounts migration (2026_12_01_0005): users, sessions, tokens, links, throttling, audit. */
import type { Generated, Selectable } from 'kysely';

export type RoleColumn = 'admin' | 'editor' | 'viewer';

export interface AppUserTable {
  id: Generated<number>;
  /** Normalised: trimmed and lower-case. */
  email: string;
  name: string;
  role: RoleColumn;
  /** An argon2id PHC string; null until a password is set (or for single sign-on only). */
  password_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserCouncilTable {
  user_id: number;
  urn: string;
}

export interface UserSessionTable {
  /** sha256 of the session id, hex: the id itself is only ever in the person's cookie. */
  id_hash: string;
  user_id: number;
  /** How they signed in: 'password' or 'oidc'. */
  method: string;
  created_at: string;
  last_seen_at: string;
  /** The absolute end, whatever the activity. */
  expires_at: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  label: string;
  /** sha256 of the token, hex. */
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface PasswordLinkTable {
  /** sha256 of the link's secret, hex. */
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginThrottleTable {
  /** sha256 of the normalised email typed, hex: kept for unknown emails too, so nothing tells them apart. */
  email_hash: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  /** Null for the command line and for people not signed in (failed sign-ins). */
  actor_user_id: number | null;
  actor_email: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface AccountTables {
  app_user: AppUserTable;
  user_council: UserCouncilTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  password_link: PasswordLinkTable;
  login_throttle: LoginThrottleTable;
  audit_event: AuditEventTable;
}

export type AppUserRow = Selectable<AppUserTable>;
export type UserSessionRow = Selectable<UserSessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type PasswordLinkRow = Selectable<PasswordLinkTable>;
export type LoginThrottleRow = Selectable<LoginThrottleTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
