/** The plain facts the analytics work on: councils from the register, inspections with their grades. */
import type { Framework, FrameworkVersion, Grade, InspectionKind, IsoDate, JudgementArea, Judgements } from '../domain/index.ts';

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

export type GradeCounts = Record<Grade, number>;

export interface GradeQuery {
  readonly asAt: IsoDate;
  readonly area: JudgementArea;
  /** Only inspections under this framework; all when absent. */
  readonly framework?: Framework;
  readonly basis?: Basis;
}

export { COUNCIL_INSPECTION_KINDS, isCouncilInspectionKind } from '../domain/index.ts';
