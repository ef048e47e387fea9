/** The national grade distribution: for each judgement area, how many councils hold each grade. */
import { GRADES, type Grade, type JudgementArea } from '../../domain/index.ts';
import { areaShort, gradeShort, percent, ukDate } from '../format.ts';
import { GRADE_FILL } from './grade-colours.ts';
import { Plot, renderPlot } from './render-plot.ts';

export interface AreaDistribution {
  readonly area: JudgementArea;
  readonly included: number;
  readonly counts: Readonly<Record<Grade, number>>;
  /** 0 to 100, as the analytics round them, so the chart and its table agree. */
  readonly percentages: Readonly<Record<Grade, number>>;
}

interface Bar {
  readonly area: string;
  readonly grade: string;
  readonly gradeKey: Grade;
  readonly count: number;
  readonly label: string;
}

export function nationalDistributionChart(
  distributions: readonly AreaDistribution[],
  asAt: string,
  scope = '',
): string | null {
  const shown = distributions.filter((distribution) => distribution.included > 0);
  if (shown.length === 0) return null;
  const bars: Bar[] = shown.flatMap((distribution) =>
    GRADES.map((grade) => {
      const count = distribution.counts[grade];
      return {
        area: areaShort(distribution.area),
        grade: gradeShort(grade),
        gradeKey: grade,
        count,
        label: `${count} (${percent(distribution.percentages[grade])})`,
      };
    }),
  );
  const areas = shown.map((distribution) => areaShort(distribution.area));
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  return renderPlot(
    {
      width: 960,
      height: 40 + shown.length * 118,
      marginLeft: 185,
      marginRight: 90,
      marginTop: 48,
      x: { label: 'Councils', domain: [0, max], grid: true, axis: 'top', labelAnchor: 'right' },
      y: { domain: GRADES.map(gradeShort), label: null, tickSize: 0 },
      fy: { domain: areas, label: null, axis: null, padding: 0.28 },
      marks: [
        Plot.text(areas, {
          fy: (area: string) => area,
          text: (area: string) => area,
          frameAnchor: 'top-left',
          dx: -175,
          dy: -18,
          fontWeight: 'bold',
          textAnchor: 'start',
        }),
        Plot.barX(bars, {
          x: 'count',
          y: 'grade',
          fy: 'area',
          fill: (bar: Bar) => GRADE_FILL[bar.gradeKey],
          stroke: '#0b0c0c',
          strokeWidth: 0.5,
        }),
        Plot.text(bars, {
          x: 'count',
          y: 'grade',
          fy: 'area',
          text: 'label',
          textAnchor: 'start',
          dx: 4,
          fill: '#0b0c0c',
        }),
      ],
    },
    {
      label: `Grades of each council's latest inspection, by judgement area, as at ${ukDate(asAt)}${scope ? ` (councils shown: ${scope})` : ''}`,
      description:
        'A bar for each grade in each judgement area, with the number and percentage of councils. The same figures are in the table below the chart.',
    },
  );
}
