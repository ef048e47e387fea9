/** The plain facts the analytics work on: councils from the register, inspections with their grades. */
import type {
  Framework,
  FrameworkVersion,
  Grade,
  InspectionKind,
  IsoDate,
  JudgementArea,
  Judgements,
} from '../domain/index.ts';

export interface CouncilFacts {
  readonly urn: string;
  readonly name: string;
  readonly laCode: string | null;
  readonly regionName: string | null;
  /** LA codes of the statistical neighbours, nearest first. */
  readonly statisticalNeighbours: readonly string[];
  readonly establishedOn: IsoDate | null;
  readonly abolishedOn: IsoDate | null;
}

export interface InspectionFacts {
  readonly id: number;
  readonly urn: string;
  readonly published: IsoDate;
  readonly framework: Framework;
  readonly version: FrameworkVersion;
  readonly kind: InspectionKind;
  readonly inspectionStart: IsoDate;
  readonly inspectionEnd: IsoDate;
  readonly judgements: Judgements;
}

export const BASES = ['latest', 'first'] as const;
export type Basis = (typeof BASES)[number];

/**
 * Which date puts an inspection in the count at a date: its publication ('published', ours, the
 * default: only what anyone could read by then), or the end of its on-site period ('inspected',
 * Ofsted's official statistics: every inspection carried out by then, its report published before
 * or after).
 */
export const COUNTED_BY = ['published', 'inspected'] as const;
export type CountedBy = (typeof COUNTED_BY)[number];

export type GradeCounts = Record<Grade, number>;

export interface GradeQuery {
  readonly asAt: IsoDate;
  readonly area: JudgementArea;
  /** Only inspections under this framework; all when absent. */
  readonly framework?: Framework;
  readonly basis?: Basis;
  /** Default: published. */
  readonly countedBy?: CountedBy;
}

export { COUNCIL_INSPECTION_KINDS, isCouncilInspectionKind } from '../domain/index.ts';
