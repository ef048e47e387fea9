/** Overall effectiveness over time: councils holding each grade at the end of each quarter, stacked. */
import { GRADES, type Grade } from '../../domain/index.ts';
import { gradeShort, ukDate } from '../format.ts';
import { GRADE_FILL } from './grade-colours.ts';
import { Plot, renderPlot } from './render-plot.ts';

export interface QuarterPoint {
  readonly quarterEnd: string;
  readonly counts: Readonly<Record<Grade, number>>;
}

interface Band {
  readonly date: Date;
  readonly grade: string;
  readonly gradeKey: Grade;
  readonly count: number;
}

export function distributionOverTimeChart(quarters: readonly QuarterPoint[], scope = ''): string | null {
  const shown = quarters.filter((quarter) => GRADES.some((grade) => quarter.counts[grade] > 0));
  if (shown.length < 2) return null;
  // Worst at the bottom, so "good or better" is the top of the stack.
  const order = [...GRADES].reverse();
  const bands: Band[] = shown.flatMap((quarter) =>
    order.map((grade) => ({
      date: new Date(`${quarter.quarterEnd}T00:00:00Z`),
      grade: gradeShort(grade),
      gradeKey: grade,
      count: quarter.counts[grade],
    })),
  );
  const first = shown[0]?.quarterEnd ?? '';
  const last = shown.at(-1)?.quarterEnd ?? '';
  return renderPlot(
    {
      width: 960,
      height: 380,
      marginLeft: 50,
      marginRight: 180,
      marginTop: 24,
      x: { type: 'utc', label: null },
      y: { label: 'Councils', grid: true },
      color: { domain: order.map(gradeShort), range: order.map((grade) => GRADE_FILL[grade]) },
      marks: [
        Plot.areaY(bands, {
          x: 'date',
          y: 'count',
          fill: 'grade',
          z: 'grade',
          order: order.map(gradeShort),
          stroke: '#ffffff',
          strokeWidth: 0.5,
        }),
        Plot.text(
          bands.filter((band) => band.date.getTime() === new Date(`${last}T00:00:00Z`).getTime()),
          Plot.stackY({
            x: 'date',
            y: 'count',
            z: 'grade',
            order: order.map(gradeShort),
            text: (band: Band) => `${band.grade} ${band.count}`,
            textAnchor: 'start',
            dx: 6,
            fill: '#0b0c0c',
          }),
        ),
        Plot.ruleY([0]),
      ],
    },
    {
      label: `Overall effectiveness held by councils${scope ? ` (${scope})` : ''} at the end of each quarter, ${ukDate(first)} to ${ukDate(last)}`,
      description:
        'Stacked bands, inadequate at the bottom and outstanding at the top, of the number of councils holding each grade. The table below gives the same figures for every quarter.',
    },
  );
}
