/** What the services return: domain-shaped views of the store's rows (camelCase, ISO dates). */
import type { CouncilFacts, InspectionFacts } from '../analytics/index.ts';
import {
  FRAMEWORK_VERSIONS,
  FRAMEWORKS,
  GRADES,
  INSPECTION_KINDS,
  JUDGEMENT_AREAS,
  type IsoDate,
  type Judgements,
  type CouncilRecord,
} from '../domain/index.ts';
import type {
  CodeChange,
  CouncilRow,
  FormerCodeRow,
  FormerCodeType,
  InspectionRow,
  JudgementRow,
  NeighbourRow,
  PredecessorRow,
  PublishedSource,
} from '../store/index.ts';

/** A council from the register. `statisticalNeighbours` are LA codes, nearest first. */
export interface CouncilView extends CouncilRecord {
  readonly alsoKnownAs: readonly string[];
  readonly establishedOn: IsoDate | null;
  readonly abolishedOn: IsoDate | null;
  /** Codes it was known by before: its own renumbered ones, and those of predecessors the register does not hold. */
  readonly formerCodes: readonly FormerCodeView[];
  /** URNs of the councils in the register it replaced (wholly or in part). */
  readonly predecessors: readonly string[];
  /** URNs of the councils in the register that replaced it. */
  readonly successors: readonly string[];
}

export interface FormerCodeView {
  readonly codeType: FormerCodeType;
  readonly code: string;
  /** The name of the council the code stood for. */
  readonly name: string;
  readonly inUseUntil: IsoDate;
  readonly change: CodeChange;
}

/** The register's history, grouped by council, for toCouncilView. */
export interface RegisterHistory {
  readonly formerCodes: ReadonlyMap<string, readonly FormerCodeView[]>;
  readonly predecessors: ReadonlyMap<string, readonly string[]>;
  readonly successors: ReadonlyMap<string, readonly string[]>;
}

export function groupRegisterHistory(
  formerCodes: readonly FormerCodeRow[],
  predecessors: readonly PredecessorRow[],
): RegisterHistory {
  const push = <T>(map: Map<string, T[]>, key: string, value: T): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const codes = new Map<string, FormerCodeView[]>();
  for (const row of formerCodes)
    push(codes, row.urn, {
      codeType: row.code_type,
      code: row.code,
      name: row.former_name,
      inUseUntil: row.in_use_until,
      change: row.change,
    });
  const before = new Map<string, string[]>();
  const after = new Map<string, string[]>();
  for (const row of predecessors) {
    push(before, row.urn, row.predecessor_urn);
    push(after, row.predecessor_urn, row.urn);
  }
  return { formerCodes: codes, predecessors: before, successors: after };
}

const NO_HISTORY: RegisterHistory = { formerCodes: new Map(), predecessors: new Map(), successors: new Map() };

export interface InspectionView extends InspectionFacts {
  readonly councilName: string;
  readonly regionName: string | null;
  readonly publishedSource: PublishedSource;
  readonly leadInspector: string | null;
  /** The path the report was imported from. */
  readonly filePath: string;
  readonly fileName: string;
  /** The report's address on Ofsted's site, when `csci sync` fetched it from there. */
  readonly ofstedUrl: string | null;
}

export interface InspectionDetailView extends InspectionView {
  readonly councilAsPrinted: string;
  readonly recommendations: readonly string[];
  readonly lscbRecommendations: readonly string[];
  /** The reader's warnings on the report: facts to check against it. */
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
  readonly contentHash: string;
  readonly importedAt: string;
  readonly updatedAt: string;
}

/** Neighbour rows grouped by council, nearest first, for toCouncilView. */
export function neighboursByUrn(rows: readonly NeighbourRow[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const row of [...rows].sort((a, b) => a.position - b.position)) {
    const list = grouped.get(row.urn);
    if (list) list.push(row.neighbour_la_code);
    else grouped.set(row.urn, [row.neighbour_la_code]);
  }
  return grouped;
}

export function toCouncilView(
  row: CouncilRow,
  neighbours: ReadonlyMap<string, string[]>,
  history: RegisterHistory = NO_HISTORY,
): CouncilView {
  return {
    urn: row.urn,
    laCode: row.la_code,
    gssCode: row.gss_code,
    name: row.name,
    regionCode: row.region_code,
    regionName: row.region_name,
    laType: row.la_type,
    statisticalNeighbours: neighbours.get(row.urn) ?? [],
    active: Number(row.active) === 1,
    alsoKnownAs: row.also_known_as === '' ? [] : row.also_known_as.split('; '),
    establishedOn: row.established_on,
    abolishedOn: row.abolished_on,
    formerCodes: history.formerCodes.get(row.urn) ?? [],
    predecessors: history.predecessors.get(row.urn) ?? [],
    successors: history.successors.get(row.urn) ?? [],
  };
}

export function toCouncilFacts(view: CouncilView): CouncilFacts {
  return {
    urn: view.urn,
    name: view.name,
    laCode: view.laCode,
    regionName: view.regionName,
    statisticalNeighbours: view.statisticalNeighbours,
    establishedOn: view.establishedOn,
    abolishedOn: view.abolishedOn,
  };
}

/** Rows were validated on the way in; a value the vocabulary does not know is a corrupt store. */
function known<T extends string>(values: readonly T[], value: string, what: string): T {
  if (!(values as readonly string[]).includes(value)) throw new Error(`The store holds an unknown ${what}: ${value}`);
  return value as T;
}

export function judgementsFrom(rows: readonly JudgementRow[]): Judgements {
  const judgements: Judgements = {};
  for (const row of rows)
    judgements[known(JUDGEMENT_AREAS, row.area, 'judgement area')] = known(GRADES, row.grade, 'grade');
  return judgements;
}

export function toInspectionView(
  row: InspectionRow,
  judgements: readonly JudgementRow[],
  authority: CouncilView | undefined,
): InspectionView {
  return {
    id: Number(row.id),
    urn: row.urn,
    published: row.published,
    framework: known(FRAMEWORKS, row.framework, 'framework'),
    version: known(FRAMEWORK_VERSIONS, row.version, 'framework version'),
    kind: known(INSPECTION_KINDS, row.kind, 'inspection kind'),
    inspectionStart: row.inspection_start,
    inspectionEnd: row.inspection_end,
    judgements: judgementsFrom(judgements),
    councilName: authority?.name ?? row.local_authority_as_printed,
    regionName: authority?.regionName ?? null,
    publishedSource: row.published_source,
    leadInspector: row.lead_inspector,
    filePath: row.file_path,
    fileName: row.file_path.split(/[\\/]/).at(-1) ?? row.file_path,
    ofstedUrl: row.ofsted_url ?? null,
  };
}
