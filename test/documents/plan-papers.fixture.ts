/** The improvement plan papers' inputs for tests: the fixture plan (test/helpers/plan-content.ts) of an invented council, with its charts. */
import { measureTrendChart } from '../../src/charts/index.ts';
import type {
  ActionPlanData,
  MeasureChartImage,
  PlanPaperSubject,
  ProgressReportData,
} from '../../src/documents/index.ts';
import { comparePlanContents } from '../../src/plans/index.ts';
import { svgToPng } from '../../src/services/chart-images.ts';
import { currentPlan, earlierPlan, largePlan } from '../helpers/plan-content.ts';

export const planSubject: PlanPaperSubject = {
  council: { urn: '99901', name: 'Wexham' },
  inspection: { id: 42, published: '2025-11-10', title: "Inspection of Wexham local authority children's services" },
};

export const actionPlanFixture: ActionPlanData = {
  subject: planSubject,
  plan: currentPlan,
  version: { number: 4, date: '2026-05-29', working: false },
  preparedOn: '2026-06-01',
};

export async function chartsFor(plan: typeof currentPlan, asAt: string): Promise<MeasureChartImage[]> {
  const charts: MeasureChartImage[] = [];
  for (const measure of plan.measures) {
    const svg = measureTrendChart(measure, plan.values, asAt);
    if (svg) charts.push({ measureId: measure.id, ...(await svgToPng(svg)) });
  }
  return charts;
}

export async function progressReportFixture(): Promise<ProgressReportData> {
  return {
    subject: planSubject,
    current: currentPlan,
    currentVersion: { number: 4, date: '2026-05-29', working: false },
    since: {
      plan: earlierPlan,
      version: { number: 2, date: '2026-03-02', working: false },
      changes: comparePlanContents(earlierPlan, currentPlan),
    },
    preparedOn: '2026-06-01',
    charts: await chartsFor(currentPlan, '2026-06-01'),
  };
}

export const largeActionPlan = (actions: number): ActionPlanData => ({
  ...actionPlanFixture,
  plan: largePlan(actions),
});
