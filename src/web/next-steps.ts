/** What comes next for a council, worded for its page: one headed step per part, each marked rule or estimate. */
import type { EmpiricalWindowView, RuleOrEstimate, NextSteps } from '../services/index.ts';
import { areaShort, kindLabel, ukDate } from './format.ts';

export interface NextStepText {
  readonly heading: string;
  readonly lines: readonly string[];
  readonly basis: RuleOrEstimate;
}

const NOMINAL_STATUS: Record<NextSteps['nominalWindow']['status'], string> = {
  'before-window': 'not yet open',
  'in-window': 'open now',
  'after-window': 'passed',
  open: 'open now, no end yet',
};

function empiricalLines(window: EmpiricalWindowView): string[] {
  return [
    `${Math.round(window.percentiles.upper - window.percentiles.lower)}% of observed gaps put it between ${ukDate(window.from)} and ${window.to ? ukDate(window.to) : 'a date the data cannot yet bound'}${window.median ? `; the middle of the observed gaps is ${ukDate(window.median)}` : ''}.`,
    `Based on ${window.completedGaps} completed gaps${window.stillWaiting ? ` and ${window.stillWaiting} councils still waiting` : ''}${window.group === 'all' ? ', every pathway pooled' : ''}.`,
  ];
}

/** What comes next as at `asAt`, the date the outlook was worked out for. */
export function nextStepsText(next: NextSteps, asAt: string): NextStepText[] {
  const nominal = next.nominalWindow;
  const empirical = next.empiricalWindow;
  const steps: NextStepText[] = [
    {
      heading: `Next graded inspection: ${kindLabel(next.inspection.kind)}`,
      basis: next.inspection.basis,
      lines: [
        next.inspection.reason,
        nominal.status === 'after-window'
          ? `Nominal window: ${ukDate(nominal.from)} to ${ukDate(nominal.to)} (around the third anniversary of the last inspection's start, ${ukDate(nominal.anniversary)}): passed, with no inspection by ${ukDate(asAt)}. The inspection is overdue against this window; see the updated estimate below.`
          : `Nominal window: ${ukDate(nominal.from)} to ${ukDate(nominal.to)} (around the third anniversary of the last inspection's start, ${ukDate(nominal.anniversary)}): ${NOMINAL_STATUS[nominal.status]}.`,
        `Framework expected then: ${next.framework.version}, grading ${next.framework.areas.map((area) => areaShort(area).toLowerCase()).join(', ')}.`,
      ],
    },
  ];
  if (empirical) {
    steps.push({
      heading: 'When it is likely, from the gaps seen between inspections',
      basis: empirical.basis,
      lines: empiricalLines(empirical),
    });
  }
  const updated = next.givenNoInspectionYet;
  steps.push({
    heading: `Updated estimate, given no inspection by ${ukDate(asAt)}`,
    basis: 'estimate',
    lines: updated
      ? [`From the gaps longer than the wait so far: ${empiricalLines(updated)[0]}`, empiricalLines(updated)[1]!]
      : ['None: no gap longer than the wait so far is known in the data held.'],
  });
  const { visits } = next;
  steps.push({
    heading: 'Visits before it',
    basis: visits.basis,
    lines: [
      visits.summary,
      ...(visits.monitoringVisits ? [visits.monitoringVisits] : []),
      ...(visits.firstMonitoringVisitBy
        ? [`First monitoring visit expected by about ${ukDate(visits.firstMonitoringVisitBy)}.`]
        : []),
    ],
  });
  const running = next.deadlines.filter((deadline) => deadline.status === 'running');
  steps.push({
    heading: running.length ? 'Deadlines running' : 'Deadlines',
    basis: 'rule',
    lines: next.deadlines.length
      ? next.deadlines.map(
          (deadline) =>
            `${deadline.name}: due ${ukDate(deadline.due)}, ${deadline.workingDays} working days from ${ukDate(deadline.anchor)} (${deadline.status === 'running' ? 'running' : 'passed'}; ${deadline.legalBasis.citation}).`,
        )
      : ['No statutory deadline runs from the latest inspection.'],
  });
  return steps;
}
