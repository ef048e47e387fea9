/**
 * What a plan's actions hold: the actions themselves (serving one or more items), their milestones,
 * measures ("how will we know") with dated values, progress updates, and the manual RAG override
 * (a reason, audited). Each write checks scope first, names the version it is based on (the
 * record's own; an addition names its parent's), and commits with its audit row. The parent's and
 * the plan's versions move on with every change to what they hold.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../domain/actor.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import {
  ACTION_STATUSES,
  BETTER_WHEN,
  OWNER_KINDS,
  RAG_RATINGS,
  statusAfterEdit,
  validateMeasure,
  validateOverride,
  type ActionStatus,
  type BetterWhen,
  type MeasureValue,
  type Owner,
  type Plan,
  type PlanItem,
  type RagRating,
} from '../plans/index.ts';
import {
  bumpPlan,
  findPlanActionRow,
  findPlanMeasureRow,
  findPlanMilestoneRow,
  findPlanUpdateRow,
  insertPlanAction,
  insertPlanMeasure,
  insertPlanMeasureValue,
  insertPlanMilestone,
  insertPlanUpdate,
  listMeasureValueRows,
  listServedItemRows,
  loadActionRows,
  loadPlanHeadRows,
  loadPlanRows,
  replaceActionItems,
  touchPlanAction,
  updatePlanAction,
  updatePlanMeasure,
  updatePlanMilestone,
  type Database,
  type PlanActionRow,
  type PlanActionTable,
  type PlanMeasureRow,
  type PlanMilestoneRow,
  type PlanRow,
} from '../store/index.ts';
import { actionFor, measureFor, milestoneFor, planFor, requireActor } from './plan-access.ts';
import { auditPlanChange, nowIso, staleWrite, today, type PlanContext } from './plan-context.ts';
import {
  basedOn,
  finiteNumber,
  ids,
  MAX_SHORT,
  MAX_TEXT,
  oneOf,
  optionalDate,
  optionalText,
  requiredDate,
  requiredText,
} from './plan-input.ts';
import { touchPlan } from './plan-records.service.ts';
import {
  toAction,
  toActionView,
  toActionViews,
  toMeasure,
  toMeasureValue,
  toMeasureView,
  toMilestone,
  toPlan,
  toPlanItem,
  toPlanView,
  type ActionView,
  type MeasureView,
  type MilestoneView,
  type UpdateView,
} from './plan-views.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** An action read through the plan its address names: the plan, the items the action serves, the action. */
export interface ActionInPlan {
  readonly plan: Plan;
  readonly items: readonly PlanItem[];
  readonly action: ActionView;
}

export interface NewActionInput {
  /** The items this action serves: one or more of the plan's. */
  readonly itemIds: readonly number[];
  readonly title: string;
  readonly owner: Owner;
  readonly startDate?: string | null;
  readonly dueDate: string;
  readonly status?: ActionStatus;
  /** The plan's version this addition is based on. */
  readonly basedOnVersion: number;
}

export interface ActionChanges {
  readonly itemIds?: readonly number[];
  readonly title?: string;
  readonly owner?: Owner;
  readonly startDate?: string | null;
  readonly dueDate?: string;
  readonly status?: ActionStatus;
  /** The action's version this change is based on. */
  readonly basedOnVersion: number;
}

export interface RagOverrideInput {
  /** Null takes the override away: the derived rating shows again. */
  readonly rating: RagRating | null;
  readonly reason?: string;
  readonly basedOnVersion: number;
}

export interface NewMilestoneInput {
  readonly title: string;
  readonly dueDate: string;
  readonly basedOnVersion: number;
}

export interface MilestoneChanges {
  readonly title?: string;
  readonly dueDate?: string;
  readonly metOn?: string | null;
  readonly basedOnVersion: number;
}

export interface NewMeasureInput {
  readonly what: string;
  readonly unit: string;
  readonly betterWhen: BetterWhen;
  readonly baseline: { readonly value: number; readonly date: string };
  readonly target: { readonly value: number; readonly date: string };
  readonly frequency: string;
  readonly source: string;
  /** The action's version this addition is based on. */
  readonly basedOnVersion: number;
}

export type MeasureChanges = Partial<Omit<NewMeasureInput, 'basedOnVersion'>> & { readonly basedOnVersion: number };

export interface NewMeasureValueInput {
  readonly date: string;
  readonly value: number;
  readonly comment?: string;
  /** The measure's version this addition is based on. */
  readonly basedOnVersion: number;
}

export interface NewUpdateInput {
  /** The day the update reports on; today by default. */
  readonly date?: string;
  readonly text: string;
  /** The action's status as this update reports it: the action takes it. */
  readonly status: ActionStatus;
  /** Addresses or references of evidence (files are attached separately). */
  readonly evidenceLinks?: readonly string[];
  /** The action's version this addition is based on. */
  readonly basedOnVersion: number;
}

export interface PlanActionsService {
  addAction(actor: Actor | null, planId: number, input: NewActionInput): Promise<ActionView>;
  getAction(actor: Actor | null, actionId: number): Promise<ActionView>;
  /**
   * The action as its page shows it, read in one go: the plan the address names (scope checked on
   * it: 404 when it is not the actor's to see), the action only if it belongs to that plan (404
   * otherwise), and the items it serves.
   */
  getActionInPlan(actor: Actor | null, planId: number, actionId: number): Promise<ActionInPlan>;
  /** Every action of the plan, each as `getAction` gives it, read together (by id). */
  listActions(actor: Actor | null, planId: number): Promise<ActionView[]>;
  updateAction(actor: Actor | null, actionId: number, changes: ActionChanges): Promise<ActionView>;
  /** A manual RAG rating in place of the derived one (a reason is needed), or null to take it away. */
  overrideRag(actor: Actor | null, actionId: number, input: RagOverrideInput): Promise<ActionView>;
  addMilestone(actor: Actor | null, actionId: number, input: NewMilestoneInput): Promise<MilestoneView>;
  updateMilestone(actor: Actor | null, milestoneId: number, changes: MilestoneChanges): Promise<MilestoneView>;
  addMeasure(actor: Actor | null, actionId: number, input: NewMeasureInput): Promise<MeasureView>;
  getMeasure(actor: Actor | null, measureId: number): Promise<MeasureView>;
  updateMeasure(actor: Actor | null, measureId: number, changes: MeasureChanges): Promise<MeasureView>;
  /** A dated value of a measure, with a comment; gives the value and the measure as it now is. */
  addMeasureValue(
    actor: Actor | null,
    measureId: number,
    input: NewMeasureValueInput,
  ): Promise<{ readonly value: MeasureValue; readonly measure: MeasureView }>;
  /** A progress update on an action (dated, attributed to the actor); the action takes its status. */
  addUpdate(actor: Actor | null, actionId: number, input: NewUpdateInput): Promise<UpdateView>;
}

function checkOwner(owner: unknown): Owner {
  const value = owner as Partial<Owner> | null | undefined;
  return {
    kind: oneOf(value?.kind, OWNER_KINDS, 'the owner’s kind'),
    name: requiredText(value?.name, 'the owner (a person, a role or a team)', MAX_SHORT),
  };
}

function checkDates(startDate: string | null, dueDate: string): void {
  if (startDate !== null && startDate > dueDate)
    throw new ValidationError(
      `The start date (${startDate}) must not be after the due date (${dueDate}).`,
      'invalid-date',
    );
}

async function checkItemsOfPlan(db: Db, planId: number, itemIds: readonly number[]): Promise<void> {
  const found = await db
    .selectFrom('plan_item')
    .select('id')
    .where('plan_id', '=', planId)
    .where('id', 'in', itemIds)
    .execute();
  const known = new Set(found.map((row) => row.id));
  const unknown = itemIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new ValidationError(`This plan has no item ${unknown.join(', ')}: an action serves items of its own plan.`);
}

function actionAudit(row: PlanActionRow, itemIds: readonly number[]): unknown {
  return { ...toAction(row, itemIds), version: row.version };
}

function measureChecked(input: Omit<NewMeasureInput, 'basedOnVersion'>, id = 0, actionId = 0) {
  const measure = validateMeasure({
    id,
    actionId,
    what: requiredText(input.what, 'what is measured'),
    unit: requiredText(input.unit, 'the unit', 50),
    betterWhen: oneOf(input.betterWhen, BETTER_WHEN, 'which direction is better'),
    baseline: {
      value: finiteNumber(input.baseline?.value, 'the baseline'),
      date: requiredDate(input.baseline?.date, 'the baseline date'),
    },
    target: {
      value: finiteNumber(input.target?.value, 'the target'),
      date: requiredDate(input.target?.date, 'the target date'),
    },
    frequency: requiredText(input.frequency, 'how often it is measured', 50),
    source: requiredText(input.source, 'the data source'),
  });
  return {
    what: measure.what,
    unit: measure.unit,
    better_when: measure.betterWhen,
    baseline_value: measure.baseline.value,
    baseline_date: measure.baseline.date,
    target_value: measure.target.value,
    target_date: measure.target.date,
    frequency: measure.frequency,
    source: measure.source,
  };
}

export function createPlanActionsService(context: PlanContext): PlanActionsService {
  const { db } = context;
  const actionView = async (trx: Db, row: PlanActionRow): Promise<ActionView> =>
    toActionView(await loadActionRows(trx, row), today(context));
  const measureView = async (trx: Db, row: PlanMeasureRow): Promise<MeasureView> => {
    const evidence = await trx
      .selectFrom('plan_evidence')
      .selectAll()
      .where('measure_id', '=', row.id)
      .orderBy('id')
      .execute();
    return toMeasureView(row, await listMeasureValueRows(trx, [row.id]), evidence, today(context));
  };
  const milestoneView = (row: PlanMilestoneRow): MilestoneView => ({ ...toMilestone(row), version: row.version });
  const itemIdsOf = async (trx: Db, actionId: number): Promise<number[]> =>
    (
      await trx
        .selectFrom('plan_action_item')
        .select('item_id')
        .where('action_id', '=', actionId)
        .orderBy('item_id')
        .execute()
    ).map((row) => row.item_id);

  /** Loads the action again under the transaction, for the write (scope re-checked there). */
  const writeAction = async <T>(
    actor: Actor | null,
    actionId: number,
    work: (trx: Transaction<Database>, action: PlanActionRow, plan: PlanRow, at: string) => Promise<T>,
  ): Promise<T> => {
    const at = nowIso(context);
    return db.transaction().execute(async (trx) => {
      const { row, plan } = await actionFor(trx, actor, actionId, 'write');
      return work(trx, row, plan, at);
    });
  };

  return {
    async addAction(actor, planId, input) {
      const who = requireActor(actor);
      await planFor(db, actor, planId, 'write');
      const itemIds = ids(input.itemIds, 'item the action serves');
      const title = requiredText(input.title, 'what the action will deliver');
      const owner = checkOwner(input.owner);
      const startDate = optionalDate(input.startDate, 'the start date');
      const dueDate = requiredDate(input.dueDate, 'the due date');
      checkDates(startDate, dueDate);
      const status = input.status === undefined ? 'not started' : oneOf(input.status, ACTION_STATUSES, 'the status');
      const version = basedOn(input.basedOnVersion);
      const at = nowIso(context);
      return db.transaction().execute(async (trx) => {
        const plan = await planFor(trx, actor, planId, 'write');
        await checkItemsOfPlan(trx, plan.id, itemIds);
        if (!(await bumpPlan(trx, plan.id, version, { status: statusAfterEdit(plan.status) }, at)))
          throw staleWrite('plan', version, toPlanView(await loadPlanHeadRows(trx, plan)));
        const fields: Omit<PlanActionTable, 'id' | 'version' | 'created_at' | 'updated_at'> = {
          plan_id: plan.id,
          title,
          owner_kind: owner.kind,
          owner_name: owner.name,
          start_date: startDate,
          due_date: dueDate,
          status,
          rag_override: null,
          rag_reason: null,
          rag_by: null,
          rag_on: null,
        };
        const id = await insertPlanAction(trx, fields, itemIds, at);
        const row = (await findPlanActionRow(trx, id)) as PlanActionRow;
        await auditPlanChange(trx, who, at, {
          action: 'action.add',
          recordType: 'action',
          recordId: id,
          before: null,
          after: { planId: plan.id, ...(actionAudit(row, itemIds) as object) },
        });
        return actionView(trx, row);
      });
    },

    async getAction(actor, actionId) {
      const { row } = await actionFor(db, actor, actionId, 'read');
      return actionView(db, row);
    },

    async getActionInPlan(actor, planId, actionId) {
      const plan = await planFor(db, actor, planId, 'read');
      // After the plan's row, so that what the view is made of is no older than the version it is kept by.
      const row = Number.isSafeInteger(actionId) ? await findPlanActionRow(db, actionId) : undefined;
      if (row === undefined || row.plan_id !== plan.id)
        throw new NotFoundError('There is no such action in this plan.', 'unknown-action');
      const asAt = today(context);
      // Kept by the plan's version (read and scope-checked just now): every change to the action, what it
      // holds or the items it serves moves the plan's version on.
      return context.views.read(plan, `action ${row.id} ${asAt}`, async () => {
        const [rows, items] = await Promise.all([loadActionRows(db, row), listServedItemRows(db, row.id)]);
        return { plan: toPlan(plan), items: items.map(toPlanItem), action: toActionView(rows, asAt) };
      });
    },

    async listActions(actor, planId) {
      return toActionViews(await loadPlanRows(db, await planFor(db, actor, planId, 'read')), today(context));
    },

    async updateAction(actor, actionId, changes) {
      const who = requireActor(actor);
      const { row: seen } = await actionFor(db, actor, actionId, 'write');
      const itemIds = changes.itemIds === undefined ? undefined : ids(changes.itemIds, 'item the action serves');
      const title =
        changes.title === undefined ? undefined : requiredText(changes.title, 'what the action will deliver');
      const owner = changes.owner === undefined ? undefined : checkOwner(changes.owner);
      const startDate =
        changes.startDate === undefined ? seen.start_date : optionalDate(changes.startDate, 'the start date');
      const dueDate = changes.dueDate === undefined ? seen.due_date : requiredDate(changes.dueDate, 'the due date');
      const status = changes.status === undefined ? undefined : oneOf(changes.status, ACTION_STATUSES, 'the status');
      const version = basedOn(changes.basedOnVersion);
      return writeAction(actor, actionId, async (trx, before, plan, at) => {
        checkDates(
          changes.startDate === undefined ? before.start_date : startDate,
          changes.dueDate === undefined ? before.due_date : dueDate,
        );
        if (itemIds !== undefined) await checkItemsOfPlan(trx, plan.id, itemIds);
        const beforeItems = await itemIdsOf(trx, actionId);
        const set = {
          ...(title === undefined ? {} : { title }),
          ...(owner === undefined ? {} : { owner_kind: owner.kind, owner_name: owner.name }),
          ...(changes.startDate === undefined ? {} : { start_date: startDate }),
          ...(changes.dueDate === undefined ? {} : { due_date: dueDate }),
          ...(status === undefined ? {} : { status }),
        };
        if (!(await updatePlanAction(trx, actionId, version, set, at)))
          throw staleWrite('action', version, await actionView(trx, before));
        if (itemIds !== undefined) await replaceActionItems(trx, actionId, itemIds);
        await touchPlan(trx, plan, at);
        const after = (await findPlanActionRow(trx, actionId)) as PlanActionRow;
        await auditPlanChange(trx, who, at, {
          action: 'action.update',
          recordType: 'action',
          recordId: actionId,
          before: actionAudit(before, beforeItems),
          after: actionAudit(after, itemIds ?? beforeItems),
        });
        return actionView(trx, after);
      });
    },

    async overrideRag(actor, actionId, input) {
      const who = requireActor(actor);
      await actionFor(db, actor, actionId, 'write');
      const version = basedOn(input.basedOnVersion);
      const on = today(context);
      const override =
        input.rating === null
          ? null
          : validateOverride({
              rating: oneOf(input.rating, RAG_RATINGS, 'the RAG rating'),
              reason: optionalText(input.reason, 'the reason'),
              by: who.email,
              on,
            });
      return writeAction(actor, actionId, async (trx, before, plan, at) => {
        const set =
          override === null
            ? { rag_override: null, rag_reason: null, rag_by: null, rag_on: null }
            : { rag_override: override.rating, rag_reason: override.reason, rag_by: override.by, rag_on: override.on };
        if (!(await updatePlanAction(trx, actionId, version, set, at)))
          throw staleWrite('action', version, await actionView(trx, before));
        await touchPlan(trx, plan, at);
        const after = (await findPlanActionRow(trx, actionId)) as PlanActionRow;
        const itemIds = await itemIdsOf(trx, actionId);
        await auditPlanChange(trx, who, at, {
          action: override === null ? 'action.rag-override-remove' : 'action.rag-override',
          recordType: 'action',
          recordId: actionId,
          before: actionAudit(before, itemIds),
          after: actionAudit(after, itemIds),
        });
        return actionView(trx, after);
      });
    },

    async addMilestone(actor, actionId, input) {
      const who = requireActor(actor);
      await actionFor(db, actor, actionId, 'write');
      const title = requiredText(input.title, 'the milestone');
      const dueDate = requiredDate(input.dueDate, 'the milestone’s date');
      const version = basedOn(input.basedOnVersion);
      return writeAction(actor, actionId, async (trx, action, plan, at) => {
        if (!(await updatePlanAction(trx, actionId, version, {}, at)))
          throw staleWrite('action', version, await actionView(trx, action));
        await touchPlan(trx, plan, at);
        const id = await insertPlanMilestone(trx, { action_id: actionId, title, due_date: dueDate, met_on: null }, at);
        const row = (await findPlanMilestoneRow(trx, id)) as PlanMilestoneRow;
        await auditPlanChange(trx, who, at, {
          action: 'milestone.add',
          recordType: 'milestone',
          recordId: id,
          before: null,
          after: milestoneView(row),
        });
        return milestoneView(row);
      });
    },

    async updateMilestone(actor, milestoneId, changes) {
      const who = requireActor(actor);
      await milestoneFor(db, actor, milestoneId, 'write');
      const title = changes.title === undefined ? undefined : requiredText(changes.title, 'the milestone');
      const dueDate = changes.dueDate === undefined ? undefined : requiredDate(changes.dueDate, 'the milestone’s date');
      const metOn = changes.metOn === undefined ? undefined : optionalDate(changes.metOn, 'the day it was met');
      const version = basedOn(changes.basedOnVersion);
      const at = nowIso(context);
      return db.transaction().execute(async (trx) => {
        const { row: before, action, plan } = await milestoneFor(trx, actor, milestoneId, 'write');
        const set = {
          ...(title === undefined ? {} : { title }),
          ...(dueDate === undefined ? {} : { due_date: dueDate }),
          ...(metOn === undefined ? {} : { met_on: metOn }),
        };
        if (!(await updatePlanMilestone(trx, milestoneId, version, set, at)))
          throw staleWrite('milestone', version, milestoneView(before));
        await touchPlanAction(trx, action.id, at);
        await touchPlan(trx, plan, at);
        const after = (await findPlanMilestoneRow(trx, milestoneId)) as PlanMilestoneRow;
        await auditPlanChange(trx, who, at, {
          action: 'milestone.update',
          recordType: 'milestone',
          recordId: milestoneId,
          before: milestoneView(before),
          after: milestoneView(after),
        });
        return milestoneView(after);
      });
    },

    async addMeasure(actor, actionId, input) {
      const who = requireActor(actor);
      await actionFor(db, actor, actionId, 'write');
      const fields = measureChecked(input, 0, actionId);
      const version = basedOn(input.basedOnVersion);
      return writeAction(actor, actionId, async (trx, action, plan, at) => {
        if (!(await updatePlanAction(trx, actionId, version, {}, at)))
          throw staleWrite('action', version, await actionView(trx, action));
        await touchPlan(trx, plan, at);
        const id = await insertPlanMeasure(trx, { action_id: actionId, ...fields }, at);
        const row = (await findPlanMeasureRow(trx, id)) as PlanMeasureRow;
        await auditPlanChange(trx, who, at, {
          action: 'measure.add',
          recordType: 'measure',
          recordId: id,
          before: null,
          after: { ...toMeasure(row), version: row.version },
        });
        return measureView(trx, row);
      });
    },

    async getMeasure(actor, measureId) {
      const { row } = await measureFor(db, actor, measureId, 'read');
      return measureView(db, row);
    },

    async updateMeasure(actor, measureId, changes) {
      const who = requireActor(actor);
      const { row: seen } = await measureFor(db, actor, measureId, 'write');
      const current = toMeasure(seen);
      const fields = measureChecked({
        what: changes.what ?? current.what,
        unit: changes.unit ?? current.unit,
        betterWhen: changes.betterWhen ?? current.betterWhen,
        baseline: changes.baseline ?? current.baseline,
        target: changes.target ?? current.target,
        frequency: changes.frequency ?? current.frequency,
        source: changes.source ?? current.source,
      });
      const version = basedOn(changes.basedOnVersion);
      const at = nowIso(context);
      return db.transaction().execute(async (trx) => {
        const { row: before, action, plan } = await measureFor(trx, actor, measureId, 'write');
        if (!(await updatePlanMeasure(trx, measureId, version, fields, at)))
          throw staleWrite('measure', version, await measureView(trx, before));
        await touchPlanAction(trx, action.id, at);
        await touchPlan(trx, plan, at);
        const after = (await findPlanMeasureRow(trx, measureId)) as PlanMeasureRow;
        await auditPlanChange(trx, who, at, {
          action: 'measure.update',
          recordType: 'measure',
          recordId: measureId,
          before: { ...toMeasure(before), version: before.version },
          after: { ...toMeasure(after), version: after.version },
        });
        return measureView(trx, after);
      });
    },

    async addMeasureValue(actor, measureId, input) {
      const who = requireActor(actor);
      await measureFor(db, actor, measureId, 'write');
      const date = requiredDate(input.date, 'the date of the value');
      const value = finiteNumber(input.value, 'the value');
      const comment = optionalText(input.comment, 'the comment');
      const version = basedOn(input.basedOnVersion);
      const at = nowIso(context);
      return db.transaction().execute(async (trx) => {
        const { row: measure, action, plan } = await measureFor(trx, actor, measureId, 'write');
        if (!(await updatePlanMeasure(trx, measureId, version, {}, at)))
          throw staleWrite('measure', version, await measureView(trx, measure));
        await touchPlanAction(trx, action.id, at);
        await touchPlan(trx, plan, at);
        const id = await insertPlanMeasureValue(trx, { measure_id: measureId, date, value, comment }, at);
        const stored = toMeasureValue(
          await trx.selectFrom('plan_measure_value').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
        );
        await auditPlanChange(trx, who, at, {
          action: 'measure-value.add',
          recordType: 'measure-value',
          recordId: id,
          before: null,
          after: stored,
        });
        return {
          value: stored,
          measure: await measureView(trx, (await findPlanMeasureRow(trx, measureId)) as PlanMeasureRow),
        };
      });
    },

    async addUpdate(actor, actionId, input) {
      const who = requireActor(actor);
      await actionFor(db, actor, actionId, 'write');
      const text = requiredText(input.text, 'the update', MAX_TEXT);
      const status = oneOf(input.status, ACTION_STATUSES, 'the status');
      const date = input.date === undefined ? today(context) : requiredDate(input.date, 'the date of the update');
      const links = (input.evidenceLinks ?? []).map((link) => requiredText(link, 'each evidence link'));
      const version = basedOn(input.basedOnVersion);
      return writeAction(actor, actionId, async (trx, before, plan, at) => {
        if (!(await updatePlanAction(trx, actionId, version, { status }, at)))
          throw staleWrite('action', version, await actionView(trx, before));
        await touchPlan(trx, plan, at);
        const id = await insertPlanUpdate(
          trx,
          { action_id: actionId, date, author: who.email, text, status, evidence_links: JSON.stringify(links) },
          at,
        );
        const row = (await findPlanUpdateRow(trx, id))!;
        const update: UpdateView = {
          id,
          actionId,
          date,
          author: who.email,
          text,
          status,
          evidence: links,
          version: row.version,
          files: [],
        };
        await auditPlanChange(trx, who, at, {
          action: 'update.add',
          recordType: 'update',
          recordId: id,
          before: { status: before.status },
          after: update,
        });
        return update;
      });
    },
  };
}
