/** The store's table types (Kysely). Booleans are integers 0/1 so one schema fits SQLite and PostgreSQL. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface LocalAuthorityTable {
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
  import_run_id: number | null;
  imported_at: string;
  updated_at: string;
}

export interface JudgementTable {
  inspection_id: number;
  area: string;
  grade: string;
}

export type RecommendationList = 'la' | 'lscb';

export interface RecommendationTable {
  inspection_id: number;
  list: RecommendationList;
  /** 1 for the first recommendation in the report. */
  position: number;
  text: string;
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

export interface Database {
  local_authority: LocalAuthorityTable;
  statistical_neighbour: StatisticalNeighbourTable;
  inspection: InspectionTable;
  judgement: JudgementTable;
  recommendation: RecommendationTable;
  report_warning: ReportWarningTable;
  import_run: ImportRunTable;
}

export type LocalAuthorityRow = Selectable<LocalAuthorityTable>;
export type NewLocalAuthority = Insertable<LocalAuthorityTable>;
export type InspectionRow = Selectable<InspectionTable>;
export type NewInspection = Insertable<InspectionTable>;
export type JudgementRow = Selectable<JudgementTable>;
export type RecommendationRow = Selectable<RecommendationTable>;
export type ReportWarningRow = Selectable<ReportWarningTable>;
export type ImportRunRow = Selectable<ImportRunTable>;
