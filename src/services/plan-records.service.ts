/**
 * Plans themselves: making one from an inspection (one item per recommendation, word for word,
 * linked by list and position; the statutory due date from the calendar), reading it, the
 * council's list, the council's own items and the responses to items. Every write checks scope
 * first, names the version it is based on, and commits with its audit row.
 */
import { addWorkingDays, type IsoDate } from '../calendar/index.ts';
import { canReadCouncil, canWriteCouncil, type Actor } from '../domain/actor.ts';
import { isCouncilInspectionKind } from '../domain/index.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { ITEM_RESPONSES, statusAfterEdit, type ItemResponse, type PlanContent } from '../plans/index.ts';
import {
  PRIORITY_ACTION_DRAFT_WORKING_DAYS,
  PRIORITY_ACTION_FINAL_WORKING_DAYS,
  WRITTEN_STATEMENT_WORKING_DAYS,
} from '../rules/index.ts';
import {
  bumpPlan,
  findInspectionRow,
  findCouncilRow,
  findPlanItemRow,
  findPlanRowByInspection,
  findVisitLetterRow,
  insertPlan,
  insertPlanItem,
  listPlanRowsOf,
  listRecommendationsOf,
  loadPlanHeadRows,
  loadPlanOverviewRows,
  loadPlanRows,
  nextItemPosition,
  updatePlanItem,
  type Database,
  type PlanItemRow,
  type PlanRow,
  type RecommendationRow,
} from '../store/index.ts';
import type { Transaction } from 'kysely';
import { auditPlanChange, nowIso, staleWrite, today, type PlanContext } from './plan-context.ts';
import { toPlanOverview, type PlanOverview } from './plan-overview.ts';
import { basedOn, oneOf, optionalText, requiredText, MAX_TEXT } from './plan-input.ts';
import { itemFor, planFor, requireActor } from './plan-access.ts';
import {
  toPlanContent,
  toPlanItem,
  toPlanSummary,
  toPlanView,
  type PlanItemView,
  type PlanSummary,
  type PlanView,
} from './plan-views.ts';

export interface NewPlanInput {
  readonly inspectionId: number;
}

export interface NewItemInput {
  readonly title: string;
  /** The plan's version this addition is based on. */
  readonly basedOnVersion: number;
}

export interface ItemResponseInput {
  readonly response: ItemResponse | null;
  readonly title?: string;
  /** The item's version this change is based on. */
  readonly basedOnVersion: number;
}

export interface PlanRecordsService {
  /** A council's plans, newest first; 404 for a council the actor cannot see. */
  listCouncilPlans(actor: Actor | null, urn: string): Promise<PlanSummary[]>;
  /** A new plan from one of the council's inspections (201 in the API); `plan-exists` (409) when it has one. */
  createPlan(actor: Actor | null, urn: string, input: NewPlanInput): Promise<PlanView>;
  getPlan(actor: Actor | null, planId: number): Promise<PlanView>;
  /** Everything the working copy holds, in the pure vocabulary (documents are built from it). */
  getPlanContent(actor: Actor | null, planId: number): Promise<PlanContent>;
  /** The plan page's plan and actions (RAG ratings, measure counts), read once. */
  getPlanOverview(actor: Actor | null, planId: number): Promise<PlanOverview>;
  /** The council's own item ("wider areas for improvement"); based on the plan's version. */
  addItem(actor: Actor | null, planId: number, input: NewItemInput): Promise<PlanItemView>;
  /** The council's response to an item (agreed / partly agreed, with reasons); for its own items, also a new title. */
  respondToItem(actor: Actor | null, itemId: number, input: ItemResponseInput): Promise<PlanItemView>;
}

const RECOMMENDATION_TITLES: Record<string, string> = { la: 'Recommendation', priority: 'Area for priority action' };

interface PlanSource {
  readonly dueDate: IsoDate;
  readonly draftDueDate: IsoDate | null;
  readonly recommendations: readonly RecommendationRow[];
}

/**
 * What the plan answers and when it is due: after a graded inspection of the council, the report's
 * recommendations to the council and 70 working days from publication; after a focused visit that
 * named areas for priority action, those areas (then any other recommendations), a draft in 20 and
 * the plan in 70 working days from the letter. Other visits call for no statutory plan.
 */
async function planSource(
  context: PlanContext,
  inspectionId: number,
  kind: string,
  published: IsoDate,
): Promise<PlanSource> {
  const recommendations = await listRecommendationsOf(context.db, inspectionId);
  if (isCouncilInspectionKind(kind)) {
    return {
      dueDate: addWorkingDays(published, WRITTEN_STATEMENT_WORKING_DAYS),
      draftDueDate: null,
      recommendations: recommendations.filter((row) => row.list === 'la'),
    };
  }
  const priority = recommendations.filter((row) => row.list === 'priority');
  if (kind === 'focused-visit' && priority.length > 0) {
    const letter = await findVisitLetterRow(context.db, inspectionId);
    const from = letter?.letter_date ?? published;
    return {
      dueDate: addWorkingDays(from, PRIORITY_ACTION_FINAL_WORKING_DAYS),
      draftDueDate: addWorkingDays(from, PRIORITY_ACTION_DRAFT_WORKING_DAYS),
      recommendations: [...priority, ...recommendations.filter((row) => row.list === 'la')],
    };
  }
  throw new ValidationError(
    kind === 'focused-visit'
      ? 'This focused visit named no areas for priority action, so it calls for no action plan.'
      : 'Only an inspection of the council’s children’s services, or a focused visit with areas for priority action, calls for an action plan.',
    'no-plan-required',
  );
}

function isUniqueViolation(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === '23505' || (typeof message === 'string' && /UNIQUE constraint failed/i.test(message));
}

function itemAudit(row: PlanItemRow): unknown {
  return { ...toPlanItem(row), version: row.version };
}

/** The plan's version moves on with every change to what it holds; a submitted or published plan reopens as a draft. */
export async function touchPlan(trx: Transaction<Database>, plan: PlanRow, at: string): Promise<void> {
  await bumpPlan(trx, plan.id, null, { status: statusAfterEdit(plan.status) }, at);
}

export function createPlanRecordsService(context: PlanContext): PlanRecordsService {
  const { db } = context;
  const view = async (plan: PlanRow, trx: Transaction<Database> | typeof db = db): Promise<PlanView> =>
    toPlanView(await loadPlanHeadRows(trx, plan));
  const itemView = async (trx: Transaction<Database> | typeof db, row: PlanItemRow): Promise<PlanItemView> => {
    const links = await trx
      .selectFrom('plan_action_item')
      .select('action_id')
      .where('item_id', '=', row.id)
      .orderBy('action_id')
      .execute();
    return { ...toPlanItem(row), version: row.version, actionIds: links.map((link) => link.action_id) };
  };

  return {
    async listCouncilPlans(actor, urn) {
      const who = requireActor(actor);
      if (!canReadCouncil(who, urn) || !(await findCouncilRow(db, urn)))
        throw new NotFoundError('There is no such council workspace.');
      return (await listPlanRowsOf(db, urn)).map(toPlanSummary);
    },

    async createPlan(actor, urn, input) {
      const who = requireActor(actor);
      const hidden = new NotFoundError('There is no such council workspace.');
      if (!canReadCouncil(who, urn) || !(await findCouncilRow(db, urn))) throw hidden;
      // 403 for a viewer comes before anything is said about the inspection.
      checkWritableCouncil(who, urn);
      const inspectionId = input.inspectionId;
      const inspection = Number.isSafeInteger(inspectionId) ? await findInspectionRow(db, inspectionId) : undefined;
      if (!inspection || inspection.urn !== urn)
        throw new NotFoundError(`This council has no inspection ${inspectionId}.`, 'unknown-inspection');
      const source = await planSource(context, inspection.id, inspection.kind, inspection.published);
      const at = nowIso(context);
      try {
        return await db.transaction().execute(async (trx) => {
          if (await findPlanRowByInspection(trx, urn, inspection.id))
            throw new ConflictError('This inspection already has a plan: open it instead.', 'plan-exists');
          const planId = await insertPlan(
            trx,
            {
              urn,
              inspection_id: inspection.id,
              status: 'draft',
              due_date: source.dueDate,
              draft_due_date: source.draftDueDate,
              published_version: null,
            },
            at,
          );
          let position = 0;
          for (const recommendation of source.recommendations) {
            await insertPlanItem(
              trx,
              {
                plan_id: planId,
                position: ++position,
                recommendation_list: recommendation.list,
                recommendation_position: recommendation.position,
                recommendation_text: recommendation.text,
                title: `${RECOMMENDATION_TITLES[recommendation.list] ?? 'Recommendation'} ${recommendation.position}`,
                response_kind: null,
                response_reason: null,
              },
              at,
            );
          }
          const plan = await view(
            await trx.selectFrom('plan').selectAll().where('id', '=', planId).executeTakeFirstOrThrow(),
            trx,
          );
          await auditPlanChange(trx, who, at, {
            action: 'plan.create',
            recordType: 'plan',
            recordId: planId,
            before: null,
            after: {
              council: urn,
              inspectionId: inspection.id,
              dueDate: plan.dueDate,
              draftDueDate: plan.draftDueDate,
              items: plan.items.length,
              version: plan.version,
            },
          });
          return plan;
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new ConflictError('This inspection already has a plan: open it instead.', 'plan-exists');
        throw error;
      }
    },

    async getPlan(actor, planId) {
      return view(await planFor(db, actor, planId, 'read'));
    },

    async getPlanContent(actor, planId) {
      return toPlanContent(await loadPlanRows(db, await planFor(db, actor, planId, 'read')));
    },

    async getPlanOverview(actor, planId) {
      const plan = await planFor(db, actor, planId, 'read');
      const asAt = today(context);
      // Kept by the plan's version (read and scope-checked just now): RAG ratings change with the day.
      return context.views.read(plan, `overview ${asAt}`, async () =>
        toPlanOverview(await loadPlanOverviewRows(db, plan), asAt),
      );
    },

    async addItem(actor, planId, input) {
      const who = requireActor(actor);
      await planFor(db, actor, planId, 'write');
      const title = requiredText(input.title, 'the item’s title');
      const version = basedOn(input.basedOnVersion);
      const at = nowIso(context);
      return db.transaction().execute(async (trx) => {
        const plan = await planFor(trx, actor, planId, 'write');
        if (!(await bumpPlan(trx, plan.id, version, { status: statusAfterEdit(plan.status) }, at)))
          throw staleWrite('plan', version, await view(plan, trx));
        const id = await insertPlanItem(
          trx,
          {
            plan_id: plan.id,
            position: await nextItemPosition(trx, plan.id),
            recommendation_list: null,
            recommendation_position: null,
            recommendation_text: null,
            title,
            response_kind: null,
            response_reason: null,
          },
          at,
        );
        const row = (await findPlanItemRow(trx, id)) as PlanItemRow;
        await auditPlanChange(trx, who, at, {
          action: 'plan-item.add',
          recordType: 'plan-item',
          recordId: id,
          before: null,
          after: { planId: plan.id, ...(itemAudit(row) as object) },
        });
        return itemView(trx, row);
      });
    },

    async respondToItem(actor, itemId, input) {
      const who = requireActor(actor);
      const { row: seen } = await itemFor(db, actor, itemId, 'write');
      const response =
        input.response === null
          ? null
          : {
              kind: oneOf(input.response?.kind, ITEM_RESPONSES, 'the response'),
              reason: optionalText(input.response?.reason, 'the reasons', MAX_TEXT),
            };
      if (response?.kind === 'partly agreed' && response.reason === '')
        throw new ValidationError('Say why the recommendation is only partly agreed.');
      if (input.title !== undefined && seen.recommendation_text !== null)
        throw new ValidationError('An item from the report keeps its title: it is the report’s recommendation.');
      const title = input.title === undefined ? undefined : requiredText(input.title, 'the item’s title');
      const version = basedOn(input.basedOnVersion);
      const at = nowIso(context);
      return db.transaction().execute(async (trx) => {
        const { row: before, plan } = await itemFor(trx, actor, itemId, 'write');
        const changed = await updatePlanItem(
          trx,
          itemId,
          version,
          {
            response_kind: response?.kind ?? null,
            response_reason: response?.reason ?? null,
            ...(title === undefined ? {} : { title }),
          },
          at,
        );
        if (!changed) throw staleWrite('item', version, await itemView(trx, before));
        await touchPlan(trx, plan, at);
        const after = (await findPlanItemRow(trx, itemId)) as PlanItemRow;
        await auditPlanChange(trx, who, at, {
          action: 'plan-item.respond',
          recordType: 'plan-item',
          recordId: itemId,
          before: itemAudit(before),
          after: itemAudit(after),
        });
        return itemView(trx, after);
      });
    },
  };
}

function checkWritableCouncil(actor: Actor, urn: string): void {
  if (!canWriteCouncil(actor, urn))
    throw new ForbiddenError('You can read this council’s plans but not make one: ask one of your council’s editors.');
}
