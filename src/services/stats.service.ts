/** National, regional and statistical-neighbour figures at a date, from the stored inspections. */
import {
  nationalDistribution,
  neighbourPosition,
  regionPosition,
  type GradeQuery,
  type GroupPosition,
  type NationalDistribution,
} from '../analytics/index.ts';
import { JUDGEMENT_AREAS, type JudgementArea } from '../domain/index.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.ts';
import { loadInspectionViews } from './inspection.service.ts';
import { resolveIn, type CouncilService } from './council.service.ts';
import { toCouncilFacts, type CouncilView } from './views.ts';

export interface StatsService {
  /** The grade distribution of every council that existed at the date. Default area: overall; basis: latest. */
  national(query: GradeQuery): Promise<NationalDistribution>;
  /** national() for every judgement area at once (areas nobody was graded in still appear, with included 0). */
  nationalByArea(query: Omit<GradeQuery, 'area'>): Promise<Record<JudgementArea, NationalDistribution>>;
  /** The council's place among the councils of its region. */
  region(reference: string, query: GradeQuery): Promise<GroupPosition>;
  /** The council's place among itself and its statistical neighbours. */
  neighbours(reference: string, query: GradeQuery): Promise<GroupPosition>;
}

export function createStatsService(db: Kysely<Database>, councils: CouncilService): StatsService {
  const facts = async () => {
    const { authorities, inspections } = await loadInspectionViews(db, councils);
    return { councils: authorities.map(toCouncilFacts), inspections, authorities };
  };
  const councilIn = (authorities: readonly CouncilView[], reference: string) =>
    toCouncilFacts(resolveIn(authorities, reference));
  return {
    async national(query) {
      const { councils, inspections: all } = await facts();
      return nationalDistribution(councils, all, query);
    },
    async nationalByArea(query) {
      const { councils, inspections: all } = await facts();
      return Object.fromEntries(
        JUDGEMENT_AREAS.map((area) => [area, nationalDistribution(councils, all, { ...query, area })]),
      ) as Record<JudgementArea, NationalDistribution>;
    },
    async region(reference, query) {
      const { councils, inspections: all, authorities } = await facts();
      return regionPosition(councilIn(authorities, reference), councils, all, query);
    },
    async neighbours(reference, query) {
      const { councils, inspections: all, authorities } = await facts();
      return neighbourPosition(councilIn(authorities, reference), councils, all, query);
    },
  };
}
