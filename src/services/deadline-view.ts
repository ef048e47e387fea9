/** A statutory deadline as the read model shows it: the rule's dates, its status on the day, and its legal basis without the evidence notes. */
import type { Deadline } from '../rules/index.ts';
import type { DeadlineView } from './read-model.ts';

export function deadlineView(deadline: Deadline, status: DeadlineView['status']): DeadlineView {
  const { citation, instrument, provision, requirement, url } = deadline.legalBasis;
  return {
    id: deadline.id,
    name: deadline.name,
    from: deadline.from,
    anchor: deadline.anchor,
    workingDays: deadline.workingDays,
    due: deadline.due,
    status,
    legalBasis: { citation, instrument, provision, requirement, url },
    basis: deadline.legalBasis.evidence.nature,
  };
}
