/**
 * The composition root: opens the store, brings the schema up to date, loads the register when it
 * is empty, and builds every service once. The web app, the API and the CLI share one Services.
 */
import { join } from 'node:path';
import {
  DEFAULT_EVIDENCE_MAX_BYTES,
  OFSTED_FILES_URL,
  OFSTED_REPORTS_URL,
  type Config,
  type SyncSettings,
} from '../config.ts';
import {
  checkStoreIntegrity,
  createDb,
  explainStoreError,
  migrateToLatest,
  migrationTableSchemaOf,
  storeLocation,
  withStartupLock,
  type StoreHandle,
  type StoreLocation,
} from '../store/index.ts';
import { createImportService, type ImportDependencies, type ImportService } from './import.service.ts';
import { createInspectionService, type InspectionService } from './inspection.service.ts';
import { createCouncilService, type CouncilService } from './council.service.ts';
import { createReadModel, type ReadModelOptions } from './read-model.service.ts';
import type { ReadModel } from './read-model.ts';
import { ensureRegisterHistoryLoaded, ensureRegisterLoaded } from './register.service.ts';
import { createPapersService, type PapersService } from './papers.service.ts';
import { createStatsService, type StatsService } from './stats.service.ts';
import { createAccountsServices, type AccountsServices, type AccountsOptions } from './accounts-services.ts';
import { createVisitLetterService, type VisitLetterService } from './visit-letter.service.ts';
import { createAlertService, type AlertDependencies, type AlertService } from './alert.service.ts';
import { createSyncService, type SyncOverrides, type SyncService } from './sync.service.ts';
import { createPlansService, type PlansService } from './plans.service.ts';
import { createPlanReminderService, type PlanReminderService } from './plan-reminders.service.ts';
import { openPlansForReminders } from './plan-reminders.source.ts';
import { createCouncilTimelineService, type CouncilTimelineService } from './council-timeline.service.ts';
import { planEventsFor } from './plan-timeline.source.ts';
import { createPlanImportService, type PlanImportService } from './plan-import.service.ts';
import { createPlanImportStore } from './plan-import.store.ts';

export interface Services {
  readonly councils: CouncilService;
  readonly inspections: InspectionService;
  readonly stats: StatsService;
  readonly imports: ImportService;
  /** Letters after ungraded visits (focused visits, monitoring visits, JTAIs). */
  readonly letters: VisitLetterService;
  /** People, sign-in, the audit trail and council workspaces (accounts-services.ts). */
  readonly accounts: AccountsServices;
  /** `csci sync`: Ofsted's new publications, fetched and imported. */
  readonly sync: SyncService;
  /** Subscriptions and the alerts sent for new publications. */
  readonly alerts: AlertService;
  /** What the pages and the API show (national picture, council story, inspection detail), from one cached snapshot. */
  readonly readModel: ReadModel;
  /** Committee papers: the data of a post-inspection committee report. */
  readonly papers: PapersService;
  /** Improvement plans: private to their council until published (plans.service.ts). */
  readonly plans: PlansService;
  /** `csci remind`: actions due soon or overdue and measures with no value, emailed once per event. */
  readonly planReminders: PlanReminderService;
  /** A council's timeline: inspections, plan, updates, visits, next inspection (plan events for its people only). */
  readonly timelines: CouncilTimelineService;
  /** Importing an existing action plan from an Excel workbook: preview, then import on confirmation. */
  readonly planImports: PlanImportService;
  /** The open store (for health checks and tests); services are the way to read and write it. */
  readonly store: StoreHandle;
  /** What opening the store did: migrations applied now, councils loaded into an empty register, runs found dead and marked interrupted. */
  readonly startup: {
    readonly appliedMigrations: readonly string[];
    readonly councilsLoaded: number;
    readonly interruptedRuns: number;
  };
  /** Closes the database connection(s). */
  close(): Promise<void>;
}

export interface ServicesOptions {
  /** Where the store lives, instead of what the config says (tests: `{ sqlite: ':memory:' }`). */
  readonly location?: StoreLocation;
  /** Replacements for the importer's extractor, rule checker or clock (tests). */
  readonly importer?: Omit<ImportDependencies, 'db' | 'councils'>;
  /** The accounts' clock and session or lock-out policies (tests). */
  readonly accounts?: AccountsOptions;
  /** Replacements for the sync's waiting, timeouts and clock (tests). */
  readonly sync?: SyncOverrides;
  /** Replacements for the alerts' waiting between webhook attempts (tests). */
  readonly alerts?: Pick<AlertDependencies, 'sleep' | 'webhookAttempts' | 'now'>;
  /** How long the read model's snapshot lives, and its clock (tests). */
  readonly readModel?: ReadModelOptions;
  /** The plans' clock, where evidence files go instead of `<data dir>/evidence` (tests), and the view cache's size. */
  readonly plans?: {
    readonly now?: () => Date;
    readonly evidenceDir?: string;
    readonly evidenceMaxBytes?: number;
    /** How many plans' page views are kept by version; 0 reads every view afresh (bench:plans). */
    readonly viewCachePlans?: number;
  };
  /** The papers: which Chromium prints PDFs (Debian's by default). */
  readonly papers?: { readonly chromiumPath?: string };
}

const DEFAULT_SYNC: SyncSettings = {
  reportsUrl: OFSTED_REPORTS_URL,
  filesUrl: OFSTED_FILES_URL,
  contact: undefined,
  delayMs: 2000,
  onStart: false,
  mailFrom: 'csc-inspections <csci@localhost>',
};

export async function createServices(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> &
    Partial<Pick<Config, 'databaseTimeoutMs' | 'reportsDir' | 'publicUrl' | 'sync' | 'smtpUrl' | 'evidenceMaxBytes'>>,
  options: ServicesOptions = {},
): Promise<Services> {
  const location = options.location ?? storeLocation(config);
  let store: StoreHandle;
  try {
    store = createDb(location, { timeoutMs: config.databaseTimeoutMs });
  } catch (error) {
    throw explainStoreError(error, location, config.databaseTimeoutMs ?? 0);
  }
  const councils = createCouncilService(store.db);
  const inspections = createInspectionService(store.db, councils);
  const imports = createImportService({ db: store.db, councils, ...options.importer });
  let startup: Services['startup'];
  try {
    await checkStoreIntegrity(store);
    // Under the store's set-up lock: two processes opening a new store at once take turns.
    startup = await withStartupLock(store, async () => {
      const appliedMigrations = await migrateToLatest(store.db, store.dialect, await migrationTableSchemaOf(store));
      const councilsLoaded = await ensureRegisterLoaded(store.db);
      await ensureRegisterHistoryLoaded(store.db);
      return { appliedMigrations, councilsLoaded, interruptedRuns: await imports.markInterruptedRuns() };
    });
  } catch (error) {
    await store.db.destroy();
    throw explainStoreError(error, location, store.timeoutMs);
  }
  const letters = createVisitLetterService(store.db);
  const plans = createPlansService({
    db: store.db,
    evidenceDir: join(config.dataDir, 'evidence'),
    evidenceMaxBytes: config.evidenceMaxBytes ?? DEFAULT_EVIDENCE_MAX_BYTES,
    ...options.plans,
  });
  const syncSettings = config.sync ?? DEFAULT_SYNC;
  const alerts = createAlertService({
    db: store.db,
    councils,
    smtpUrl: config.smtpUrl,
    mailFrom: syncSettings.mailFrom,
    publicUrl: config.publicUrl,
    ...options.alerts,
  });
  const readModel = createReadModel(
    { councils, inspections, letters },
    { reportsDir: config.reportsDir, ...options.readModel },
  );
  return {
    councils,
    inspections,
    stats: createStatsService(store.db, councils),
    imports,
    letters,
    accounts: createAccountsServices(store.db, options.accounts),
    sync: createSyncService({
      store,
      imports,
      councils,
      alerts,
      settings: syncSettings,
      dataDir: config.dataDir,
      ...options.sync,
    }),
    alerts,
    readModel,
    papers: createPapersService({ inspections, councils, plans, ...options.papers }),
    plans,
    planReminders: createPlanReminderService({
      db: store.db,
      openPlans: openPlansForReminders(plans, councils),
      smtpUrl: config.smtpUrl,
      mailFrom: syncSettings.mailFrom,
      publicUrl: config.publicUrl,
    }),
    timelines: createCouncilTimelineService({ readModel, planEvents: planEventsFor(plans) }),
    planImports: createPlanImportService({
      dataDir: config.dataDir,
      store: createPlanImportStore({ db: store.db, ...options.plans }),
    }),
    store,
    startup,
    close: () => store.db.destroy(),
  };
}

export type { CouncilService, CouncilDetail } from './council.service.ts';
export type { InspectionService, LatestInspectionRow, InspectionHistoryView } from './inspection.service.ts';
export type { StatsService } from './stats.service.ts';
export type { VisitLetterService } from './visit-letter.service.ts';
export type { AccountsServices, AccountsOptions } from './accounts-services.ts';
export {
  PAPER_FORMATS,
  PAPER_CONTENT_TYPES,
  PLAN_PAPER_FORMATS,
  PLAN_PAPER_CONTENT_TYPES,
  PROGRESS_REPORT_FORMATS,
  type PapersService,
  type CommitteeReportRequest,
  type PaperFormat,
  type RenderedPaper,
  type ActionPlanRequest,
  type ProgressReportRequest,
  type PlanPaperFormat,
  type ProgressReportFormat,
  type RenderedPlanPaper,
} from './papers.service.ts';
export { PdfPrinterUnavailableError } from './pdf-printer.ts';
export type {
  SyncService,
  SyncSummary,
  SyncRunView,
  SyncOptions,
  SyncWarning,
  SyncFailure,
  SyncedPublication,
} from './sync.service.ts';
export type { AlertService, Subscription, AlertOutcome } from './alert.service.ts';
export type { PlanReminderService, RemindSummary, ReminderEvent } from './plan-reminders.service.ts';
export type { CouncilTimelineService, CouncilTimeline, TimelineEntry } from './council-timeline.service.ts';
export type { PlanImportService, PlanImportPreview, ImportOutcome } from './plan-import.service.ts';
export type * from './plans.service.ts';
export { EVIDENCE_TYPES, EvidenceTooLargeError } from './plans.service.ts';
export {
  ACTION_STATUSES,
  BETTER_WHEN,
  ITEM_RESPONSES,
  OWNER_KINDS,
  PLAN_STATUSES,
  RAG_RATINGS,
  type Action,
  type ActionStatus,
  type ActionUpdate,
  type Coverage,
  type CoverageGaps,
  type Measure,
  type MeasureValue,
  type Milestone,
  type Owner,
  type Plan,
  type PlanChanges,
  type PlanContent,
  type PlanItem,
  type PlanStatus,
  type RagRating,
} from '../plans/index.ts';
export type {
  ImportService,
  ImportRunView,
  ImportSummary,
  ImportOptions,
  ImportFailure,
  ReportOutcome,
  Anomaly,
  ReportExtractor,
  ReportChecker,
} from './import.service.ts';
export type { CouncilView, InspectionView, InspectionDetailView } from './views.ts';
export type {
  GroupPosition,
  NationalDistribution,
  GradeQuery,
  HistoryEntry,
  GradeChange,
  Basis,
  CountedBy,
} from '../analytics/index.ts';
export type { OverallHeld } from './overall-held.ts';
export type {
  AreaDistribution,
  ConsistencyFlag,
  CouncilHistoryEntry,
  CouncilStory,
  CouncilSummary,
  DeadlineView,
  LetterDetail,
  LetterEntry,
  VisitsDone,
  VisitThemeRow,
  EmpiricalWindowView,
  GradeMovement,
  GroupStanding,
  InspectionDetail,
  InspectionSummary,
  LatestInspection,
  NationalPicture,
  NationalScope,
  NextSteps,
  NominalWindowView,
  PeerRow,
  QuarterDistribution,
  Comparison,
  ComparedCouncil,
  OverallFilter,
  ReadModel,
  Recommendation,
  RuleOrEstimate,
  StoreSummary,
} from './read-model.ts';
export { inspectionSummary, type ReadModelOptions } from './read-model.service.ts';
export { GOOD_OR_BETTER, MAX_COMPARED } from './read-model.ts';
export {
  ATTRIBUTION,
  OGL_URL,
  tableXlsx,
  type Cell,
  type DownloadContext,
  type DownloadTable,
} from './table-download.ts';
export {
  findReports,
  readReports,
  readReportSet,
  resolveCouncil,
  urnFromPath,
  type ReadOptions,
  type ReportSet,
} from './report-reading.ts';
/** What the edges use of the pure modules and the store, through the one door. */
export { BASES, COUNTED_BY } from '../analytics/index.ts';
export { SQLITE_FILE } from '../store/index.ts';
export {
  backtest,
  councilOutlook,
  deadlinesAfterPriorityActionLetter,
  deadlinesAfterPublication,
  EMPIRICAL_WINDOW_PERCENTILES,
  EVIDENCE_TAG_WORDS,
  PATHWAYS,
  type BacktestResult,
  type CouncilOutlook,
  type Deadline,
  type EmpiricalWindow,
  type Evidence,
} from '../rules/index.ts';
