/**
 * The pages' and the API's read model, composed from the register and inspection services and the
 * pure analytics and framework rules. No SQL here, and no wording: the edges word the data.
 *
 * Speed: every figure is computed from one snapshot of the register and the inspections (see
 * snapshot-cache.ts), refreshed in the background once it is `snapshotSeconds` old (an import by
 * another process shows up soon after); results per date are memoised on the snapshot.
 */
import { createHash } from 'node:crypto';
import {
  distributionByQuarter,
  inspectionHistory,
  latestInspections,
  nationalDistribution,
  neighbourPosition,
  regionPosition,
  statisticalNeighboursOf,
  isCouncilInspectionKind,
  type CouncilFacts,
} from '../analytics/index.ts';
import {
  isLetterKind,
  JUDGEMENT_AREAS,
  type Grade,
  type JudgementArea,
  type Judgements,
  type VisitLetterRecord,
} from '../domain/index.ts';
import { NotFoundError } from '../errors.ts';
import {
  checkJudgementConsistency,
  councilOutlook,
  deadlinesAfterPriorityActionLetter,
  deadlinesAfterPublication,
  letterReceived,
  type CouncilOutlook,
  type EmpiricalWindow,
} from '../rules/index.ts';
import type { InspectionService } from './inspection.service.ts';
import type { CouncilService } from './council.service.ts';
import { councilLetters, letterDetail, lettersSince, visitThemes } from './letters.read-model.ts';
import { deadlineView } from './deadline-view.ts';
import type { VisitLetterService } from './visit-letter.service.ts';
import { createReportFiles } from './report-files.ts';
import { toCouncilFacts, type InspectionView, type CouncilView } from './views.ts';
import { createSnapshotCache, type Snapshot } from './snapshot-cache.ts';
import { overallHeld } from './overall-held.ts';
import type { CountedBy, NationalDistribution } from '../analytics/index.ts';
import {
  GOOD_OR_BETTER,
  MAX_COMPARED,
  type ComparedCouncil,
  type OverallFilter,
  type QuarterDistribution,
} from './read-model.ts';
import type { Framework, Grade as GradeType } from '../domain/index.ts';

/** The first quarter of the series on /national: the SIF's first reports were published in 2014. */
const SERIES_FROM = '2014-01-01';

function matchesOverall(grade: GradeType | undefined, filter: OverallFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (filter === GOOD_OR_BETTER) return grade === 'outstanding' || grade === 'good';
  return grade === filter;
}

function areaDistribution(distribution: NationalDistribution): AreaDistribution {
  const count = distribution.counts.outstanding + distribution.counts.good;
  return {
    area: distribution.area,
    included: distribution.included,
    counts: distribution.counts,
    percentages: distribution.percentages,
    goodOrBetter: {
      count,
      percentage: distribution.included === 0 ? 0 : Math.round((count * 1000) / distribution.included) / 10,
    },
  };
}
import type {
  AreaDistribution,
  CouncilStory,
  CouncilSummary,
  GradeMovement,
  CouncilHistoryEntry,
  DeadlineView,
  EmpiricalWindowView,
  InspectionDetail,
  InspectionSummary,
  LatestInspection,
  LetterDetail,
  NationalPicture,
  NationalScope,
  NextSteps,
  PeerRow,
  GroupStanding,
  ReadModel,
  StoreSummary,
} from './read-model.ts';

/** The services this read model needs (a subset of the project's Services). */
export interface ReadModelSources {
  readonly councils: CouncilService;
  readonly inspections: InspectionService;
  /** Letters after ungraded visits; without it the pages show none. */
  readonly letters?: VisitLetterService;
}

export interface ReadModelOptions {
  /** Age after which a snapshot is reloaded in the background; 0 reloads on every request (tests). */
  readonly snapshotSeconds?: number;
  readonly now?: () => number;
  /** The reports folder (CSCI_REPORTS_DIR): a report's PDF is served only from inside it, and only the bytes imported. */
  readonly reportsDir?: string;
}

/** What one snapshot holds: the register and every inspection, loaded through the services. */
interface SnapshotData {
  readonly authorities: readonly CouncilView[];
  readonly councils: readonly CouncilFacts[];
  readonly byUrn: ReadonlyMap<string, CouncilView>;
  readonly inspections: readonly InspectionView[];
  readonly inspectionsByUrn: ReadonlyMap<string, readonly InspectionView[]>;
  readonly letters: readonly VisitLetterRecord[];
  readonly lettersByUrn: ReadonlyMap<string, readonly VisitLetterRecord[]>;
}

type Snap = Snapshot<SnapshotData>;

function councilSummary(authority: CouncilView): CouncilSummary {
  return {
    urn: authority.urn,
    name: authority.name,
    laCode: authority.laCode,
    gssCode: authority.gssCode,
    regionName: authority.regionName,
    laType: authority.laType,
    active: authority.active,
    formerCodes: authority.formerCodes,
    predecessors: authority.predecessors,
    successors: authority.successors,
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

/** Just the summary fields of an inspection (of a view, a history entry, a detail), grades in the reports' order. */
export function inspectionSummary(inspection: InspectionSummary): InspectionSummary {
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

function empiricalWindowView(empirical: EmpiricalWindow | null): EmpiricalWindowView | null {
  return (
    empirical && {
      from: empirical.from,
      to: empirical.to,
      median: empirical.median,
      percentiles: empirical.percentiles,
      completedGaps: empirical.completedGaps,
      stillWaiting: empirical.stillWaiting,
      group: empirical.group,
      basis: 'estimate',
    }
  );
}

function nextStepsOf(outlook: CouncilOutlook): NextSteps {
  const { next } = outlook;
  return {
    inspection: { kind: next.kind, pathway: next.pathway, reason: next.reason, basis: next.evidence.nature },
    framework: {
      version: outlook.nextFramework.version,
      areas: outlook.nextFramework.areas,
      expectedOn: outlook.nextFramework.expectedOn,
      basis: outlook.nextFramework.evidence.nature,
    },
    nominalWindow: {
      from: next.nominalWindow.from,
      to: next.nominalWindow.to,
      anniversary: next.nominalWindow.anniversary,
      status: outlook.nominalWindowStatus,
      basis: next.nominalWindow.evidence.nature,
    },
    empiricalWindow: empiricalWindowView(next.empiricalWindow),
    givenNoInspectionYet: empiricalWindowView(outlook.empiricalWindowGivenWait),
    visits: {
      focusedVisits: outlook.visits.focusedVisits,
      summary: outlook.visits.summary,
      monitoringVisits: outlook.visits.monitoringVisits,
      firstMonitoringVisitBy: outlook.visits.firstMonitoringVisitBy,
      basis: outlook.visits.evidence.nature,
    },
    deadlines: outlook.deadlines.map((deadline) => deadlineView(deadline, deadline.status)),
  };
}

/**
 * The statutory deadlines that ran from an inspection's report, each passed or running on asAt (a
 * deadline passes the day after it is due, as in the council outlook). A standalone LSCB review
 * sets the council none; a letter sets the draft and final action plans when it names areas for
 * priority action, counted from the day it counts as received, and none otherwise.
 */
export function inspectionDeadlines(
  inspection: Pick<InspectionSummary, 'kind' | 'published'> & {
    readonly letter?: Pick<LetterDetail, 'letterDate' | 'published' | 'priorityActions'> | null;
  },
  asAt: string,
): DeadlineView[] {
  const { letter } = inspection;
  const deadlines = letter
    ? letter.priorityActions.length > 0
      ? deadlinesAfterPriorityActionLetter(letterReceived(letter))
      : []
    : isCouncilInspectionKind(inspection.kind)
      ? deadlinesAfterPublication(inspection.published)
      : [];
  return deadlines.map((deadline) => deadlineView(deadline, deadline.due < asAt ? 'passed' : 'running'));
}

export function createReadModel(sources: ReadModelSources, options: ReadModelOptions = {}): ReadModel {
  const reportFiles = createReportFiles(options.reportsDir);
  const cache = createSnapshotCache<SnapshotData>({
    ttlMs: (options.snapshotSeconds ?? 10) * 1000,
    now: options.now,
    async load() {
      const [authorities, inspections, letters] = await Promise.all([
        sources.councils.list({ includeInactive: true }),
        sources.inspections.listAll(),
        sources.letters?.listAll() ?? [],
      ]);
      return {
        fingerprint: createHash('sha256')
          .update(JSON.stringify([authorities, inspections, letters]))
          .digest('hex'),
        data: {
          authorities,
          councils: authorities.map(toCouncilFacts),
          byUrn: new Map(authorities.map((authority) => [authority.urn, authority])),
          inspections,
          inspectionsByUrn: Map.groupBy(inspections, (inspection) => inspection.urn),
          letters,
          lettersByUrn: Map.groupBy(letters, (letter) => letter.urn),
        },
      };
    },
  });
  const snapshot = async (): Promise<Snap> => cache.current();
  const memo = cache.memo;

  const councilOf = (snap: Snap, urn: string): CouncilView => {
    const authority = snap.data.byUrn.get(urn);
    if (!authority)
      throw new NotFoundError(`There is no council with the Ofsted URN ${urn}.`, 'unknown-local-authority');
    return authority;
  };

  /** The inspections that count under a framework filter (all when none). */
  const underFramework = (snap: Snap, framework: Framework | undefined) =>
    memo(snap, `framework:${framework ?? 'any'}`, () =>
      framework === undefined
        ? snap.data.inspections
        : snap.data.inspections.filter((inspection) => inspection.framework === framework),
    );

  const latestRows = (
    snap: Snap,
    asAt: string,
    countedBy: CountedBy = 'published',
    framework?: Framework,
  ): LatestInspection[] =>
    memo(snap, `latest:${asAt}:${countedBy}:${framework ?? 'any'}`, () => {
      const inspections = underFramework(snap, framework);
      const byUrn =
        framework === undefined ? snap.data.inspectionsByUrn : Map.groupBy(inspections, (inspection) => inspection.urn);
      return latestInspections(snap.data.councils, inspections, asAt, countedBy).flatMap((row) =>
        row.inspection
          ? [
              {
                ...inspectionSummary(row.inspection),
                name: row.council.name,
                regionName: row.council.regionName,
                overall: overallHeld(byUrn.get(row.council.urn) ?? [], asAt, countedBy),
              },
            ]
          : [],
      );
    });

  const picture = (snap: Snap, asAt: string, scope: NationalScope): NationalPicture =>
    memo(
      snap,
      `national:${asAt}:${JSON.stringify([scope.region, scope.overall, scope.name, scope.countedBy, scope.framework])}`,
      () => {
        const countedBy = scope.countedBy ?? 'published';
        const framework = scope.framework;
        const inspections = underFramework(snap, framework);
        const name = scope.name?.toLowerCase();
        const inScope = (council: { readonly name: string; readonly regionName: string | null }) =>
          (scope.region === undefined || council.regionName === scope.region) &&
          (name === undefined || council.name.toLowerCase().includes(name));
        const latest = latestRows(snap, asAt, countedBy, framework).filter(
          (row) => inScope(row) && matchesOverall(row.overall?.grade, scope.overall),
        );
        const withGrade = new Set(latest.map((row) => row.urn));
        const councils = snap.data.councils.filter(
          (council) => inScope(council) && (scope.overall === undefined || withGrade.has(council.urn)),
        );
        const query = { countedBy, ...(framework ? { framework } : {}) };
        const distributions: AreaDistribution[] = JUDGEMENT_AREAS.map((area) =>
          nationalDistribution(councils, inspections, { ...query, asAt, area }),
        )
          .filter((distribution) => distribution.included > 0)
          .map(areaDistribution);
        const quarters: QuarterDistribution[] = distributionByQuarter(councils, inspections, SERIES_FROM, {
          ...query,
          asAt,
          area: 'overall',
        }).map((distribution) => ({
          ...areaDistribution(distribution),
          quarterEnd: distribution.asAt,
        }));
        const existing = latestInspections(councils, [], asAt).length;
        return {
          asAt,
          scope: { region: scope.region, overall: scope.overall, name: scope.name, countedBy, framework },
          countedBy,
          frameworks: {
            SIF: latest.filter((row) => row.version === 'SIF').length,
            ILACS: latest.filter((row) => row.version !== 'SIF').length,
          },
          quarters,
          included: latest.length,
          missing: Math.max(0, existing - latest.length),
          distributions,
          latest,
          regions: [
            ...new Set(
              snap.data.authorities
                .map((authority) => authority.regionName)
                .filter((name): name is string => name !== null),
            ),
          ].sort(),
          visitThemes: visitThemes(snap.data.letters, asAt),
        };
      },
    );

  const history = (snap: Snap, urn: string): CouncilHistoryEntry[] =>
    memo(snap, `history:${urn}`, () =>
      // Letters after ungraded visits have their own list (councilLetters).
      inspectionHistory(
        (snap.data.inspectionsByUrn.get(urn) ?? []).filter((inspection) => !isLetterKind(inspection.kind)),
      )
        .map((entry) => {
          const previous: Partial<Record<JudgementArea, Grade>> = {};
          const changes: Partial<Record<JudgementArea, GradeMovement>> = {};
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

  const peer = (snap: Snap, council: CouncilFacts, asAt: string): PeerRow => {
    const latest = latestRows(snap, asAt).find((row) => row.urn === council.urn);
    const overall = latest?.overall ?? null;
    return {
      urn: council.urn,
      name: council.name,
      overall: overall?.grade ?? null,
      published: latest?.published ?? null,
      inspectionId: latest?.id ?? null,
      overallFrom: overall && {
        inspectionId: overall.inspectionId,
        published: overall.published,
        fromEarlierInspection: overall.fromEarlierInspection,
      },
    };
  };

  const positions = (snap: Snap, council: CouncilFacts, asAt: string): GroupStanding[] => {
    const result: GroupStanding[] = [];
    for (const area of JUDGEMENT_AREAS) {
      const region = regionPosition(council, snap.data.councils, snap.data.inspections, { asAt, area });
      if (region.grade === null) continue;
      const neighbours = neighbourPosition(council, snap.data.councils, snap.data.inspections, { asAt, area });
      const base = { area, grade: region.grade };
      if (council.regionName !== null) {
        result.push({
          ...base,
          group: 'region',
          groupName: council.regionName,
          included: region.included,
          counts: region.counts,
          sameOrBetter: region.sameOrBetter,
          rank: region.rank,
        });
      }
      if (council.statisticalNeighbours.length > 0) {
        result.push({
          ...base,
          group: 'neighbours',
          groupName: 'Statistical neighbours',
          included: neighbours.included,
          counts: neighbours.counts,
          sameOrBetter: neighbours.sameOrBetter,
          rank: neighbours.rank,
        });
      }
    }
    return result.sort((a, b) => (a.group === b.group ? 0 : a.group === 'region' ? -1 : 1));
  };

  const outlook = (snap: Snap, urn: string, asAt: string): NextSteps | null =>
    memo(snap, `next:${urn}:${asAt}`, () => {
      const own = (snap.data.inspectionsByUrn.get(urn) ?? []).filter((inspection) => inspection.published <= asAt);
      if (own.length === 0) return null;
      try {
        return nextStepsOf(councilOutlook(urn, asAt, snap.data.inspectionsByUrn));
      } catch (error) {
        if (error instanceof NotFoundError) return null;
        throw error;
      }
    });

  /** The detail is remembered per snapshot; whether its PDF can be served is checked each time (the file may change). */
  const detail = async (id: number): Promise<InspectionDetail> => {
    const snap = await snapshot();
    const key = `detail:${id}`;
    const { inspection, filePath, contentHash } = await cache.memoAsync(snap, key, () => loadDetail(snap, id)); // an unknown id is not remembered
    return { ...inspection, reportFile: (await reportFiles.servable(filePath, contentHash)) ? filePath : null };
  };

  const loadDetail = async (
    snap: Snap,
    id: number,
  ): Promise<{ inspection: InspectionDetail; filePath: string; contentHash: string }> => {
    const inspection = await sources.inspections.get(id);
    const authority = snap.data.byUrn.get(inspection.urn);
    const council: CouncilSummary = authority
      ? councilSummary(authority)
      : {
          urn: inspection.urn,
          name: inspection.councilName,
          laCode: null,
          gssCode: null,
          regionName: inspection.regionName,
          laType: null,
          active: true,
          formerCodes: [],
          predecessors: [],
          successors: [],
        };
    const letter = letterDetail(snap.data.letters, id);
    const shown: InspectionDetail = {
      ...inspectionSummary(inspection),
      council,
      letter,
      framework: inspection.framework,
      leadInspector: inspection.leadInspector,
      councilAsPrinted: inspection.councilAsPrinted,
      recommendations: [
        ...inspection.recommendations.map((text, index) => ({ list: 'la' as const, position: index + 1, text })),
        ...inspection.lscbRecommendations.map((text, index) => ({ list: 'lscb' as const, position: index + 1, text })),
      ],
      flags: letter
        ? []
        : checkJudgementConsistency(inspection.version, inspection.judgements).map((finding) => ({
            code: finding.rule,
            severity: finding.severity,
            message: finding.reason,
          })),
      readerWarnings: inspection.warnings,
      sourceUrl: inspection.ofstedUrl,
      reportFile: null,
    };
    return { inspection: shown, filePath: inspection.filePath, contentHash: inspection.contentHash };
  };

  const story = async (snap: Snap, urn: string, asAt: string): Promise<CouncilStory> => {
    const authority = councilOf(snap, urn);
    const council = toCouncilFacts(authority);
    // The page at a date shows only what was published by then, the latest inspection included.
    const entries = history(snap, urn).filter((entry) => entry.published <= asAt);
    // The latest inspection of the council's services; a standalone LSCB review is not one.
    const latestEntry = entries.find((entry) => isCouncilInspectionKind(entry.kind)) ?? entries[0];
    return {
      council: councilSummary(authority),
      asAt,
      history: entries,
      positions: positions(snap, council, asAt),
      neighbours: statisticalNeighboursOf(council, snap.data.councils).map((neighbour) => peer(snap, neighbour, asAt)),
      regionPeers:
        council.regionName === null
          ? []
          : snap.data.councils
              .filter((candidate) => candidate.regionName === council.regionName)
              .map((member) => peer(snap, member, asAt)),
      next: outlook(snap, urn, asAt),
      letters: councilLetters(snap.data.lettersByUrn.get(urn) ?? [], asAt),
      visitsDone: lettersSince(
        snap.data.lettersByUrn.get(urn) ?? [],
        latestEntry && latestEntry.published <= asAt ? latestEntry.inspectionStart : null,
        asAt,
      ),
      latest: latestEntry ? await detail(latestEntry.id) : null,
      overall: overallHeld(snap.data.inspectionsByUrn.get(urn) ?? [], asAt),
    };
  };

  return {
    async dataVersion() {
      return String((await snapshot()).version);
    },
    async storeSummary(): Promise<StoreSummary> {
      const snap = await snapshot();
      const published = snap.data.inspections.map((inspection) => inspection.published).sort();
      return {
        inspections: snap.data.inspections.length,
        councils: snap.data.inspectionsByUrn.size,
        latestPublished: published.at(-1) ?? null,
      };
    },
    async listCouncils() {
      return (await snapshot()).data.authorities.map(councilSummary);
    },
    async searchCouncils(query) {
      return (await sources.councils.search(query, { includeInactive: true })).map(councilSummary);
    },
    async nationalPicture(asAt, scope = {}) {
      return picture(await snapshot(), asAt, scope);
    },
    async inspectionDeadlines(id, asAt) {
      return inspectionDeadlines(await detail(id), asAt);
    },
    async compareCouncils(urns, asAt) {
      const snap = await snapshot();
      const councils = [...new Set(urns)].map((urn): ComparedCouncil => {
        const authority = councilOf(snap, urn);
        const entries = history(snap, urn).filter(
          (entry) => entry.published <= asAt && isCouncilInspectionKind(entry.kind),
        );
        const latest = entries[0];
        return {
          council: councilSummary(authority),
          overall: overallHeld(snap.data.inspectionsByUrn.get(urn) ?? [], asAt),
          latest: latest ? inspectionSummary(latest) : null,
          history: [...entries].reverse(),
        };
      });
      return { asAt, councils };
    },
    async comparisonGroup(urn) {
      const snap = await snapshot();
      const council = toCouncilFacts(councilOf(snap, urn));
      return [
        council.urn,
        ...statisticalNeighboursOf(council, snap.data.councils).map((neighbour) => neighbour.urn),
      ].slice(0, MAX_COMPARED);
    },
    async councilStory(urn, asAt) {
      const snap = await snapshot();
      const key = `story:${urn}:${asAt}`;
      return cache.memoAsync(snap, key, () => story(snap, urn, asAt)); // an unknown council is not remembered
    },
    inspection: detail,
    async reportPdf(id) {
      const inspection = await sources.inspections.get(id);
      return reportFiles.read(inspection.filePath, inspection.contentHash);
    },
  };
}
