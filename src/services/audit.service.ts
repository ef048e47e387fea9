/** Reading the audit trail: admins only, newest first, filtered; CSV for export. */
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/actor.ts';
import { listAuditEventRows, type AuditFilter, type Database } from '../store/index.ts';
import { toAuditEventView, type AuditEventView } from './account-views.ts';
import { requireAdmin } from './accounts.service.ts';

export type { AuditFilter };

export interface AuditService {
  list(actor: Actor | null, filter?: AuditFilter): Promise<AuditEventView[]>;
}

export function createAuditService(db: Kysely<Database>): AuditService {
  return {
    async list(actor, filter = {}) {
      requireAdmin(actor);
      return (await listAuditEventRows(db, filter)).map(toAuditEventView);
    },
  };
}
