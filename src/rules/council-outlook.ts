/**
 * What comes next for one council at a date: the next graded inspection (kind, nominal and
 * empirical windows), the focused or monitoring visits to expect before it, the statutory
 * deadlines still running, and any suspicious set of grades in the latest report. Only what was
 * public on the as-at date is used. Pure.
 */
import { addDays, parseIsoDate, type IsoDate } from '../calendar/index.ts';
import type { FrameworkVersion, JudgementArea } from '../domain/index.ts';
import { NotFoundError } from '../errors.ts';
import { checkJudgementConsistency, type ConsistencyFinding } from './consistency.ts';
import { deadlinesAfterPublication, type Deadline } from './deadlines.ts';
import type { Evidence } from './evidence.ts';
import { frameworkVersionFor, gradedAreasFor, NO_OVERALL_FROM } from './framework-version.ts';
import { gapObservations } from './gap-distribution.ts';
import { cycleInspections, knownFrom, type Histories, type InspectionRecord } from './inspection-history.ts';
import {
  empiricalWindow,
  predictNextInspection,
  type EmpiricalWindow,
  type InspectionWindow,
  type NextInspection,
} from './next-inspection.ts';

export type WindowStatus = 'before-window' | 'in-window' | 'after-window' | 'open';

export interface VisitExpectation {
  /** Focused visits (or joint targeted area inspections) expected before the next graded inspection. */
  readonly focusedVisits: { readonly atLeast: number; readonly usually: number };
  readonly summary: string;
  readonly monitoringVisits: string | null;
  /** When the first monitoring visit is expected, for an inadequate council. */
  readonly firstMonitoringVisitBy: IsoDate | null;
  readonly evidence: Evidence;
}

export interface DeadlineStatus extends Deadline {
  readonly status: 'running' | 'passed';
}

export interface CouncilOutlook {
  readonly council: string;
  readonly asAt: IsoDate;
  readonly inspectionsKnown: number;
  readonly latest: InspectionRecord;
  readonly next: NextInspection;
  /** The framework version and graded areas expected for the next inspection, from the date it is expected (not before tomorrow). */
  readonly nextFramework: {
    readonly version: FrameworkVersion;
    readonly areas: readonly JudgementArea[];
    readonly expectedOn: IsoDate;
    readonly evidence: Evidence;
  };
  /** The empirical window among gaps longer than the wait so far: when to expect it, given no inspection by the as-at date. */
  readonly empiricalWindowGivenWait: EmpiricalWindow | null;
  readonly nominalWindowStatus: WindowStatus;
  readonly empiricalWindowStatus: WindowStatus | null;
  readonly visits: VisitExpectation;
  readonly deadlines: readonly DeadlineStatus[];
  readonly consistency: readonly ConsistencyFinding[];
}

/** Where the as-at date sits against a window. */
export function windowStatus(asAt: IsoDate, window: InspectionWindow): WindowStatus {
  if (asAt < window.from) return 'before-window';
  if (window.to === null) return 'open';
  return asAt <= window.to ? 'in-window' : 'after-window';
}

/** Focused and monitoring visits to expect before the next graded inspection (estimates from secondary sources). */
export function expectedVisits(next: NextInspection, actionPlanDue: IsoDate | null, asAt: IsoDate): VisitExpectation {
  if (next.pathway === 'monitoring-then-reinspection') {
    return {
      focusedVisits: { atLeast: 0, usually: 0 },
      summary: 'No focused visits expected: inadequate councils are monitored instead.',
      monitoringVisits:
        'Roughly quarterly monitoring visits (usually 2 inspectors for about 2 days), each with a published letter, until the re-inspection.',
      firstMonitoringVisitBy: actionPlanDue === null ? null : addDays(actionPlanDue, 28),
      evidence: {
        nature: 'estimate',
        tags: ['OFF', 'SEC'],
        source:
          'Ofsted monitoring handbook (2016, 2017); a summary of it says the first visit falls within about four weeks of the action-plan deadline; SESLIP on focused visits.',
      },
    };
  }
  const evidence: Evidence = {
    nature: 'estimate',
    tags: ['SEC', 'MEM'],
    source:
      'CYP Now 2017, council minutes and ILACS briefing slides (2018); the framework text with the exact number was not seen. A joint targeted area inspection can take the place of a focused visit.',
  };
  if (next.pathway === 'standard') {
    return {
      focusedVisits: { atLeast: 1, usually: 2 },
      summary:
        'At least one focused visit (2 inspectors, 2 days), usually two (one may be a joint targeted area inspection), before the standard inspection.',
      monitoringVisits: null,
      firstMonitoringVisitBy: null,
      evidence,
    };
  }
  const from2026 =
    asAt >= NO_OVERALL_FROM
      ? ' From April 2026 a focused visit before the short inspection reportedly depends on leaders being good or better and at least two of the three practice judgements good or better (secondary source, unverified).'
      : '';
  return {
    focusedVisits: { atLeast: 1, usually: 1 },
    summary: `At least one focused visit (2 inspectors, 2 days), usually one, before the short inspection.${from2026}`,
    monitoringVisits: null,
    firstMonitoringVisitBy: null,
    evidence,
  };
}

/**
 * The outlook for `council` on `asAt`, from every council's histories (they feed the
 * empirical window). The council's own history counts only as far as it was public on `asAt`.
 */
export function councilOutlook(council: string, asAt: IsoDate, histories: Histories): CouncilOutlook {
  parseIsoDate(asAt, 'as-at date');
  const records = histories.get(council);
  if (!records || records.length === 0)
    throw new NotFoundError(`No reports were found for the local authority "${council}".`, 'no-reports');
  const known = cycleInspections(records).filter((record) => knownFrom(record) <= asAt);
  const latest = known.at(-1);
  if (!latest) {
    throw new NotFoundError(
      `No graded inspection of "${council}" was public on ${asAt} (${records.length} report(s) given, none published by then).`,
      'no-inspection-by-date',
    );
  }
  const observations = gapObservations(histories, asAt, {
    exclude: { council, inspectionStart: latest.inspectionStart },
  });
  const next = predictNextInspection(latest, observations);
  const deadlines: DeadlineStatus[] = latest.published
    ? deadlinesAfterPublication(latest.published).map((deadline) => ({
        ...deadline,
        status: deadline.due < asAt ? 'passed' : 'running',
      }))
    : [];
  const givenWait = empiricalWindow(latest, next.pathway, observations, asAt);
  const expected = givenWait?.median ?? next.empiricalWindow?.median ?? next.nominalWindow.anniversary;
  const expectedOn = expected > asAt ? expected : addDays(asAt, 1);
  const nextFramework = {
    version: frameworkVersionFor(expectedOn, next.kind),
    areas: gradedAreasFor(expectedOn, next.kind),
    expectedOn,
    evidence: {
      nature: 'estimate',
      tags: ['OFF', 'EMP'],
      source:
        'The framework version in force on the date the inspection is expected (the empirical median given the wait so far, else the third anniversary, and not before tomorrow); a later framework change would alter it.',
    } satisfies Evidence,
  };
  const actionPlanDue = deadlines.find((deadline) => deadline.id === 'written-statement-of-action')?.due ?? null;
  return {
    council,
    asAt,
    inspectionsKnown: known.length,
    latest,
    next,
    nextFramework,
    empiricalWindowGivenWait: givenWait,
    nominalWindowStatus: windowStatus(asAt, next.nominalWindow),
    empiricalWindowStatus: next.empiricalWindow && windowStatus(asAt, next.empiricalWindow),
    visits: expectedVisits(next, actionPlanDue, asAt),
    deadlines,
    consistency: checkJudgementConsistency(latest.version, latest.judgements),
  };
}
