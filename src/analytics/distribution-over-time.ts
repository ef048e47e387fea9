/** The national distribution at the end of each quarter: how the picture changed over time. */
import type { IsoDate } from '../domain/index.ts';
import type { CouncilFacts, GradeQuery, InspectionFacts } from './facts.ts';
import { nationalDistribution, type NationalDistribution } from './national-distribution.ts';

/** The last day of each calendar quarter from the one holding `from` to the last one ending on or before `to`. */
export function quarterEnds(from: IsoDate, to: IsoDate): IsoDate[] {
  const ends: IsoDate[] = [];
  let year = Number(from.slice(0, 4));
  let quarter = Math.floor((Number(from.slice(5, 7)) - 1) / 3);
  const LAST_DAYS = ['03-31', '06-30', '09-30', '12-31'];
  for (;;) {
    const end = `${year}-${LAST_DAYS[quarter]}`;
    if (end > to) return ends;
    ends.push(end);
    quarter = (quarter + 1) % 4;
    if (quarter === 0) year++;
  }
}

/** The distribution in the query's area at each quarter end from `from` to the query's date. */
export function distributionByQuarter(
  councils: readonly CouncilFacts[],
  inspections: readonly InspectionFacts[],
  from: IsoDate,
  query: GradeQuery,
): NationalDistribution[] {
  return quarterEnds(from, query.asAt).map((asAt) => nationalDistribution(councils, inspections, { ...query, asAt }));
}
