/**
 * `csci import`: read every report under a folder and store it. Idempotent by the file's content
 * hash, one transaction per report, a changed reading of a stored report updates its facts.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import {
  FRAMEWORK_VERSIONS,
  JUDGEMENT_AREAS,
  frameworkOf,
  isExtractionFailure,
  isLetterKind,
  isVisitLetter,
  type ExtractionResult,
  type FrameworkVersion,
  type InspectionReport,
  type VisitLetter,
} from '../domain/index.ts';
import { frameworkVersionFor } from '../rules/framework-version.ts';
import { extractFiles, findReportFiles } from '../extract/index.ts';
import { checkJudgementConsistency } from '../rules/consistency.ts';
import {
  findInspectionByContentHash,
  findInspectionsByContentHashes,
  finishImportRun,
  insertInspection,
  listImportRunRows,
  listInspectionRows,
  listRunningImportRunRows,
  markImportRunsInterrupted,
  listJudgementRows,
  replaceInspectionFacts,
  setReaderFingerprint,
  startImportRun,
  touchImportRun,
  type Database,
  type ImportRunStatus,
  type InspectionFactsToStore,
  type PublishedSource,
} from '../store/index.ts';
import { matchPrintedName, type CouncilService } from './council.service.ts';
import { HEARTBEAT_MS, runEnded, runIsDead, runStarted, THIS_RUNNER } from './import-runs.ts';
import { readerFingerprint } from './reader-fingerprint.ts';
import { judgementsFrom, type CouncilView } from './views.ts';
import { publicationDate, readManifest, urnFromFolder, type Manifest } from './report-placement.ts';

/** Reads report files in input order (the real one is extract's worker pool). */
export type ReportExtractor = (
  files: readonly string[],
  options: { readonly workers?: number; readonly onProgress?: (done: number, total: number) => void },
) => AsyncIterable<ExtractionResult>;

/** An anomaly the framework rules flag in a report's grades; it never stops the import. */
export interface Anomaly {
  readonly file: string;
  readonly urn: string;
  readonly rule: string;
  readonly severity: 'warning' | 'note';
  readonly reason: string;
}

/** The framework rules' consistency checks (src/rules/consistency.ts), as the importer uses them. */
export type ReportChecker = (
  report: Pick<InspectionReport, 'version' | 'judgements'>,
) => readonly Omit<Anomaly, 'file' | 'urn'>[];

export const checkReportWithFrameworkRules: ReportChecker = (report) =>
  checkJudgementConsistency(report.version, report.judgements).map((finding) => ({
    rule: finding.rule,
    severity: finding.severity,
    reason: finding.reason,
  }));

export type ReportStatus = 'imported' | 'updated' | 'already-present' | 'failed';

export interface ReportOutcome {
  readonly file: string;
  readonly status: ReportStatus;
  readonly urn?: string;
  readonly inspectionId?: number;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface ImportFailure {
  readonly file: string;
  readonly code: string;
  readonly message: string;
}

export interface ImportSummary {
  readonly runId: number;
  readonly source: string;
  readonly files: number;
  readonly imported: number;
  readonly updated: number;
  readonly alreadyPresent: number;
  readonly failed: number;
  readonly failures: readonly ImportFailure[];
  readonly anomalies: readonly Anomaly[];
  readonly outcomes: readonly ReportOutcome[];
}

export interface ImportOptions {
  /** A CSV of `file,published` for files whose publication date is neither printed nor in the file name. */
  readonly manifest?: string;
  readonly workers?: number;
  /** Extraction progress: files read so far of all. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called once each report is stored, skipped or failed, in input order. */
  readonly onReport?: (outcome: ReportOutcome, index: number) => void | Promise<void>;
  /** Stops the run between reports (the run is then marked 'interrupted' and the promise rejects with the signal's reason). */
  readonly signal?: AbortSignal;
}

/** One import run, as `csci import --runs` lists it. */
export interface ImportRunView {
  readonly id: number;
  readonly source: string;
  readonly status: ImportRunStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly files: number;
  readonly imported: number;
  readonly updated: number;
  readonly alreadyPresent: number;
  readonly failed: number;
}

export interface ImportService {
  /** Imports every PDF found under the paths (files or folders). */
  importReports(paths: readonly string[], options?: ImportOptions): Promise<ImportSummary>;
  /** Marks the runs left 'running' by processes that died as 'interrupted'; returns how many. */
  markInterruptedRuns(): Promise<number>;
  /** Every import run, newest first (runs that died are marked first). */
  listRuns(): Promise<readonly ImportRunView[]>;
}

export interface ImportDependencies {
  readonly db: Kysely<Database>;
  readonly councils: CouncilService;
  readonly extract?: ReportExtractor;
  readonly checkReport?: ReportChecker;
  readonly now?: () => string;
  /** The reader code's fingerprint (reader-fingerprint.ts); reports stored under the same one are not read again. */
  readonly readerFingerprint?: () => string;
}

interface RunContext {
  readonly register: readonly CouncilView[];
  readonly manifest: Manifest | undefined;
  readonly fingerprint: string;
  readonly runId: number;
  readonly anomalies: Anomaly[];
}

function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The content hash of every file that can be read; the reader reports the others. */
async function hashFiles(files: readonly string[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of files) {
    const bytes = await readFile(file).catch(() => undefined);
    if (bytes) hashes.set(file, hashBytes(bytes));
  }
  return hashes;
}

class ReportRejected extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** The facts read from a report, placed under its council and date; the hashes are added when stored. */
export type ReportFacts = Omit<InspectionFactsToStore, 'inspection'> & {
  readonly inspection: Omit<InspectionFactsToStore['inspection'], 'content_hash' | 'facts_hash'>;
};

export function factsOf(
  report: InspectionReport,
  urn: string,
  published: string,
  publishedSource: PublishedSource,
): ReportFacts {
  return {
    inspection: {
      urn,
      file_path: resolve(report.file),
      framework: report.framework,
      version: report.version,
      kind: report.kind,
      local_authority_as_printed: report.localAuthority,
      inspection_start: report.inspectionStart,
      inspection_end: report.inspectionEnd,
      published,
      published_source: publishedSource,
      lead_inspector: report.leadInspector,
    },
    judgements: JUDGEMENT_AREAS.flatMap((area) =>
      report.judgements[area] ? [{ area, grade: report.judgements[area] }] : [],
    ),
    recommendations: [
      ...report.recommendations.map((text) => ({ list: 'la' as const, text })),
      ...report.lscbRecommendations.map((text) => ({ list: 'lscb' as const, text })),
    ],
    warnings: report.warnings.map((warning) => ({ code: warning.code, message: warning.message })),
  };
}

/** The framework in force when a letter's visit began (SIF for visits before ILACS, and before SIF too). */
function letterVersion(visitStart: string): FrameworkVersion {
  try {
    return frameworkVersionFor(visitStart);
  } catch {
    return 'SIF';
  }
}

/**
 * A letter after an ungraded visit, stored as an inspection of its kind with no judgements: its
 * improvements as the council's recommendations, its areas for priority action in the list `priority`.
 */
export function letterFactsOf(
  letter: VisitLetter,
  urn: string,
  published: string,
  publishedSource: PublishedSource,
): ReportFacts {
  const version = letterVersion(letter.visitStart);
  return {
    inspection: {
      urn,
      file_path: resolve(letter.file),
      framework: frameworkOf(version),
      version,
      kind: letter.kind,
      local_authority_as_printed: letter.localAuthority,
      inspection_start: letter.visitStart,
      inspection_end: letter.visitEnd,
      published,
      published_source: publishedSource,
      lead_inspector: letter.leadInspector,
    },
    judgements: [],
    recommendations: [
      ...letter.recommendations.map((text) => ({ list: 'la' as const, text })),
      ...letter.priorityActions.map((text) => ({ list: 'priority' as const, text })),
    ],
    letter: {
      letter_date: letter.letterDate,
      focus: letter.focus,
      theme: letter.theme,
      covid_context: letter.covidContext ? 1 : 0,
      inspectors: JSON.stringify(letter.inspectors),
    },
    // In report_warning, as a report's are.
    warnings: letter.warnings.map((warning) => ({ code: warning.code, message: warning.message })),
  };
}

/** A hash of the facts whose change means a different reading: everything but where the file lies (warnings included). */
function hashFacts(facts: ReportFacts): string {
  const { file_path: _path, ...inspection } = facts.inspection;
  return createHash('sha256')
    .update(
      JSON.stringify({
        inspection,
        judgements: facts.judgements,
        recommendations: facts.recommendations,
        warnings: facts.warnings ?? [],
        letter: facts.letter,
      }),
    )
    .digest('hex');
}

const defaultExtractor: ReportExtractor = (files, options) => extractFiles(files, options);

export function createImportService(dependencies: ImportDependencies): ImportService {
  const { db, councils } = dependencies;
  const extract = dependencies.extract ?? defaultExtractor;
  const checkReport = dependencies.checkReport ?? checkReportWithFrameworkRules;
  const now = dependencies.now ?? (() => new Date().toISOString());
  const fingerprintOfReader = dependencies.readerFingerprint ?? readerFingerprint;

  const placeReport = (
    report: Pick<InspectionReport, 'file' | 'localAuthority' | 'published'>,
    register: readonly CouncilView[],
    manifest: Manifest | undefined,
  ): { urn: string; published: string; source: PublishedSource } => {
    const folderUrn = urnFromFolder(report.file);
    const urn =
      register.find((authority) => authority.urn === folderUrn)?.urn ??
      matchPrintedName(register, report.localAuthority)?.urn;
    if (urn === undefined) {
      const folderNote =
        folderUrn === undefined
          ? 'its folder name does not start with a URN'
          : `the URN ${folderUrn} of its folder is not in the register`;
      throw new ReportRejected(
        'unknown-local-authority',
        `Cannot tell which council this report is about: ${folderNote}, and the printed name "${report.localAuthority}" matches no council in the register.`,
      );
    }
    const date = publicationDate(report, report.file, manifest);
    if (!date)
      throw new ReportRejected(
        'no-publication-date',
        'The report prints no publication date, its file name holds no YYYY-MM-DD date, and no manifest gives one (use --manifest FILE with columns file,published).',
      );
    return { urn, published: date.published, source: date.source };
  };

  /**
   * Files already stored (same bytes) and read by the same reader code need no reading: they are
   * already present, and their anomalies come from the stored grades.
   */
  const storedUnderSameReader = async (
    hashes: ReadonlyMap<string, string>,
    context: RunContext,
  ): Promise<Map<string, ReportOutcome>> => {
    const stored = await findInspectionsByContentHashes(db, [...new Set(hashes.values())]);
    const current = new Map(
      stored
        .filter((row) => row.reader_fingerprint === context.fingerprint)
        .map((row) => [row.content_hash, Number(row.id)]),
    );
    const known = new Map<string, ReportOutcome>();
    if (current.size === 0) return known;
    const [rows, judgements] = await Promise.all([listInspectionRows(db), listJudgementRows(db)]);
    const rowById = new Map(rows.map((row) => [Number(row.id), row]));
    const judgementsById = Map.groupBy(judgements, (judgement) => Number(judgement.inspection_id));
    for (const [file, hash] of hashes) {
      const id = current.get(hash);
      const row = id === undefined ? undefined : rowById.get(id);
      if (id === undefined || row === undefined) continue;
      known.set(file, { file, status: 'already-present', urn: row.urn, inspectionId: id });
      if (isLetterKind(row.kind)) continue;
      const version = FRAMEWORK_VERSIONS.find((candidate) => candidate === row.version);
      if (version)
        for (const finding of checkReport({ version, judgements: judgementsFrom(judgementsById.get(id) ?? []) }))
          context.anomalies.push({ file, urn: row.urn, ...finding });
    }
    return known;
  };

  /** Places, hashes and stores one report in its own transaction; never throws. */
  const storeReport = async (
    report: InspectionReport | VisitLetter,
    context: RunContext,
    contentHashOfFile: string | undefined,
  ): Promise<ReportOutcome> => {
    const file = report.file;
    const { anomalies, fingerprint, runId } = context;
    try {
      const place = placeReport(report, context.register, context.manifest);
      const facts = isVisitLetter(report)
        ? letterFactsOf(report, place.urn, place.published, place.source)
        : factsOf(report, place.urn, place.published, place.source);
      const contentHash = contentHashOfFile ?? hashBytes(await readFile(file));
      const factsHash = hashFacts(facts);
      const toStore = {
        ...facts,
        inspection: {
          ...facts.inspection,
          content_hash: contentHash,
          facts_hash: factsHash,
          reader_fingerprint: fingerprint,
        },
      };
      const stored = await findInspectionByContentHash(db, contentHash);
      let outcome: ReportOutcome;
      if (!stored) {
        outcome = {
          file,
          status: 'imported',
          urn: place.urn,
          inspectionId: await insertInspection(db, toStore, runId, now()),
        };
      } else if (stored.facts_hash !== factsHash) {
        await replaceInspectionFacts(db, stored.id, toStore, runId, now());
        outcome = { file, status: 'updated', urn: place.urn, inspectionId: Number(stored.id) };
      } else {
        await setReaderFingerprint(db, stored.id, fingerprint);
        outcome = { file, status: 'already-present', urn: place.urn, inspectionId: Number(stored.id) };
      }
      if (!isVisitLetter(report))
        for (const finding of checkReport(report)) anomalies.push({ file, urn: place.urn, ...finding });
      return outcome;
    } catch (error) {
      const code = error instanceof ReportRejected ? error.code : 'store-failed';
      return { file, status: 'failed', error: { code, message: (error as Error).message } };
    }
  };

  const markInterruptedRuns = async (): Promise<number> => {
    const clock = Date.parse(now());
    const dead = (await listRunningImportRunRows(db)).filter((run) =>
      runIsDead(run, Number.isFinite(clock) ? clock : Date.now()),
    );
    await markImportRunsInterrupted(db, dead);
    return dead.length;
  };

  return {
    markInterruptedRuns,
    async listRuns() {
      await markInterruptedRuns();
      return (await listImportRunRows(db)).map((row) => ({
        id: Number(row.id),
        source: row.source,
        status: row.status,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
        files: row.files,
        imported: row.imported,
        updated: row.updated,
        alreadyPresent: row.already_present,
        failed: row.failed,
      }));
    },
    async importReports(paths, options = {}) {
      const manifest = options.manifest === undefined ? undefined : await readManifest(options.manifest);
      const files = await findReportFiles(paths);
      const source = paths.map((path) => resolve(path)).join(', ');
      await markInterruptedRuns();
      const runId = await startImportRun(db, source, files.length, now(), THIS_RUNNER);
      runStarted(runId);
      const heartbeat = setInterval(() => void touchImportRun(db, runId, now()).catch(() => {}), HEARTBEAT_MS);
      heartbeat.unref();
      try {
        return await runImport(runId, files, source, manifest, options);
      } catch (error) {
        await markImportRunsInterrupted(db, [{ id: runId, heartbeat_at: now(), started_at: now() }]).catch(() => {});
        throw error;
      } finally {
        clearInterval(heartbeat);
        runEnded(runId);
      }
    },
  };

  async function runImport(
    runId: number,
    files: readonly string[],
    source: string,
    manifest: Manifest | undefined,
    options: ImportOptions,
  ): Promise<ImportSummary> {
    const context: RunContext = {
      register: await councils.list({ includeInactive: true }),
      manifest,
      fingerprint: fingerprintOfReader(),
      runId,
      anomalies: [],
    };
    const hashes = await hashFiles(files);
    const known = await storedUnderSameReader(hashes, context);
    const toRead = files.filter((file) => !known.has(file));
    options.onProgress?.(known.size, files.length);
    const outcomes: ReportOutcome[] = [];
    const reading = extract(toRead, {
      workers: options.workers,
      onProgress: (done) => options.onProgress?.(known.size + done, files.length),
    })[Symbol.asyncIterator]();
    try {
      for (const [index, file] of files.entries()) {
        options.signal?.throwIfAborted();
        let outcome = known.get(file);
        if (outcome === undefined) {
          const next = await reading.next();
          if (next.done) throw new Error(`The reader gave no result for ${file}.`);
          const result = next.value;
          outcome = isExtractionFailure(result)
            ? { file: result.file, status: 'failed', error: result.error }
            : await storeReport(result, context, hashes.get(file));
        }
        outcomes.push(outcome);
        await options.onReport?.(outcome, index);
      }
    } finally {
      await reading.return?.();
    }
    const { anomalies } = context;
    const count = (status: ReportStatus): number => outcomes.filter((outcome) => outcome.status === status).length;
    const failures = outcomes.flatMap((outcome) =>
      outcome.error ? [{ file: outcome.file, code: outcome.error.code, message: outcome.error.message }] : [],
    );
    const summary = {
      runId,
      source,
      files: files.length,
      imported: count('imported'),
      updated: count('updated'),
      alreadyPresent: count('already-present'),
      failed: count('failed'),
      failures,
      anomalies,
      outcomes,
    };
    await finishImportRun(db, runId, summary, now());
    return summary;
  }
}
