/**
 * A measure's distance to its target and its direction of travel, from its dated values. "Better"
 * follows the measure's own direction (a higher or a lower value). Pure.
 */
import type { IsoDate } from '../calendar/index.ts';
import { ValidationError } from '../errors.ts';
import type { Measure, MeasureValue } from './types.ts';

export type DirectionOfTravel = 'improving' | 'worsening' | 'unchanged' | 'no data';

export interface MeasureProgress {
  /** The latest value on or before the as-at date, or null when there is none yet. */
  readonly latest: MeasureValue | null;
  /** What it is compared with for the direction of travel: the value before the latest, or the baseline. */
  readonly previous: { readonly value: number; readonly date: IsoDate } | null;
  /** How far the latest value still is from the target in the better direction (0 when met); null without a value. */
  readonly distanceToTarget: number | null;
  /** The share of the way from baseline to target covered (negative when worse than the baseline); null without a value or when target equals baseline. */
  readonly shareOfWay: number | null;
  readonly targetMet: boolean;
  readonly travel: DirectionOfTravel;
}

/** Positive when `to` is better than `from` for this measure. */
function improvement(measure: Pick<Measure, 'betterWhen'>, from: number, to: number): number {
  return measure.betterWhen === 'higher' ? to - from : from - to;
}

export function validateMeasure(measure: Measure): Measure {
  for (const [what, value] of [
    ['baseline', measure.baseline.value],
    ['target', measure.target.value],
  ] as const) {
    if (!Number.isFinite(value)) throw new ValidationError(`The measure's ${what} must be a number.`);
  }
  if (measure.target.date <= measure.baseline.date) {
    throw new ValidationError(
      `The target date (${measure.target.date}) must be after the baseline date (${measure.baseline.date}).`,
      'invalid-date',
    );
  }
  if (improvement(measure, measure.baseline.value, measure.target.value) < 0) {
    throw new ValidationError(
      `A target of ${measure.target.value} is worse than the baseline ${measure.baseline.value} for a measure where ${measure.betterWhen} is better.`,
    );
  }
  return measure;
}

export function measureProgress(measure: Measure, values: readonly MeasureValue[], asAt: IsoDate): MeasureProgress {
  const own = values
    .filter((value) => value.measureId === measure.id && value.date <= asAt)
    .map((value, index) => ({ value, index }))
    .sort((a, b) => (a.value.date < b.value.date ? -1 : a.value.date > b.value.date ? 1 : a.index - b.index))
    .map(({ value }) => value);
  const latest = own.at(-1) ?? null;
  if (latest === null)
    return {
      latest: null,
      previous: null,
      distanceToTarget: null,
      shareOfWay: null,
      targetMet: false,
      travel: 'no data',
    };
  const before = own.at(-2);
  const previous = before === undefined ? measure.baseline : { value: before.value, date: before.date };
  const toGo = improvement(measure, latest.value, measure.target.value);
  const span = improvement(measure, measure.baseline.value, measure.target.value);
  const moved = improvement(measure, previous.value, latest.value);
  return {
    latest,
    previous,
    distanceToTarget: Math.max(0, toGo),
    shareOfWay: span === 0 ? null : improvement(measure, measure.baseline.value, latest.value) / span,
    targetMet: toGo <= 0,
    travel: moved > 0 ? 'improving' : moved < 0 ? 'worsening' : 'unchanged',
  };
}
