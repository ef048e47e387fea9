/** What comes next for a council, worded for its page: one headed step per part, each marked rule or estimate. */
import type { RuleOrEstimate, NextSteps } from '../services/index.ts';
import { areaShort, kindLabel, ukDate } from './format.ts';

export interface NextStepText {
  readonly heading: string;
  readonly lines: readonly string[];
  readonly basis: RuleOrEstimate;
}

export function nextStepsText(next: NextSteps): NextStepText[] {
  const nominal = next.nominalWindow;
  const empirical = next.empiricalWindow;
  const steps: NextStepText[] = [
    {
      heading: `Next graded inspection: ${kindLabel(next.inspection.kind)}`,
      basis: next.inspection.basis,
      lines: [
        next.inspection.reason,
        `Nominal window: ${ukDate(nominal.from)} to ${ukDate(nominal.to)} (around the third anniversary of the last inspection's start, ${ukDate(nominal.anniversary)}).`,
        `Framework expected then: ${next.framework.version}, grading ${next.framework.areas.map((area) => areaShort(area).toLowerCase()).join(', ')}.`,
      ],
    },
  ];
  if (empirical) {
    steps.push({
      heading: 'When it is likely, from the gaps seen between inspections',
      basis: empirical.basis,
      lines: [
        `${Math.round(empirical.percentiles.upper - empirical.percentiles.lower)}% of observed gaps put it between ${ukDate(empirical.from)} and ${empirical.to ? ukDate(empirical.to) : 'a date the data cannot yet bound'}${empirical.median ? `; the middle of the observed gaps is ${ukDate(empirical.median)}` : ''}.`,
        `Based on ${empirical.completedGaps} completed gaps${empirical.stillWaiting ? ` and ${empirical.stillWaiting} councils still waiting` : ''}${empirical.group === 'all' ? ', every pathway pooled' : ''}.`,
      ],
    });
  }
  const { visits } = next;
  steps.push({
    heading: 'Visits before it',
    basis: visits.basis,
    lines: [visits.summary, ...(visits.monitoringVisits ? [visits.monitoringVisits] : []), ...(visits.firstMonitoringVisitBy ? [`First monitoring visit expected by about ${ukDate(visits.firstMonitoringVisitBy)}.`] : [])],
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
