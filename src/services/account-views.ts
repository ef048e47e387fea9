/** What accounts look like outside the store: users, tokens and audit events without secrets or hashes. */
import type { Actor, Role } from '../domain/actor.ts';
import type { ApiTokenRecord, AuditEventRow, UserRecord } from '../store/index.ts';

export interface UserView {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly councils: readonly string[];
  readonly hasPassword: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ApiTokenView {
  readonly id: number;
  readonly userId: number;
  readonly email: string;
  readonly label: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface AuditEventView {
  readonly id: number;
  readonly at: string;
  readonly actorUserId: number | null;
  readonly actorEmail: string | null;
  readonly action: string;
  readonly recordType: string;
  readonly recordId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export function toUserView(user: UserRecord): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    councils: user.councils,
    hasPassword: user.password_hash !== null,
    createdAt: user.created_at,
    updatedAt: user.updated_at,
  };
}

export function toActor(user: UserRecord): Actor {
  return Object.freeze({
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    councils: Object.freeze([...user.councils]),
  });
}

/** What the audit trail keeps of a user: never a password hash. */
export function auditedUser(user: UserRecord | UserView): {
  email: string;
  name: string;
  role: Role;
  councils: readonly string[];
} {
  return { email: user.email, name: user.name, role: user.role, councils: user.councils };
}

export function toApiTokenView(token: ApiTokenRecord): ApiTokenView {
  return {
    id: token.id,
    userId: token.user_id,
    email: token.email,
    label: token.label,
    createdAt: token.created_at,
    lastUsedAt: token.last_used_at,
    revokedAt: token.revoked_at,
  };
}

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

export function toAuditEventView(row: AuditEventRow): AuditEventView {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorEmail: row.actor_email,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    before: parseJson(row.before_json),
    after: parseJson(row.after_json),
  };
}

function csvCell(value: string): string {
  // Quote when needed, and stop spreadsheet formula injection from text that starts with = + - @.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The audit events as CSV, one row each, before and after as JSON text. */
export function auditEventsCsv(events: readonly AuditEventView[]): string {
  const header = ['id', 'at', 'actor_user_id', 'actor_email', 'action', 'record_type', 'record_id', 'before', 'after'];
  const rows = events.map((event) =>
    [
      String(event.id),
      event.at,
      event.actorUserId === null ? '' : String(event.actorUserId),
      event.actorEmail ?? '',
      event.action,
      event.recordType,
      event.recordId ?? '',
      event.before === null ? '' : JSON.stringify(event.before),
      event.after === null ? '' : JSON.stringify(event.after),
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}
