/**
 * What the improvement plan's papers are written from: the plan's content (src/plans), the council
 * and the inspection it answers, the version shown and the date of the paper (the date its RAG
 * ratings and measures are taken at). Private data: composed by the papers service for an actor
 * who may read the plan.
 */
import type { IsoDate } from '../../calendar/index.ts';
import type { PlanChanges, PlanContent } from '../../plans/index.ts';

export interface PlanPaperSubject {
  readonly council: { readonly urn: string; readonly name: string };
  readonly inspection: { readonly id: number; readonly published: IsoDate; readonly title: string };
}

/** A version of the plan: its number and the day it was saved (or, for the working copy, the day of the paper). */
export interface PlanVersionRef {
  readonly number: number;
  readonly date: IsoDate;
  /** True for the working copy (not a frozen version). */
  readonly working: boolean;
}

export interface ActionPlanData {
  readonly subject: PlanPaperSubject;
  readonly plan: PlanContent;
  readonly version: PlanVersionRef;
  /** The date of the paper: in the page header, and the date the RAG ratings are taken at. */
  readonly preparedOn: IsoDate;
}

/** A chart of one measure, as the papers show it (rasterised from the shared chart code's SVG). */
export interface MeasureChartImage {
  readonly measureId: number;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export interface ProgressReportData {
  readonly subject: PlanPaperSubject;
  readonly current: PlanContent;
  readonly currentVersion: PlanVersionRef;
  /** The version of the last report, and what changed from it to `current` (the plans service's comparison); null for the first report. */
  readonly since: {
    readonly plan: PlanContent;
    readonly version: PlanVersionRef;
    readonly changes: PlanChanges;
  } | null;
  readonly preparedOn: IsoDate;
  readonly charts: readonly MeasureChartImage[];
}
