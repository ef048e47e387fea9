/**
 * SQL for the audit trail: append and read, never change (the database refuses UPDATE and DELETE).
 * Callers pass the transaction of the change, so the change and its audit row commit together.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AuditEventRow } from './accounts.tables.ts';
import type { Database } from './database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewAuditEvent {
  readonly at: string;
  readonly actorUserId: number | null;
  readonly actorEmail: string | null;
  readonly action: string;
  readonly recordType: string;
  readonly recordId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditFilter {
  readonly action?: string;
  readonly actorEmail?: string;
  readonly recordType?: string;
  readonly recordId?: string;
  /** Inclusive ISO dates or times. */
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export async function appendAuditEvent(trx: Transaction<Database>, event: NewAuditEvent): Promise<void> {
  await trx
    .insertInto('audit_event')
    .values({
      at: event.at,
      actor_user_id: event.actorUserId,
      actor_email: event.actorEmail,
      action: event.action,
      record_type: event.recordType,
      record_id: event.recordId,
      before_json: json(event.before),
      after_json: json(event.after),
    })
    .execute();
}

/** Newest first. */
export async function listAuditEventRows(db: Db, filter: AuditFilter = {}): Promise<AuditEventRow[]> {
  let query = db.selectFrom('audit_event').selectAll();
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.actorEmail) query = query.where('actor_email', '=', filter.actorEmail);
  if (filter.recordType) query = query.where('record_type', '=', filter.recordType);
  if (filter.recordId) query = query.where('record_id', '=', filter.recordId);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<=', filter.to.length === 10 ? `${filter.to}T23:59:59.999Z` : filter.to);
  return query
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 1000)
    .execute();
}
