/** The store's table types (Kysely). Booleans are integers 0/1 so one schema fits SQLite and PostgreSQL. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AccountTables } from './accounts.tables.ts';
import type { PlanTables } from './plans.tables.ts';
import type { PlanReminderSentTable } from './plan-reminders.tables.ts';

export interface CouncilTable {
  urn: string;
  la_code: string | null;
  gss_code: string | null;
  name: string;
  /** Other printed names, separated by "; ". */
  also_known_as: string;
  region_code: string | null;
  region_name: string | null;
  la_type: string | null;
  established_on: string | null;
  abolished_on: string | null;
  /** 1 while the council exists, 0 once abolished. */
  active: number;
}

export interface StatisticalNeighbourTable {
  urn: string;
  /** 1 for the nearest neighbour. */
  position: number;
  neighbour_la_code: string;
}

export const FORMER_CODE_TYPES = ['gss', 'la'] as const;
export type FormerCodeType = (typeof FORMER_CODE_TYPES)[number];
export const CODE_CHANGES = ['renumbered', 'predecessor'] as const;
/** `renumbered`: the same council under a code it no longer uses; `predecessor`: a council it replaced that the register does not hold. */
export type CodeChange = (typeof CODE_CHANGES)[number];

/** A code a council was known by before (`in_use_until`: the last day it was used). */
export interface CouncilFormerCodeTable {
  urn: string;
  code_type: FormerCodeType;
  code: string;
  former_name: string;
  in_use_until: string;
  change: CodeChange;
}

/** A council in the register that this one replaced, wholly or in part, from `took_over_on`. */
export interface CouncilPredecessorTable {
  urn: string;
  predecessor_urn: string;
  took_over_on: string;
}

export const PUBLISHED_SOURCES = ['printed', 'file-name', 'manifest'] as const;
export type PublishedSource = (typeof PUBLISHED_SOURCES)[number];

export interface InspectionTable {
  id: Generated<number>;
  urn: string;
  /** sha256 of the file's bytes, hex: the same report is stored once. */
  content_hash: string;
  /** sha256 of the extracted facts: a change means a parser improvement changed them. */
  facts_hash: string;
  file_path: string;
  framework: string;
  version: string;
  kind: string;
  local_authority_as_printed: string;
  inspection_start: string;
  inspection_end: string;
  published: string;
  published_source: PublishedSource;
  lead_inspector: string | null;
  /** sha256 of the reader's code that gave these facts; null for rows stored before it was kept. */
  reader_fingerprint: string | null;
  /** The report's address on Ofsted's site, when `csci sync` fetched it from there (migration 0006). */
  ofsted_url: ColumnType<string | null, string | null | undefined, string | null>;
  import_run_id: number | null;
  imported_at: string;
  updated_at: string;
}

export interface JudgementTable {
  inspection_id: number;
  area: string;
  grade: string;
}

/** The council's and the LSCB's recommendations; `priority`: a letter's areas for priority action. */
export type RecommendationList = 'la' | 'lscb' | 'priority';

export interface RecommendationTable {
  inspection_id: number;
  list: RecommendationList;
  /** 1 for the first recommendation in the report. */
  position: number;
  text: string;
}

/** What only a letter after an ungraded visit has; one row per inspection of kind focused-visit, monitoring-visit or jtai. */
export interface VisitLetterTable {
  inspection_id: number;
  letter_date: string | null;
  focus: string | null;
  /** A theme code of VISIT_THEMES (focused visits only). */
  theme: string | null;
  /** 1 when the visit was carried out in the COVID-19 context. */
  covid_context: number;
  /** JSON: the inspectors named as visiting, in printed order. */
  inspectors: string;
}

/** A reader warning on a stored report ("check this against the report"). */
export interface ReportWarningTable {
  inspection_id: number;
  /** 1 for the first warning the reader gave. */
  position: number;
  code: string;
  message: string;
}

export interface ImportRunTable {
  id: Generated<number>;
  source: string;
  started_at: string;
  finished_at: string | null;
  /** 'running' until the summary is written; 'interrupted' once the process running it is known to have died. */
  status: ColumnType<ImportRunStatus, ImportRunStatus, ImportRunStatus>;
  files: number;
  imported: number;
  updated: number;
  already_present: number;
  failed: number;
  /** JSON: [{file, code, message}]. */
  failures: string;
  /** `host:pid` of the process running it; null for runs stored before it was kept. */
  runner: string | null;
  /** When the running process last said it was working. */
  heartbeat_at: string | null;
}

export const IMPORT_RUN_STATUSES = ['running', 'finished', 'interrupted'] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];

export interface Database extends AccountTables, PlanTables {
  local_authority: CouncilTable;
  statistical_neighbour: StatisticalNeighbourTable;
  local_authority_former_code: CouncilFormerCodeTable;
  local_authority_predecessor: CouncilPredecessorTable;
  inspection: InspectionTable;
  judgement: JudgementTable;
  recommendation: RecommendationTable;
  visit_letter: VisitLetterTable;
  report_warning: ReportWarningTable;
  import_run: ImportRunTable;
  sync_run: SyncRunTable;
  sync_publication: SyncPublicationTable;
  sync_provider_page: SyncProviderPageTable;
  subscription: SubscriptionTable;
  alert_delivery: AlertDeliveryTable;
  plan_reminder_sent: PlanReminderSentTable;
}

/** One `csci sync` (migration 0006); left 'running' when interrupted. */
export interface SyncRunTable {
  id: Generated<number>;
  started_at: string;
  finished_at: ColumnType<string | null, string | null | undefined, string | null>;
  status: string;
  dry_run: Generated<number>;
  councils: Generated<number>;
  pages_unchanged: Generated<number>;
  requests: Generated<number>;
  downloads: Generated<number>;
  imported: Generated<number>;
  already_held: Generated<number>;
  not_ours: Generated<number>;
  not_read_yet: Generated<number>;
  failed: Generated<number>;
  alerts_sent: Generated<number>;
  /** JSON: [{code, message}]. */
  warnings: Generated<string>;
  /** JSON: [{fileId, urn, code, message}]. */
  failures: Generated<string>;
  message: ColumnType<string | null, string | null | undefined, string | null>;
}

export const PUBLICATION_STATUSES = [
  'imported',
  'already-held',
  'not-ours',
  'not-read-yet',
  'withdrawn',
  'failed',
] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/** A publication seen on a provider page, by Ofsted's file id. */
export interface SyncPublicationTable {
  file_id: string;
  urn: string;
  kind_label: string;
  listed_on: string | null;
  ofsted_url: string;
  status: PublicationStatus;
  reason: string | null;
  attempts: Generated<number>;
  inspection_id: number | null;
  /** Where the downloaded PDF is kept. */
  file_path: string | null;
  /** The reader's fingerprint when it last read the file: a letter "not read yet" is read again once it changes. */
  reader_fingerprint: string | null;
  sync_run_id: number | null;
  first_seen_at: string;
  updated_at: string;
}

/** What a council's provider page looked like last time: validators and a hash of its publication list. */
export interface SyncProviderPageTable {
  urn: string;
  url: string;
  etag: string | null;
  last_modified: string | null;
  publications_hash: string | null;
  checked_at: string;
  changed_at: string;
}

export const SUBSCRIPTION_SCOPES = ['council', 'neighbours', 'region'] as const;
export type SubscriptionScope = (typeof SUBSCRIPTION_SCOPES)[number];

export interface SubscriptionTable {
  id: Generated<number>;
  email: string;
  scope: SubscriptionScope;
  /** A URN for 'council' and 'neighbours', a region's name for 'region'. */
  target: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  created_at: string;
}

export type AlertChannel = 'email' | 'webhook';

/** One alert for one publication on one channel: sent once. */
export interface AlertDeliveryTable {
  subscription_id: number;
  file_id: string;
  channel: AlertChannel;
  status: 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  sent_at: string | null;
  updated_at: string;
}

export type SyncRunRow = Selectable<SyncRunTable>;
export type SyncPublicationRow = Selectable<SyncPublicationTable>;
export type SyncProviderPageRow = Selectable<SyncProviderPageTable>;
export type SubscriptionRow = Selectable<SubscriptionTable>;
export type AlertDeliveryRow = Selectable<AlertDeliveryTable>;
export type CouncilRow = Selectable<CouncilTable>;
export type FormerCodeRow = Selectable<CouncilFormerCodeTable>;
export type PredecessorRow = Selectable<CouncilPredecessorTable>;
export type NewCouncil = Insertable<CouncilTable>;
export type InspectionRow = Selectable<InspectionTable>;
export type NewInspection = Insertable<InspectionTable>;
export type JudgementRow = Selectable<JudgementTable>;
export type RecommendationRow = Selectable<RecommendationTable>;
export type ReportWarningRow = Selectable<ReportWarningTable>;
export type ImportRunRow = Selectable<ImportRunTable>;
export type VisitLetterRow = Selectable<VisitLetterTable>;
