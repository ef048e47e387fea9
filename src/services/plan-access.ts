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

/** The check itself, on a plan row already read (or undefined: not found). */
export function checkPlanAccess(
  actor: Actor | null,
  plan: PlanRow | undefined,
  need: Need,
  hidden: NotFoundError,
): PlanRow {
  const who = requireActor(actor);
  if (plan === undefined || !canReadCouncil(who, plan.urn)) throw hidden;
  if (need === 'write') {
    if (!canWriteCouncil(who, plan.urn))
      throw new ForbiddenError('You can read this plan but not change it: ask one of your council’s editors.');
    if (plan.status === 'closed')
      throw new ConflictError('This plan is closed: it takes no more changes.', 'plan-closed');
  }
  return plan;
}

function notFound(what: string, id: number, code: ErrorCode): NotFoundError {
  return new NotFoundError(`There is no ${what} ${id}.`, code);
}

export async function planFor(db: Db, actor: Actor | null, planId: number, need: Need): Promise<PlanRow> {
  requireActor(actor);
  const plan = Number.isSafeInteger(planId) ? await findPlanRow(db, planId) : undefined;
  return checkPlanAccess(actor, plan, need, notFound('plan', planId, 'unknown-plan'));
}

async function through<T extends { plan_id: number }>(
  db: Db,
  actor: Actor | null,
  row: T | undefined,
  need: Need,
  hidden: NotFoundError,
): Promise<{ row: T; plan: PlanRow }> {
  requireActor(actor);
  if (row === undefined) throw hidden;
  const plan = checkPlanAccess(actor, await findPlanRow(db, row.plan_id), need, hidden);
  return { row, plan };
}

export async function itemFor(
  db: Db,
  actor: Actor | null,
  id: number,
  need: Need,
): Promise<{ row: PlanItemRow; plan: PlanRow }> {
  requireActor(actor);
  return through(
    db,
    actor,
    Number.isSafeInteger(id) ? await findPlanItemRow(db, id) : undefined,
    need,
    notFound('plan item', id, 'unknown-plan-item'),
  );
}

export async function actionFor(
  db: Db,
  actor: Actor | null,
  id: number,
  need: Need,
): Promise<{ row: PlanActionRow; plan: PlanRow }> {
  requireActor(actor);
  return through(
    db,
    actor,
    Number.isSafeInteger(id) ? await findPlanActionRow(db, id) : undefined,
    need,
    notFound('action', id, 'unknown-action'),
  );
}

/** A record that hangs off an action (a milestone, a measure, an update): found through its action's plan. */
async function underAction<T extends { action_id: number }>(
  db: Db,
  actor: Actor | null,
  row: T | undefined,
  need: Need,
  hidden: NotFoundError,
): Promise<{ row: T; action: PlanActionRow; plan: PlanRow }> {
  requireActor(actor);
  if (row === undefined) throw hidden;
  const action = await findPlanActionRow(db, row.action_id);
  const plan = checkPlanAccess(actor, action ? await findPlanRow(db, action.plan_id) : undefined, need, hidden);
  return { row, action: action as PlanActionRow, plan };
}

export async function milestoneFor(
  db: Db,
  actor: Actor | null,
  id: number,
  need: Need,
): Promise<{ row: PlanMilestoneRow; action: PlanActionRow; plan: PlanRow }> {
  requireActor(actor);
  return underAction(
    db,
    actor,
    Number.isSafeInteger(id) ? await findPlanMilestoneRow(db, id) : undefined,
    need,
    notFound('milestone', id, 'unknown-milestone'),
  );
}

export async function measureFor(
  db: Db,
  actor: Actor | null,
  id: number,
  need: Need,
): Promise<{ row: PlanMeasureRow; action: PlanActionRow; plan: PlanRow }> {
  requireActor(actor);
  return underAction(
    db,
    actor,
    Number.isSafeInteger(id) ? await findPlanMeasureRow(db, id) : undefined,
    need,
    notFound('measure', id, 'unknown-measure'),
  );
}

export async function updateFor(
  db: Db,
  actor: Actor | null,
  id: number,
  need: Need,
): Promise<{ row: PlanUpdateRow; action: PlanActionRow; plan: PlanRow }> {
  requireActor(actor);
  return underAction(
    db,
    actor,
    Number.isSafeInteger(id) ? await findPlanUpdateRow(db, id) : undefined,
    need,
    notFound('update', id, 'unknown-action'),
  );
}

export async function evidenceFor(
  db: Db,
  actor: Actor | null,
  id: number,
  need: Need,
): Promise<{ row: PlanEvidenceRow; plan: PlanRow }> {
  requireActor(actor);
  return through(
    db,
    actor,
    Number.isSafeInteger(id) ? await findPlanEvidenceRow(db, id) : undefined,
    need,
    notFound('evidence file', id, 'unknown-evidence'),
  );
}
