/**
 * An improvement plan's actions (issue 11): add and change one (owner kind and name, dates, status,
 * the items it serves), its page (RAG with its reason, milestones, measures, progress updates), the
 * RAG set by hand with a reason, milestones and measures. Private; the plans service checks scope.
 * Every form names the version it was based on; a stale write shows the form again with the GOV.UK
 * error summary and the saved content beside the user's.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { canWriteCouncil, type Actor } from '../../../domain/actor.ts';
import { NotFoundError, StaleWriteError } from '../../../errors.ts';
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
import { ukDate } from '../../format.ts';
import { csrfToken } from '../../middleware/set-up-csrf.ts';
import {
  formErrors,
  NO_ERRORS,
  registerPrivatePages,
  requireActor,
  type FormErrors,
} from '../account/private-pages.ts';
import { planPaths } from './plan-paths.ts';
import {
  dateField,
  domainFormErrors,
  list,
  requireWrite,
  staleView,
  text,
  versionOf,
  type FormBody,
  type StaleView,
} from './plan-forms.ts';
import { itemLabel, itemWords, parseId, planHeader } from './plans.controller.ts';

interface FormState {
  readonly values?: Record<string, string | string[]>;
  readonly errors?: FormErrors;
  readonly stale?: StaleView | null;
  readonly version?: number;
  readonly status?: number;
}

const capital = (value: string) => value[0]!.toUpperCase() + value.slice(1);
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The action must belong to the plan the address names. */
async function actionOfPlan(
  services: Services,
  actor: Actor,
  planId: number,
  actionId: number,
): Promise<{ plan: PlanView; action: ActionView }> {
  const plan = await services.plans.getPlan(actor, planId);
  const action = await services.plans.getAction(actor, actionId);
  if (action.planId !== plan.id) throw new NotFoundError('There is no such action in this plan.');
  return { plan, action };
}

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

  async function actionPage(reply: FastifyReply, actor: Actor, planId: number, actionId: number, form: FormState = {}) {
    const { plan, action } = await actionOfPlan(services, actor, planId, actionId);
    const header = await planHeader(services, plan);
    const items = plan.items.filter((item) => action.itemIds.includes(item.id));
    const values = form.values ?? {
      rating: action.ragOverride?.rating ?? 'derived',
      reason: action.ragOverride?.reason ?? '',
    };
    return reply.code(form.status ?? 200).view('pages/plans/action.njk', {
      actor,
      planId: plan.id,
      councilName: header.councilName,
      action: {
        id: action.id,
        title: action.title,
        itemsHtml: items
          .map(
            (item) =>
              `<a class="govuk-link" href="${planPaths.item(plan.id, item.id)}">${escapeHtml(itemLabel(item))}</a>: ${escapeHtml(itemWords(item))}`,
          )
          .join('<br>'),
        owner: `${action.owner.name} (${action.owner.kind})`,
        startDate: action.startDate,
        dueDate: action.dueDate,
        status: action.status,
        rag: action.rag,
      },
      milestones: action.milestones.map((milestone) => [
        { text: milestone.title },
        { text: ukDate(milestone.dueDate) },
        { text: milestone.metOn ? ukDate(milestone.metOn) : 'Not yet' },
      ]),
      measures: action.measures.map((measure) => [
        {
          html: `<a class="govuk-link" href="${planPaths.measure(plan.id, measure.id)}">${escapeHtml(measure.what)}</a>`,
        },
        { text: `${measure.baseline.value}${measure.unit} on ${ukDate(measure.baseline.date)}` },
        { text: `${measure.target.value}${measure.unit} by ${ukDate(measure.target.date)}` },
        {
          text: measure.progress.latest
            ? `${measure.progress.latest.value}${measure.unit} on ${ukDate(measure.progress.latest.date)} (${measure.progress.travel})`
            : 'No value yet',
        },
      ]),
      updates: [...action.updates].reverse().map((update) => ({
        date: update.date,
        author: update.author,
        status: update.status,
        text: update.text,
        evidence: [...update.evidence, ...update.files.map((file) => file.fileName)],
      })),
      values,
      ratingChoices: [
        { value: 'derived', text: 'Worked out', checked: values.rating === 'derived' },
        ...RAG_RATINGS.map((rating) => ({ value: rating, text: capital(rating), checked: values.rating === rating })),
      ],
      errors: form.errors ?? NO_ERRORS,
      stale: form.stale ?? null,
      version: form.version ?? action.version,
      canWrite: canWriteCouncil(actor, plan.council),
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
      const plan = await plans.getPlan(actor, parseId(request.params.id, 'plan'));
      const body = request.body ?? {};
      const { values, errors, input } = readActionForm(body);
      if (errors.length > 0)
        return actionForm(reply, actor, plan, null, {
          values,
          errors: formErrors(errors),
          version: versionOf(body),
          status: 400,
        });
      try {
        const action = await plans.addAction(actor, plan.id, { ...input, basedOnVersion: versionOf(body) });
        return reply.redirect(planPaths.action(plan.id, action.id), 303);
      } catch (error) {
        if (error instanceof StaleWriteError) {
          // An addition is based on the plan's version: the plan moved on; show the form again on the new version.
          return actionForm(reply, actor, await plans.getPlan(actor, plan.id), null, {
            values,
            errors: domainFormErrors(error, 'title'),
            version: error.currentVersion,
            status: 409,
          });
        }
        return actionForm(reply, actor, plan, null, {
          values,
          errors: domainFormErrors(error, 'title'),
          version: versionOf(body),
          status: 400,
        });
      }
    });

    scope.get<{ Params: { id: string; actionId: string } }>('/plans/:id/actions/:actionId', async (request, reply) =>
      actionPage(
        reply,
        requireActor(request),
        parseId(request.params.id, 'plan'),
        parseId(request.params.actionId, 'action'),
      ),
    );

    scope.get<{ Params: { id: string; actionId: string } }>(
      '/plans/:id/actions/:actionId/edit',
      async (request, reply) => {
        const actor = requireActor(request);
        const { plan, action } = await actionOfPlan(
          services,
          actor,
          parseId(request.params.id, 'plan'),
          parseId(request.params.actionId, 'action'),
        );
        return actionForm(reply, actor, plan, action);
      },
    );

    scope.post<{ Params: { id: string; actionId: string }; Body: FormBody }>(
      '/plans/:id/actions/:actionId/edit',
      async (request, reply) => {
        const actor = requireActor(request);
        const { plan, action } = await actionOfPlan(
          services,
          actor,
          parseId(request.params.id, 'plan'),
          parseId(request.params.actionId, 'action'),
        );
        const body = request.body ?? {};
        const { values, errors, input } = readActionForm(body);
        if (errors.length > 0)
          return actionForm(reply, actor, plan, action, {
            values,
            errors: formErrors(errors),
            version: versionOf(body),
            status: 400,
          });
        try {
          await plans.updateAction(actor, action.id, { ...input, basedOnVersion: versionOf(body) });
          return reply.redirect(planPaths.action(plan.id, action.id), 303);
        } catch (error) {
          if (error instanceof StaleWriteError) {
            const saved = await plans.getAction(actor, action.id);
            return actionForm(reply, actor, plan, saved, {
              values,
              errors: domainFormErrors(error, 'title'),
              stale: staleAction(values, saved),
              version: saved.version,
              status: 409,
            });
          }
          return actionForm(reply, actor, plan, action, {
            values,
            errors: domainFormErrors(error, 'title'),
            version: versionOf(body),
            status: 400,
          });
        }
      },
    );

    scope.post<{ Params: { id: string; actionId: string }; Body: FormBody }>(
      '/plans/:id/actions/:actionId/rag',
      async (request, reply) => {
        const actor = requireActor(request);
        const planId = parseId(request.params.id, 'plan');
        const { plan, action } = await actionOfPlan(
          services,
          actor,
          planId,
          parseId(request.params.actionId, 'action'),
        );
        requireWrite(actor, plan.council);
        const body = request.body ?? {};
        const values = { rating: text(body, 'rating'), reason: text(body, 'reason') };
        const errors: [string, string][] = [];
        const derived = values.rating === 'derived';
        if (!derived && !(RAG_RATINGS as readonly string[]).includes(values.rating))
          errors.push(['rating', 'Select a rating, or “Worked out”']);
        if (!derived && values.reason === '') errors.push(['reason', 'Enter why the rating is set by hand']);
        if (errors.length > 0)
          return actionPage(reply, actor, planId, action.id, {
            values,
            errors: formErrors(errors),
            version: versionOf(body),
            status: 400,
          });
        try {
          await plans.overrideRag(actor, action.id, {
            rating: derived ? null : (values.rating as RagRating),
            reason: values.reason,
            basedOnVersion: versionOf(body),
          });
          return reply.redirect(planPaths.action(planId, action.id), 303);
        } catch (error) {
          if (error instanceof StaleWriteError) {
            const saved = await plans.getAction(actor, action.id);
            const stale = staleView([
              ['Rating', values.rating, saved.ragOverride?.rating ?? 'derived'],
              ['Why', values.reason, saved.ragOverride?.reason ?? ''],
            ]);
            return actionPage(reply, actor, planId, action.id, {
              values,
              errors: domainFormErrors(error, 'rating'),
              stale,
              version: saved.version,
              status: 409,
            });
          }
          return actionPage(reply, actor, planId, action.id, {
            values,
            errors: domainFormErrors(error, 'reason'),
            version: versionOf(body),
            status: 400,
          });
        }
      },
    );

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

    scope.get<{ Params: { id: string; actionId: string } }>(
      '/plans/:id/actions/:actionId/milestones/new',
      async (request, reply) => {
        const actor = requireActor(request);
        const { plan, action } = await actionOfPlan(
          services,
          actor,
          parseId(request.params.id, 'plan'),
          parseId(request.params.actionId, 'action'),
        );
        return milestoneForm(reply, actor, plan, action);
      },
    );

    scope.post<{ Params: { id: string; actionId: string }; Body: FormBody }>(
      '/plans/:id/actions/:actionId/milestones/new',
      async (request, reply) => {
        const actor = requireActor(request);
        const { plan, action } = await actionOfPlan(
          services,
          actor,
          parseId(request.params.id, 'plan'),
          parseId(request.params.actionId, 'action'),
        );
        const body = request.body ?? {};
        const values = { title: text(body, 'title'), dueDate: text(body, 'dueDate') };
        const errors: [string, string][] = [];
        if (values.title === '') errors.push(['title', 'Enter the milestone']);
        const dueDate = dateField(body, 'dueDate', 'date it is due', true, errors);
        if (errors.length > 0)
          return milestoneForm(reply, actor, plan, action, {
            values,
            errors: formErrors(errors),
            version: versionOf(body),
            status: 400,
          });
        try {
          await plans.addMilestone(actor, action.id, {
            title: values.title,
            dueDate: dueDate!,
            basedOnVersion: versionOf(body),
          });
          return reply.redirect(planPaths.action(plan.id, action.id), 303);
        } catch (error) {
          const status = error instanceof StaleWriteError ? 409 : 400;
          const version = error instanceof StaleWriteError ? error.currentVersion : versionOf(body);
          return milestoneForm(reply, actor, plan, action, {
            values,
            errors: domainFormErrors(error, 'title'),
            version,
            status,
          });
        }
      },
    );

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

    scope.get<{ Params: { id: string; actionId: string } }>(
      '/plans/:id/actions/:actionId/measures/new',
      async (request, reply) => {
        const actor = requireActor(request);
        const { plan, action } = await actionOfPlan(
          services,
          actor,
          parseId(request.params.id, 'plan'),
          parseId(request.params.actionId, 'action'),
        );
        return measureForm(reply, actor, plan, action);
      },
    );

    scope.post<{ Params: { id: string; actionId: string }; Body: FormBody }>(
      '/plans/:id/actions/:actionId/measures/new',
      async (request, reply) => {
        const actor = requireActor(request);
        const { plan, action } = await actionOfPlan(
          services,
          actor,
          parseId(request.params.id, 'plan'),
          parseId(request.params.actionId, 'action'),
        );
        const body = request.body ?? {};
        const names = [
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
        const values = Object.fromEntries(names.map((name) => [name, text(body, name)])) as Record<
          (typeof names)[number],
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
        if (errors.length > 0)
          return measureForm(reply, actor, plan, action, {
            values,
            errors: formErrors(errors),
            version: versionOf(body),
            status: 400,
          });
        try {
          await plans.addMeasure(actor, action.id, {
            what: values.what,
            unit: values.unit,
            betterWhen: values.betterWhen as BetterWhen,
            baseline: { value: baseline, date: baselineDate! },
            target: { value: target, date: targetDate! },
            frequency: values.frequency,
            source: values.source,
            basedOnVersion: versionOf(body),
          });
          return reply.redirect(planPaths.action(plan.id, action.id), 303);
        } catch (error) {
          const status = error instanceof StaleWriteError ? 409 : 400;
          const version = error instanceof StaleWriteError ? error.currentVersion : versionOf(body);
          return measureForm(reply, actor, plan, action, {
            values,
            errors: domainFormErrors(error, 'what'),
            version,
            status,
          });
        }
      },
    );
  });
}
