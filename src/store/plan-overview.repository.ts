/**
 * What the plan page shows of a plan, read in one go: its items, its actions with their item links
 * and milestones (a RAG rating needs them), how many measures each action has, and the plan's
 * frozen versions (their heads, for the progress report's "changed since"). No measure values,
 * updates or evidence: the page does not show them.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.ts';
import { listPlanVersionHeads, loadPlanOutlineRows, planActionIds, type PlanOutlineRows } from './plan.repository.ts';
import type { PlanRow, PlanVersionRow } from './plans.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface PlanOverviewRows extends PlanOutlineRows {
  readonly plan: PlanRow;
  /** Measures per action, by action id (actions without a measure are absent). */
  readonly measureCounts: ReadonlyMap<number, number>;
  /** The frozen versions, oldest first, without their content. */
  readonly versions: readonly Omit<PlanVersionRow, 'content_json'>[];
}

export async function loadPlanOverviewRows(db: Db, plan: PlanRow): Promise<PlanOverviewRows> {
  const [outline, counts, versions] = await Promise.all([
    loadPlanOutlineRows(db, plan.id),
    db
      .selectFrom('plan_measure')
      .select((eb) => ['action_id', eb.fn.countAll().as('measures')])
      .where('action_id', 'in', planActionIds(db, plan.id))
      .groupBy('action_id')
      .execute(),
    listPlanVersionHeads(db, plan.id),
  ]);
  const measureCounts = new Map(counts.map((row) => [row.action_id, Number(row.measures)]));
  return { plan, ...outline, measureCounts, versions };
}
