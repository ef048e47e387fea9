/** A council's inspection history: for each judgement area, the grade at each inspection over time. */
import { GRADES, JUDGEMENT_AREAS, type Grade, type JudgementArea } from '../../domain/index.ts';
import { areaShort, gradeShort, ukDate } from '../format.ts';
import { GRADE_FILL } from './grade-colours.ts';
import { Plot, renderPlot } from './render-plot.ts';

export interface TimelineInspection {
  /** The date the chart places the inspection at: the last day on site. */
  readonly date: string;
  readonly judgements: Readonly<Partial<Record<JudgementArea, Grade>>>;
}

interface Point {
  readonly date: Date;
  readonly area: string;
  readonly grade: string;
  readonly gradeKey: Grade;
}

export function councilTimelineChart(councilName: string, inspections: readonly TimelineInspection[]): string | null {
  const points: Point[] = inspections.flatMap((inspection) =>
    JUDGEMENT_AREAS.flatMap((area) => {
      const grade = inspection.judgements[area];
      return grade
        ? [
            {
              date: new Date(`${inspection.date}T00:00:00Z`),
              area: areaShort(area),
              grade: gradeShort(grade),
              gradeKey: grade,
            },
          ]
        : [];
    }),
  );
  if (points.length === 0) return null;
  const areas = JUDGEMENT_AREAS.map(areaShort).filter((area) => points.some((point) => point.area === area));
  const times = points.map((point) => point.date.getTime());
  const first = Math.min(...times);
  const last = Math.max(...times);
  const pad = Math.max(180 * 86_400_000, (last - first) * 0.06);
  const dates = [...new Set(inspections.map((inspection) => inspection.date))].sort();
  return renderPlot(
    {
      width: 960,
      height: 40 + areas.length * 122,
      marginLeft: 185,
      marginRight: 24,
      marginTop: 48,
      x: {
        type: 'utc',
        domain: [new Date(first - pad), new Date(last + pad)],
        label: null,
        grid: true,
        ticks: 'year',
        axis: 'top',
      },
      y: { domain: [...GRADES].reverse().map(gradeShort), label: null, tickSize: 0, reverse: true },
      fy: { domain: areas, label: null, axis: null, padding: 0.3 },
      marks: [
        Plot.text(areas, {
          fy: (area: string) => area,
          text: (area: string) => area,
          frameAnchor: 'top-left',
          dx: -175,
          dy: -20,
          fontWeight: 'bold',
          textAnchor: 'start',
        }),
        Plot.frame({ stroke: '#b1b4b6' }),
        Plot.line(points, {
          x: 'date',
          y: 'grade',
          fy: 'area',
          stroke: '#505a5f',
          strokeWidth: 1.5,
          strokeDasharray: '4,3',
          sort: 'date',
        }),
        Plot.dot(points, {
          x: 'date',
          y: 'grade',
          fy: 'area',
          r: 6,
          fill: (point: Point) => GRADE_FILL[point.gradeKey],
          stroke: '#0b0c0c',
          strokeWidth: 1,
        }),
      ],
    },
    {
      label: `${councilName}: grades at each inspection, by judgement area`,
      description: `One row per judgement area; each dot is an inspection (${dates.map(ukDate).join(', ')}), placed at its grade. The same grades are in the table below the chart.`,
    },
  );
}
