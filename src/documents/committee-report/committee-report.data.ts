/**
 * Everything a post-inspection committee report says, as plain data: the council, the inspection
 * with its judgements and the grades of the inspection before, the recommendations as the report
 * words them, the statutory deadlines with their legal basis, the national, regional and
 * statistical-neighbour picture at the publication date, what comes next (each part a rule or an
 * estimate), the source report and the attribution. Public data only. Composed by the papers
 * service; the writers turn it into Word and HTML.
 */
import type { GradeCounts } from '../../analytics/index.ts';
import type { Framework, FrameworkVersion, Grade, InspectionKind, IsoDate, JudgementArea } from '../../domain/index.ts';
import type { Nature } from '../../rules/index.ts';

export interface CommitteeReportCouncil {
  readonly urn: string;
  readonly name: string;
  readonly regionName: string | null;
}

export interface CommitteeReportInspection {
  readonly id: number;
  readonly framework: Framework;
  readonly version: FrameworkVersion;
  readonly kind: InspectionKind;
  readonly inspectionStart: IsoDate;
  readonly inspectionEnd: IsoDate;
  readonly published: IsoDate;
  readonly leadInspector: string | null;
}

/** One judgement: the report's name for the area, the grade, and the grade at the council's previous inspection that judged the area. */
export interface JudgementLine {
  readonly area: JudgementArea;
  readonly wording: string;
  readonly grade: Grade;
  readonly previous: { readonly grade: Grade; readonly year: number; readonly published: IsoDate } | null;
}

export interface DeadlineLine {
  readonly name: string;
  readonly due: IsoDate;
  readonly workingDays: number;
  readonly from: 'publication' | 'receipt' | 'letter';
  readonly anchor: IsoDate;
  readonly citation: string;
  readonly instrument: string;
  readonly requirement: string;
  readonly url: string | null;
  readonly note: string | null;
}

/** The national distribution in one area at the publication date, among councils inspected under the same framework. */
export interface NationalAreaLine {
  readonly area: JudgementArea;
  readonly included: number;
  readonly counts: GradeCounts;
  readonly percentages: GradeCounts;
}

/** The council's place in a group (its region, or itself with its statistical neighbours) in one area. */
export interface GroupPlace {
  readonly area: JudgementArea;
  readonly grade: Grade;
  /** Councils in the group (this one included) that held a grade in the area at the date. */
  readonly included: number;
  /** Councils in the group that existed at the date. */
  readonly members: number;
  readonly counts: GradeCounts;
  readonly sameOrBetter: number;
  readonly rank: number;
}

export interface ComparisonPicture {
  readonly asAt: IsoDate;
  readonly framework: Framework;
  /** Councils in England that existed at the date. */
  readonly councilsExisting: number;
  readonly national: readonly NationalAreaLine[];
  readonly region: { readonly name: string; readonly places: readonly GroupPlace[] } | null;
  readonly neighbours: { readonly names: readonly string[]; readonly places: readonly GroupPlace[] } | null;
}

/** One part of what comes next, with how firm it is. */
export interface NextItem {
  readonly heading: string;
  readonly nature: Nature;
  readonly lines: readonly string[];
  readonly source: string;
}

export interface CommitteeReportData {
  readonly council: CommitteeReportCouncil;
  /** The day the paper is written (shown in the page header). */
  readonly preparedOn: IsoDate;
  readonly inspection: CommitteeReportInspection;
  readonly judgements: readonly JudgementLine[];
  readonly recommendations: readonly string[];
  readonly lscbRecommendations: readonly string[];
  readonly deadlines: readonly DeadlineLine[];
  readonly comparison: ComparisonPicture;
  /** As at the publication date; empty when the rules cannot say (no graded inspection). */
  readonly next: readonly NextItem[];
  readonly source: {
    readonly title: string;
    /** Ofsted's address for the report, when known. */
    readonly address: string | null;
    /** Where to find it when the address is not known. */
    readonly listingAddress: string;
  };
  readonly attribution: { readonly text: string; readonly licence: string; readonly licenceUrl: string };
}
