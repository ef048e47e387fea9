/**
 * What the pages and the API read, in the shapes they show. `createReadModel(services)` (in
 * read-model.service.ts) composes these from the project's services; routes depend only on this.
 */
import type { FrameworkVersion, Grade, InspectionKind, JudgementArea } from '../domain/index.ts';

export type Judgements = Readonly<Partial<Record<JudgementArea, Grade>>>;
export type GradeCounts = Readonly<Record<Grade, number>>;

export interface CouncilSummary {
  readonly urn: string;
  readonly name: string;
  readonly laCode: string | null;
  readonly gssCode: string | null;
  readonly regionName: string | null;
  readonly laType: string | null;
  readonly active: boolean;
}

export interface InspectionSummary {
  readonly id: number;
  readonly urn: string;
  readonly version: FrameworkVersion;
  readonly kind: InspectionKind;
  readonly inspectionStart: string;
  readonly inspectionEnd: string;
  readonly published: string;
  readonly judgements: Judgements;
}

export interface LatestInspectionRow extends InspectionSummary {
  readonly name: string;
  readonly regionName: string | null;
}

export interface AreaDistribution {
  readonly area: JudgementArea;
  readonly included: number;
  readonly counts: GradeCounts;
  readonly percentages: Readonly<Record<Grade, number>>;
}

export interface NationalPicture {
  readonly asAt: string;
  /** Councils with a graded inspection published by asAt. */
  readonly included: number;
  /** Active councils with none yet. */
  readonly missing: number;
  readonly distributions: readonly AreaDistribution[];
  readonly latest: readonly LatestInspectionRow[];
  readonly regions: readonly string[];
}

export interface Recommendation {
  readonly list: 'la' | 'lscb';
  readonly position: number;
  readonly text: string;
}

export interface ConsistencyFlag {
  readonly code: string;
  /** 'warning': never seen in the published reports; 'note': seen, but rarely. */
  readonly severity: 'warning' | 'note';
  readonly message: string;
}

export interface InspectionDetail extends InspectionSummary {
  readonly council: CouncilSummary;
  readonly framework: 'SIF' | 'ILACS';
  readonly leadInspector: string | null;
  readonly localAuthorityAsPrinted: string;
  readonly recommendations: readonly Recommendation[];
  readonly flags: readonly ConsistencyFlag[];
  /** Ofsted's address of the report, when known. */
  readonly sourceUrl: string | null;
  /** Where the stored report's PDF was read from, when it can be served (still the same bytes, inside the reports folder). Never shown. */
  readonly reportFile: string | null;
}

export type GradeChange = 'improved' | 'declined' | 'same' | 'new';

export interface HistoryEntry extends InspectionSummary {
  /** Per area, how the grade moved since the previous inspection that judged that area. */
  readonly changes: Readonly<Partial<Record<JudgementArea, GradeChange>>>;
  readonly previous: Judgements;
}

export interface Position {
  /** 'region' or 'neighbours'. */
  readonly group: 'region' | 'neighbours';
  /** "North West", or "statistical neighbours". */
  readonly groupName: string;
  readonly area: JudgementArea;
  readonly grade: Grade | null;
  readonly included: number;
  readonly counts: GradeCounts;
  readonly sameOrBetter: number | null;
  readonly rank: number | null;
}

export interface PeerRow {
  readonly urn: string;
  readonly name: string;
  readonly overall: Grade | null;
  readonly published: string | null;
  readonly inspectionId: number | null;
}

export interface NextStep {
  readonly heading: string;
  readonly lines: readonly string[];
  /** 'rule' (from the framework's published rules) or 'estimate' (from the data held). */
  readonly basis: 'rule' | 'estimate';
}

export interface CouncilStory {
  readonly council: CouncilSummary;
  readonly asAt: string;
  readonly history: readonly HistoryEntry[];
  readonly positions: readonly Position[];
  readonly neighbours: readonly PeerRow[];
  readonly regionPeers: readonly PeerRow[];
  readonly next: readonly NextStep[];
  readonly latest: InspectionDetail | null;
}

export interface StoreSummary {
  readonly inspections: number;
  readonly councils: number;
  readonly latestPublished: string | null;
}

export interface ReadModel {
  /** Changes whenever the data behind the other answers may have changed: a key for caching pages. */
  dataVersion(): Promise<string>;
  storeSummary(): Promise<StoreSummary>;
  listCouncils(): Promise<readonly CouncilSummary[]>;
  searchCouncils(query: string): Promise<readonly CouncilSummary[]>;
  nationalPicture(asAt: string): Promise<NationalPicture>;
  councilStory(urn: string, asAt: string): Promise<CouncilStory>;
  inspection(id: number): Promise<InspectionDetail>;
  /** The inspection's source PDF, only when it is the file imported and lies in the reports folder; else null. */
  reportPdf(id: number): Promise<Buffer | null>;
}
