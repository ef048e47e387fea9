/**
 * Improvement plans (issue 11), private to their council until published. One service made of
 * parts: the plan and its items (plan-records.service.ts), actions and what they hold
 * (plan-actions.service.ts), coverage, submission, versions, sign-off, publication and closing
 * (plan-lifecycle.service.ts), evidence files (plan-evidence.service.ts). Every method takes the acting user first and checks council scope
 * itself (plan-access.ts): no actor 401, unseen council 404, seen but not writable 403.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.ts';
import { createPlanActionsService, type PlanActionsService } from './plan-actions.service.ts';
import { createPlanEvidenceService, type PlanEvidenceService } from './plan-evidence.service.ts';
import { createPlanLifecycleService, type PlanLifecycleService } from './plan-lifecycle.service.ts';
import { createPlanRecordsService, type PlanRecordsService } from './plan-records.service.ts';
import { PlanViewCache } from './plan-view-cache.ts';

export interface PlansService
  extends PlanRecordsService, PlanActionsService, PlanLifecycleService, PlanEvidenceService {}

export interface PlansDependencies {
  readonly db: Kysely<Database>;
  readonly now?: () => Date;
  /** Where evidence files are kept: `<data dir>/evidence`. */
  readonly evidenceDir: string;
  /** The largest evidence file taken, in bytes. */
  readonly evidenceMaxBytes: number;
  /** How many plans' page views are kept by version (plan-view-cache.ts); 0 reads every view afresh. */
  readonly viewCachePlans?: number;
}

export function createPlansService({
  db,
  now = () => new Date(),
  evidenceDir,
  evidenceMaxBytes,
  viewCachePlans,
}: PlansDependencies): PlansService {
  const context = { db, now, views: new PlanViewCache(viewCachePlans) };
  return {
    ...createPlanRecordsService(context),
    ...createPlanActionsService(context),
    ...createPlanLifecycleService(context),
    ...createPlanEvidenceService(context, { evidenceDir, evidenceMaxBytes }),
  };
}

export {
  EVIDENCE_TYPES,
  EvidenceTooLargeError,
  type EvidenceTarget,
  type NewEvidenceInput,
  type EvidenceFile,
} from './plan-evidence.service.ts';
export type { ActionOverview, PlanOverview } from './plan-overview.ts';
export type { NewPlanInput, NewItemInput, ItemResponseInput } from './plan-records.service.ts';
export type {
  ActionInPlan,
  NewActionInput,
  ActionChanges,
  RagOverrideInput,
  NewMilestoneInput,
  MilestoneChanges,
  NewMeasureInput,
  MeasureChanges,
  NewMeasureValueInput,
  NewUpdateInput,
} from './plan-actions.service.ts';
export type {
  PlanView,
  PlanSummary,
  PlanItemView,
  ActionView,
  MilestoneView,
  MeasureView,
  UpdateView,
  EvidenceView,
} from './plan-views.ts';
export type {
  PlanCoverageView,
  SignOffView,
  PlanVersionHead,
  PlanVersionView,
  PlanTransitionInput,
  SignOffInput,
} from './plan-lifecycle.service.ts';
