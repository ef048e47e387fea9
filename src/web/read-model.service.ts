/**
 * The pages' and the API's read model, composed from the project's services (register and
 * inspections) and the pure analytics and framework rules. No SQL here.
 *
 * Speed: every figure is computed from one snapshot of the register and the inspections, loaded
 * through the services and refreshed in the background once it is `snapshotSeconds` old (an import
 * by another process shows up soon after); results per date are memoised on the snapshot.
 */
import { createHash } from 'node:crypto';
import {
  inspectionHistory,
  latestInspections,
  nationalDistribution,
  neighbourPosition,
  regionPosition,
  statisticalNeighboursOf,
  COUNCIL_INSPECTION_KINDS,
  type CouncilFacts,
} from '../analytics/index.ts';
import { JUDGEMENT_AREAS, type Grade, type JudgementArea } from '../domain/index.ts';
import { NotFoundError } from '../errors.ts';
import { checkJudgementConsistency, councilOutlook, type CouncilOutlook } from '../rules/index.ts';
import type { InspectionService } from '../services/inspection.service.ts';
import type { LocalAuthorityService } from '../services/local-authority.service.ts';
import { toCouncilFacts, type InspectionView, type LocalAuthorityView } from '../services/views.ts';
import { areaShort, kindLabel, ukDate } from './format.ts';
import type {
  AreaDistribution,
  CouncilStory,
  CouncilSummary,
  GradeChange,
  HistoryEntry,
  InspectionDetail,
  InspectionSummary,
  Judgements,
  LatestInspectionRow,
  NationalPicture,
  NextStep,
  PeerRow,
  Position,
  ReadModel,
  StoreSummary,
} from './read-model.ts';

/** The services this read model needs (a subset of the project's Services). */
export interface ReadModelSources {
  readonly localAuthorities: LocalAuthorityService;
  readonly inspections: InspectionService;
}

export interface ReadModelOptions {
  /** Age after which a snapshot is reloaded in the background; 0 reloads on every request (tests). */
  readonly snapshotSeconds?: number;
  readonly now?: () => number;
}

interface Snapshot {
  /** 1 for the first snapshot, then 2, 3, ... for each one with different data. */
  readonly version: number;
  readonly loadedAt: number;
  /** sha256 of the loaded register and inspections: equal data, equal fingerprint. */
  readonly fingerprint: string;
  readonly authorities: readonly LocalAuthorityView[];
  readonly councils: readonly CouncilFacts[];
  readonly byUrn: ReadonlyMap<string, LocalAuthorityView>;
  readonly inspections: readonly InspectionView[];
  readonly inspectionsByUrn: ReadonlyMap<string, readonly InspectionView[]>;
  readonly memo: Map<string, unknown>;
}

/** Figures kept per snapshot (oldest dropped first): enough for every council at a few dates. */
const MEMO_LIMIT = 4096;

export function councilSummary(authority: LocalAuthorityView): CouncilSummary {
  return {
    urn: authority.urn,
    name: authority.name,
    laCode: authority.laCode,
    gssCode: authority.gssCode,
    regionName: authority.regionName,
    laType: authority.laType,
    active: authority.active,
  };
}

/** The grades in the reports' order of areas, whatever order the store returned them in. */
function inOrder(judgements: Judgements): Judgements {
  const ordered: Partial<Record<JudgementArea, Grade>> = {};
  for (const area of JUDGEMENT_AREAS) {
    const grade = judgements[area];
    if (grade !== undefined) ordered[area] = grade;
  }
  return ordered;
}

function inspectionSummary(inspection: InspectionView): InspectionSummary {
  return {
    id: inspection.id,
    urn: inspection.urn,
    version: inspection.version,
    kind: inspection.kind,
    inspectionStart: inspection.inspectionStart,
    inspectionEnd: inspection.inspectionEnd,
    published: inspection.published,
    judgements: inOrder(inspection.judgements),
  };
}

function nextSteps(outlook: CouncilOutlook): NextStep[] {
  const { next } = outlook;
  const nominal = next.nominalWindow;
  const empirical = next.empiricalWindow;
  const steps: NextStep[] = [
    {
      heading: `Next graded inspection: ${kindLabel(next.kind)}`,
      basis: next.evidence.nature,
      lines: [
        next.reason,
        `Nominal window: ${ukDate(nominal.from)} to ${ukDate(nominal.to)} (around the third anniversary of the last inspection's start, ${ukDate(nominal.anniversary)}).`,
        `Framework expected then: ${outlook.nextFramework.version}, grading ${outlook.nextFramework.areas.map((area) => areaShort(area).toLowerCase()).join(', ')}.`,
      ],
    },
  ];
  if (empirical) {
    steps.push({
      heading: 'When it is likely, from the gaps seen between inspections',
      basis: 'estimate',
      lines: [
        `${Math.round(empirical.percentiles.upper - empirical.percentiles.lower)}% of observed gaps put it between ${ukDate(empirical.from)} and ${empirical.to ? ukDate(empirical.to) : 'a date the data cannot yet bound'}${empirical.median ? `; the middle of the observed gaps is ${ukDate(empirical.median)}` : ''}.`,
        `Based on ${empirical.completedGaps} completed gaps${empirical.stillWaiting ? ` and ${empirical.stillWaiting} councils still waiting` : ''}${empirical.group === 'all' ? ', every pathway pooled' : ''}.`,
      ],
    });
  }
  steps.push({
    heading: 'Visits before it',
    basis: outlook.visits.evidence.nature,
    lines: [outlook.visits.summary, ...(outlook.visits.monitoringVisits ? [outlook.visits.monitoringVisits] : []), ...(outlook.visits.firstMonitoringVisitBy ? [`First monitoring visit expected by about ${ukDate(outlook.visits.firstMonitoringVisitBy)}.`] : [])],
  });
  const running = outlook.deadlines.filter((deadline) => deadline.status === 'running');
  steps.push({
    heading: running.length ? 'Deadlines running' : 'Deadlines',
    basis: 'rule',
    lines: outlook.deadlines.length
      ? outlook.deadlines.map(
          (deadline) =>
            `${deadline.name}: due ${ukDate(deadline.due)}, ${deadline.workingDays} working days from ${ukDate(deadline.anchor)} (${deadline.status === 'running' ? 'running' : 'passed'}; ${deadline.legalBasis.citation}).`,
        )
      : ['No statutory deadline runs from the latest inspection.'],
  });
  return steps;
}

export function createReadModel(sources: ReadModelSources, options: ReadModelOptions = {}): ReadModel {
  const ttl = (options.snapshotSeconds ?? 10) * 1000;
  const now = options.now ?? Date.now;
  let current: Promise<Snapshot> | undefined;
  let refreshing: Promise<Snapshot> | undefined;
  let checkedAt = -Infinity;
  let loads = 0;

  const load = async (): Promise<Snapshot> => {
    const loadedAt = now();
    const [authorities, inspections] = await Promise.all([sources.localAuthorities.list({ includeInactive: true }), sources.inspections.listAll()]);
    const inspectionsByUrn = Map.groupBy(inspections, (inspection) => inspection.urn);
    return {
      version: 0,
      loadedAt,
      fingerprint: createHash('sha256').update(JSON.stringify([authorities, inspections])).digest('hex'),
      authorities,
      councils: authorities.map(toCouncilFacts),
      byUrn: new Map(authorities.map((authority) => [authority.urn, authority])),
      inspections,
      inspectionsByUrn,
      memo: new Map(),
    };
  };

  /**
   * The first call waits for the load; later calls get the snapshot in hand at once and, once it was
   * checked longer than the TTL ago, start one reload in the background. The reload replaces the
   * snapshot only when the data differ (so memoised figures and cached pages live on while nothing
   * changes), and no request waits for it.
   */
  const snapshot = async (): Promise<Snapshot> => {
    if (!current) {
      checkedAt = now();
      const loading = load().then((first) => ({ ...first, version: ++loads }));
      current = loading;
      loading.catch(() => {
        if (current === loading) current = undefined;
      });
      return loading;
    }
    const held = await current;
    if (!refreshing && now() - checkedAt >= ttl) {
      checkedAt = now();
      const reloading = load().then((fresh) => (fresh.fingerprint === held.fingerprint ? held : { ...fresh, version: ++loads }));
      refreshing = reloading;
      reloading.then(
        (next) => {
          current = Promise.resolve(next);
          refreshing = undefined;
        },
        () => {
          refreshing = undefined;
        },
      );
      if (ttl === 0) return reloading;
    }
    return held;
  };

  const memo = <T>(snap: Snapshot, key: string, compute: () => T): T => {
    if (snap.memo.has(key)) return snap.memo.get(key) as T;
    const value = compute();
    if (snap.memo.size >= MEMO_LIMIT) snap.memo.delete(snap.memo.keys().next().value as string);
    snap.memo.set(key, value);
    return value;
  };

  const councilOf = (snap: Snapshot, urn: string): LocalAuthorityView => {
    const authority = snap.byUrn.get(urn);
    if (!authority) throw new NotFoundError(`There is no council with the Ofsted URN ${urn}.`, 'unknown-local-authority');
    return authority;
  };

  const latestRows = (snap: Snapshot, asAt: string): LatestInspectionRow[] =>
    memo(snap, `latest:${asAt}`, () =>
      latestInspections(snap.councils, snap.inspections, asAt).flatMap((row) =>
        row.inspection ? [{ ...inspectionSummary(row.inspection), name: row.council.name, regionName: row.council.regionName }] : [],
      ),
    );

  const picture = (snap: Snapshot, asAt: string): NationalPicture =>
    memo(snap, `national:${asAt}`, () => {
      const latest = latestRows(snap, asAt);
      const distributions: AreaDistribution[] = JUDGEMENT_AREAS.map((area) => nationalDistribution(snap.councils, snap.inspections, { asAt, area }))
        .filter((distribution) => distribution.included > 0)
        .map((distribution) => ({ area: distribution.area, included: distribution.included, counts: distribution.counts, percentages: distribution.percentages }));
      const existing = latestInspections(snap.councils, [], asAt).length;
      return {
        asAt,
        included: latest.length,
        missing: Math.max(0, existing - latest.length),
        distributions,
        latest,
        regions: [...new Set(snap.authorities.map((authority) => authority.regionName).filter((name): name is string => name !== null))].sort(),
      };
    });

  const history = (snap: Snapshot, urn: string): HistoryEntry[] =>
    memo(snap, `history:${urn}`, () =>
      inspectionHistory(snap.inspectionsByUrn.get(urn) ?? [])
        .map((entry) => {
          const previous: Partial<Record<JudgementArea, Grade>> = {};
          const changes: Partial<Record<JudgementArea, GradeChange>> = {};
          for (const area of JUDGEMENT_AREAS) {
            if (entry.inspection.judgements[area] === undefined) continue;
            const change = entry.changes[area];
            if (change) {
              previous[area] = change.from;
              changes[area] = change.direction === 'unchanged' ? 'same' : change.direction;
            } else changes[area] = 'new';
          }
          return { ...inspectionSummary(entry.inspection), previous: previous as Judgements, changes };
        })
        .reverse(),
    );

  const peer = (snap: Snapshot, council: CouncilFacts, asAt: string): PeerRow => {
    const latest = latestRows(snap, asAt).find((row) => row.urn === council.urn);
    return { urn: council.urn, name: council.name, overall: latest?.judgements.overall ?? null, published: latest?.published ?? null, inspectionId: latest?.id ?? null };
  };

  const positions = (snap: Snapshot, council: CouncilFacts, asAt: string): Position[] => {
    const result: Position[] = [];
    for (const area of JUDGEMENT_AREAS) {
      const region = regionPosition(council, snap.councils, snap.inspections, { asAt, area });
      if (region.grade === null) continue;
      const neighbours = neighbourPosition(council, snap.councils, snap.inspections, { asAt, area });
      const base = { area, grade: region.grade };
      if (council.regionName !== null) {
        result.push({ ...base, group: 'region', groupName: council.regionName, included: region.included, counts: region.counts, sameOrBetter: region.sameOrBetter, rank: region.rank });
      }
      if (council.statisticalNeighbours.length > 0) {
        result.push({ ...base, group: 'neighbours', groupName: 'Statistical neighbours', included: neighbours.included, counts: neighbours.counts, sameOrBetter: neighbours.sameOrBetter, rank: neighbours.rank });
      }
    }
    return result.sort((a, b) => (a.group === b.group ? 0 : a.group === 'region' ? -1 : 1));
  };

  const outlook = (snap: Snapshot, urn: string, asAt: string): NextStep[] =>
    memo(snap, `next:${urn}:${asAt}`, () => {
      const own = (snap.inspectionsByUrn.get(urn) ?? []).filter((inspection) => inspection.published <= asAt);
      if (own.length === 0) return [];
      try {
        return nextSteps(councilOutlook(urn, asAt, snap.inspectionsByUrn));
      } catch (error) {
        if (error instanceof NotFoundError) return [];
        throw error;
      }
    });

  const detail = async (id: number): Promise<InspectionDetail> => {
    const snap = await snapshot();
    const key = `detail:${id}`;
    const pending = memo(snap, key, () => loadDetail(snap, id));
    pending.catch(() => snap.memo.delete(key)); // an unknown id is not remembered
    return pending;
  };

  const loadDetail = async (snap: Snapshot, id: number): Promise<InspectionDetail> => {
    const inspection = await sources.inspections.get(id);
    const authority = snap.byUrn.get(inspection.urn);
    const council: CouncilSummary = authority
      ? councilSummary(authority)
      : { urn: inspection.urn, name: inspection.localAuthorityName, laCode: null, gssCode: null, regionName: inspection.regionName, laType: null, active: true };
    return {
      ...inspectionSummary(inspection),
      council,
      framework: inspection.framework,
      leadInspector: inspection.leadInspector,
      localAuthorityAsPrinted: inspection.localAuthorityAsPrinted,
      recommendations: [
        ...inspection.recommendations.map((text, index) => ({ list: 'la' as const, position: index + 1, text })),
        ...inspection.lscbRecommendations.map((text, index) => ({ list: 'lscb' as const, position: index + 1, text })),
      ],
      flags: checkJudgementConsistency(inspection.version, inspection.judgements).map((finding) => ({ code: finding.rule, severity: finding.severity, message: finding.reason })),
      sourceUrl: inspection.ofstedUrl,
      reportFile: inspection.filePath || null,
    };
  };

  const story = async (snap: Snapshot, urn: string, asAt: string): Promise<CouncilStory> => {
    const authority = councilOf(snap, urn);
    const council = toCouncilFacts(authority);
    const entries = history(snap, urn);
    // The latest inspection of the council's services; a standalone LSCB review is not one.
    const latestEntry = entries.find((entry) => COUNCIL_INSPECTION_KINDS.includes(entry.kind)) ?? entries[0];
    return {
      council: councilSummary(authority),
      asAt,
      history: entries,
      positions: positions(snap, council, asAt),
      neighbours: statisticalNeighboursOf(council, snap.councils).map((neighbour) => peer(snap, neighbour, asAt)),
      regionPeers: council.regionName === null ? [] : snap.councils.filter((candidate) => candidate.regionName === council.regionName).map((member) => peer(snap, member, asAt)),
      next: outlook(snap, urn, asAt),
      latest: latestEntry ? await detail(latestEntry.id) : null,
    };
  };

  return {
    async dataVersion() {
      return String((await snapshot()).version);
    },
    async storeSummary(): Promise<StoreSummary> {
      const snap = await snapshot();
      const published = snap.inspections.map((inspection) => inspection.published).sort();
      return { inspections: snap.inspections.length, councils: snap.inspectionsByUrn.size, latestPublished: published.at(-1) ?? null };
    },
    async listCouncils() {
      return (await snapshot()).authorities.map(councilSummary);
    },
    async searchCouncils(query) {
      return (await sources.localAuthorities.search(query, { includeInactive: true })).map(councilSummary);
    },
    async nationalPicture(asAt) {
      return picture(await snapshot(), asAt);
    },
    async councilStory(urn, asAt) {
      const snap = await snapshot();
      const key = `story:${urn}:${asAt}`;
      const pending = memo(snap, key, () => story(snap, urn, asAt));
      pending.catch(() => snap.memo.delete(key)); // an unknown council is not remembered
      return pending;
    },
    inspection: detail,
  };
}
