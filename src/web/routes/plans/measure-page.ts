/**
 * A measure's page (issue 11): its summary, its values as a small chart (server-side SVG, the one
 * the progress report draws) with the table beside it as the accessible equivalent (each value
 * with the distance still to the target and the direction of travel), the measure's evidence files
 * with an upload form, and the form for a new dated value. Shown again, with the error summary, by
 * a refused value or evidence upload.
 */
import type { FastifyReply } from 'fastify';
import { todayIso } from '../../../calendar/index.ts';
import { canWriteCouncil, type Actor } from '../../../domain/actor.ts';
import { NotFoundError } from '../../../errors.ts';
import type { ActionView, MeasureView, PlanView, Services } from '../../../services/index.ts';
import { measureTrend } from '../../../services/measure-trend.ts';
import { ukDate } from '../../format.ts';
import { csrfToken } from '../../middleware/set-up-csrf.ts';
import { NO_ERRORS, type FormErrors } from '../account/private-pages.ts';
import { evidenceRows, evidenceUploadForm, type EvidenceFormState } from './evidence-view.ts';
import { planPaths } from './plan-paths.ts';
import { planHeader } from './plans.controller.ts';

export interface MeasurePageState {
  readonly values?: Record<string, string>;
  readonly errors?: FormErrors;
  readonly version?: number;
  readonly status?: number;
  readonly evidence?: EvidenceFormState;
}

const TRAVEL: Record<string, string> = {
  improving: 'Improving',
  worsening: 'Getting worse',
  unchanged: 'No change',
  'no data': 'No value yet',
};

/** The measure must belong to the plan the address names (through its action). */
export async function measureOfPlan(
  services: Services,
  actor: Actor,
  planId: number,
  measureId: number,
): Promise<{ plan: PlanView; measure: MeasureView; action: ActionView }> {
  const plan = await services.plans.getPlan(actor, planId);
  const measure = await services.plans.getMeasure(actor, measureId);
  const action = await services.plans.getAction(actor, measure.actionId);
  if (action.planId !== plan.id) throw new NotFoundError('There is no such measure in this plan.');
  return { plan, measure, action };
}

export async function measurePage(
  services: Services,
  reply: FastifyReply,
  actor: Actor,
  planId: number,
  measureId: number,
  form: MeasurePageState = {},
) {
  const { plan, measure, action } = await measureOfPlan(services, actor, planId, measureId);
  const header = await planHeader(services, plan);
  const unit = measure.unit;
  const progress = measure.progress;
  const trend = measureTrend(measure, todayIso());
  const stillToGo = (distance: number | null, met: boolean) =>
    distance === null ? 'Not known yet' : met ? 'Target met' : `${distance}${unit} to go`;
  return reply.code(form.status ?? 200).view('pages/plans/measure.njk', {
    actor,
    planId: plan.id,
    councilName: header.councilName,
    action: { id: action.id, title: action.title },
    measure: {
      id: measure.id,
      what: measure.what,
      summary: [
        { key: { text: 'Better when' }, value: { text: measure.betterWhen === 'higher' ? 'Higher' : 'Lower' } },
        {
          key: { text: 'Baseline' },
          value: { text: `${measure.baseline.value}${unit} on ${ukDate(measure.baseline.date)}` },
        },
        {
          key: { text: 'Target' },
          value: { text: `${measure.target.value}${unit} by ${ukDate(measure.target.date)}` },
        },
        {
          key: { text: 'Latest' },
          value: {
            text: progress.latest
              ? `${progress.latest.value}${unit} on ${ukDate(progress.latest.date)}`
              : 'No value yet',
          },
        },
        {
          key: { text: 'Distance to target' },
          value: { text: stillToGo(progress.distanceToTarget, progress.targetMet) },
        },
        { key: { text: 'Direction of travel' }, value: { text: TRAVEL[progress.travel] ?? progress.travel } },
        { key: { text: 'How often' }, value: { text: measure.frequency } },
        { key: { text: 'Data source' }, value: { text: measure.source || 'Not given' } },
      ],
      rows: trend.rows.map((row) => [
        { text: ukDate(row.value.date) },
        { text: `${row.value.value}${unit}`, format: 'numeric' },
        { text: stillToGo(row.distanceToTarget, row.targetMet) },
        { text: TRAVEL[row.travel] ?? row.travel },
        { text: row.value.comment },
      ]),
      // Values dated after today are kept but not yet drawn or counted.
      laterValues: measure.values.length - trend.rows.length,
    },
    chartSvg: trend.chartSvg,
    evidence: evidenceRows(plan.id, measure.evidence),
    measureUpload: evidenceUploadForm(
      {
        id: 'evidence-measure',
        action: planPaths.measureEvidence(plan.id, measure.id),
        version: measure.version,
        label: 'Add an evidence file to the measure',
        button: 'Upload to the measure',
      },
      form.evidence,
    ),
    maxMegabytes: Math.floor(services.plans.evidenceMaxBytes / (1024 * 1024)),
    values: form.values ?? {},
    errors: form.evidence?.errors ?? form.errors ?? NO_ERRORS,
    version: form.version ?? measure.version,
    canWrite: canWriteCouncil(actor, plan.council),
    csrfToken: csrfToken(reply),
    planPaths,
  });
}
