/**
 * One impact measure over time: its recorded values as a line with dots, the baseline as the first
 * point and the target as a dashed rule (labelled), so a reader sees the distance still to go. Small
 * (for a plan page or a committee paper, where it is rasterised to PNG). Pure: data in, SVG out.
 */
import { MONTH_NAMES, formatUkDate } from '../calendar/index.ts';
import type { Measure, MeasureValue } from '../plans/index.ts';
import { Plot, renderPlot } from './render-plot.ts';

export const MEASURE_CHART_SIZE = { width: 560, height: 220 } as const;

interface Point {
  readonly date: Date;
  readonly value: number;
  readonly kind: 'baseline' | 'value';
}

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3));
/** "Apr 2026" with an ordinary space (Plot's own formats use characters not every font has). */
const month = (date: Date) => `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
const figure = (value: number, unit: string) =>
  `${Number.isInteger(value) ? value : value.toFixed(1)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;

/** The measure's chart, or null when it has no value recorded by `asAt` (nothing to draw but the target). */
export function measureTrendChart(measure: Measure, values: readonly MeasureValue[], asAt: string): string | null {
  const own = values
    .filter((value) => value.measureId === measure.id && value.date <= asAt)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (own.length === 0) return null;
  const points: Point[] = [
    { date: at(measure.baseline.date), value: measure.baseline.value, kind: 'baseline' },
    ...own.map((value) => ({ date: at(value.date), value: value.value, kind: 'value' as const })),
  ];
  const all = [...points.map((point) => point.value), measure.target.value];
  const low = Math.min(...all);
  const high = Math.max(...all);
  const pad = Math.max(1, (high - low) * 0.15);
  const first = points[0]?.date.getTime() ?? 0;
  const last = Math.max(at(measure.target.date).getTime(), ...points.map((point) => point.date.getTime()));
  const latest = own.at(-1) as MeasureValue;
  return renderPlot(
    {
      width: MEASURE_CHART_SIZE.width,
      height: MEASURE_CHART_SIZE.height,
      marginLeft: 56,
      marginRight: 92,
      marginTop: 20,
      marginBottom: 32,
      x: {
        type: 'utc',
        domain: [new Date(first - 12 * 86_400_000), new Date(last + 12 * 86_400_000)],
        label: null,
        ticks: 4,
        tickFormat: month,
        tickSize: 0,
        tickPadding: 14,
      },
      y: {
        domain: [Math.max(0, low - pad), high + pad],
        label: null,
        ticks: 4,
        tickSize: 0,
        tickFormat: (value: number) => figure(value, measure.unit),
      },
      marks: [
        Plot.gridY({ ticks: 4, stroke: '#d8d8d8', strokeOpacity: 1 }),
        Plot.ruleY([Math.max(0, low - pad)], { stroke: '#505a5f' }),
        Plot.ruleY([measure.target.value], { stroke: '#00703c', strokeWidth: 1.5, strokeDasharray: '6,4' }),
        Plot.text([measure.target.value], {
          y: (value: number) => value,
          frameAnchor: 'right',
          dx: 88,
          text: () => `Target ${figure(measure.target.value, measure.unit)}`,
          textAnchor: 'end',
          fill: '#00703c',
        }),
        Plot.line(points, { x: 'date', y: 'value', stroke: '#1d70b8', strokeWidth: 2 }),
        Plot.dot(points, {
          x: 'date',
          y: 'value',
          r: 3.5,
          fill: (point: Point) => (point.kind === 'baseline' ? '#ffffff' : '#1d70b8'),
          stroke: '#1d70b8',
          strokeWidth: 1.5,
        }),
        Plot.text([points.at(-1) as Point], {
          x: 'date',
          y: 'value',
          text: () => figure(latest.value, measure.unit),
          dy: -10,
          fill: '#0b0c0c',
          fontWeight: 'bold',
        }),
      ],
    },
    {
      label: `${measure.what}: ${figure(latest.value, measure.unit)} on ${formatUkDate(latest.date)} against a target of ${figure(measure.target.value, measure.unit)} by ${formatUkDate(measure.target.date)}`,
      description: `The baseline (${figure(measure.baseline.value, measure.unit)} on ${formatUkDate(measure.baseline.date)}, an open dot) and each value recorded since, with the target as a dashed line; ${measure.betterWhen} is better. The figures are in the table beside the chart.`,
      background: '#ffffff',
    },
  );
}
