/**
 * A plan's status moves one way: draft → submitted → published → closed. Editing a submitted or
 * published plan makes a new working draft (the submitted version stays frozen); a closed plan
 * takes no more changes. Pure.
 */
import { ValidationError } from '../errors.ts';
import type { PlanStatus } from './types.ts';

const NEXT: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['submitted'],
  submitted: ['published', 'draft', 'closed'],
  published: ['draft', 'closed'],
  closed: [],
};

export function canMovePlan(from: PlanStatus, to: PlanStatus): boolean {
  return NEXT[from].includes(to);
}

/** The status after the move, or a ValidationError saying which moves there are. */
export function movePlan(from: PlanStatus, to: PlanStatus): PlanStatus {
  if (canMovePlan(from, to)) return to;
  const allowed = NEXT[from];
  throw new ValidationError(
    `A ${from} plan cannot become ${to}: ${allowed.length === 0 ? 'it takes no more changes' : `it can become ${allowed.join(' or ')}`}.`,
  );
}

/** The status a plan has after an edit: a submitted or published plan reopens as a working draft. */
export function statusAfterEdit(status: PlanStatus): PlanStatus {
  if (status === 'closed') throw new ValidationError('This plan is closed: it takes no more changes.');
  return 'draft';
}
