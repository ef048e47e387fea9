/**
 * Coverage of a plan: every item has at least one action and every action at least one measure.
 * The gaps come first on the plan page and block submission. Pure.
 */
import type { Action, Measure, PlanItem } from './types.ts';

export interface Coverage {
  readonly items: number;
  readonly itemsWithAction: number;
  readonly actions: number;
  readonly actionsWithMeasure: number;
}

export interface CoverageGaps {
  readonly itemsWithoutAction: readonly PlanItem[];
  readonly actionsWithoutMeasure: readonly Action[];
  /** Actions that name an item the plan does not hold (a broken link, not a coverage gap). */
  readonly actionsWithUnknownItems: readonly Action[];
}

export interface CoverageReport {
  readonly coverage: Coverage;
  readonly gaps: CoverageGaps;
  /** True when there is no gap of any kind: the plan may be submitted. */
  readonly complete: boolean;
}

export function planCoverage(
  items: readonly PlanItem[],
  actions: readonly Action[],
  measures: readonly Measure[],
): CoverageReport {
  const itemIds = new Set(items.map((item) => item.id));
  const served = new Set(actions.flatMap((action) => action.itemIds));
  const measured = new Set(measures.map((measure) => measure.actionId));
  const itemsWithoutAction = items.filter((item) => !served.has(item.id));
  const actionsWithoutMeasure = actions.filter((action) => !measured.has(action.id));
  const actionsWithUnknownItems = actions.filter(
    (action) => action.itemIds.length === 0 || action.itemIds.some((id) => !itemIds.has(id)),
  );
  return {
    coverage: {
      items: items.length,
      itemsWithAction: items.length - itemsWithoutAction.length,
      actions: actions.length,
      actionsWithMeasure: actions.length - actionsWithoutMeasure.length,
    },
    gaps: { itemsWithoutAction, actionsWithoutMeasure, actionsWithUnknownItems },
    complete:
      itemsWithoutAction.length === 0 && actionsWithoutMeasure.length === 0 && actionsWithUnknownItems.length === 0,
  };
}

/** The gaps in words, one line each, as the submission refusal lists them. */
export function describeGaps(gaps: CoverageGaps): string[] {
  return [
    ...gaps.itemsWithoutAction.map((item) => `Item ${item.id} ("${item.title}") has no action.`),
    ...gaps.actionsWithoutMeasure.map((action) => `Action ${action.id} ("${action.title}") has no measure.`),
    ...gaps.actionsWithUnknownItems.map((action) =>
      action.itemIds.length === 0
        ? `Action ${action.id} ("${action.title}") serves no item.`
        : `Action ${action.id} ("${action.title}") names an item that is not in the plan.`,
    ),
  ];
}
