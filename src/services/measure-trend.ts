/**
 * A measure's trend for its page: the small chart the progress report draws (server-side SVG, with
 * its title and description) and, as its accessible equivalent, each recorded value with the
 * distance still to the target and the direction of travel at that date. Pure: a measure view in,
 * the chart and the rows out.
 */
import type { IsoDate } from '../calendar/index.ts';
import { measureTrendChart } from '../charts/index.ts';
import { measureProgress, type DirectionOfTravel, type MeasureValue } from '../plans/index.ts';
import type { MeasureView } from './plan-views.ts';

export interface MeasureTrendRow {
  readonly value: MeasureValue;
  /** How far this value still is from the target (0 when met). */
  readonly distanceToTarget: number;
  readonly targetMet: boolean;
  /** Against the value before it, or the baseline for the first. */
  readonly travel: DirectionOfTravel;
}

export interface MeasureTrend {
  /** The chart, or null while no value is recorded by the date. */
  readonly chartSvg: string | null;
  /** Oldest first, up to the date. */
  readonly rows: readonly MeasureTrendRow[];
}

export function measureTrend(measure: MeasureView, asAt: IsoDate): MeasureTrend {
  const upToDate = measure.values
    .filter((value) => value.date <= asAt)
    .map((value, index) => ({ value, index }))
    .sort((a, b) => (a.value.date < b.value.date ? -1 : a.value.date > b.value.date ? 1 : a.index - b.index))
    .map(({ value }) => value);
  const rows = upToDate.map((value, index): MeasureTrendRow => {
    const progress = measureProgress(measure, upToDate.slice(0, index + 1), value.date);
    return {
      value,
      distanceToTarget: progress.distanceToTarget ?? 0,
      targetMet: progress.targetMet,
      travel: progress.travel,
    };
  });
  return { chartSvg: measureTrendChart(measure, upToDate, asAt), rows };
}
