/**
 * Progress on a plan (issue 11): a measure's page (its values as a table, distance to target and
 * direction of travel) with a form for a new dated value, and progress updates on an action (text,
 * status, evidence links). Private; the plans service checks scope; every form names its version.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../../domain/actor.ts';
import { StaleWriteError } from '../../../errors.ts';
import type { ActionView, PlanView, Services } from '../../../services/index.ts';
import { ACTION_STATUSES, type ActionStatus } from '../../../services/plan-vocabulary.ts';
import { csrfToken } from '../../middleware/set-up-csrf.ts';
import {
  formErrors,
  NO_ERRORS,
  registerPrivatePages,
  requireActor,
  type FormErrors,
} from '../account/private-pages.ts';
import { actionOfPlan } from './action-page.ts';
import { measureOfPlan, measurePage } from './measure-page.ts';
import { planPaths } from './plan-paths.ts';
import { capital, dateField, domainFormErrors, requireWrite, text, versionOf, type FormBody } from './plan-forms.ts';
import { parseId, planHeader } from './plans.controller.ts';

interface FormState {
  readonly values?: Record<string, string>;
  readonly errors?: FormErrors;
  readonly version?: number;
  readonly status?: number;
}

export function registerProgressPages(app: FastifyInstance, services: Services): Promise<void> {
  const { plans } = services;

  async function updateForm(
    reply: FastifyReply,
    actor: Actor,
    plan: PlanView,
    action: ActionView,
    form: FormState = {},
  ) {
    requireWrite(actor, plan.council);
    const header = await planHeader(services, plan);
    const values = form.values ?? { status: action.status };
    return reply.code(form.status ?? 200).view('pages/plans/update-form.njk', {
      actor,
      planId: plan.id,
      councilName: header.councilName,
      action: { id: action.id, title: action.title },
      values,
      statuses: ACTION_STATUSES.map((status) => ({
        value: status,
        text: capital(status),
        checked: values.status === status,
      })),
      errors: form.errors ?? NO_ERRORS,
      version: form.version ?? action.version,
      csrfToken: csrfToken(reply),
      planPaths,
    });
  }

  return registerPrivatePages(app, (scope) => {
    scope.get<{ Params: { id: string; measureId: string } }>('/plans/:id/measures/:measureId', async (request, reply) =>
      measurePage(
        services,
        reply,
        requireActor(request),
        parseId(request.params.id, 'plan'),
        parseId(request.params.measureId, 'measure'),
      ),
    );

    scope.post<{ Params: { id: string; measureId: string }; Body: FormBody }>(
      '/plans/:id/measures/:measureId/values',
      async (request, reply) => {
        const actor = requireActor(request);
        const planId = parseId(request.params.id, 'plan');
        const { plan, measure } = await measureOfPlan(
          services,
          actor,
          planId,
          parseId(request.params.measureId, 'measure'),
        );
        requireWrite(actor, plan.council);
        const body = request.body ?? {};
        const values = { date: text(body, 'date'), value: text(body, 'value'), comment: text(body, 'comment') };
        const errors: [string, string][] = [];
        const date = dateField(body, 'date', 'date of the value', true, errors);
        const value = Number(values.value.replace(/,/g, ''));
        if (values.value === '' || !Number.isFinite(value)) errors.push(['value', 'Enter the value as a number']);
        if (errors.length > 0)
          return measurePage(services, reply, actor, planId, measure.id, {
            values,
            errors: formErrors(errors),
            version: versionOf(body),
            status: 400,
          });
        try {
          await plans.addMeasureValue(actor, measure.id, {
            date: date!,
            value,
            comment: values.comment,
            basedOnVersion: versionOf(body),
          });
          return reply.redirect(planPaths.measure(planId, measure.id), 303);
        } catch (error) {
          const stale = error instanceof StaleWriteError;
          return measurePage(services, reply, actor, planId, measure.id, {
            values,
            errors: domainFormErrors(error, 'value'),
            version: stale ? error.currentVersion : versionOf(body),
            status: stale ? 409 : 400,
          });
        }
      },
    );

    scope.get<{ Params: { id: string; actionId: string } }>(
      '/plans/:id/actions/:actionId/updates/new',
      async (request, reply) => {
        const actor = requireActor(request);
        const { plan, action } = await actionOfPlan(
          services,
          actor,
          parseId(request.params.id, 'plan'),
          parseId(request.params.actionId, 'action'),
        );
        return updateForm(reply, actor, plan, action);
      },
    );

    scope.post<{ Params: { id: string; actionId: string }; Body: FormBody }>(
      '/plans/:id/actions/:actionId/updates/new',
      async (request, reply) => {
        const actor = requireActor(request);
        const { plan, action } = await actionOfPlan(
          services,
          actor,
          parseId(request.params.id, 'plan'),
          parseId(request.params.actionId, 'action'),
        );
        const body = request.body ?? {};
        const values = {
          text: text(body, 'text'),
          status: text(body, 'status'),
          date: text(body, 'date'),
          evidenceLinks: text(body, 'evidenceLinks'),
        };
        const errors: [string, string][] = [];
        if (values.text === '') errors.push(['text', 'Enter the progress made']);
        if (!(ACTION_STATUSES as readonly string[]).includes(values.status))
          errors.push(['status', 'Select the action’s status now']);
        const date = dateField(body, 'date', 'date the update reports on', false, errors);
        const links = values.evidenceLinks.split(/\s*\n\s*/).filter((line) => line !== '');
        if (errors.length > 0)
          return updateForm(reply, actor, plan, action, {
            values,
            errors: formErrors(errors),
            version: versionOf(body),
            status: 400,
          });
        try {
          await plans.addUpdate(actor, action.id, {
            text: values.text,
            status: values.status as ActionStatus,
            ...(date ? { date } : {}),
            evidenceLinks: links,
            basedOnVersion: versionOf(body),
          });
          return reply.redirect(planPaths.action(plan.id, action.id), 303);
        } catch (error) {
          const stale = error instanceof StaleWriteError;
          return updateForm(reply, actor, plan, action, {
            values,
            errors: domainFormErrors(error, 'text'),
            version: stale ? error.currentVersion : versionOf(body),
            status: stale ? 409 : 400,
          });
        }
      },
    );
  });
}
