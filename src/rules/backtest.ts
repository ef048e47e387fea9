/**
 * The backtest: for every council with two or more graded inspections, predict each next inspection
 * from the earlier ones alone and compare with what happened. The empirical window is computed from
 * the gaps known the day before the predicted inspection started, leaving out the council's own
 * open spell: nothing from the future is used. Pure.
 */
import { addDays, type IsoDate } from '../calendar/index.ts';
import type { GradedInspectionKind, InspectionKind } from '../domain/index.ts';
import { gapObservations } from './gap-distribution.ts';
import { cycleInspections, type Histories } from './inspection-history.ts';
import { pathwayAfter, predictNextInspection, type InspectionWindow, type Pathway } from './next-inspection.ts';

export interface BacktestCase {
  readonly council: string;
  readonly after: IsoDate;
  readonly pathway: Pathway;
  readonly predictedKind: GradedInspectionKind;
  readonly actualKind: InspectionKind;
  readonly actualStart: IsoDate;
  readonly nominalWindow: InspectionWindow;
  readonly empiricalWindow: InspectionWindow | null;
  readonly kindRight: boolean;
  readonly inNominalWindow: boolean;
  readonly inEmpiricalWindow: boolean;
}

export interface BacktestResult {
  readonly cases: number;
  readonly kindAccuracy: number;
  readonly nominalWindowCoverage: number;
  readonly empiricalWindowCoverage: number;
  /** Empirical windows with no upper end (too many councils still waiting at the time). */
  readonly openEndedEmpiricalWindows: number;
  /** Cases with no empirical window at all (no completed gap known yet); counted as misses. */
  readonly withoutEmpiricalWindow: number;
  /** Pairs left out because the earlier inspection has no grades. */
  readonly skipped: number;
  readonly details: readonly BacktestCase[];
}

export function inWindow(date: IsoDate, window: InspectionWindow | null): boolean {
  return window !== null && window.from <= date && (window.to === null || date <= window.to);
}

const share = (count: number, total: number) => (total === 0 ? 0 : count / total);

export function backtest(histories: Histories): BacktestResult {
  const details: BacktestCase[] = [];
  let skipped = 0;
  for (const [council, records] of histories) {
    const inspections = cycleInspections(records);
    for (let index = 0; index + 1 < inspections.length; index++) {
      const after = inspections[index]!;
      const actual = inspections[index + 1]!;
      if (!pathwayAfter(after)) {
        skipped++;
        continue;
      }
      const asAt = addDays(actual.inspectionStart, -1);
      const observations = gapObservations(histories, asAt, {
        exclude: { council, inspectionStart: after.inspectionStart },
      });
      const prediction = predictNextInspection(after, observations);
      details.push({
        council,
        after: after.inspectionStart,
        pathway: prediction.pathway,
        predictedKind: prediction.kind,
        actualKind: actual.kind,
        actualStart: actual.inspectionStart,
        nominalWindow: { from: prediction.nominalWindow.from, to: prediction.nominalWindow.to },
        empiricalWindow: prediction.empiricalWindow && {
          from: prediction.empiricalWindow.from,
          to: prediction.empiricalWindow.to,
        },
        kindRight: prediction.kind === actual.kind,
        inNominalWindow: inWindow(actual.inspectionStart, prediction.nominalWindow),
        inEmpiricalWindow: inWindow(actual.inspectionStart, prediction.empiricalWindow),
      });
    }
  }
  const count = (test: (item: BacktestCase) => boolean) => details.filter(test).length;
  return {
    cases: details.length,
    kindAccuracy: share(
      count((item) => item.kindRight),
      details.length,
    ),
    nominalWindowCoverage: share(
      count((item) => item.inNominalWindow),
      details.length,
    ),
    empiricalWindowCoverage: share(
      count((item) => item.inEmpiricalWindow),
      details.length,
    ),
    openEndedEmpiricalWindows: count((item) => item.empiricalWindow !== null && item.empiricalWindow.to === null),
    withoutEmpiricalWindow: count((item) => item.empiricalWindow === null),
    skipped,
    details,
  };
}
