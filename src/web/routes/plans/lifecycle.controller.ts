/**
 * A plan's submission and versions (issue 11): check your answers before submission; submission
 * refused with the gaps as a GOV.UK error summary; the submitted versions, any two compared; and
 * sign-off of a version (who signed what, in what capacity, when). Private; the plans service
 * checks scope and freezes versions.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { canWriteCouncil, type Actor } from '../../../domain/actor.ts';
import { CoverageGapsError, DomainError, StaleWriteError } from '../../../errors.ts';
import type { Services } from '../../../services/index.ts';
import { COMPARED_COLLECTIONS, type PlanChanges } from '../../../services/plan-vocabulary.ts';
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
import { domainFormErrors, requireWrite, text, versionOf, type FormBody } from './plan-forms.ts';
import { itemLabel, itemWords, parseId, planHeader } from './plans.controller.ts';

const COLLECTION_LABELS: Record<(typeof COMPARED_COLLECTIONS)[number], string> = {
  items: 'Item',
  actions: 'Action',
  milestones: 'Milestone',
  measures: 'Measure',
  values: 'Measure value',
  updates: 'Progress update',
};

const versionQuery = z.object({
  from: z
    .string()
    .regex(/^(\d{1,6}|working)$/)
    .optional(),
  to: z
    .string()
    .regex(/^(\d{1,6}|working)$/)
    .optional(),
});

function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function nameOf(record: object): string {
  const named = record as { title?: string; what?: string; text?: string; date?: string; id?: number };
  return named.title ?? named.what ?? named.text?.slice(0, 80) ?? `${named.date ?? ''} #${named.id ?? ''}`;
}

/** The changes between two versions as table rows: what, change, before, after. */
export function changeRows(changes: PlanChanges): { text: string }[][] {
  const rows: { text: string }[][] = changes.plan.map((change) => [
    { text: 'The plan' },
    { text: `${change.field} changed` },
    { text: shown(change.before) },
    { text: shown(change.after) },
  ]);
  for (const collection of COMPARED_COLLECTIONS) {
    const label = COLLECTION_LABELS[collection];
    const part = changes[collection];
    for (const record of part.added)
      rows.push([{ text: `${label}: ${nameOf(record)}` }, { text: 'Added' }, { text: '' }, { text: '' }]);
    for (const record of part.removed)
      rows.push([{ text: `${label}: ${nameOf(record)}` }, { text: 'Removed' }, { text: '' }, { text: '' }]);
    for (const change of part.changed)
      for (const field of change.fields)
        rows.push([
          { text: `${label}: ${nameOf(change.after)}` },
          { text: `${field.field} changed` },
          { text: shown(field.before) },
          { text: shown(field.after) },
        ]);
  }
  return rows;
}

export function registerLifecyclePages(app: FastifyInstance, services: Services): Promise<void> {
  const { plans } = services;

  async function checkPage(
    reply: FastifyReply,
    actor: Actor,
    planId: number,
    errors: FormErrors = NO_ERRORS,
    status = 200,
  ) {
    const plan = await plans.getPlan(actor, planId);
    requireWrite(actor, plan.council);
    const content = await plans.getPlanContent(actor, planId);
    const header = await planHeader(services, plan);
    const change = (href: string, what: string) =>
      canWriteCouncil(actor, plan.council)
        ? { items: [{ href, text: 'Change', visuallyHiddenText: what }] }
        : undefined;
    const sections = [
      ...plan.items.map((item) => ({
        heading: `${itemLabel(item)}: ${itemWords(item)}`,
        rows: [
          {
            key: { text: 'Response' },
            value: { text: item.response ? `${item.response.kind}: ${item.response.reason}` : 'No response yet' },
            actions: change(planPaths.item(plan.id, item.id), `the response to ${itemLabel(item).toLowerCase()}`),
          },
          ...content.actions
            .filter((action) => action.itemIds.includes(item.id))
            .map((action) => ({
              key: { text: 'Action' },
              value: {
                text: `${action.title}. Owner: ${action.owner.name} (${action.owner.kind}); due ${ukDate(action.dueDate)}; ${action.status}; measures: ${
                  content.measures
                    .filter((measure) => measure.actionId === action.id)
                    .map((measure) => measure.what)
                    .join('; ') || 'none'
                }.`,
              },
              actions: change(planPaths.editAction(plan.id, action.id), `the action ${action.title}`),
            })),
        ],
      })),
    ];
    return reply.code(status).view('pages/plans/check.njk', {
      actor,
      plan: header,
      sections,
      errors,
      stale: null,
      csrfToken: csrfToken(reply),
      planPaths,
    });
  }

  async function versionsPage(
    reply: FastifyReply,
    actor: Actor,
    planId: number,
    notice: string | null = null,
    errors: FormErrors = NO_ERRORS,
    status = 200,
  ) {
    const plan = await plans.getPlan(actor, planId);
    const header = await planHeader(services, plan);
    const versions = await plans.listVersions(actor, planId);
    const signOffs = await plans.listSignOffs(actor, planId);
    const newestFirst = [...versions].sort((a, b) => b.number - a.number);
    const latest = newestFirst[0]?.number ?? null;
    return reply.code(status).view('pages/plans/versions.njk', {
      actor,
      plan: header,
      versions,
      versionRows: newestFirst.map((version) => [
        { text: `Version ${version.number}${version.published ? ' (published)' : ''}` },
        { text: ukDate(version.frozenAt) },
        { text: version.frozenBy },
        {
          text:
            signOffs
              .filter((signOff) => signOff.versionNumber === version.number)
              .map((signOff) => `${signOff.signedBy.name}, ${signOff.capacity}, ${ukDate(signOff.signedAt)}`)
              .join('; ') || 'Not yet',
        },
      ]),
      fromChoices: newestFirst.map((version, index) => ({
        value: String(version.number),
        text: `Version ${version.number}`,
        selected: index === 1,
      })),
      toChoices: [
        { value: 'working', text: 'The working copy' },
        ...newestFirst.map((version, index) => ({
          value: String(version.number),
          text: `Version ${version.number}`,
          selected: index === 0,
        })),
      ],
      latestVersion: latest,
      latestHead: newestFirst[0]
        ? { frozenOn: ukDate(newestFirst[0].frozenAt), frozenBy: newestFirst[0].frozenBy }
        : null,
      canSignOff: latest !== null && canWriteCouncil(actor, plan.council),
      notice,
      errors,
      csrfToken: csrfToken(reply),
      planPaths,
    });
  }

  return registerPrivatePages(app, (scope) => {
    scope.get<{ Params: { id: string } }>('/plans/:id/check', async (request, reply) =>
      checkPage(reply, requireActor(request), parseId(request.params.id, 'plan')),
    );

    scope.post<{ Params: { id: string }; Body: FormBody }>('/plans/:id/submit', async (request, reply) => {
      const actor = requireActor(request);
      const planId = parseId(request.params.id, 'plan');
      try {
        const version = await plans.submit(actor, planId, { basedOnVersion: versionOf(request.body ?? {}) });
        return reply.redirect(`${planPaths.versions(planId)}?submitted=${version.number}`, 303);
      } catch (error) {
        if (error instanceof CoverageGapsError)
          return checkPage(
            reply,
            actor,
            planId,
            formErrors(error.lines.map((line) => ['gaps', line] as [string, string])),
            409,
          );
        if (error instanceof StaleWriteError)
          return checkPage(
            reply,
            actor,
            planId,
            formErrors([['form', 'The plan changed while you were checking it. Check it again below, then submit.']]),
            409,
          );
        return checkPage(reply, actor, planId, domainFormErrors(error), 400);
      }
    });

    scope.get<{ Params: { id: string }; Querystring: { submitted?: string; signed?: string } }>(
      '/plans/:id/versions',
      async (request, reply) => {
        const submitted = /^\d+$/.test(request.query.submitted ?? '')
          ? `Version ${request.query.submitted} is submitted and frozen.`
          : null;
        const signed = /^\d+$/.test(request.query.signed ?? '')
          ? `Version ${request.query.signed} is signed off.`
          : null;
        return versionsPage(reply, requireActor(request), parseId(request.params.id, 'plan'), submitted ?? signed);
      },
    );

    scope.get<{ Params: { id: string }; Querystring: Record<string, string> }>(
      '/plans/:id/versions/compare',
      async (request, reply) => {
        const actor = requireActor(request);
        const planId = parseId(request.params.id, 'plan');
        const query = versionQuery.safeParse(request.query);
        const from = query.success && query.data.from ? query.data.from : undefined;
        const to = query.success && query.data.to ? query.data.to : 'working';
        const plan = await plans.getPlan(actor, planId);
        const header = await planHeader(services, plan);
        const versions = await plans.listVersions(actor, planId);
        const fromVersion = from ?? String(versions.at(-1)?.number ?? 'working');
        const asVersion = (value: string): number | 'working' => (value === 'working' ? 'working' : Number(value));
        const changes = await plans.compareVersions(actor, planId, asVersion(fromVersion), asVersion(to));
        const label = (value: string) => (value === 'working' ? 'the working copy' : `version ${value}`);
        return reply.view('pages/plans/compare.njk', {
          actor,
          plan: header,
          from: label(fromVersion),
          to: label(to),
          changes: changeRows(changes),
          planPaths,
        });
      },
    );

    scope.post<{ Params: { id: string }; Body: FormBody }>('/plans/:id/sign-off', async (request, reply) => {
      const actor = requireActor(request);
      const planId = parseId(request.params.id, 'plan');
      requireWrite(actor, (await plans.getPlan(actor, planId)).council);
      const body = request.body ?? {};
      const versionNumber = Number(text(body, 'planVersion'));
      const capacity = text(body, 'capacity');
      const errors: [string, string][] = [];
      if (!Number.isInteger(versionNumber) || versionNumber < 1)
        errors.push(['form', 'Choose a submitted version to sign off']);
      if (capacity === '')
        errors.push(['capacity', 'Enter the capacity you sign off in, for example Director of Children’s Services']);
      if (errors.length > 0) return versionsPage(reply, actor, planId, null, formErrors(errors), 400);
      try {
        await plans.signOff(actor, planId, { versionNumber, capacity, note: text(body, 'note') });
        return reply.redirect(`${planPaths.versions(planId)}?signed=${versionNumber}`, 303);
      } catch (error) {
        // A version submitted since the page was opened: shown now, to be read before it is signed.
        if (error instanceof DomainError && error.code === 'not-latest-version')
          return versionsPage(reply, actor, planId, null, formErrors([['form', error.message]]), 409);
        return versionsPage(reply, actor, planId, null, domainFormErrors(error, 'capacity'), 400);
      }
    });
  });
}
