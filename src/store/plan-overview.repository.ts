/**
 * What the plan page shows of a plan, read in one go: its items, its actions with their item links
 * and milestones (a RAG rating needs them), and how many measures each action has. No measure
 * values, updates or evidence: the page does not show them.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.ts';
import type { PlanActionRow, PlanItemRow, PlanMilestoneRow, PlanRow } from './plans.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface PlanOverviewRows {
  readonly plan: PlanRow;
  readonly items: readonly PlanItemRow[];
  readonly actions: readonly PlanActionRow[];
  readonly links: readonly { action_id: number; item_id: number }[];
  readonly milestones: readonly PlanMilestoneRow[];
  /** Measures per action, by action id (actions without a measure are absent). */
  readonly measureCounts: ReadonlyMap<number, number>;
}

export async function loadPlanOverviewRows(db: Db, plan: PlanRow): Promise<PlanOverviewRows> {
  const planId = plan.id;
  const actionIds = (eb: Db) => eb.selectFrom('plan_action').select('id').where('plan_id', '=', planId);
  const [items, actions, links, milestones, counts] = await Promise.all([
    db.selectFrom('plan_item').selectAll().where('plan_id', '=', planId).orderBy('position').orderBy('id').execute(),
    db.selectFrom('plan_action').selectAll().where('plan_id', '=', planId).orderBy('id').execute(),
    db
      .selectFrom('plan_action_item')
      .select(['action_id', 'item_id'])
      .where('action_id', 'in', actionIds(db))
      .orderBy('action_id')
      .orderBy('item_id')
      .execute(),
    db
      .selectFrom('plan_milestone')
      .selectAll()
      .where('action_id', 'in', actionIds(db))
      .orderBy('due_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('plan_measure')
      .select((eb) => ['action_id', eb.fn.countAll().as('measures')])
      .where('action_id', 'in', actionIds(db))
      .groupBy('action_id')
      .execute(),
  ]);
  const measureCounts = new Map(counts.map((row) => [row.action_id, Number(row.measures)]));
  return { plan, items, actions, links, milestones, measureCounts };
}
