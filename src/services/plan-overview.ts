/**
 * The plan page's view of a plan, from one read (store/plan-overview.repository.ts): the plan as
 * `getPlan` gives it, and each action as `listActions` gives what the page shows of it (its RAG
 * rating and how many measures it has), without measure values, updates or evidence.
 */
import type { IsoDate } from '../calendar/index.ts';
import { effectiveRag, type Action, type EffectiveRag } from '../plans/index.ts';
import type { PlanOverviewRows } from '../store/index.ts';
import {
  groupBy,
  toAction,
  toMilestone,
  toPlanView,
  toVersionHead,
  type PlanVersionHead,
  type PlanView,
} from './plan-views.ts';

export interface ActionOverview extends Action {
  readonly planId: number;
  readonly version: number;
  readonly rag: EffectiveRag;
  readonly measureCount: number;
}

export interface PlanOverview {
  readonly plan: PlanView;
  readonly actions: readonly ActionOverview[];
  /** The frozen versions, oldest first, as listVersions gives them. */
  readonly versions: readonly PlanVersionHead[];
}

export function toPlanOverview(rows: PlanOverviewRows, asAt: IsoDate): PlanOverview {
  const plan = toPlanView({
    plan: rows.plan,
    items: rows.items,
    links: rows.links,
    actionCount: rows.actions.length,
    measuredActionCount: rows.actions.filter((action) => rows.measureCounts.has(action.id)).length,
  });
  const linksOf = groupBy(rows.links, (link) => link.action_id);
  const milestonesOf = groupBy(rows.milestones, (row) => row.action_id);
  const actions = rows.actions.map((row) => {
    const action = toAction(
      row,
      (linksOf.get(row.id) ?? []).map((link) => link.item_id),
    );
    const milestones = (milestonesOf.get(row.id) ?? []).map(toMilestone);
    return {
      ...action,
      planId: row.plan_id,
      version: row.version,
      rag: effectiveRag(action, milestones, asAt),
      measureCount: rows.measureCounts.get(row.id) ?? 0,
    };
  });
  return { plan, actions, versions: rows.versions.map((row) => toVersionHead(row, rows.plan)) };
}
