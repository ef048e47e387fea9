/**
 * Plans as the services give them out: the pure vocabulary of src/plans (Plan, PlanItem, Action, ...)
 * from the store's rows, each record with the `version` a write must name, and the whole PlanContent
 * that frozen versions store and documents are built from.
 */
import type { IsoDate } from '../calendar/index.ts';
import {
  effectiveRag,
  measureProgress,
  type Action,
  type ActionUpdate,
  type Coverage,
  type EffectiveRag,
  type Measure,
  type MeasureProgress,
  type MeasureValue,
  type Milestone,
  type Plan,
  type PlanContent,
  type PlanItem,
} from '../plans/index.ts';
import type {
  ActionRows,
  PlanActionRow,
  PlanEvidenceRow,
  PlanItemRow,
  PlanMeasureRow,
  PlanMeasureValueRow,
  PlanMilestoneRow,
  PlanHeadRows,
  PlanRow,
  PlanRows,
  PlanUpdateRow,
  PlanVersionRow,
} from '../store/index.ts';

export interface PlanVersionHead {
  readonly planId: number;
  readonly number: number;
  readonly frozenAt: string;
  readonly frozenBy: string;
  /** True for the version the public can read. */
  readonly published: boolean;
}

/** A frozen version as the lists show it: who froze it and when, and whether it is the published one. */
export function toVersionHead(row: Omit<PlanVersionRow, 'content_json'>, plan: PlanRow): PlanVersionHead {
  return {
    planId: row.plan_id,
    number: row.number,
    frozenAt: row.frozen_at,
    frozenBy: row.frozen_by_email,
    published: plan.published_version === row.number,
  };
}

export interface PlanItemView extends PlanItem {
  readonly version: number;
  /** The actions that serve this item, by id. */
  readonly actionIds: readonly number[];
}

export interface PlanView extends Plan {
  /** After a focused visit with areas for priority action: when the draft plan is due (20 working days); else null. */
  readonly draftDueDate: IsoDate | null;
  /** The frozen version the public may read; null until the plan is published. */
  readonly publishedVersion: number | null;
  readonly items: readonly PlanItemView[];
  readonly coverage: Coverage;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One plan in a council's list. */
export interface PlanSummary extends Plan {
  readonly draftDueDate: IsoDate | null;
  readonly publishedVersion: number | null;
  readonly updatedAt: string;
}

export interface MilestoneView extends Milestone {
  readonly version: number;
}

export interface EvidenceView {
  readonly id: number;
  readonly planId: number;
  readonly actionId: number | null;
  readonly updateId: number | null;
  readonly measureId: number | null;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface MeasureView extends Measure {
  readonly version: number;
  readonly values: readonly MeasureValue[];
  /** Distance to target and direction of travel at the as-at date. */
  readonly progress: MeasureProgress;
  readonly evidence: readonly EvidenceView[];
}

export interface UpdateView extends ActionUpdate {
  readonly version: number;
  readonly files: readonly EvidenceView[];
}

export interface ActionView extends Action {
  readonly planId: number;
  readonly version: number;
  /** The RAG rating shown: the derived one with its reason, or the override with its reason. */
  readonly rag: EffectiveRag;
  readonly milestones: readonly MilestoneView[];
  readonly measures: readonly MeasureView[];
  readonly updates: readonly UpdateView[];
  readonly evidence: readonly EvidenceView[];
}

export function toPlan(row: PlanRow): Plan {
  return {
    id: row.id,
    council: row.urn,
    inspectionId: row.inspection_id,
    status: row.status,
    dueDate: row.due_date,
    version: row.version,
  };
}

export function toPlanSummary(row: PlanRow): PlanSummary {
  return {
    ...toPlan(row),
    draftDueDate: row.draft_due_date,
    publishedVersion: row.published_version,
    updatedAt: row.updated_at,
  };
}

export function toPlanItem(row: PlanItemRow): PlanItem {
  const recommendation =
    row.recommendation_list !== null && row.recommendation_position !== null && row.recommendation_text !== null
      ? { list: row.recommendation_list, position: row.recommendation_position, text: row.recommendation_text }
      : null;
  const response = row.response_kind !== null ? { kind: row.response_kind, reason: row.response_reason ?? '' } : null;
  return { id: row.id, recommendation, title: row.title, response };
}

export function toAction(row: PlanActionRow, itemIds: readonly number[]): Action {
  const ragOverride =
    row.rag_override !== null
      ? {
          rating: row.rag_override,
          reason: row.rag_reason ?? '',
          by: row.rag_by ?? '',
          on: row.rag_on ?? row.updated_at.slice(0, 10),
        }
      : null;
  return {
    id: row.id,
    itemIds,
    title: row.title,
    owner: { kind: row.owner_kind, name: row.owner_name },
    startDate: row.start_date,
    dueDate: row.due_date,
    status: row.status,
    ragOverride,
  };
}

export function toMilestone(row: PlanMilestoneRow): Milestone {
  return { id: row.id, actionId: row.action_id, title: row.title, dueDate: row.due_date, metOn: row.met_on };
}

export function toMeasure(row: PlanMeasureRow): Measure {
  return {
    id: row.id,
    actionId: row.action_id,
    what: row.what,
    unit: row.unit,
    betterWhen: row.better_when,
    baseline: { value: Number(row.baseline_value), date: row.baseline_date },
    target: { value: Number(row.target_value), date: row.target_date },
    frequency: row.frequency,
    source: row.source,
  };
}

export function toMeasureValue(row: PlanMeasureValueRow): MeasureValue {
  return { id: row.id, measureId: row.measure_id, date: row.date, value: Number(row.value), comment: row.comment };
}

export function toEvidenceView(row: PlanEvidenceRow): EvidenceView {
  return {
    id: row.id,
    planId: row.plan_id,
    actionId: row.action_id,
    updateId: row.update_id,
    measureId: row.measure_id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** How a file attached to an update is named among its evidence: "file 12: visits.xlsx". */
export function evidenceFileReference(row: Pick<PlanEvidenceRow, 'id' | 'file_name'>): string {
  return `file ${row.id}: ${row.file_name}`;
}

export function toActionUpdate(row: PlanUpdateRow, files: readonly PlanEvidenceRow[]): ActionUpdate {
  const links = JSON.parse(row.evidence_links) as string[];
  return {
    id: row.id,
    actionId: row.action_id,
    date: row.date,
    author: row.author,
    text: row.text,
    status: row.status,
    evidence: [...links, ...files.map(evidenceFileReference)],
  };
}

/** Rows by a key, each group in the order the rows came. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Everything the plan holds, in the pure vocabulary: what is frozen on submission and compared. */
export function toPlanContent(rows: PlanRows): PlanContent {
  const itemsOf = groupBy(rows.links, (link) => link.action_id);
  const filesOfUpdate = groupBy(
    rows.evidence.filter((file) => file.update_id !== null),
    (file) => file.update_id,
  );
  return {
    plan: toPlan(rows.plan),
    items: rows.items.map(toPlanItem),
    actions: rows.actions.map((row) =>
      toAction(
        row,
        (itemsOf.get(row.id) ?? []).map((link) => link.item_id),
      ),
    ),
    milestones: rows.milestones.map(toMilestone),
    measures: rows.measures.map(toMeasure),
    values: rows.values.map(toMeasureValue),
    updates: rows.updates.map((row) => toActionUpdate(row, filesOfUpdate.get(row.id) ?? [])),
  };
}

/**
 * The plan with its items and coverage, from the plan's head rows: which items an action serves
 * comes from the links, and how many actions there are (with a measure) from the store's counts.
 */
export function toPlanView(rows: PlanHeadRows): PlanView {
  const actionsOf = groupBy(rows.links, (link) => link.item_id);
  const items = rows.items.map((row) => ({
    ...toPlanItem(row),
    version: row.version,
    actionIds: (actionsOf.get(row.id) ?? []).map((link) => link.action_id),
  }));
  return {
    ...toPlan(rows.plan),
    draftDueDate: rows.plan.draft_due_date,
    publishedVersion: rows.plan.published_version,
    items,
    coverage: {
      items: items.length,
      itemsWithAction: items.filter((item) => item.actionIds.length > 0).length,
      actions: rows.actionCount,
      actionsWithMeasure: rows.measuredActionCount,
    },
    createdAt: rows.plan.created_at,
    updatedAt: rows.plan.updated_at,
  };
}

export function toMeasureView(
  row: PlanMeasureRow,
  values: readonly PlanMeasureValueRow[],
  evidence: readonly PlanEvidenceRow[],
  asAt: IsoDate,
): MeasureView {
  const measure = toMeasure(row);
  const own = values.filter((value) => value.measure_id === row.id).map(toMeasureValue);
  return {
    ...measure,
    version: row.version,
    values: own,
    progress: measureProgress(measure, own, asAt),
    evidence: evidence.filter((file) => file.measure_id === row.id).map(toEvidenceView),
  };
}

/**
 * Every action of the plan as `toActionView` gives one, from the plan's rows read together: each
 * action's item links, milestones, measures with their values, updates, and the evidence files on
 * the action, its updates or its measures (every list keeps the plan-wide order it was read in).
 */
export function toActionViews(rows: PlanRows, asAt: IsoDate): ActionView[] {
  const linksOf = groupBy(rows.links, (link) => link.action_id);
  const milestonesOf = groupBy(rows.milestones, (row) => row.action_id);
  const measuresOf = groupBy(rows.measures, (row) => row.action_id);
  const valuesOf = groupBy(rows.values, (row) => row.measure_id);
  const updatesOf = groupBy(rows.updates, (row) => row.action_id);
  const actionOfMeasure = new Map(rows.measures.map((row) => [row.id, row.action_id]));
  const actionOfUpdate = new Map(rows.updates.map((row) => [row.id, row.action_id]));
  const evidenceOf = new Map<number, PlanEvidenceRow[]>();
  for (const file of rows.evidence) {
    const owners = new Set<number>();
    if (file.action_id !== null) owners.add(file.action_id);
    const ofUpdate = file.update_id === null ? undefined : actionOfUpdate.get(file.update_id);
    if (ofUpdate !== undefined) owners.add(ofUpdate);
    const ofMeasure = file.measure_id === null ? undefined : actionOfMeasure.get(file.measure_id);
    if (ofMeasure !== undefined) owners.add(ofMeasure);
    for (const owner of owners) evidenceOf.set(owner, [...(evidenceOf.get(owner) ?? []), file]);
  }
  return rows.actions.map((action) => {
    const measures = measuresOf.get(action.id) ?? [];
    return toActionView(
      {
        action,
        itemIds: (linksOf.get(action.id) ?? []).map((link) => link.item_id),
        milestones: milestonesOf.get(action.id) ?? [],
        measures,
        values: measures.flatMap((measure) => valuesOf.get(measure.id) ?? []),
        updates: updatesOf.get(action.id) ?? [],
        evidence: evidenceOf.get(action.id) ?? [],
      },
      asAt,
    );
  });
}

export function toActionView(rows: ActionRows, asAt: IsoDate): ActionView {
  const action = toAction(rows.action, rows.itemIds);
  const milestones = rows.milestones.map((row) => ({ ...toMilestone(row), version: row.version }));
  return {
    ...action,
    planId: rows.action.plan_id,
    version: rows.action.version,
    rag: effectiveRag(action, milestones, asAt),
    milestones,
    measures: rows.measures.map((row) => toMeasureView(row, rows.values, rows.evidence, asAt)),
    updates: rows.updates.map((row) => {
      const files = rows.evidence.filter((file) => file.update_id === row.id);
      return { ...toActionUpdate(row, files), version: row.version, files: files.map(toEvidenceView) };
    }),
    evidence: rows.evidence.filter((file) => file.action_id === rows.action.id).map(toEvidenceView),
  };
}
