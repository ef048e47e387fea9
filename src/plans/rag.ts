/**
 * The RAG rating of an action, derived from its dates, its milestones and its progress against the
 * time elapsed, with the reason in words; and the manual override, which needs a reason. Pure.
 *
 * Rules, worst first (the rating is the worst that applies; the reason names every rule at that level):
 * - complete, signed off or awaiting sign-off: green (delivered);
 * - past its due date: red;
 * - milestones met well behind the time elapsed (a shortfall of RED_SHORTFALL or more): red;
 * - a milestone past its date and not met: amber;
 * - still not started after its start date: amber;
 * - milestones met behind the time elapsed (a shortfall of AMBER_SHORTFALL or more): amber;
 * - otherwise green (on track, or not due to start yet).
 * The time elapsed is (as at − start) / (due − start); an action without a start date is rated by
 * its due date and its milestones' dates only.
 */
import { daysBetween, formatUkDate, type IsoDate } from '../calendar/index.ts';
import { ValidationError } from '../errors.ts';
import type { Action, Milestone, RagOverride, RagRating } from './types.ts';

/** Share of the time elapsed minus share of milestones met, at or above which the action is amber. */
export const AMBER_SHORTFALL = 0.25;
/** ... and red. */
export const RED_SHORTFALL = 0.5;

export interface RagAssessment {
  readonly rating: RagRating;
  readonly reason: string;
}

export interface EffectiveRag extends RagAssessment {
  readonly source: 'derived' | 'override';
  /** The derived assessment, kept beside an override so that both can be shown. */
  readonly derived: RagAssessment;
  readonly override: RagOverride | null;
}

const RANK: Record<RagRating, number> = { green: 0, amber: 1, red: 2 };
const DELIVERED = new Set(['complete', 'signed off', 'awaiting sign-off']);

const percent = (share: number): string => `${Math.round(share * 100)}%`;
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The share of the action's time gone at `asAt`, from 0 to 1, or null without a start date. */
export function timeElapsed(action: Pick<Action, 'startDate' | 'dueDate'>, asAt: IsoDate): number | null {
  if (action.startDate === null) return null;
  const span = daysBetween(action.startDate, action.dueDate);
  if (span <= 0) return asAt >= action.dueDate ? 1 : 0;
  return Math.min(1, Math.max(0, daysBetween(action.startDate, asAt) / span));
}

/** The derived rating of an action at `asAt`, from its own milestones (others are ignored). */
export function deriveRag(action: Action, milestones: readonly Milestone[], asAt: IsoDate): RagAssessment {
  if (action.startDate !== null && action.startDate > action.dueDate) {
    throw new ValidationError(
      `The action "${action.title}" starts on ${action.startDate}, after its due date ${action.dueDate}.`,
      'invalid-date',
    );
  }
  if (DELIVERED.has(action.status)) return { rating: 'green', reason: `Delivered: ${action.status}.` };

  const findings: RagAssessment[] = [];
  const late = daysBetween(action.dueDate, asAt);
  if (late > 0)
    findings.push({
      rating: 'red',
      reason: `Overdue: it was due on ${formatUkDate(action.dueDate)} (${plural(late, 'day')} ago) and is ${action.status}.`,
    });

  const own = milestones.filter((milestone) => milestone.actionId === action.id);
  const met = own.filter((milestone) => milestone.metOn !== null && milestone.metOn <= asAt);
  const missed = own.filter(
    (milestone) => milestone.dueDate < asAt && (milestone.metOn === null || milestone.metOn > asAt),
  );
  const elapsed = timeElapsed(action, asAt);
  if (own.length > 0 && elapsed !== null) {
    const progress = met.length / own.length;
    const shortfall = elapsed - progress;
    const words = `${met.length} of ${plural(own.length, 'milestone')} met with ${percent(elapsed)} of the time gone.`;
    if (shortfall >= RED_SHORTFALL) findings.push({ rating: 'red', reason: `Well behind: ${words}` });
    else if (shortfall >= AMBER_SHORTFALL) findings.push({ rating: 'amber', reason: `Behind: ${words}` });
  }
  for (const milestone of missed) {
    findings.push({
      rating: 'amber',
      reason: `Milestone "${milestone.title}" was due on ${formatUkDate(milestone.dueDate)} and is not met.`,
    });
  }
  if (action.status === 'not started' && action.startDate !== null && action.startDate < asAt) {
    findings.push({
      rating: 'amber',
      reason: `Not started, though it was to start on ${formatUkDate(action.startDate)}.`,
    });
  }

  if (findings.length === 0) {
    if (action.startDate !== null && asAt < action.startDate)
      return { rating: 'green', reason: `Not due to start until ${formatUkDate(action.startDate)}.` };
    const detail = own.length > 0 ? ` ${met.length} of ${plural(own.length, 'milestone')} met` : '';
    return {
      rating: 'green',
      reason: `On track:${detail || ' no milestone or date missed'}${elapsed === null || own.length === 0 ? '' : ` with ${percent(elapsed)} of the time gone`}.`,
    };
  }
  const worst = findings.reduce((a, b) => (RANK[b.rating] > RANK[a.rating] ? b : a)).rating;
  return {
    rating: worst,
    reason: findings
      .filter((finding) => finding.rating === worst)
      .map((finding) => finding.reason)
      .join(' '),
  };
}

/** Checks an override before it is stored: a rating and a reason that says something. */
export function validateOverride(override: RagOverride): RagOverride {
  if (!(override.rating in RANK))
    throw new ValidationError(`"${override.rating}" is not a RAG rating: use red, amber or green.`);
  if (override.reason.trim().length === 0) throw new ValidationError('A manual RAG rating needs a reason.');
  if (override.by.trim().length === 0) throw new ValidationError('A manual RAG rating must say who set it.');
  return { ...override, reason: override.reason.trim() };
}

/** The rating to show: the override when there is one (with its reason), else the derived one. */
export function effectiveRag(action: Action, milestones: readonly Milestone[], asAt: IsoDate): EffectiveRag {
  const derived = deriveRag(action, milestones, asAt);
  const override = action.ragOverride;
  if (override === null) return { ...derived, source: 'derived', derived, override: null };
  const checked = validateOverride(override);
  return {
    rating: checked.rating,
    reason: `Set by hand by ${checked.by} on ${formatUkDate(checked.on)}: ${checked.reason}`,
    source: 'override',
    derived,
    override: checked,
  };
}
