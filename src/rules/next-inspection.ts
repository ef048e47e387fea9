/**
 * What comes next after a graded inspection: the kind of the next graded inspection (short,
 * standard, or monitoring visits then a re-inspection), its nominal window (the framework's
 * three-year cycle) and its empirical window (percentiles of the gaps observed in the data held).
 * Every part says whether it is a rule or an estimate. Pure.
 */
import { addDays, addMonths, daysBetween, type IsoDate } from '../calendar/index.ts';
import { compareGrades, type Grade, type GradedInspectionKind } from '../domain/index.ts';
import { ValidationError } from '../errors.ts';
import type { Evidence } from './evidence.ts';
import { LAST_SIF_REINSPECTION_START } from './framework-version.ts';
import { kaplanMeierQuantiles, type GapObservation } from './gap-distribution.ts';
import type { InspectionRecord } from './inspection-history.ts';

export const PATHWAYS = ['short', 'standard', 'monitoring-then-reinspection'] as const;
export type Pathway = (typeof PATHWAYS)[number];

/** The empirical window runs from the 5th to the 95th percentile of the gap (a 90% interval). */
export const EMPIRICAL_WINDOW_PERCENTILES = { lower: 0.05, upper: 0.95 } as const;
/** Below this many completed gaps after the same pathway, the window pools every pathway. */
export const MIN_COMPLETED_GAPS_FOR_PATHWAY = 5;
/** The framework's cycle: around the third anniversary, six months either side. */
export const NOMINAL_CYCLE_MONTHS = 36;
export const NOMINAL_SPREAD_MONTHS = 6;

export interface PathwayDecision {
  readonly pathway: Pathway;
  readonly reason: string;
  readonly evidence: Evidence;
}

const CYCLE_RULE_SOURCE = 'ILACS framework as quoted by council guides (Kirklees, Nottinghamshire) and CYP Now 2017';

/** The pathway after an inspection, from its grades; undefined when the record has no grades at all. */
export function pathwayAfter(record: InspectionRecord): PathwayDecision | undefined {
  const { overall } = record.judgements;
  if (overall === 'outstanding' || overall === 'good') {
    return {
      pathway: 'short',
      reason: `Overall effectiveness was ${overall}: the next graded inspection is a short inspection (one week on site). ${overall === 'good' ? 'About one good council in six got a standard inspection instead (20 of 118).' : 'Outstanding councils got one in 26 of 27 cases.'}`,
      evidence: {
        nature: 'rule',
        tags: ['SEC', 'EMP'],
        source: `${CYCLE_RULE_SOURCE}; good then short 98/118, outstanding then short 26/27 [EMP].`,
      },
    };
  }
  if (overall === 'requires_improvement') {
    return {
      pathway: 'standard',
      reason:
        'Overall effectiveness required improvement: the next graded inspection is a standard inspection (two weeks on site).',
      evidence: {
        nature: 'rule',
        tags: ['SEC', 'EMP'],
        source: `${CYCLE_RULE_SOURCE}; requires improvement then standard 122/123 [EMP].`,
      },
    };
  }
  if (overall === 'inadequate') {
    return {
      pathway: 'monitoring-then-reinspection',
      reason:
        'Overall effectiveness was inadequate: roughly quarterly monitoring visits follow, then a re-inspection when Ofsted judges it right.',
      evidence: {
        nature: 'rule',
        tags: ['OFF', 'SEC', 'EMP'],
        source:
          'Ofsted handbook on monitoring inadequate councils (2016, 2017); CYP Now 2017; inadequate then standard re-inspection 41/42 [EMP].',
      },
    };
  }
  return pathwayWithoutOverall(record);
}

/** ILACS-2026 has no overall judgement: the pathway follows the four remaining judgements (unverified). */
function pathwayWithoutOverall(record: InspectionRecord): PathwayDecision | undefined {
  const { leadership, helpAndProtection, childrenInCare, careLeavers } = record.judgements;
  const grades = [leadership, helpAndProtection, childrenInCare, careLeavers].filter(
    (grade): grade is Grade => grade !== undefined,
  );
  if (grades.length === 0) return undefined;
  const unverified: Evidence = {
    nature: 'estimate',
    tags: ['SEC', 'MEM'],
    source:
      'From April 2026 there is no overall judgement; a secondary source says the short-inspection pathway needs leaders good or better and at least two of the three practice judgements good or better. The official text was not seen.',
  };
  if (grades.includes('inadequate')) {
    return {
      pathway: 'monitoring-then-reinspection',
      reason:
        'At least one judgement is inadequate and there is no overall judgement: monitoring then re-inspection is assumed.',
      evidence: unverified,
    };
  }
  const goodPractice = [helpAndProtection, childrenInCare, careLeavers].filter(
    (grade) => grade !== undefined && compareGrades(grade, 'good') >= 0,
  ).length;
  if (leadership !== undefined && compareGrades(leadership, 'good') >= 0 && goodPractice >= 2) {
    return {
      pathway: 'short',
      reason:
        'Leaders are good or better and at least two practice judgements are good or better: the short-inspection pathway.',
      evidence: unverified,
    };
  }
  return {
    pathway: 'standard',
    reason: 'Leaders or most practice judgements are below good: a standard inspection is assumed.',
    evidence: unverified,
  };
}

export interface InspectionWindow {
  readonly from: IsoDate;
  /** Null when the data cannot bound it yet (too many councils still waiting). */
  readonly to: IsoDate | null;
}

export interface NominalWindow extends InspectionWindow {
  readonly to: IsoDate;
  readonly anniversary: IsoDate;
  readonly basis: string;
  readonly evidence: Evidence;
}

export interface EmpiricalWindow extends InspectionWindow {
  readonly median: IsoDate | null;
  readonly percentiles: { readonly lower: number; readonly upper: number };
  /** The spells the window was computed from: after the same pathway, or every pathway when too few. */
  readonly group: Pathway | 'all';
  readonly completedGaps: number;
  readonly stillWaiting: number;
  readonly evidence: Evidence;
}

export interface NextInspection {
  readonly after: InspectionRecord;
  readonly pathway: Pathway;
  readonly kind: GradedInspectionKind;
  readonly reason: string;
  readonly evidence: Evidence;
  readonly nominalWindow: NominalWindow;
  readonly empiricalWindow: EmpiricalWindow | null;
}

/** Around the third anniversary of the start of the last inspection, six months either side. */
export function nominalWindow(after: InspectionRecord): NominalWindow {
  const anniversary = addMonths(after.inspectionStart, NOMINAL_CYCLE_MONTHS);
  return {
    from: addMonths(anniversary, -NOMINAL_SPREAD_MONTHS),
    to: addMonths(anniversary, NOMINAL_SPREAD_MONTHS),
    anniversary,
    basis:
      'Third anniversary of the first day on site of the last inspection, six months either side. Whether the framework counts from the inspection or the publication is not known; for inadequate councils there is no fixed interval and this is only a reference.',
    evidence: { nature: 'rule', tags: ['SEC'], source: CYCLE_RULE_SOURCE },
  };
}

/** The pathway a gap observation started from, or undefined for an ungraded record. */
function observationPathway(observation: GapObservation): Pathway | undefined {
  return pathwayAfter(observation.from)?.pathway;
}

/** The spells the empirical window draws on: after the same pathway, or all of them when fewer than 5 of those are complete. */
function windowSample(
  pathway: Pathway,
  observations: readonly GapObservation[],
): { sample: readonly GapObservation[]; useGroup: boolean } {
  const samePathway = observations.filter((observation) => observationPathway(observation) === pathway);
  const useGroup = samePathway.filter((observation) => observation.completed).length >= MIN_COMPLETED_GAPS_FOR_PATHWAY;
  return { sample: useGroup ? samePathway : observations, useGroup };
}

/**
 * Percentiles of the observed gaps after the same pathway (all pathways when fewer than 5
 * completed), from the last inspection's start. With `waitedUntil`, only gaps longer than the wait
 * so far count: the window for a council that has not been inspected again by that date.
 */
export function empiricalWindow(
  after: InspectionRecord,
  pathway: Pathway,
  observations: readonly GapObservation[],
  waitedUntil?: IsoDate,
): EmpiricalWindow | null {
  const { sample, useGroup } = windowSample(pathway, observations);
  const completedGaps = sample.filter((observation) => observation.completed).length;
  if (completedGaps === 0) return null;
  const { lower, upper } = EMPIRICAL_WINDOW_PERCENTILES;
  const waited = waitedUntil === undefined ? 0 : Math.max(0, daysBetween(after.inspectionStart, waitedUntil));
  const [low, median, high] = kaplanMeierQuantiles(sample, [lower, 0.5, upper], waited);
  if (low === null || low === undefined) return null;
  const at = (days: number | null | undefined) =>
    days === null || days === undefined ? null : addDays(after.inspectionStart, days);
  return {
    from: at(low)!,
    to: at(high),
    median: at(median),
    percentiles: { lower: lower * 100, upper: upper * 100 },
    group: useGroup ? pathway : 'all',
    completedGaps,
    stillWaiting: sample.length - completedGaps,
    evidence: {
      nature: 'estimate',
      tags: ['EMP'],
      source: `Kaplan-Meier percentiles of the start-to-start gaps between consecutive graded inspections known at the time (${completedGaps} completed, ${sample.length - completedGaps} councils still waiting counted as censored), ${useGroup ? 'after the same pathway' : 'after any pathway (too few after this one)'}${waited > 0 ? `, among gaps longer than the ${waited} days waited by ${waitedUntil}` : ''}.`,
    },
  };
}

/**
 * The kind of the next graded inspection. After an inadequate SIF judgement, the re-inspection was
 * a SIF re-inspection if it came by 11 June 2018 (the last one started then) and an ILACS standard
 * inspection afterwards; `expected` is the date the re-inspection is expected.
 */
export function expectedKind(after: InspectionRecord, pathway: Pathway, expected: IsoDate): GradedInspectionKind {
  if (pathway === 'short') return 'ilacs-short';
  if (pathway === 'standard') return 'ilacs-standard';
  return after.version === 'SIF' && expected <= LAST_SIF_REINSPECTION_START ? 'sif-reinspection' : 'ilacs-standard';
}

/** The next graded inspection after `after`, given the gap observations known at the time. */
export function predictNextInspection(
  after: InspectionRecord,
  observations: readonly GapObservation[],
): NextInspection {
  const decision = pathwayAfter(after);
  if (!decision)
    throw new ValidationError(
      `The inspection that started ${after.inspectionStart} has no grades, so what comes next cannot be worked out.`,
      'no-grades',
    );
  const nominal = nominalWindow(after);
  const empirical = empiricalWindow(after, decision.pathway, observations);
  const expected = empirical?.median ?? nominal.anniversary;
  const kind = expectedKind(after, decision.pathway, expected);
  const reason =
    after.version === 'SIF' && decision.pathway === 'monitoring-then-reinspection'
      ? `${decision.reason} Re-inspections after SIF were SIF re-inspections up to June 2018 and ILACS standard inspections after; with the re-inspection expected about ${expected}, this one is taken as ${kind === 'sif-reinspection' ? 'a SIF re-inspection' : 'an ILACS standard inspection'} (an estimate).`
      : decision.reason;
  return {
    after,
    pathway: decision.pathway,
    kind,
    reason,
    evidence: decision.evidence,
    nominalWindow: nominal,
    empiricalWindow: empirical,
  };
}
