/**
 * What the plan page shows of a plan, read in one go: its items, its actions with their item links
 * and milestones (a RAG rating needs them), and how many measures each action has. No measure
 * values, updates or evidence: the page does not show them.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.ts';
import { loadPlanOutlineRows, planActionIds, type PlanOutlineRows } from './plan.repository.ts';
import type { PlanRow } from './plans.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface PlanOverviewRows extends PlanOutlineRows {
  readonly plan: PlanRow;
  /** Measures per action, by action id (actions without a measure are absent). */
  readonly measureCounts: ReadonlyMap<number, number>;
}

export async function loadPlanOverviewRows(db: Db, plan: PlanRow): Promise<PlanOverviewRows> {
  const [outline, counts] = await Promise.all([
    loadPlanOutlineRows(db, plan.id),
    db
      .selectFrom('plan_measure')
      .select((eb) => ['action_id', eb.fn.countAll().as('measures')])
      .where('action_id', 'in', planActionIds(db, plan.id))
      .groupBy('action_id')
      .execute(),
  ]);
  const measureCounts = new Map(counts.map((row) => [row.action_id, Number(row.measures)]));
  return { plan, ...outline, measureCounts };
}
