/** Councils' overall effectiveness over time, one line each, dated by the last day on site. */
import { GRADES, type Grade } from '../../domain/index.ts';
import { gradeShort, ukDate } from '../format.ts';
import { Plot, renderPlot } from './render-plot.ts';

export interface Trajectory {
  readonly name: string;
  readonly points: readonly { readonly date: string; readonly grade: Grade }[];
}

interface Point {
  readonly name: string;
  readonly date: Date;
  readonly grade: string;
}

export function trajectoriesChart(trajectories: readonly Trajectory[], asAt: string): string | null {
  const points: Point[] = trajectories.flatMap((trajectory) =>
    trajectory.points.map((point) => ({
      name: trajectory.name,
      date: new Date(`${point.date}T00:00:00Z`),
      grade: gradeShort(point.grade),
    })),
  );
  if (points.length === 0) return null;
  // Each council named at its latest point; names at the same grade are stacked apart.
  const seen = new Map<string, number>();
  const last = trajectories.flatMap((trajectory) => {
    const point = trajectory.points.at(-1);
    if (!point) return [];
    const grade = gradeShort(point.grade);
    const nth = seen.get(grade) ?? 0;
    seen.set(grade, nth + 1);
    return [{ name: trajectory.name, date: new Date(`${asAt}T00:00:00Z`), grade, offset: (nth % 4) * 13 - 6 }];
  });
  return renderPlot(
    {
      width: 960,
      height: 330,
      marginLeft: 170,
      marginRight: 200,
      marginTop: 24,
      x: { type: 'utc', label: null, grid: true },
      y: { type: 'point', domain: [...GRADES].reverse().map(gradeShort), label: null, padding: 0.4 },
      color: { type: 'categorical', scheme: 'observable10' },
      marks: [
        Plot.line(points, { x: 'date', y: 'grade', z: 'name', stroke: 'name', strokeWidth: 2, marker: 'circle' }),
        ...last.map((label) =>
          Plot.text([label], {
            x: 'date',
            y: 'grade',
            text: 'name',
            textAnchor: 'start',
            dx: 8,
            dy: label.offset,
            fill: '#0b0c0c',
          }),
        ),
      ],
    },
    {
      label: `Overall effectiveness of ${trajectories.map((trajectory) => trajectory.name).join(', ')} at each graded inspection, to ${ukDate(asAt)}`,
      description:
        'A line for each council through its overall grade at each inspection, named at its latest point. The table below gives the same grades and dates.',
    },
  );
}
