/** Reading inspections: every council's latest as at a date, one council's history, one inspection in full. */
import type { Kysely } from 'kysely';
import { inspectionHistory, latestInspections, type HistoryEntry } from '../analytics/index.ts';
import type { IsoDate } from '../domain/index.ts';
import { NotFoundError } from '../errors.ts';
import {
  findInspectionRow,
  listInspectionRows,
  listJudgementRows,
  listJudgementsOf,
  listRecommendationsOf,
  listReportWarningsOf,
  type Database,
} from '../store/index.ts';
import type { CouncilService } from './council.service.ts';
import {
  toCouncilFacts,
  toInspectionView,
  type InspectionDetailView,
  type InspectionView,
  type CouncilView,
} from './views.ts';

export interface LatestInspectionRow {
  readonly authority: CouncilView;
  /** The council's latest inspection of its children's services published by the date; null when none. */
  readonly inspection: InspectionView | null;
}

export interface InspectionHistoryView {
  readonly authority: CouncilView;
  /** Oldest first; each with the change of every judged area from the last earlier grade in that area. */
  readonly entries: readonly HistoryEntry<InspectionView>[];
}

export interface InspectionService {
  /** Every council that existed at the date (by name), with its latest graded inspection published by then. */
  latestByCouncil(asAt: IsoDate): Promise<LatestInspectionRow[]>;
  /** Every stored inspection (all councils), oldest first within each council. */
  listAll(): Promise<InspectionView[]>;
  /** A council's inspections with grades and changes; throws NotFoundError for an unknown council. */
  historyOf(reference: string): Promise<InspectionHistoryView>;
  /** One inspection with its judgements, recommendations and source file; throws NotFoundError. */
  get(id: number): Promise<InspectionDetailView>;
}

/** The stored inspections (of one council, or all) with their judgements, and the whole register, read together. */
export async function loadInspectionViews(
  db: Kysely<Database>,
  councils: CouncilService,
  urn?: string,
): Promise<{ inspections: InspectionView[]; authorities: CouncilView[] }> {
  const filter = urn === undefined ? {} : { urn };
  const [rows, judgements, authorities] = await Promise.all([
    listInspectionRows(db, filter),
    listJudgementRows(db, filter),
    councils.list({ includeInactive: true }),
  ]);
  const byUrn = new Map(authorities.map((authority) => [authority.urn, authority]));
  const judgementsById = Map.groupBy(judgements, (judgement) => Number(judgement.inspection_id));
  return {
    inspections: rows.map((row) => toInspectionView(row, judgementsById.get(Number(row.id)) ?? [], byUrn.get(row.urn))),
    authorities,
  };
}

export function createInspectionService(db: Kysely<Database>, councils: CouncilService): InspectionService {
  const views = (urn?: string) => loadInspectionViews(db, councils, urn);
  return {
    async latestByCouncil(asAt) {
      const { inspections, authorities } = await views();
      const byUrn = new Map(authorities.map((authority) => [authority.urn, authority]));
      return latestInspections(authorities.map(toCouncilFacts), inspections, asAt).map((row) => ({
        authority: byUrn.get(row.council.urn) as CouncilView,
        inspection: row.inspection ?? null,
      }));
    },
    async listAll() {
      return (await views()).inspections;
    },
    async historyOf(reference) {
      const authority = await councils.resolve(reference);
      const { inspections } = await views(authority.urn);
      return { authority, entries: inspectionHistory(inspections) };
    },
    async get(id) {
      const row = Number.isInteger(id) ? await findInspectionRow(db, id) : undefined;
      if (!row) throw new NotFoundError(`No inspection with id ${id}.`, 'unknown-inspection');
      const [judgements, recommendations, warnings, authority] = await Promise.all([
        listJudgementsOf(db, row.id),
        listRecommendationsOf(db, row.id),
        listReportWarningsOf(db, row.id),
        councils.resolve(row.urn).catch(() => undefined),
      ]);
      return {
        ...toInspectionView(row, judgements, authority),
        councilAsPrinted: row.local_authority_as_printed,
        recommendations: recommendations.filter((item) => item.list === 'la').map((item) => item.text),
        lscbRecommendations: recommendations.filter((item) => item.list === 'lscb').map((item) => item.text),
        warnings: warnings.map((warning) => ({ code: warning.code, message: warning.message })),
        contentHash: row.content_hash,
        importedAt: row.imported_at,
        updatedAt: row.updated_at,
      };
    },
  };
}
