/**
 * The empirical distribution of gaps between consecutive graded inspections, from the data held at
 * a date. Councils still waiting for their next inspection count as censored observations (they have
 * waited at least this long), so the percentiles come from the Kaplan-Meier estimate rather than from
 * the completed gaps alone, which would be biased towards short gaps. Pure.
 */
import { daysBetween, type IsoDate } from '../calendar/index.ts';
import { cycleInspections, knownFrom, type Histories, type InspectionRecord } from './inspection-history.ts';

export interface GapObservation {
  /** The council and the start date of the inspection the gap runs from. */
  readonly council: string;
  readonly from: InspectionRecord;
  /** Start to start, in days; for a censored observation, from the start to the as-at date. */
  readonly days: number;
  /** True when the next inspection is known by the as-at date. */
  readonly completed: boolean;
}

export interface GapOptions {
  /** Leave out the spell starting with this inspection of this council (the one being predicted). */
  readonly exclude?: { readonly council: string; readonly inspectionStart: IsoDate };
}

/**
 * Every spell between graded inspections that had begun by `asAt`, as seen on `asAt`: a later
 * inspection counts only once its report is public (published on or before `asAt`).
 */
export function gapObservations(histories: Histories, asAt: IsoDate, options: GapOptions = {}): GapObservation[] {
  const observations: GapObservation[] = [];
  for (const [council, records] of histories) {
    const known = cycleInspections(records).filter((record) => knownFrom(record) <= asAt);
    known.forEach((from, index) => {
      if (options.exclude?.council === council && options.exclude.inspectionStart === from.inspectionStart) return;
      const next = known[index + 1];
      observations.push(
        next
          ? { council, from, days: daysBetween(from.inspectionStart, next.inspectionStart), completed: true }
          : { council, from, days: daysBetween(from.inspectionStart, asAt), completed: false },
      );
    });
  }
  return observations;
}

/**
 * Kaplan-Meier quantiles of the gap: for each q, the smallest gap by which a share q of spells had
 * ended. Null when the estimate never reaches q (too many spells still open to say). With
 * `survived`, the quantiles of the gap among spells that last longer than that many days (a council
 * that has already waited that long).
 */
export function kaplanMeierQuantiles(
  observations: readonly Pick<GapObservation, 'days' | 'completed'>[],
  quantiles: readonly number[],
  survived = 0,
): (number | null)[] {
  const sorted = [...observations].sort((a, b) => a.days - b.days || Number(b.completed) - Number(a.completed));
  const steps: { days: number; ended: number }[] = [];
  let atRisk = sorted.length;
  let surviving = 1;
  for (let index = 0; index < sorted.length;) {
    const days = sorted[index]!.days;
    let events = 0;
    let censored = 0;
    for (; index < sorted.length && sorted[index]!.days === days; index++) {
      if (sorted[index]!.completed) events++;
      else censored++;
    }
    if (events > 0) {
      surviving *= 1 - events / atRisk;
      steps.push({ days, ended: 1 - surviving });
    }
    atRisk -= events + censored;
  }
  const endedBefore = steps.filter((step) => step.days <= survived).at(-1)?.ended ?? 0;
  const remaining = 1 - endedBefore;
  if (remaining <= 1e-9) return quantiles.map(() => null);
  return quantiles.map(
    (q) => steps.find((step) => step.days > survived && step.ended >= endedBefore + q * remaining - 1e-9)?.days ?? null,
  );
}
