/**
 * SQL for improvement plans. Every change to a row that has a `version` is
 * `UPDATE ... SET version = version + 1 WHERE id = ? AND version = ?`: false back means no row
 * matched (the row is gone, or someone else changed it first), and nothing was written. Callers
 * pass the transaction of the change so that the change and its audit row commit together.
 */
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from './database.ts';
import type {
  PlanActionRow,
  PlanActionTable,
  PlanEvidenceRow,
  PlanEvidenceTable,
  PlanItemRow,
  PlanItemTable,
  PlanMeasureRow,
  PlanMeasureTable,
  PlanMeasureValueRow,
  PlanMilestoneRow,
  PlanMilestoneTable,
  PlanRow,
  PlanSignOffRow,
  PlanSignOffTable,
  PlanTable,
  PlanUpdateRow,
  PlanUpdateTable,
  PlanVersionRow,
  PlanVersionTable,
  PlanMeasureValueTable,
} from './plans.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;
type Fields<T> = Omit<T, 'id' | 'version' | 'created_at' | 'updated_at'>;
type Changes<T> = Omit<Updateable<T>, 'id' | 'version' | 'created_at' | 'updated_at'>;

const matched = (result: { numUpdatedRows: bigint }): boolean => result.numUpdatedRows === 1n;

// Plans.

export async function insertPlan(trx: Db, plan: Fields<PlanTable>, now: string): Promise<number> {
  const { id } = await trx
    .insertInto('plan')
    .values({ ...plan, version: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findPlanRow(db: Db, id: number): Promise<PlanRow | undefined> {
  return db.selectFrom('plan').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPlanRowByInspection(db: Db, urn: string, inspectionId: number): Promise<PlanRow | undefined> {
  return db
    .selectFrom('plan')
    .selectAll()
    .where('urn', '=', urn)
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst();
}

/** A council's plans, newest inspection first (by id: plans are made after their inspection is stored). */
export async function listPlanRowsOf(db: Db, urn: string): Promise<PlanRow[]> {
  return db.selectFrom('plan').selectAll().where('urn', '=', urn).orderBy('id', 'desc').execute();
}

/**
 * The plan moves on a version: with `basedOnVersion`, only when it still has it (a write to the
 * plan itself); without, whatever it has (a write to one of its records, checked on that record).
 */
export async function bumpPlan(
  trx: Db,
  id: number,
  basedOnVersion: number | null,
  changes: Changes<PlanTable>,
  now: string,
): Promise<boolean> {
  let query = trx
    .updateTable('plan')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id);
  if (basedOnVersion !== null) query = query.where('version', '=', basedOnVersion);
  return matched(await query.executeTakeFirst());
}

// Items.

export async function insertPlanItem(trx: Db, item: Fields<PlanItemTable>, now: string): Promise<number> {
  const { id } = await trx
    .insertInto('plan_item')
    .values({ ...item, version: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findPlanItemRow(db: Db, id: number): Promise<PlanItemRow | undefined> {
  return db.selectFrom('plan_item').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updatePlanItem(
  trx: Db,
  id: number,
  basedOnVersion: number,
  changes: Changes<PlanItemTable>,
  now: string,
): Promise<boolean> {
  return matched(
    await trx
      .updateTable('plan_item')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .where('version', '=', basedOnVersion)
      .executeTakeFirst(),
  );
}

export async function nextItemPosition(db: Db, planId: number): Promise<number> {
  const row = await db
    .selectFrom('plan_item')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

// Actions.

export async function insertPlanAction(
  trx: Db,
  action: Fields<PlanActionTable>,
  itemIds: readonly number[],
  now: string,
): Promise<number> {
  const { id } = await trx
    .insertInto('plan_action')
    .values({ ...action, version: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await linkActionItems(trx, id, itemIds);
  return id;
}

async function linkActionItems(trx: Db, actionId: number, itemIds: readonly number[]): Promise<void> {
  if (itemIds.length === 0) return;
  await trx
    .insertInto('plan_action_item')
    .values([...new Set(itemIds)].map((itemId) => ({ action_id: actionId, item_id: itemId })))
    .execute();
}

export async function replaceActionItems(trx: Db, actionId: number, itemIds: readonly number[]): Promise<void> {
  await trx.deleteFrom('plan_action_item').where('action_id', '=', actionId).execute();
  await linkActionItems(trx, actionId, itemIds);
}

export async function findPlanActionRow(db: Db, id: number): Promise<PlanActionRow | undefined> {
  return db.selectFrom('plan_action').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updatePlanAction(
  trx: Db,
  id: number,
  basedOnVersion: number,
  changes: Changes<PlanActionTable>,
  now: string,
): Promise<boolean> {
  return matched(
    await trx
      .updateTable('plan_action')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .where('version', '=', basedOnVersion)
      .executeTakeFirst(),
  );
}

/** The action's version moves on because something it holds changed (checked on that record). */
export async function touchPlanAction(trx: Db, id: number, now: string): Promise<void> {
  await trx
    .updateTable('plan_action')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .execute();
}

export async function listActionItemIds(
  db: Db,
  actionIds: readonly number[],
): Promise<{ action_id: number; item_id: number }[]> {
  if (actionIds.length === 0) return [];
  return db
    .selectFrom('plan_action_item')
    .select(['action_id', 'item_id'])
    .where('action_id', 'in', actionIds)
    .orderBy('action_id')
    .orderBy('item_id')
    .execute();
}

// Milestones.

export async function insertPlanMilestone(
  trx: Db,
  milestone: Fields<PlanMilestoneTable>,
  now: string,
): Promise<number> {
  const { id } = await trx
    .insertInto('plan_milestone')
    .values({ ...milestone, version: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findPlanMilestoneRow(db: Db, id: number): Promise<PlanMilestoneRow | undefined> {
  return db.selectFrom('plan_milestone').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updatePlanMilestone(
  trx: Db,
  id: number,
  basedOnVersion: number,
  changes: Changes<PlanMilestoneTable>,
  now: string,
): Promise<boolean> {
  return matched(
    await trx
      .updateTable('plan_milestone')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .where('version', '=', basedOnVersion)
      .executeTakeFirst(),
  );
}

// Measures and their values.

export async function insertPlanMeasure(trx: Db, measure: Fields<PlanMeasureTable>, now: string): Promise<number> {
  const { id } = await trx
    .insertInto('plan_measure')
    .values({ ...measure, version: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findPlanMeasureRow(db: Db, id: number): Promise<PlanMeasureRow | undefined> {
  return db.selectFrom('plan_measure').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updatePlanMeasure(
  trx: Db,
  id: number,
  basedOnVersion: number,
  changes: Changes<PlanMeasureTable>,
  now: string,
): Promise<boolean> {
  return matched(
    await trx
      .updateTable('plan_measure')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .where('version', '=', basedOnVersion)
      .executeTakeFirst(),
  );
}

export async function touchPlanMeasure(trx: Db, id: number, now: string): Promise<void> {
  await trx
    .updateTable('plan_measure')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .execute();
}

export async function insertPlanMeasureValue(
  trx: Db,
  value: Fields<PlanMeasureValueTable>,
  now: string,
): Promise<number> {
  const { id } = await trx
    .insertInto('plan_measure_value')
    .values({ ...value, version: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function listMeasureValueRows(db: Db, measureIds: readonly number[]): Promise<PlanMeasureValueRow[]> {
  if (measureIds.length === 0) return [];
  return db
    .selectFrom('plan_measure_value')
    .selectAll()
    .where('measure_id', 'in', measureIds)
    .orderBy('measure_id')
    .orderBy('date')
    .orderBy('id')
    .execute();
}

// Updates.

export async function insertPlanUpdate(trx: Db, update: Fields<PlanUpdateTable>, now: string): Promise<number> {
  const { id } = await trx
    .insertInto('plan_update')
    .values({ ...update, version: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findPlanUpdateRow(db: Db, id: number): Promise<PlanUpdateRow | undefined> {
  return db.selectFrom('plan_update').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An update's version moves on because evidence was attached to it (it has no other changes). */
export async function updatePlanUpdate(trx: Db, id: number, basedOnVersion: number, now: string): Promise<boolean> {
  return matched(
    await trx
      .updateTable('plan_update')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .where('version', '=', basedOnVersion)
      .executeTakeFirst(),
  );
}

// Evidence files.

export async function insertPlanEvidence(
  trx: Db,
  evidence: Omit<PlanEvidenceTable, 'id' | 'version'>,
): Promise<number> {
  const { id } = await trx
    .insertInto('plan_evidence')
    .values({ ...evidence, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findPlanEvidenceRow(db: Db, id: number): Promise<PlanEvidenceRow | undefined> {
  return db.selectFrom('plan_evidence').selectAll().where('id', '=', id).executeTakeFirst();
}

// Everything a plan holds, read together.

export interface PlanRows extends PlanOutlineRows {
  readonly plan: PlanRow;
  readonly measures: readonly PlanMeasureRow[];
  readonly values: readonly PlanMeasureValueRow[];
  readonly updates: readonly PlanUpdateRow[];
  readonly evidence: readonly PlanEvidenceRow[];
}

/** What every whole-plan read starts from: the plan's items, its actions, their item links and milestones. */
export interface PlanOutlineRows {
  readonly items: readonly PlanItemRow[];
  readonly actions: readonly PlanActionRow[];
  readonly links: readonly { action_id: number; item_id: number }[];
  readonly milestones: readonly PlanMilestoneRow[];
}

/** The ids of a plan's actions, as a subquery. */
export const planActionIds = (db: Db, planId: number) =>
  db.selectFrom('plan_action').select('id').where('plan_id', '=', planId);

export async function loadPlanOutlineRows(db: Db, planId: number): Promise<PlanOutlineRows> {
  const [items, actions, links, milestones] = await Promise.all([
    db.selectFrom('plan_item').selectAll().where('plan_id', '=', planId).orderBy('position').orderBy('id').execute(),
    db.selectFrom('plan_action').selectAll().where('plan_id', '=', planId).orderBy('id').execute(),
    db
      .selectFrom('plan_action_item')
      .select(['action_id', 'item_id'])
      .where('action_id', 'in', planActionIds(db, planId))
      .orderBy('action_id')
      .orderBy('item_id')
      .execute(),
    db
      .selectFrom('plan_milestone')
      .selectAll()
      .where('action_id', 'in', planActionIds(db, planId))
      .orderBy('due_date')
      .orderBy('id')
      .execute(),
  ]);
  return { items, actions, links, milestones };
}

export async function loadPlanRows(db: Db, plan: PlanRow): Promise<PlanRows> {
  const planId = plan.id;
  const actionIds = planActionIds(db, planId);
  const [outline, measures, values, updates, evidence] = await Promise.all([
    loadPlanOutlineRows(db, planId),
    db.selectFrom('plan_measure').selectAll().where('action_id', 'in', actionIds).orderBy('id').execute(),
    db
      .selectFrom('plan_measure_value')
      .selectAll()
      .where('measure_id', 'in', (eb) => eb.selectFrom('plan_measure').select('id').where('action_id', 'in', actionIds))
      .orderBy('measure_id')
      .orderBy('date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('plan_update')
      .selectAll()
      .where('action_id', 'in', actionIds)
      .orderBy('date')
      .orderBy('id')
      .execute(),
    db.selectFrom('plan_evidence').selectAll().where('plan_id', '=', planId).orderBy('id').execute(),
  ]);
  return { plan, ...outline, measures, values, updates, evidence };
}

/**
 * What a plan's view needs, without the records its actions hold: the plan, its items, which
 * actions serve which item, and its actions counted in SQL (all of them, and those with a measure).
 */
export interface PlanHeadRows {
  readonly plan: PlanRow;
  readonly items: readonly PlanItemRow[];
  readonly links: readonly { action_id: number; item_id: number }[];
  readonly actionCount: number;
  readonly measuredActionCount: number;
}

export async function loadPlanHeadRows(db: Db, plan: PlanRow): Promise<PlanHeadRows> {
  const planId = plan.id;
  const [items, links, counts] = await Promise.all([
    db.selectFrom('plan_item').selectAll().where('plan_id', '=', planId).orderBy('position').orderBy('id').execute(),
    db
      .selectFrom('plan_action_item')
      .innerJoin('plan_action', 'plan_action.id', 'plan_action_item.action_id')
      .select(['plan_action_item.action_id', 'plan_action_item.item_id'])
      .where('plan_action.plan_id', '=', planId)
      .orderBy('plan_action_item.action_id')
      .orderBy('plan_action_item.item_id')
      .execute(),
    db
      .selectFrom('plan_action')
      .select((eb) => [
        eb.fn.countAll().as('actions'),
        eb.fn
          .count(
            eb
              .case()
              .when(
                eb.exists(
                  eb
                    .selectFrom('plan_measure')
                    .select('plan_measure.id')
                    .whereRef('plan_measure.action_id', '=', 'plan_action.id'),
                ),
              )
              .then(1)
              .end(),
          )
          .as('measured'),
      ])
      .where('plan_action.plan_id', '=', planId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    plan,
    items,
    links,
    actionCount: Number(counts.actions),
    measuredActionCount: Number(counts.measured),
  };
}

/** One action with everything it holds. */
export interface ActionRows {
  readonly action: PlanActionRow;
  readonly itemIds: readonly number[];
  readonly milestones: readonly PlanMilestoneRow[];
  readonly measures: readonly PlanMeasureRow[];
  readonly values: readonly PlanMeasureValueRow[];
  readonly updates: readonly PlanUpdateRow[];
  /** Files on the action, on its updates and on its measures. */
  readonly evidence: readonly PlanEvidenceRow[];
}

export async function loadActionRows(db: Db, action: PlanActionRow): Promise<ActionRows> {
  const id = action.id;
  const [links, milestones, measures, values, updates, evidence] = await Promise.all([
    db.selectFrom('plan_action_item').select('item_id').where('action_id', '=', id).orderBy('item_id').execute(),
    db.selectFrom('plan_milestone').selectAll().where('action_id', '=', id).orderBy('due_date').orderBy('id').execute(),
    db.selectFrom('plan_measure').selectAll().where('action_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('plan_measure_value')
      .selectAll()
      .where('measure_id', 'in', (eb) => eb.selectFrom('plan_measure').select('id').where('action_id', '=', id))
      .orderBy('measure_id')
      .orderBy('date')
      .orderBy('id')
      .execute(),
    db.selectFrom('plan_update').selectAll().where('action_id', '=', id).orderBy('date').orderBy('id').execute(),
    db
      .selectFrom('plan_evidence')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('action_id', '=', id),
          eb('update_id', 'in', eb.selectFrom('plan_update').select('id').where('action_id', '=', id)),
          eb('measure_id', 'in', eb.selectFrom('plan_measure').select('id').where('action_id', '=', id)),
        ]),
      )
      .orderBy('id')
      .execute(),
  ]);
  return { action, itemIds: links.map((link) => link.item_id), milestones, measures, values, updates, evidence };
}

/** The items an action serves, in the plan's order: what its page names above everything else. */
export async function listServedItemRows(db: Db, actionId: number): Promise<PlanItemRow[]> {
  return db
    .selectFrom('plan_item')
    .innerJoin('plan_action_item', 'plan_action_item.item_id', 'plan_item.id')
    .selectAll('plan_item')
    .where('plan_action_item.action_id', '=', actionId)
    .orderBy('plan_item.position')
    .orderBy('plan_item.id')
    .execute();
}

// Frozen versions and sign-offs (never changed).

export async function insertPlanVersion(trx: Db, version: PlanVersionTable): Promise<void> {
  await trx.insertInto('plan_version').values(version).execute();
}

export async function nextPlanVersionNumber(db: Db, planId: number): Promise<number> {
  const row = await db
    .selectFrom('plan_version')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function listPlanVersionHeads(db: Db, planId: number): Promise<Omit<PlanVersionRow, 'content_json'>[]> {
  return db
    .selectFrom('plan_version')
    .select(['plan_id', 'number', 'frozen_by_user_id', 'frozen_by_email', 'frozen_at'])
    .where('plan_id', '=', planId)
    .orderBy('number')
    .execute();
}

export async function findPlanVersionRow(db: Db, planId: number, number: number): Promise<PlanVersionRow | undefined> {
  return db
    .selectFrom('plan_version')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function insertPlanSignOff(trx: Db, signOff: Omit<PlanSignOffTable, 'id'>): Promise<number> {
  const { id } = await trx.insertInto('plan_sign_off').values(signOff).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function listPlanSignOffRows(db: Db, planId: number): Promise<PlanSignOffRow[]> {
  return db.selectFrom('plan_sign_off').selectAll().where('plan_id', '=', planId).orderBy('id').execute();
}
