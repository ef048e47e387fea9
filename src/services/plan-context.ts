/**
 * What the plan services share: the store, the clock, the views kept by plan version, and the audit
 * row every change writes in its transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import { todayIso, type IsoDate } from '../calendar/index.ts';
import type { Actor } from '../domain/actor.ts';
import { StaleWriteError } from '../errors.ts';
import { appendAuditEvent, type Database } from '../store/index.ts';
import { auditActor } from './accounts.service.ts';
import type { PlanViewCache } from './plan-view-cache.ts';

export interface PlanContext {
  readonly db: Kysely<Database>;
  readonly now: () => Date;
  /** The views of the pages read most, kept by plan version (plan-view-cache.ts). */
  readonly views: PlanViewCache;
}

export const nowIso = (context: PlanContext): string => context.now().toISOString();
export const today = (context: PlanContext): IsoDate => todayIso(context.now());

export type AuditedRecord =
  | 'plan'
  | 'plan-item'
  | 'action'
  | 'milestone'
  | 'measure'
  | 'measure-value'
  | 'update'
  | 'evidence'
  | 'plan-version'
  | 'sign-off';

export async function auditPlanChange(
  trx: Transaction<Database>,
  actor: Actor,
  at: string,
  change: { action: string; recordType: AuditedRecord; recordId: number | string; before: unknown; after: unknown },
): Promise<void> {
  await appendAuditEvent(trx, {
    at,
    ...auditActor(actor),
    action: change.action,
    recordType: change.recordType,
    recordId: String(change.recordId),
    before: change.before,
    after: change.after,
  });
}

/** The refusal of a write whose version is no longer current: nothing was written; the current resource goes back. */
export function staleWrite(
  what: string,
  basedOnVersion: number,
  current: { readonly version: number },
): StaleWriteError {
  return new StaleWriteError(
    `This ${what} has changed since you read it (you had version ${basedOnVersion}; it is now at version ${current.version}). Nothing was saved: compare your change with the newer content and try again.`,
    current,
    current.version,
  );
}
