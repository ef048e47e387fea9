/**
 * Improvement plan pages (issue 11), private to the council's people and admins: a council's plans,
 * a plan started from an inspection, the plan as a GOV.UK task list with its gaps first, and the
 * council's response to an item. The plans service checks scope (401, 404 unseen, 403 not
 * writable); these pages shape forms and answers. Every form carries the version it was based on;
 * a stale write shows the form again with the saved content beside the user's.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { todayIso } from '../../../calendar/index.ts';
import { canWriteCouncil, type Actor } from '../../../domain/actor.ts';
import { NotFoundError, StaleWriteError } from '../../../errors.ts';
import type { PlanItemView, PlanView, Services } from '../../../services/index.ts';
import { ITEM_RESPONSES } from '../../../services/plan-vocabulary.ts';
import { paths } from '../../../paths.ts';
import { kindLabel, ukDate } from '../../format.ts';
import { csrfToken } from '../../middleware/set-up-csrf.ts';
import {
  formErrors,
  NO_ERRORS,
  registerPrivatePages,
  requireActor,
  type FormErrors,
} from '../account/private-pages.ts';
import { urnSchema } from '../council/council.controller.ts';
import { planPaths } from './plan-paths.ts';
import { papersSection } from './plan-papers-section.ts';
import {
  domainFormErrors,
  requireWrite,
  staleView,
  text,
  versionOf,
  type FormBody,
  type StaleView,
} from './plan-forms.ts';

const idSchema = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);

export function parseId(value: unknown, what: string): number {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw new NotFoundError(`There is no such ${what}.`);
  return parsed.data;
}

export function parseUrn(value: unknown): string {
  const parsed = urnSchema.safeParse(value);
  if (!parsed.success) throw new NotFoundError('There is no such council.');
  return parsed.data;
}

/** What an item is called: the report's numbering ("Recommendation 2") for a recommendation, else "The council's own item". */
export function itemLabel(item: Pick<PlanItemView, 'recommendation' | 'title'>): string {
  if (item.recommendation === null) return "The council's own item";
  return item.title;
}

/** An item's words: the recommendation word for word, or the council's own item's title. */
export function itemWords(item: Pick<PlanItemView, 'recommendation' | 'title'>): string {
  return item.recommendation?.text ?? item.title;
}

/** What the plan pages say of the plan itself. */
export async function planHeader(
  services: Services,
  plan: PlanView,
): Promise<{
  id: number;
  urn: string;
  councilName: string;
  status: string;
  dueDate: string;
  version: number;
  inspectionId: number;
  inspectionLabel: string;
}> {
  const councilName = await services.councils.nameOf(plan.council);
  let inspectionLabel = `Inspection ${plan.inspectionId}`;
  try {
    const inspection = await services.readModel.inspection(plan.inspectionId);
    inspectionLabel = `${kindLabel(inspection.kind)} published ${ukDate(inspection.published)}`;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  return {
    id: plan.id,
    urn: plan.council,
    councilName,
    status: plan.status,
    dueDate: plan.dueDate,
    version: plan.version,
    inspectionId: plan.inspectionId,
    inspectionLabel,
  };
}

export function registerPlanPages(app: FastifyInstance, services: Services): Promise<void> {
  const { plans } = services;

  async function newPlanPage(
    reply: FastifyReply,
    actor: Actor,
    urn: string,
    errors: FormErrors = NO_ERRORS,
    status = 200,
  ) {
    // Scope first: the list says 404 for a council the actor cannot see.
    await plans.listCouncilPlans(actor, urn);
    requireWrite(actor, urn);
    const story = await services.readModel.councilStory(urn, todayIso());
    const inspections = [
      ...story.history.map((entry) => ({
        value: String(entry.id),
        text: `${kindLabel(entry.kind)} published ${ukDate(entry.published)}`,
      })),
      ...story.letters
        .filter((letter) => letter.priorityActions.length > 0)
        .map((letter) => ({
          value: String(letter.id),
          text: `Focused visit letter published ${ukDate(letter.published)}, with areas for priority action`,
        })),
    ];
    return reply.code(status).view('pages/plans/new-plan.njk', {
      actor,
      urn,
      councilName: story.council.name,
      inspections,
      errors,
      csrfToken: csrfToken(reply),
      planPaths,
    });
  }

  async function planPage(reply: FastifyReply, actor: Actor, planId: number, sinceAsked: unknown) {
    const { plan, actions, versions } = await plans.getPlanOverview(actor, planId);
    const header = await planHeader(services, plan);
    const itemById = new Map(plan.items.map((item) => [item.id, item]));
    const gapTasks = [
      ...plan.items
        .filter((item) => item.actionIds.length === 0)
        .map((item) => ({
          title: { text: `${itemLabel(item)} has no action` },
          hint: { text: itemWords(item) },
          href: planPaths.newAction(plan.id) + `?item=${item.id}`,
          status: { tag: { text: 'No action', classes: 'govuk-tag--red' } },
        })),
      ...actions
        .filter((action) => action.measureCount === 0)
        .map((action) => ({
          title: { text: `The action “${action.title}” has no measure` },
          href: planPaths.newMeasure(plan.id, action.id),
          status: { tag: { text: 'No measure', classes: 'govuk-tag--red' } },
        })),
    ];
    const itemTasks = plan.items.map((item) => ({
      title: { text: `${itemLabel(item)}: ${itemWords(item)}` },
      hint: {
        text: item.response
          ? `${item.response.kind[0]!.toUpperCase()}${item.response.kind.slice(1)}: ${item.response.reason}`
          : 'No response yet',
      },
      href: planPaths.item(plan.id, item.id),
      status:
        item.actionIds.length === 0
          ? { tag: { text: 'No action', classes: 'govuk-tag--red' } }
          : { text: `${item.actionIds.length} action${item.actionIds.length === 1 ? '' : 's'}` },
    }));
    return reply.memoisedView('pages/plans/plan.njk', {
      actor,
      plan: header,
      coverage: plan.coverage,
      gaps: gapTasks,
      itemTasks,
      actions: actions.map((action) => ({
        id: action.id,
        title: action.title,
        href: planPaths.action(plan.id, action.id),
        owner: `${action.owner.name} (${action.owner.kind})`,
        dueDate: action.dueDate,
        status: action.status,
        rag: action.rag,
        items: action.itemIds
          .map((id) => itemById.get(id))
          .filter((item) => item !== undefined)
          .map(itemLabel),
      })),
      canWrite: canWriteCouncil(actor, plan.council),
      papers: papersSection(services, versions, plan.id, sinceAsked),
      planPaths,
      paths,
    });
  }

  async function itemPage(
    reply: FastifyReply,
    actor: Actor,
    planId: number,
    itemId: number,
    form: {
      values?: Record<string, string>;
      errors?: FormErrors;
      stale?: StaleView | null;
      version?: number;
      status?: number;
    } = {},
  ) {
    const plan = await plans.getPlan(actor, planId);
    const item = plan.items.find((candidate) => candidate.id === itemId);
    if (!item) throw new NotFoundError('There is no such item in this plan.');
    const content = await plans.getPlanContent(actor, planId);
    const header = await planHeader(services, plan);
    const values = form.values ?? { response: item.response?.kind ?? '', reason: item.response?.reason ?? '' };
    return reply.code(form.status ?? 200).view('pages/plans/item.njk', {
      actor,
      planId,
      councilName: header.councilName,
      item: {
        id: item.id,
        title: itemWords(item),
        label: itemLabel(item),
        actions: content.actions.filter((action) => action.itemIds.includes(item.id)).map((action) => action.title),
      },
      values,
      responseChoices: ITEM_RESPONSES.map((kind) => ({
        value: kind,
        text: kind[0]!.toUpperCase() + kind.slice(1),
        checked: values.response === kind,
      })),
      errors: form.errors ?? NO_ERRORS,
      stale: form.stale ?? null,
      version: form.version ?? item.version,
      canWrite: canWriteCouncil(actor, plan.council),
      csrfToken: csrfToken(reply),
      planPaths,
    });
  }

  return registerPrivatePages(app, (scope) => {
    scope.get<{ Params: { urn: string } }>('/councils/:urn/plans', async (request, reply) => {
      const actor = requireActor(request);
      const urn = parseUrn(request.params.urn);
      const list = await plans.listCouncilPlans(actor, urn);
      const councilName = await services.councils.nameOf(urn);
      const rows = await Promise.all(
        list.map(async (plan) => ({
          id: plan.id,
          status: plan.status,
          dueDate: plan.dueDate,
          inspectionLabel: (
            await planHeader(services, {
              ...plan,
              items: [],
              coverage: { items: 0, itemsWithAction: 0, actions: 0, actionsWithMeasure: 0 },
              createdAt: '',
              updatedAt: plan.updatedAt,
            })
          ).inspectionLabel,
        })),
      );
      return reply.view('pages/plans/council-plans.njk', {
        actor,
        urn,
        councilName,
        plans: rows,
        canWrite: canWriteCouncil(actor, urn),
        planPaths,
      });
    });

    scope.get<{ Params: { urn: string } }>('/councils/:urn/plans/new', async (request, reply) =>
      newPlanPage(reply, requireActor(request), parseUrn(request.params.urn)),
    );

    scope.post<{ Params: { urn: string }; Body: FormBody }>('/councils/:urn/plans/new', async (request, reply) => {
      const actor = requireActor(request);
      const urn = parseUrn(request.params.urn);
      await plans.listCouncilPlans(actor, urn);
      requireWrite(actor, urn);
      const chosen = Number(text(request.body ?? {}, 'inspectionId'));
      if (!Number.isInteger(chosen) || chosen < 1)
        return newPlanPage(
          reply,
          actor,
          urn,
          formErrors([['inspectionId', 'Select the report the plan answers']]),
          400,
        );
      try {
        const plan = await plans.createPlan(actor, urn, { inspectionId: chosen });
        return reply.redirect(planPaths.plan(plan.id), 303);
      } catch (error) {
        return newPlanPage(reply, actor, urn, domainFormErrors(error, 'inspectionId'), 400);
      }
    });

    scope.get<{ Params: { id: string }; Querystring: { since?: unknown } }>('/plans/:id', async (request, reply) =>
      planPage(reply, requireActor(request), parseId(request.params.id, 'plan'), request.query?.since),
    );

    scope.get<{ Params: { id: string; itemId: string } }>('/plans/:id/items/:itemId', async (request, reply) =>
      itemPage(
        reply,
        requireActor(request),
        parseId(request.params.id, 'plan'),
        parseId(request.params.itemId, 'item'),
      ),
    );

    scope.post<{ Params: { id: string; itemId: string }; Body: FormBody }>(
      '/plans/:id/items/:itemId',
      async (request, reply) => {
        const actor = requireActor(request);
        const planId = parseId(request.params.id, 'plan');
        const itemId = parseId(request.params.itemId, 'item');
        requireWrite(actor, (await plans.getPlan(actor, planId)).council);
        const body = request.body ?? {};
        const values = { response: text(body, 'response'), reason: text(body, 'reason') };
        const errors: [string, string][] = [];
        if (!(ITEM_RESPONSES as readonly string[]).includes(values.response))
          errors.push(['response', 'Select whether the council agrees or partly agrees']);
        if (values.reason === '') errors.push(['reason', 'Enter the reasons for the response']);
        if (errors.length > 0)
          return itemPage(reply, actor, planId, itemId, {
            values,
            errors: formErrors(errors),
            version: versionOf(body),
            status: 400,
          });
        // The item must belong to this plan: the page address names both.
        const plan = await plans.getPlan(actor, planId);
        if (!plan.items.some((item) => item.id === itemId))
          throw new NotFoundError('There is no such item in this plan.');
        try {
          await plans.respondToItem(actor, itemId, {
            response: { kind: values.response as (typeof ITEM_RESPONSES)[number], reason: values.reason },
            basedOnVersion: versionOf(body),
          });
          return reply.redirect(planPaths.plan(planId), 303);
        } catch (error) {
          if (error instanceof StaleWriteError) {
            const saved = error.current as Partial<PlanItemView>;
            const stale = staleView([
              ['Response', values.response, saved.response?.kind ?? ''],
              ['Reasons', values.reason, saved.response?.reason ?? ''],
            ]);
            return itemPage(reply, actor, planId, itemId, {
              values,
              errors: domainFormErrors(error, 'response'),
              stale,
              version: error.currentVersion,
              status: 409,
            });
          }
          return itemPage(reply, actor, planId, itemId, {
            values,
            errors: domainFormErrors(error, 'reason'),
            version: versionOf(body),
            status: 400,
          });
        }
      },
    );
  });
}
