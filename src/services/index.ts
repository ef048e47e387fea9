/**
 * The composition root: opens the store, brings the schema up to date, loads the register when it
 * is empty, and builds every service once. The web app, the API and the CLI share one Services.
 */
import type { Config } from '../config.ts';
import { checkStoreIntegrity, createDb, explainStoreError, migrateToLatest, migrationTableSchemaOf, storeLocation, withStartupLock, type StoreHandle, type StoreLocation } from '../store/index.ts';
import { createImportService, type ImportDependencies, type ImportService } from './import.service.ts';
import { createInspectionService, type InspectionService } from './inspection.service.ts';
import { createLocalAuthorityService, type LocalAuthorityService } from './local-authority.service.ts';
import { createReadModel, type ReadModelOptions } from './read-model.service.ts';
import type { ReadModel } from './read-model.ts';
import { ensureRegisterLoaded } from './register.service.ts';
import { createStatsService, type StatsService } from './stats.service.ts';

export interface Services {
  readonly localAuthorities: LocalAuthorityService;
  readonly inspections: InspectionService;
  readonly stats: StatsService;
  readonly imports: ImportService;
  /** What the pages and the API show (national picture, council story, inspection detail), from one cached snapshot. */
  readonly readModel: ReadModel;
  /** The open store (for health checks and tests); services are the way to read and write it. */
  readonly store: StoreHandle;
  /** What opening the store did: migrations applied now, councils loaded into an empty register, runs found dead and marked interrupted. */
  readonly startup: { readonly appliedMigrations: readonly string[]; readonly councilsLoaded: number; readonly interruptedRuns: number };
  /** Closes the database connection(s). */
  close(): Promise<void>;
}

export interface ServicesOptions {
  /** Where the store lives, instead of what the config says (tests: `{ sqlite: ':memory:' }`). */
  readonly location?: StoreLocation;
  /** Replacements for the importer's extractor, rule checker or clock (tests). */
  readonly importer?: Omit<ImportDependencies, 'db' | 'localAuthorities'>;
  /** How long the read model's snapshot lives, and its clock (tests). */
  readonly readModel?: ReadModelOptions;
}

export async function createServices(config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'databaseTimeoutMs' | 'reportsDir'>>, options: ServicesOptions = {}): Promise<Services> {
  const location = options.location ?? storeLocation(config);
  let store: StoreHandle;
  try {
    store = createDb(location, { timeoutMs: config.databaseTimeoutMs });
  } catch (error) {
    throw explainStoreError(error, location, config.databaseTimeoutMs ?? 0);
  }
  const localAuthorities = createLocalAuthorityService(store.db);
  const inspections = createInspectionService(store.db, localAuthorities);
  const imports = createImportService({ db: store.db, localAuthorities, ...options.importer });
  let startup: Services['startup'];
  try {
    await checkStoreIntegrity(store);
    // Under the store's set-up lock: two processes opening a new store at once take turns.
    startup = await withStartupLock(store, async () => {
      const appliedMigrations = await migrateToLatest(store.db, store.dialect, await migrationTableSchemaOf(store));
      const councilsLoaded = await ensureRegisterLoaded(store.db);
      return { appliedMigrations, councilsLoaded, interruptedRuns: await imports.markInterruptedRuns() };
    });
  } catch (error) {
    await store.db.destroy();
    throw explainStoreError(error, location, store.timeoutMs);
  }
  return {
    localAuthorities,
    inspections,
    stats: createStatsService(store.db, localAuthorities),
    imports,
    readModel: createReadModel({ localAuthorities, inspections }, { reportsDir: config.reportsDir, ...options.readModel }),
    store,
    startup,
    close: () => store.db.destroy(),
  };
}

export type { LocalAuthorityService, LocalAuthorityDetail } from './local-authority.service.ts';
export type { InspectionService, LatestInspectionRow, InspectionHistoryView } from './inspection.service.ts';
export type { StatsService } from './stats.service.ts';
export type { ImportService, ImportRunView, ImportSummary, ImportOptions, ImportFailure, ReportOutcome, Anomaly, ReportExtractor, ReportChecker } from './import.service.ts';
export type { LocalAuthorityView, InspectionView, InspectionDetailView } from './views.ts';
export type { GroupPosition, NationalDistribution, GradeQuery, HistoryEntry, GradeChange, Basis } from '../analytics/index.ts';
export type {
  AreaDistribution,
  ConsistencyFlag,
  CouncilHistoryEntry,
  CouncilStory,
  CouncilSummary,
  DeadlineView,
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
  ReadModel,
  Recommendation,
  RuleOrEstimate,
  StoreSummary,
} from './read-model.ts';
export { inspectionSummary, type ReadModelOptions } from './read-model.service.ts';
export { findReports, readReports, readReportSet, resolveCouncil, urnFromPath, type ReadOptions, type ReportSet } from './report-reading.ts';
/** What the edges use of the pure modules and the store, through the one door. */
export { BASES } from '../analytics/index.ts';
export { SQLITE_FILE } from '../store/index.ts';
export {
  backtest,
  councilOutlook,
  deadlinesAfterPriorityActionLetter,
  deadlinesAfterPublication,
  EMPIRICAL_WINDOW_PERCENTILES,
  PATHWAYS,
  type BacktestResult,
  type CouncilOutlook,
  type Deadline,
  type EmpiricalWindow,
  type Evidence,
} from '../rules/index.ts';
