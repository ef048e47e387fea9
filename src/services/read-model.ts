/**
 * What the pages and the API read, as data (no wording: the edges word it). `createReadModel` (in
 * read-model.service.ts) composes these from the register and inspection services; createServices
 * builds it once as `services.readModel`.
 */
import type { CountedBy, GradeCounts } from '../analytics/index.ts';
import type { OverallHeld } from './overall-held.ts';
import type {
  Framework,
  FrameworkVersion,
  Grade,
  InspectionKind,
  IsoDate,
  JudgementArea,
  Judgements,
  LetterKind,
  VisitTheme,
} from '../domain/index.ts';
import type { Deadline, LegalBasis, Nature, Pathway, WindowStatus } from '../rules/index.ts';
import type { FormerCodeView } from './views.ts';

export interface CouncilSummary {
  readonly urn: string;
  readonly name: string;
  readonly laCode: string | null;
  readonly gssCode: string | null;
  readonly regionName: string | null;
  readonly laType: string | null;
  readonly active: boolean;
  /** Codes it was known by before (renumbered, or a predecessor's): a lookup by any of them finds it. */
  readonly formerCodes: readonly FormerCodeView[];
  /** URNs of the councils in the register it replaced, and of those that replaced it. */
  readonly predecessors: readonly string[];
  readonly successors: readonly string[];
}

export interface InspectionSummary {
  readonly id: number;
  readonly urn: string;
  readonly version: FrameworkVersion;
  readonly kind: InspectionKind;
  readonly inspectionStart: string;
  readonly inspectionEnd: string;
  readonly published: string;
  readonly judgements: Readonly<Judgements>;
}

export interface LatestInspection extends InspectionSummary {
  readonly name: string;
  readonly regionName: string | null;
  /** The overall effectiveness the council held at the date (from an earlier inspection when this one, ILACS-2026, gives none). */
  readonly overall: OverallHeld | null;
}

export interface AreaDistribution {
  readonly area: JudgementArea;
  readonly included: number;
  readonly counts: Readonly<GradeCounts>;
  readonly percentages: Readonly<Record<Grade, number>>;
  /** Outstanding and good together, and their percentage of those included (one decimal place). */
  readonly goodOrBetter: { readonly count: number; readonly percentage: number };
}

/** The overall effectiveness distribution at one quarter's end. */
export interface QuarterDistribution extends AreaDistribution {
  readonly quarterEnd: IsoDate;
}

/** A filter on overall effectiveness held: one grade, or outstanding and good together. */
export const GOOD_OR_BETTER = 'good-or-better';
export type OverallFilter = Grade | typeof GOOD_OR_BETTER;

/** Which councils a national picture covers; every part of the picture (counts, chart, rows) uses the same councils. */
export interface NationalScope {
  readonly region?: string | undefined;
  /** Councils whose overall effectiveness, as held at the date, is this grade (or good or better). */
  readonly overall?: OverallFilter | undefined;
  /** Only inspections under this framework count (as `csci stats --framework`): each council's latest SIF, or ILACS, inspection. */
  readonly framework?: Framework | undefined;
  /** Councils whose name contains this text (case ignored). */
  readonly name?: string | undefined;
  /** Which inspections count at the date: published by then (default), or carried out by then. */
  readonly countedBy?: CountedBy | undefined;
}

export interface NationalPicture {
  readonly asAt: string;
  readonly scope: NationalScope;
  readonly countedBy: CountedBy;
  /** Councils with a graded inspection counted by asAt. */
  readonly included: number;
  /** Active councils with none yet. */
  readonly missing: number;
  readonly distributions: readonly AreaDistribution[];
  readonly latest: readonly LatestInspection[];
  /** Every region in the register (for choosing one), whatever the scope. */
  readonly regions: readonly string[];
  /** Focused visits published by the date, by year and theme. */
  readonly visitThemes: readonly VisitThemeRow[];
  /** How many of the councils shown had their latest inspection under each framework. */
  readonly frameworks: Readonly<Record<Framework, number>>;
  /** Overall effectiveness of the councils in scope at each quarter's end since the first quarter of 2014, to asAt. */
  readonly quarters: readonly QuarterDistribution[];
}

export interface VisitThemeRow {
  readonly year: number;
  readonly total: number;
  readonly counts: readonly { readonly theme: VisitTheme; readonly count: number }[];
}

/** A letter after an ungraded visit, as the council page lists it. */
export interface LetterEntry {
  readonly id: number;
  readonly kind: LetterKind;
  readonly visitStart: IsoDate;
  readonly visitEnd: IsoDate;
  readonly published: IsoDate;
  readonly focus: string | null;
  readonly theme: VisitTheme | null;
  readonly recommendations: readonly string[];
  readonly priorityActions: readonly string[];
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
}

/** What the page of a letter shows beyond an inspection's fields. */
export interface LetterDetail extends LetterEntry {
  readonly letterDate: IsoDate | null;
  readonly inspectors: readonly string[];
  readonly covidContext: boolean;
}

/** The letters since the latest graded inspection, and the clock of the latest areas for priority action. */
export interface VisitsDone {
  readonly focusedVisits: number;
  readonly monitoringVisits: number;
  readonly jtais: number;
  readonly latest: LetterEntry | null;
  readonly priorityActions: {
    readonly letter: LetterEntry;
    readonly received: IsoDate;
    readonly deadlines: readonly DeadlineView[];
  } | null;
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
  readonly councilAsPrinted: string;
  readonly recommendations: readonly Recommendation[];
  readonly flags: readonly ConsistencyFlag[];
  /** The reader's warnings: facts it read that break an invariant of the report's kind, to check against the report. */
  readonly readerWarnings: readonly { readonly code: string; readonly message: string }[];
  /** Ofsted's address of the report, when known. */
  readonly sourceUrl: string | null;
  /** Where the stored report's PDF was read from, when it can be served (still the same bytes, inside the reports folder). Never shown. */
  readonly reportFile: string | null;
  /** For a letter after an ungraded visit: what only a letter has; null for a graded inspection. */
  readonly letter?: LetterDetail | null;
}

export type GradeMovement = 'improved' | 'declined' | 'same' | 'new';

export interface CouncilHistoryEntry extends InspectionSummary {
  /** Per area, how the grade moved since the previous inspection that judged that area. */
  readonly changes: Readonly<Partial<Record<JudgementArea, GradeMovement>>>;
  readonly previous: Readonly<Judgements>;
}

export interface GroupStanding {
  /** 'region' or 'neighbours'. */
  readonly group: 'region' | 'neighbours';
  /** "North West", or "statistical neighbours". */
  readonly groupName: string;
  readonly area: JudgementArea;
  readonly grade: Grade | null;
  readonly included: number;
  readonly counts: Readonly<GradeCounts>;
  readonly sameOrBetter: number | null;
  readonly rank: number | null;
}

export interface PeerRow {
  readonly urn: string;
  readonly name: string;
  /** The overall effectiveness held at the date (overallHeld's rule). */
  readonly overall: Grade | null;
  /** The latest inspection published by the date. */
  readonly published: string | null;
  readonly inspectionId: number | null;
  /** Where the overall grade came from: an earlier inspection when the latest (ILACS-2026) gives none. */
  readonly overallFrom: {
    readonly inspectionId: number;
    readonly published: string;
    readonly fromEarlierInspection: boolean;
  } | null;
}

/** How firm a part of what comes next is: from the framework's published rules, or estimated from the data held. */
export type RuleOrEstimate = Nature;

export interface NominalWindowView {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** The third anniversary of the last inspection's start. */
  readonly anniversary: IsoDate;
  /** Where the as-at date falls: 'after-window' means the window has passed with no inspection. */
  readonly status: WindowStatus;
  readonly basis: RuleOrEstimate;
}

export interface EmpiricalWindowView {
  readonly from: IsoDate;
  /** null: too many councils still waiting for the data to bound it. */
  readonly to: IsoDate | null;
  readonly median: IsoDate | null;
  /** The percentiles of the observed gaps the window spans (5 and 95). */
  readonly percentiles: { readonly lower: number; readonly upper: number };
  readonly completedGaps: number;
  readonly stillWaiting: number;
  /** Whose gaps: councils after the same pathway, or every pathway pooled ('all'). */
  readonly group: Pathway | 'all';
  readonly basis: 'estimate';
}

export interface DeadlineView extends Pick<Deadline, 'id' | 'name' | 'from' | 'anchor' | 'workingDays' | 'due'> {
  readonly status: 'running' | 'passed';
  readonly legalBasis: Omit<LegalBasis, 'evidence'>;
  readonly basis: RuleOrEstimate;
}

/** What comes next for a council at a date: the next graded inspection, its windows, the visits before it, the deadlines. */
export interface NextSteps {
  readonly inspection: {
    readonly kind: InspectionKind;
    readonly pathway: Pathway;
    /** Why this kind, in the framework engine's words. */
    readonly reason: string;
    readonly basis: RuleOrEstimate;
  };
  readonly framework: {
    readonly version: FrameworkVersion;
    readonly areas: readonly JudgementArea[];
    readonly expectedOn: IsoDate;
    readonly basis: RuleOrEstimate;
  };
  readonly nominalWindow: NominalWindowView;
  readonly empiricalWindow: EmpiricalWindowView | null;
  /** The empirical window among gaps longer than the wait so far: the updated estimate, given no inspection by the as-at date (as `csci schedule` gives it). */
  readonly givenNoInspectionYet: EmpiricalWindowView | null;
  readonly visits: {
    readonly focusedVisits: { readonly atLeast: number; readonly usually: number };
    readonly summary: string;
    readonly monitoringVisits: string | null;
    readonly firstMonitoringVisitBy: IsoDate | null;
    readonly basis: RuleOrEstimate;
  };
  readonly deadlines: readonly DeadlineView[];
}

export interface CouncilStory {
  readonly council: CouncilSummary;
  readonly asAt: string;
  /** The inspections published on or before asAt, latest first. */
  readonly history: readonly CouncilHistoryEntry[];
  readonly positions: readonly GroupStanding[];
  readonly neighbours: readonly PeerRow[];
  readonly regionPeers: readonly PeerRow[];
  /** null when no graded inspection was published by the date. */
  readonly next: NextSteps | null;
  /** Letters after ungraded visits published by the date, newest first. */
  readonly letters: readonly LetterEntry[];
  /** null when the council has no letters. */
  readonly visitsDone: VisitsDone | null;
  /** The latest inspection published on or before asAt. */
  readonly latest: InspectionDetail | null;
  /** The overall effectiveness the council held at asAt (overallHeld's rule). */
  readonly overall: OverallHeld | null;
}

/** The most councils one comparison shows. */
export const MAX_COMPARED = 6;

/** One council in a side-by-side comparison at a date. */
export interface ComparedCouncil {
  readonly council: CouncilSummary;
  /** The overall effectiveness held at the date (overallHeld's rule). */
  readonly overall: OverallHeld | null;
  /** The latest graded inspection published by the date. */
  readonly latest: InspectionSummary | null;
  /** Every graded inspection published by the date, oldest first, each grade against the one before. */
  readonly history: readonly CouncilHistoryEntry[];
}

export interface Comparison {
  readonly asAt: IsoDate;
  readonly councils: readonly ComparedCouncil[];
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
  /** The picture at a date for the councils in scope (default: every council). */
  nationalPicture(asAt: string, scope?: NationalScope): Promise<NationalPicture>;
  councilStory(urn: string, asAt: string): Promise<CouncilStory>;
  /** The councils side by side at a date, in the order given (duplicates dropped); an unknown URN is NotFound. */
  compareCouncils(urns: readonly string[], asAt: string): Promise<Comparison>;
  /** The council and its nearest statistical neighbours, up to MAX_COMPARED in all: the default comparison. */
  comparisonGroup(urn: string): Promise<readonly string[]>;
  inspection(id: number): Promise<InspectionDetail>;
  /** The statutory deadlines that ran from the inspection's report, each passed or running on asAt. */
  inspectionDeadlines(id: number, asAt: string): Promise<readonly DeadlineView[]>;
  /** The inspection's source PDF, only when it is the file imported and lies in the reports folder; else null. */
  reportPdf(id: number): Promise<Buffer | null>;
}
