/**
 * Who may read and write a plan, decided here for every plan method: no actor → 401; a plan of a
 * council the actor cannot see (or no such plan) → 404, so a plan's existence is never confirmed;
 * seen but not writable (a viewer) → 403;
 * a closed plan takes no writes (409). Records (items, actions, measures, ...) are found through
 * their plan, so the same rule covers them.
 */
import type { Kysely, Transaction } from 'kysely';
import { canReadCouncil, canWriteCouncil, type Actor } from '../domain/actor.ts';
import { ConflictError, ForbiddenError, NotAuthenticatedError, NotFoundError, type ErrorCode } from '../errors.ts';
import {
  findPlanActionRow,
  findPlanEvidenceRow,
  findPlanItemRow,
  findPlanMeasureRow,
  findPlanMilestoneRow,
  findPlanRow,
  findPlanUpdateRow,
  type Database,
  type PlanActionRow,
  type PlanEvidenceRow,
  type PlanItemRow,
  type PlanMeasureRow,
  type PlanMilestoneRow,
  type PlanRow,
  type PlanUpdateRow,
} from '../store/index.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type Need = 'read' | 'write';

export function requireActor(actor: Actor | null): Actor {
  if (actor === null) throw new NotAuthenticatedError('Sign in (or send an API token) to see improvement plans.');
  return actor;
}

/**
 * The check itself, on a plan row already read (or undefined: not found). `hidden` makes the 404
 * to give, only when one is given (an error costs its stack trace to make).
 */
export function checkPlanAccess(
  actor: Actor | null,
  plan: PlanRow | undefined,
  need: Need,
  hidden: () => NotFoundError,
): PlanRow {
  const who = requireActor(actor);
  if (plan === undefined || !canReadCouncil(who, plan.urn)) throw hidden();
  if (need === 'write') {
    if (!canWriteCouncil(who, plan.urn))
      throw new ForbiddenError('You can read this plan but not change it: ask one of your council’s editors.');
    if (plan.status === 'closed')
      throw new ConflictError('This plan is closed: it takes no more changes.', 'plan-closed');
  }
  return plan;
}

function notFound(what: string, id: number, code: ErrorCode): () => NotFoundError {
  return () => new NotFoundError(`There is no ${what} ${id}.`, code);
}

type Lookup<R> = (db: Db, actor: Actor | null, id: number, need: Need) => Promise<R>;
type Finder<T> = (db: Db, id: number) => Promise<T | undefined>;

/** A record found by id (none for an id that is not a safe integer), after the actor is known. */
async function lookUp<T>(db: Db, actor: Actor | null, id: number, find: Finder<T>): Promise<T | undefined> {
  requireActor(actor);
  return Number.isSafeInteger(id) ? find(db, id) : undefined;
}

export async function planFor(db: Db, actor: Actor | null, planId: number, need: Need): Promise<PlanRow> {
  const plan = await lookUp(db, actor, planId, findPlanRow);
  return checkPlanAccess(actor, plan, need, notFound('plan', planId, 'unknown-plan'));
}

/** The lookup of a record that belongs to a plan directly (an item, an action, an evidence file). */
function onPlan<T extends { plan_id: number }>(
  find: Finder<T>,
  what: string,
  code: ErrorCode,
): Lookup<{ row: T; plan: PlanRow }> {
  return async (db, actor, id, need) => {
    const row = await lookUp(db, actor, id, find);
    const hidden = notFound(what, id, code);
    if (row === undefined) throw hidden();
    const plan = checkPlanAccess(actor, await findPlanRow(db, row.plan_id), need, hidden);
    return { row, plan };
  };
}

/** The lookup of a record that hangs off an action (a milestone, a measure, an update): found through its action's plan. */
function onAction<T extends { action_id: number }>(
  find: Finder<T>,
  what: string,
  code: ErrorCode,
): Lookup<{ row: T; action: PlanActionRow; plan: PlanRow }> {
  return async (db, actor, id, need) => {
    const row = await lookUp(db, actor, id, find);
    const hidden = notFound(what, id, code);
    if (row === undefined) throw hidden();
    const action = await findPlanActionRow(db, row.action_id);
    const plan = checkPlanAccess(actor, action ? await findPlanRow(db, action.plan_id) : undefined, need, hidden);
    return { row, action: action as PlanActionRow, plan };
  };
}

export const itemFor = onPlan<PlanItemRow>(findPlanItemRow, 'plan item', 'unknown-plan-item');
export const actionFor = onPlan<PlanActionRow>(findPlanActionRow, 'action', 'unknown-action');
export const evidenceFor = onPlan<PlanEvidenceRow>(findPlanEvidenceRow, 'evidence file', 'unknown-evidence');
export const milestoneFor = onAction<PlanMilestoneRow>(findPlanMilestoneRow, 'milestone', 'unknown-milestone');
export const measureFor = onAction<PlanMeasureRow>(findPlanMeasureRow, 'measure', 'unknown-measure');
export const updateFor = onAction<PlanUpdateRow>(findPlanUpdateRow, 'update', 'unknown-action');
