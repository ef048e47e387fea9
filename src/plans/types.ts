/**
 * The vocabulary of an improvement plan (issue 11): a plan answers one inspection; its items are the
 * report's recommendations (word for word) and the council's own; actions serve one or more items;
 * milestones date an action's steps; measures say "how will we know", with dated values; updates
 * report progress. Plain readonly values with numeric ids, dates as ISO strings. Pure.
 */
import type { IsoDate } from '../calendar/index.ts';

export const PLAN_STATUSES = ['draft', 'submitted', 'published', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** An action's delivery status, kept apart from its RAG rating (which the product derives). */
export const ACTION_STATUSES = ['not started', 'in progress', 'awaiting sign-off', 'complete', 'signed off'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const RAG_RATINGS = ['red', 'amber', 'green'] as const;
export type RagRating = (typeof RAG_RATINGS)[number];

export const ITEM_RESPONSES = ['agreed', 'partly agreed'] as const;
export type ItemResponseKind = (typeof ITEM_RESPONSES)[number];

export const OWNER_KINDS = ['person', 'role', 'team'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** Which way a measure should move: a higher or a lower value is better. */
export const BETTER_WHEN = ['higher', 'lower'] as const;
export type BetterWhen = (typeof BETTER_WHEN)[number];

export interface Plan {
  readonly id: number;
  /** The council's Ofsted URN. */
  readonly council: string;
  readonly inspectionId: number;
  readonly status: PlanStatus;
  /** The statutory due date of the written statement of action. */
  readonly dueDate: IsoDate;
  /** Optimistic-concurrency version of the working copy. */
  readonly version: number;
}

/** Where an item's text comes from in the report: the list (e.g. "recommendations") and its 1-based position. */
export interface RecommendationRef {
  readonly list: string;
  readonly position: number;
  readonly text: string;
}

export interface ItemResponse {
  readonly kind: ItemResponseKind;
  readonly reason: string;
}

export interface PlanItem {
  readonly id: number;
  /** Null for the council's own items ("wider areas for improvement"). */
  readonly recommendation: RecommendationRef | null;
  readonly title: string;
  /** Null until the council has responded. */
  readonly response: ItemResponse | null;
}

export interface Owner {
  readonly kind: OwnerKind;
  readonly name: string;
}

/** A manual RAG rating in place of the derived one: it needs a reason, and says who set it and when. */
export interface RagOverride {
  readonly rating: RagRating;
  readonly reason: string;
  readonly by: string;
  readonly on: IsoDate;
}

export interface Action {
  readonly id: number;
  /** The items (recommendations) this action serves: one or more. */
  readonly itemIds: readonly number[];
  readonly title: string;
  readonly owner: Owner;
  readonly startDate: IsoDate | null;
  readonly dueDate: IsoDate;
  readonly status: ActionStatus;
  readonly ragOverride: RagOverride | null;
}

export interface Milestone {
  readonly id: number;
  readonly actionId: number;
  readonly title: string;
  readonly dueDate: IsoDate;
  /** The day it was met, or null while it is not. */
  readonly metOn: IsoDate | null;
}

export interface DatedValue {
  readonly value: number;
  readonly date: IsoDate;
}

export interface Measure {
  readonly id: number;
  readonly actionId: number;
  /** What is measured, e.g. "Child protection plans reviewed on time". */
  readonly what: string;
  readonly unit: string;
  readonly betterWhen: BetterWhen;
  readonly baseline: DatedValue;
  readonly target: DatedValue;
  /** How often it is measured, e.g. "monthly". */
  readonly frequency: string;
  readonly source: string;
}

export interface MeasureValue {
  readonly id: number;
  readonly measureId: number;
  readonly date: IsoDate;
  readonly value: number;
  readonly comment: string;
}

export interface ActionUpdate {
  readonly id: number;
  readonly actionId: number;
  readonly date: IsoDate;
  readonly author: string;
  readonly text: string;
  /** The action's status as this update reports it. */
  readonly status: ActionStatus;
  readonly evidence: readonly string[];
}

/** Everything a plan holds: what a frozen version stores and what two versions compare over. */
export interface PlanContent {
  readonly plan: Plan;
  readonly items: readonly PlanItem[];
  readonly actions: readonly Action[];
  readonly milestones: readonly Milestone[];
  readonly measures: readonly Measure[];
  readonly values: readonly MeasureValue[];
  readonly updates: readonly ActionUpdate[];
}
