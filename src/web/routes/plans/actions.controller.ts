/**
 * An improvement plan's actions (issue 11): add and change one (owner kind and name, dates, status,
 * the items it serves), its page (action-page.ts), the RAG set by hand with a reason, milestones
 * and measures. Private; the plans service checks scope. Every form names the version it was based
 * on and is handled by `submitPlanForm`: a stale write shows the form again with the GOV.UK error
 * summary and, for a change, the saved content beside the user's.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../../domain/actor.ts';
import type { ActionView, PlanView, Services } from '../../../services/index.ts';
import {
  ACTION_STATUSES,
  BETTER_WHEN,
  OWNER_KINDS,
  RAG_RATINGS,
  type ActionStatus,
  type BetterWhen,
  type OwnerKind,
  type RagRating,
} from '../../../services/plan-vocabulary.ts';
import { csrfToken } from '../../middleware/set-up-csrf.ts';
import { NO_ERRORS, registerPrivatePages, requireActor } from '../account/private-pages.ts';
import { actionOfPlan, actionPage } from './action-page.ts';
import { planPaths } from './plan-paths.ts';
import {
  capital,
  dateField,
  list,
  requireWrite,
  staleView,
  submitPlanForm,
  text,
  type FormBody,
  type PlanFormState,
} from './plan-forms.ts';
import { itemLabel, itemWords, parseId, planHeader } from './plans.controller.ts';

type Values = Record<string, string | string[]>;
type FormState = PlanFormState<Values>;

function actionValues(action: ActionView): Record<string, string | string[]> {
  return {
    title: action.title,
    itemIds: action.itemIds.map(String),
    ownerKind: action.owner.kind,
    ownerName: action.owner.name,
    startDate: action.startDate ?? '',
    dueDate: action.dueDate,
    status: action.status,
  };
}

export function registerActionPages(app: FastifyInstance, services: Services): Promise<void> {
  const { plans } = services;

  async function actionForm(
    reply: FastifyReply,
    actor: Actor,
    plan: PlanView,
    action: ActionView | null,
    form: FormState = {},
  ) {
    requireWrite(actor, plan.council);
    const header = await planHeader(services, plan);
    const values =
      form.values ?? (action ? actionValues(action) : { status: 'not started', ownerKind: 'person', itemIds: [] });
    const chosenItems = new Set([values.itemIds ?? []].flat());
    return reply.code(form.status ?? 200).view('pages/plans/action-form.njk', {
      actor,
      councilName: header.councilName,
      actionId: action?.id ?? null,
      formAction: action ? planPaths.editAction(plan.id, action.id) : planPaths.newAction(plan.id),
      backHref: action ? planPaths.action(plan.id, action.id) : planPaths.plan(plan.id),
      values,
      itemChoices: plan.items.map((item) => ({
        value: String(item.id),
        text: `${itemLabel(item)}: ${itemWords(item)}`,
        checked: chosenItems.has(String(item.id)),
      })),
      ownerKinds: OWNER_KINDS.map((kind) => ({ value: kind, text: capital(kind), checked: values.ownerKind === kind })),
      statuses: ACTION_STATUSES.map((status) => ({
        value: status,
        text: capital(status),
        checked: values.status === status,
      })),
      errors: form.errors ?? NO_ERRORS,
      stale: form.stale ?? null,
      version: form.version ?? (action ? action.version : plan.version),
      csrfToken: csrfToken(reply),
      planPaths,
    });
  }

  function readActionForm(body: FormBody): {
    values: Record<string, string | string[]>;
    errors: [string, string][];
    input: {
      itemIds: number[];
      title: string;
      owner: { kind: OwnerKind; name: string };
      startDate: string | null;
      dueDate: string;
      status: ActionStatus;
    };
  } {
    const values = {
      title: text(body, 'title'),
      itemIds: list(body, 'itemIds'),
      ownerKind: text(body, 'ownerKind'),
      ownerName: text(body, 'ownerName'),
      startDate: text(body, 'startDate'),
      dueDate: text(body, 'dueDate'),
      status: text(body, 'status'),
    };
    const errors: [string, string][] = [];
    if (values.title === '') errors.push(['title', 'Enter what will be delivered']);
    if (values.itemIds.length === 0) errors.push(['itemIds', 'Select at least one item the action serves']);
    if (!(OWNER_KINDS as readonly string[]).includes(values.ownerKind))
      errors.push(['ownerKind', 'Select whether the owner is a person, a role or a team']);
    if (values.ownerName === '') errors.push(['ownerName', 'Enter the owner']);
    const startDate = dateField(body, 'startDate', 'start date', false, errors);
    const dueDate = dateField(body, 'dueDate', 'due date', true, errors);
    if (startDate !== null && dueDate !== null && startDate > dueDate)
      errors.push(['startDate', 'The start date must be on or before the due date']);
    if (!(ACTION_STATUSES as readonly string[]).includes(values.status)) errors.push(['status', 'Select the status']);
    return {
      values,
      errors,
      input: {
        itemIds: values.itemIds.map(Number),
        title: values.title,
        owner: { kind: values.ownerKind as OwnerKind, name: values.ownerName },
        startDate,
        dueDate: dueDate ?? '',
        status: values.status as ActionStatus,
      },
    };
  }

  function staleAction(values: Record<string, string | string[]>, saved: Partial<ActionView>) {
    return staleView([
      ['What will be delivered', String(values.title ?? ''), saved.title ?? ''],
      ['Items', [values.itemIds ?? []].flat().join(', '), (saved.itemIds ?? []).join(', ')],
      [
        'Owner',
        `${String(values.ownerName ?? '')} (${String(values.ownerKind ?? '')})`,
        saved.owner ? `${saved.owner.name} (${saved.owner.kind})` : '',
      ],
      ['Start date', String(values.startDate ?? ''), saved.startDate ?? ''],
      ['Due date', String(values.dueDate ?? ''), saved.dueDate ?? ''],
      ['Status', String(values.status ?? ''), saved.status ?? ''],
    ]);
  }

  type ActionParams = { Params: { id: string; actionId: string } };
  type ActionPost = ActionParams & { Body: FormBody };
  const ofAction = (request: { params: { id: string; actionId: string } }, actor: Actor) =>
    actionOfPlan(services, actor, parseId(request.params.id, 'plan'), parseId(request.params.actionId, 'action'));

  return registerPrivatePages(app, (scope) => {
    scope.get<{ Params: { id: string }; Querystring: { item?: string } }>(
      '/plans/:id/actions/new',
      async (request, reply) => {
        const actor = requireActor(request);
        const plan = await plans.getPlan(actor, parseId(request.params.id, 'plan'));
        const item = request.query.item;
        return actionForm(reply, actor, plan, null, {
          values: { status: 'not started', ownerKind: 'person', itemIds: item && /^\d+$/.test(item) ? [item] : [] },
        });
      },
    );

    scope.post<{ Params: { id: string }; Body: FormBody }>('/plans/:id/actions/new', async (request, reply) => {
      const actor = requireActor(request);
      let plan = await plans.getPlan(actor, parseId(request.params.id, 'plan'));
      const body = request.body ?? {};
      return submitPlanForm(reply, body, {
        read: () => readActionForm(body),
        save: async (input, basedOnVersion) =>
          planPaths.action(plan.id, (await plans.addAction(actor, plan.id, { ...input, basedOnVersion })).id),
        show: (state) => actionForm(reply, actor, plan, null, state),
        errorField: 'title',
        // An addition is based on the plan's version: the plan moved on; show the form again on the new version.
        whenStale: async (error) => {
          plan = await plans.getPlan(actor, plan.id);
          return { version: error.currentVersion };
        },
      });
    });

    scope.get<ActionParams>('/plans/:id/actions/:actionId', async (request, reply) =>
      actionPage(
        services,
        reply,
        requireActor(request),
        parseId(request.params.id, 'plan'),
        parseId(request.params.actionId, 'action'),
      ),
    );

    scope.get<ActionParams>('/plans/:id/actions/:actionId/edit', async (request, reply) => {
      const actor = requireActor(request);
      const { plan, action } = await ofAction(request, actor);
      return actionForm(reply, actor, plan, action);
    });

    scope.post<ActionPost>('/plans/:id/actions/:actionId/edit', async (request, reply) => {
      const actor = requireActor(request);
      const { plan, action } = await ofAction(request, actor);
      const body = request.body ?? {};
      let shownAction = action;
      return submitPlanForm(reply, body, {
        read: () => readActionForm(body),
        save: async (input, basedOnVersion) => {
          await plans.updateAction(actor, action.id, { ...input, basedOnVersion });
          return planPaths.action(plan.id, action.id);
        },
        show: (state) => actionForm(reply, actor, plan, shownAction, state),
        errorField: 'title',
        whenStale: async (_error, values) => {
          shownAction = await plans.getAction(actor, action.id);
          return { stale: staleAction(values, shownAction), version: shownAction.version };
        },
      });
    });

    scope.post<ActionPost>('/plans/:id/actions/:actionId/rag', async (request, reply) => {
      const actor = requireActor(request);
      const { plan, action } = await ofAction(request, actor);
      requireWrite(actor, plan.council);
      const body = request.body ?? {};
      return submitPlanForm(reply, body, {
        read: () => {
          const values = { rating: text(body, 'rating'), reason: text(body, 'reason') };
          const errors: [string, string][] = [];
          const derived = values.rating === 'derived';
          if (!derived && !(RAG_RATINGS as readonly string[]).includes(values.rating))
            errors.push(['rating', 'Select a rating, or “Worked out”']);
          if (!derived && values.reason === '') errors.push(['reason', 'Enter why the rating is set by hand']);
          return {
            values,
            errors,
            input: { rating: derived ? null : (values.rating as RagRating), reason: values.reason },
          };
        },
        save: async (input, basedOnVersion) => {
          await plans.overrideRag(actor, action.id, { ...input, basedOnVersion });
          return planPaths.action(plan.id, action.id);
        },
        show: (state) => actionPage(services, reply, actor, plan.id, action.id, state),
        errorField: 'reason',
        staleField: 'rating',
        whenStale: async (_error, values) => {
          const saved = await plans.getAction(actor, action.id);
          const stale = staleView([
            ['Rating', String(values.rating), saved.ragOverride?.rating ?? 'derived'],
            ['Why', String(values.reason), saved.ragOverride?.reason ?? ''],
          ]);
          return { stale, version: saved.version };
        },
      });
    });

    // Milestones.
    async function milestoneForm(
      reply: FastifyReply,
      actor: Actor,
      plan: PlanView,
      action: ActionView,
      form: FormState = {},
    ) {
      requireWrite(actor, plan.council);
      const header = await planHeader(services, plan);
      return reply.code(form.status ?? 200).view('pages/plans/milestone-form.njk', {
        actor,
        councilName: header.councilName,
        action: { id: action.id, title: action.title },
        planId: plan.id,
        values: form.values ?? {},
        errors: form.errors ?? NO_ERRORS,
        version: form.version ?? action.version,
        csrfToken: csrfToken(reply),
        planPaths,
      });
    }

    scope.get<ActionParams>('/plans/:id/actions/:actionId/milestones/new', async (request, reply) => {
      const actor = requireActor(request);
      const { plan, action } = await ofAction(request, actor);
      return milestoneForm(reply, actor, plan, action);
    });

    scope.post<ActionPost>('/plans/:id/actions/:actionId/milestones/new', async (request, reply) => {
      const actor = requireActor(request);
      const { plan, action } = await ofAction(request, actor);
      const body = request.body ?? {};
      return submitPlanForm(reply, body, {
        read: () => {
          const values = { title: text(body, 'title'), dueDate: text(body, 'dueDate') };
          const errors: [string, string][] = [];
          if (values.title === '') errors.push(['title', 'Enter the milestone']);
          const dueDate = dateField(body, 'dueDate', 'date it is due', true, errors);
          return { values, errors, input: { title: values.title, dueDate: dueDate ?? '' } };
        },
        save: async (input, basedOnVersion) => {
          await plans.addMilestone(actor, action.id, { ...input, basedOnVersion });
          return planPaths.action(plan.id, action.id);
        },
        show: (state) => milestoneForm(reply, actor, plan, action, state),
        errorField: 'title',
      });
    });

    // Measures.
    async function measureForm(
      reply: FastifyReply,
      actor: Actor,
      plan: PlanView,
      action: ActionView,
      form: FormState = {},
    ) {
      requireWrite(actor, plan.council);
      const header = await planHeader(services, plan);
      const values = form.values ?? { betterWhen: 'higher' };
      return reply.code(form.status ?? 200).view('pages/plans/measure-form.njk', {
        actor,
        councilName: header.councilName,
        action: { id: action.id, title: action.title },
        planId: plan.id,
        values,
        betterChoices: BETTER_WHEN.map((better) => ({
          value: better,
          text: better === 'higher' ? 'A higher value' : 'A lower value',
          checked: values.betterWhen === better,
        })),
        errors: form.errors ?? NO_ERRORS,
        version: form.version ?? action.version,
        csrfToken: csrfToken(reply),
        planPaths,
      });
    }

    scope.get<ActionParams>('/plans/:id/actions/:actionId/measures/new', async (request, reply) => {
      const actor = requireActor(request);
      const { plan, action } = await ofAction(request, actor);
      return measureForm(reply, actor, plan, action);
    });

    scope.post<ActionPost>('/plans/:id/actions/:actionId/measures/new', async (request, reply) => {
      const actor = requireActor(request);
      const { plan, action } = await ofAction(request, actor);
      const body = request.body ?? {};
      return submitPlanForm(reply, body, {
        read: () => readMeasureForm(body),
        save: async (input, basedOnVersion) => {
          await plans.addMeasure(actor, action.id, { ...input, basedOnVersion });
          return planPaths.action(plan.id, action.id);
        },
        show: (state) => measureForm(reply, actor, plan, action, state),
        errorField: 'what',
      });
    });
  });
}

const MEASURE_FIELDS = [
  'what',
  'unit',
  'betterWhen',
  'baseline',
  'baselineDate',
  'target',
  'targetDate',
  'frequency',
  'source',
] as const;

function readMeasureForm(body: FormBody) {
  const values = Object.fromEntries(MEASURE_FIELDS.map((name) => [name, text(body, name)])) as Record<
    (typeof MEASURE_FIELDS)[number],
    string
  >;
  const errors: [string, string][] = [];
  if (values.what === '') errors.push(['what', 'Enter what is measured']);
  if (!(BETTER_WHEN as readonly string[]).includes(values.betterWhen))
    errors.push(['betterWhen', 'Select whether a higher or a lower value is better']);
  const number = (name: 'baseline' | 'target', label: string): number => {
    const value = Number(values[name].replace(/,/g, ''));
    if (values[name] === '' || !Number.isFinite(value)) errors.push([name, `Enter the ${label} as a number`]);
    return value;
  };
  const baseline = number('baseline', 'baseline');
  const baselineDate = dateField(body, 'baselineDate', 'baseline date', true, errors);
  const target = number('target', 'target');
  const targetDate = dateField(body, 'targetDate', 'target date', true, errors);
  if (values.frequency === '') errors.push(['frequency', 'Enter how often it is measured, for example monthly']);
  return {
    values,
    errors,
    input: {
      what: values.what,
      unit: values.unit,
      betterWhen: values.betterWhen as BetterWhen,
      baseline: { value: baseline, date: baselineDate ?? '' },
      target: { value: target, date: targetDate ?? '' },
      frequency: values.frequency,
      source: values.source,
    },
  };
}
