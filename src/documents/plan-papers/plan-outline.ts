/**
 * A plan laid out for its papers: the report's recommendations first, in the report's order
 * ("R1", "R2"), then the council's own items ("W1": wider areas for improvement); each action under
 * the first item it serves, numbered within it ("R1.2"), with its effective RAG rating at the date,
 * its milestones, its measures' progress and its latest update. The Word and Excel action plans and
 * the progress report all use the same references. Pure.
 */
import { formatUkDate, type IsoDate } from '../../calendar/index.ts';
import {
  effectiveRag,
  measureProgress,
  type Action,
  type ActionUpdate,
  type EffectiveRag,
  type Measure,
  type MeasureProgress,
  type Milestone,
  type Owner,
  type PlanContent,
  type PlanItem,
  type RagRating,
} from '../../plans/index.ts';

export interface OutlinedMeasure {
  readonly measure: Measure;
  readonly progress: MeasureProgress;
}

export interface OutlinedAction {
  readonly action: Action;
  readonly ref: string;
  /** The references of every item it serves, its own first. */
  readonly itemRefs: readonly string[];
  readonly rag: EffectiveRag;
  readonly overdue: boolean;
  readonly milestones: readonly Milestone[];
  readonly measures: readonly OutlinedMeasure[];
  readonly latestUpdate: ActionUpdate | null;
}

export interface OutlinedItem {
  readonly item: PlanItem;
  readonly ref: string;
  /** "Recommendation 2", "Area for priority action 1" or "Wider area for improvement 1". */
  readonly label: string;
  /** The label with the item's own title when it says more: "Recommendation 2: Management oversight". */
  readonly heading: string;
  /** The actions listed under it (those whose first item it is). */
  readonly actions: readonly OutlinedAction[];
  /** Actions listed under an earlier item that serve this one too. */
  readonly alsoServedBy: readonly OutlinedAction[];
}

export interface PlanOutline {
  readonly asAt: IsoDate;
  readonly items: readonly OutlinedItem[];
  /** Every action, in the order of the items. */
  readonly actions: readonly OutlinedAction[];
  /** Actions that name no item the plan holds (listed last, "U1", "U2"). */
  readonly unplaced: readonly OutlinedAction[];
}

export const RAG_WORDS: Readonly<Record<RagRating, string>> = { red: 'Red', amber: 'Amber', green: 'Green' };
const DELIVERED = new Set(['complete', 'signed off', 'awaiting sign-off']);

export function ownerText(owner: Owner): string {
  return owner.kind === 'person' ? owner.name : `${owner.name} (${owner.kind})`;
}

export const ukDate = (date: IsoDate | null): string => (date === null ? '' : formatUkDate(date));

/** A value with its unit: "82%", "8 days". */
export function withUnit(value: number, unit: string): string {
  const number = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return unit === '%' ? `${number}%` : unit ? `${number} ${unit}` : number;
}

function byDate<T extends { readonly date: IsoDate; readonly id: number }>(a: T, b: T): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;
}

export function outlinePlan(content: PlanContent, asAt: IsoDate): PlanOutline {
  // A focused visit's areas for priority action come first ("P1"), then the recommendations ("R1").
  const listRank = (item: PlanItem) => (item.recommendation?.list === 'priority' ? 0 : 1);
  const recommendations = content.items
    .filter((item) => item.recommendation !== null)
    .sort(
      (a, b) =>
        listRank(a) - listRank(b) ||
        (a.recommendation?.position ?? 0) - (b.recommendation?.position ?? 0) ||
        a.id - b.id,
    );
  const own = content.items.filter((item) => item.recommendation === null).sort((a, b) => a.id - b.id);
  const refs = new Map<number, { ref: string; label: string }>();
  recommendations.forEach((item) =>
    refs.set(
      item.id,
      listRank(item) === 0
        ? {
            ref: `P${item.recommendation?.position}`,
            label: `Area for priority action ${item.recommendation?.position}`,
          }
        : { ref: `R${item.recommendation?.position}`, label: `Recommendation ${item.recommendation?.position}` },
    ),
  );
  own.forEach((item, index) =>
    refs.set(item.id, { ref: `W${index + 1}`, label: `Wider area for improvement ${index + 1}` }),
  );

  const outlineAction = (action: Action, ref: string): OutlinedAction => {
    const rag = effectiveRag(action, content.milestones, asAt);
    const updates = content.updates
      .filter((update) => update.actionId === action.id && update.date <= asAt)
      .sort(byDate);
    return {
      action,
      ref,
      itemRefs: action.itemIds.flatMap((id) => refs.get(id)?.ref ?? []),
      rag,
      overdue: !DELIVERED.has(action.status) && action.dueDate < asAt,
      milestones: content.milestones
        .filter((milestone) => milestone.actionId === action.id)
        .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id)),
      measures: content.measures
        .filter((measure) => measure.actionId === action.id)
        .sort((a, b) => a.id - b.id)
        .map((measure) => ({ measure, progress: measureProgress(measure, content.values, asAt) })),
      latestUpdate: updates.at(-1) ?? null,
    };
  };

  const sortedActions = [...content.actions].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id,
  );
  const placed = new Map<number, OutlinedAction>();
  const items: OutlinedItem[] = [...recommendations, ...own].map((item) => {
    const { ref, label } = refs.get(item.id) as { ref: string; label: string };
    const mine = sortedActions.filter((action) => action.itemIds.find((id) => refs.has(id)) === item.id);
    const actions = mine.map((action, index) => {
      const outlined = outlineAction(action, `${ref}.${index + 1}`);
      placed.set(action.id, outlined);
      return outlined;
    });
    const heading =
      item.title.trim().toLowerCase() === label.toLowerCase() || item.title.trim() === ''
        ? label
        : `${label}: ${item.title}`;
    return { item, ref, label, heading, actions, alsoServedBy: [] as OutlinedAction[] };
  });
  const withAlso = items.map((entry) => ({
    ...entry,
    alsoServedBy: sortedActions
      .filter(
        (action) => action.itemIds.includes(entry.item.id) && !entry.actions.some((own) => own.action.id === action.id),
      )
      .flatMap((action) => placed.get(action.id) ?? []),
  }));
  const unplaced = sortedActions
    .filter((action) => !placed.has(action.id))
    .map((action, index) => outlineAction(action, `U${index + 1}`));
  return { asAt, items: withAlso, actions: [...withAlso.flatMap((entry) => entry.actions), ...unplaced], unplaced };
}

/** How many actions hold each rating. */
export function ragCounts(actions: readonly OutlinedAction[]): Readonly<Record<RagRating, number>> {
  const counts = { red: 0, amber: 0, green: 0 };
  for (const entry of actions) counts[entry.rag.rating] += 1;
  return counts;
}
