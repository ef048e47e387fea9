/**
 * What changed between two versions of a plan ("changes since the last committee report"): per kind
 * of record, what was added, removed and changed (which fields, before and after). Records are
 * matched by id; field values are compared deeply. Pure.
 */
import { isDeepStrictEqual } from 'node:util';
import type { PlanContent } from './types.ts';

export const COMPARED_COLLECTIONS = ['items', 'actions', 'milestones', 'measures', 'values', 'updates'] as const;
export type ComparedCollection = (typeof COMPARED_COLLECTIONS)[number];

export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface RecordChange<T> {
  readonly id: number;
  readonly before: T;
  readonly after: T;
  readonly fields: readonly FieldChange[];
}

export interface CollectionChanges<T> {
  readonly added: readonly T[];
  readonly removed: readonly T[];
  readonly changed: readonly RecordChange<T>[];
}

export type PlanChanges = {
  /** Changes to the plan record itself; its `version` counter is left out (it changes with every write). */
  readonly plan: readonly FieldChange[];
  readonly unchanged: boolean;
} & { readonly [K in ComparedCollection]: CollectionChanges<PlanContent[K][number]> };

/** The fields whose values differ, in the order of their names. */
export function fieldChanges(before: object, after: object, ignore: readonly string[] = []): FieldChange[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((field) => !ignore.includes(field)).sort();
  return fields
    .filter((field) => !isDeepStrictEqual(a[field], b[field]))
    .map((field) => ({ field, before: a[field], after: b[field] }));
}

export function compareCollection<T extends { readonly id: number }>(
  before: readonly T[],
  after: readonly T[],
): CollectionChanges<T> {
  const old = new Map(before.map((record) => [record.id, record]));
  const now = new Map(after.map((record) => [record.id, record]));
  const changed: RecordChange<T>[] = [];
  for (const record of after) {
    const previous = old.get(record.id);
    if (previous === undefined) continue;
    const fields = fieldChanges(previous, record);
    if (fields.length > 0) changed.push({ id: record.id, before: previous, after: record, fields });
  }
  return {
    added: after.filter((record) => !old.has(record.id)),
    removed: before.filter((record) => !now.has(record.id)),
    changed,
  };
}

function collection<K extends ComparedCollection>(
  before: PlanContent,
  after: PlanContent,
  key: K,
): CollectionChanges<PlanContent[K][number]> {
  return compareCollection<PlanContent[K][number]>(before[key], after[key]);
}

export function comparePlanContents(before: PlanContent, after: PlanContent): PlanChanges {
  const plan = fieldChanges(before.plan, after.plan, ['version']);
  const items = collection(before, after, 'items');
  const actions = collection(before, after, 'actions');
  const milestones = collection(before, after, 'milestones');
  const measures = collection(before, after, 'measures');
  const values = collection(before, after, 'values');
  const updates = collection(before, after, 'updates');
  const all = [items, actions, milestones, measures, values, updates];
  const unchanged =
    plan.length === 0 &&
    all.every((changes) => changes.added.length === 0 && changes.removed.length === 0 && changes.changed.length === 0);
  return { plan, unchanged, items, actions, milestones, measures, values, updates };
}
