/**
 * An action's page (issue 11): what it serves, its owner, dates, status and RAG rating with the
 * reason, milestones, measures, progress updates with their evidence, the action's own evidence
 * files with an upload form on the action and on each update, and the RAG set by hand. Shown by the
 * action pages and again, with the error summary, by a refused RAG form or evidence upload.
 */
import type { FastifyReply } from 'fastify';
import { canWriteCouncil, type Actor } from '../../../domain/actor.ts';
import { NotFoundError } from '../../../errors.ts';
import type { ActionView, PlanView, Services } from '../../../services/index.ts';
import { RAG_RATINGS } from '../../../services/plan-vocabulary.ts';
import { ukDate } from '../../format.ts';
import { csrfToken } from '../../middleware/set-up-csrf.ts';
import { NO_ERRORS, type FormErrors } from '../account/private-pages.ts';
import { evidenceRows, evidenceUploadForm, type EvidenceFormState } from './evidence-view.ts';
import { planPaths } from './plan-paths.ts';
import { capital, escapeHtml, type StaleView } from './plan-forms.ts';
import { itemLabel, itemWords } from './plans.controller.ts';

/** The RAG form's state when it is shown again, or an evidence upload's error. */
export interface ActionPageState {
  readonly values?: Record<string, string | string[]>;
  readonly errors?: FormErrors;
  readonly stale?: StaleView | null;
  readonly version?: number;
  readonly status?: number;
  readonly evidence?: EvidenceFormState;
}

/** The action must belong to the plan the address names. */
export async function actionOfPlan(
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

export async function actionPage(
  services: Services,
  reply: FastifyReply,
  actor: Actor,
  planId: number,
  actionId: number,
  form: ActionPageState = {},
) {
  // One read for the page: the plan (scope checked), the action in it and the items it serves.
  const { plan, items, action } = await services.plans.getActionInPlan(actor, planId, actionId);
  const councilName = await services.councils.nameOf(plan.council);
  const values = form.values ?? {
    rating: action.ragOverride?.rating ?? 'derived',
    reason: action.ragOverride?.reason ?? '',
  };
  const errors = form.evidence?.errors ?? form.errors ?? NO_ERRORS;
  // The page as it is read most (no form shown again) goes through the render memo.
  const shownAgain = Object.keys(form).length > 0;
  const context = {
    actor,
    planId: plan.id,
    councilName,
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
      id: update.id,
      date: update.date,
      author: update.author,
      status: update.status,
      text: update.text,
      // The links typed with the update; its files are listed below it, with download links.
      evidence: update.evidence.slice(0, update.evidence.length - update.files.length),
      files: evidenceRows(plan.id, update.files),
      upload: evidenceUploadForm(
        {
          id: `evidence-update-${update.id}`,
          action: planPaths.updateEvidence(plan.id, action.id, update.id),
          version: update.version,
          label: `Add an evidence file to the update of ${ukDate(update.date)}`,
          button: 'Upload to the update',
        },
        form.evidence,
      ),
    })),
    evidence: evidenceRows(plan.id, action.evidence),
    actionUpload: evidenceUploadForm(
      {
        id: 'evidence-action',
        action: planPaths.actionEvidence(plan.id, action.id),
        version: action.version,
        label: 'Add an evidence file to the action',
        button: 'Upload to the action',
      },
      form.evidence,
    ),
    maxMegabytes: Math.floor(services.plans.evidenceMaxBytes / (1024 * 1024)),
    values,
    ratingChoices: [
      { value: 'derived', text: 'Worked out', checked: values.rating === 'derived' },
      ...RAG_RATINGS.map((rating) => ({ value: rating, text: capital(rating), checked: values.rating === rating })),
    ],
    errors,
    stale: form.stale ?? null,
    version: form.version ?? action.version,
    canWrite: canWriteCouncil(actor, plan.council),
    csrfToken: csrfToken(reply),
    planPaths,
  };
  const template = 'pages/plans/action.njk';
  return shownAgain ? reply.code(form.status ?? 200).view(template, context) : reply.memoisedView(template, context);
}
