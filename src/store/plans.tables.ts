/** Table types of the plans migration (2026_12_02_0008): plans, items, actions, milestones, measures, values, updates, evidence, frozen versions, sign-offs. */
import type { ColumnType, Generated, Selectable } from 'kysely';

type Version = ColumnType<number, number | undefined, number>;

export interface PlanTable {
  id: Generated<number>;
  urn: string;
  inspection_id: number;
  status: 'draft' | 'submitted' | 'published' | 'closed';
  /** The statutory due date of the written statement of action (the final plan after a focused visit). */
  due_date: string;
  /** After a focused visit with areas for priority action: the draft's due date (20 working days). */
  draft_due_date: string | null;
  /** The frozen version the public may read, once published; null before. */
  published_version: number | null;
  version: Version;
  created_at: string;
  updated_at: string;
}

export interface PlanItemTable {
  id: Generated<number>;
  plan_id: number;
  /** 1-based order within the plan. */
  position: number;
  /** The report's list ('la', 'priority'), its 1-based position and its text word for word; null for the council's own items. */
  recommendation_list: string | null;
  recommendation_position: number | null;
  recommendation_text: string | null;
  title: string;
  response_kind: 'agreed' | 'partly agreed' | null;
  response_reason: string | null;
  version: Version;
  created_at: string;
  updated_at: string;
}

export interface PlanActionTable {
  id: Generated<number>;
  plan_id: number;
  title: string;
  owner_kind: 'person' | 'role' | 'team';
  owner_name: string;
  start_date: string | null;
  due_date: string;
  status: 'not started' | 'in progress' | 'awaiting sign-off' | 'complete' | 'signed off';
  rag_override: 'red' | 'amber' | 'green' | null;
  rag_reason: string | null;
  rag_by: string | null;
  rag_on: string | null;
  version: Version;
  created_at: string;
  updated_at: string;
}

export interface PlanActionItemTable {
  action_id: number;
  item_id: number;
}

export interface PlanMilestoneTable {
  id: Generated<number>;
  action_id: number;
  title: string;
  due_date: string;
  met_on: string | null;
  version: Version;
  created_at: string;
  updated_at: string;
}

export interface PlanMeasureTable {
  id: Generated<number>;
  action_id: number;
  what: string;
  unit: string;
  better_when: 'higher' | 'lower';
  baseline_value: number;
  baseline_date: string;
  target_value: number;
  target_date: string;
  frequency: string;
  source: string;
  version: Version;
  created_at: string;
  updated_at: string;
}

export interface PlanMeasureValueTable {
  id: Generated<number>;
  measure_id: number;
  date: string;
  value: number;
  comment: string;
  version: Version;
  created_at: string;
  updated_at: string;
}

export interface PlanUpdateTable {
  id: Generated<number>;
  action_id: number;
  date: string;
  /** Who wrote it (their email). */
  author: string;
  text: string;
  status: PlanActionTable['status'];
  /** JSON: the evidence links (addresses or references) the update gives, in order. */
  evidence_links: string;
  version: Version;
  created_at: string;
  updated_at: string;
}

export interface PlanEvidenceTable {
  id: Generated<number>;
  plan_id: number;
  /** What it is evidence for: one of an action, an update or a measure. */
  action_id: number | null;
  update_id: number | null;
  measure_id: number | null;
  /** The name it was uploaded under (shown, never used as a path). */
  file_name: string;
  /** From the file's content (magic bytes), not from what the uploader said. */
  content_type: string;
  size: number;
  sha256: string;
  /** The random name it is kept under in the data dir. */
  storage_key: string;
  created_by: string;
  created_at: string;
  version: Version;
}

export interface PlanVersionTable {
  plan_id: number;
  /** 1 for the first submission. */
  number: number;
  /** The PlanContent as frozen, JSON. */
  content_json: string;
  frozen_by_user_id: number | null;
  frozen_by_email: string;
  frozen_at: string;
}

export interface PlanSignOffTable {
  id: Generated<number>;
  plan_id: number;
  version_number: number;
  signed_by_user_id: number | null;
  signed_by_email: string;
  signed_by_name: string;
  /** In what capacity they signed, e.g. "Director of Children's Services". */
  capacity: string;
  note: string;
  signed_at: string;
}

export interface PlanTables {
  plan: PlanTable;
  plan_item: PlanItemTable;
  plan_action: PlanActionTable;
  plan_action_item: PlanActionItemTable;
  plan_milestone: PlanMilestoneTable;
  plan_measure: PlanMeasureTable;
  plan_measure_value: PlanMeasureValueTable;
  plan_update: PlanUpdateTable;
  plan_evidence: PlanEvidenceTable;
  plan_version: PlanVersionTable;
  plan_sign_off: PlanSignOffTable;
}

export type PlanRow = Selectable<PlanTable>;
export type PlanItemRow = Selectable<PlanItemTable>;
export type PlanActionRow = Selectable<PlanActionTable>;
export type PlanMilestoneRow = Selectable<PlanMilestoneTable>;
export type PlanMeasureRow = Selectable<PlanMeasureTable>;
export type PlanMeasureValueRow = Selectable<PlanMeasureValueTable>;
export type PlanUpdateRow = Selectable<PlanUpdateTable>;
export type PlanEvidenceRow = Selectable<PlanEvidenceTable>;
export type PlanVersionRow = Selectable<PlanVersionTable>;
export type PlanSignOffRow = Selectable<PlanSignOffTable>;
