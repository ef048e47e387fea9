/** What the letters after ungraded visits add to a council's "What comes next", worded for its page. */
import type { VisitsDone } from '../services/index.ts';
import { ukDate } from './format.ts';
import type { NextStepText } from './next-steps.ts';

const count = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

export function letterStepsText(done: VisitsDone | null, asAt: string): NextStepText[] {
  if (!done) return [];
  const parts = [
    count(done.focusedVisits, 'focused visit'),
    ...(done.monitoringVisits ? [count(done.monitoringVisits, 'monitoring visit')] : []),
    ...(done.jtais ? [count(done.jtais, 'joint targeted area inspection')] : []),
  ];
  const steps: NextStepText[] = [
    {
      heading: 'Visits done since the latest graded inspection',
      basis: 'rule',
      lines: [
        `${parts.join(', ')} published by ${ukDate(asAt)} since the latest graded inspection began.`,
        ...(done.latest
          ? [
              `The latest: on site ${ukDate(done.latest.visitStart)}, published ${ukDate(done.latest.published)}${done.latest.focus ? `, looking at ${done.latest.focus}` : ''}.`,
            ]
          : []),
      ],
    },
  ];
  const clock = done.priorityActions;
  if (clock) {
    const areas = clock.letter.priorityActions.length;
    steps.push({
      heading: 'Areas for priority action',
      basis: 'rule',
      lines: [
        `The letter published ${ukDate(clock.letter.published)} named ${count(areas, 'area')} for priority action (counted from the letter of ${ukDate(clock.received)}).`,
        ...clock.deadlines.map(
          (deadline) =>
            `${deadline.name}: due ${ukDate(deadline.due)}, ${deadline.workingDays} working days from ${ukDate(deadline.anchor)} (${deadline.status}; ${deadline.legalBasis.citation}).`,
        ),
      ],
    });
  }
  return steps;
}
