/**
 * `csci sync`: finds Ofsted's new children's services publications and imports them. Reads the
 * search listing (or the councils asked for), each council's provider page (conditional requests,
 * else a hash of its publication list), downloads what it does not hold, imports it through the
 * import service (one transaction per report), keeps each one's Ofsted address, checks for the
 * silent failures a scraper meets, records the run, and alerts subscribers. One sync at a time.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import {
  finishSyncRun,
  findProviderPage,
  findPublications,
  listJudgementRows,
  listPublicationRows,
  listSyncRunRows,
  markInterruptedSyncRuns,
  saveProviderPage,
  savePublication,
  setInspectionOfstedUrl,
  startSyncRun,
  type Database,
  type PublicationStatus,
  type StoreHandle,
  type SyncPublicationRow,
} from '../store/index.ts';
import {
  classifyKindLabel,
  parseListingPage,
  parseProviderPage,
  publicationListHash,
  type LayoutWarning,
  type ListedCouncil,
  type ListedPublication,
} from '../sync/ofsted-pages.ts';
import {
  createPoliteClient,
  FetchFailure,
  type PoliteClient,
  type PoliteClientOptions,
} from '../sync/polite-client.ts';
import type { AlertOutcome, AlertService, PublishedItem } from './alert.service.ts';
import type { ImportService } from './import.service.ts';
import type { CouncilService } from './council.service.ts';
import { readerFingerprint } from './reader-fingerprint.ts';
import { withSyncLock } from './sync-lock.ts';
import { judgementsFrom, type CouncilView } from './views.ts';

export const LISTING_ROWS = 100;
const LISTING_PATH = '/search?level_1_types=3&level_2_types%5B%5D=12';
const MAX_LISTING_PAGES = 30;
/** A publication that failed in this many syncs is not fetched again (its record says why). */
const MAX_ATTEMPTS_PER_FILE = 5;

export interface SyncSettings {
  readonly reportsUrl: string;
  readonly filesUrl: string;
  readonly contact: string | undefined;
  readonly delayMs: number;
}

export interface SyncWarning {
  readonly code: string;
  readonly message: string;
}

export interface SyncFailure {
  readonly urn: string;
  readonly fileId?: string;
  readonly url: string;
  readonly code: string;
  readonly message: string;
}

export interface SyncedPublication {
  readonly fileId: string;
  readonly urn: string;
  readonly kindLabel: string;
  readonly listedOn: string | null;
  readonly url: string;
  readonly inspectionId?: number;
  readonly reason?: string;
}

export interface SyncSummary {
  readonly runId: number;
  readonly dryRun: boolean;
  /** 'failed' when the sync could not finish (the listing unreadable, too many failures in a row). */
  readonly status: 'finished' | 'failed';
  readonly message: string | null;
  readonly councils: number;
  readonly pagesUnchanged: number;
  readonly requests: number;
  readonly downloads: number;
  readonly imported: readonly SyncedPublication[];
  /** Publications already held (seen before, or the same file stored by an import). */
  readonly alreadyHeld: number;
  readonly notOurs: readonly SyncedPublication[];
  readonly notReadYet: readonly SyncedPublication[];
  /** In a dry run: what a sync would download. */
  readonly wouldDownload: readonly SyncedPublication[];
  readonly failed: readonly SyncFailure[];
  readonly warnings: readonly SyncWarning[];
  readonly alerts: readonly AlertOutcome[];
}

export interface SyncRunView {
  readonly id: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: string;
  readonly dryRun: boolean;
  readonly councils: number;
  readonly pagesUnchanged: number;
  readonly requests: number;
  readonly downloads: number;
  readonly imported: number;
  readonly alreadyHeld: number;
  readonly notOurs: number;
  readonly notReadYet: number;
  readonly failed: number;
  readonly alertsSent: number;
  readonly warnings: readonly SyncWarning[];
  readonly failures: readonly SyncFailure[];
  readonly message: string | null;
}

export interface SyncOptions {
  /** Only these councils (URNs), without reading the listing. */
  readonly councils?: readonly string[];
  /** Read the pages and say what would be downloaded; download and store nothing. */
  readonly dryRun?: boolean;
  /** One line per step, for a terminal. */
  readonly onProgress?: (line: string) => void;
  /** Stops the sync between two councils (the web server's shutdown). */
  readonly signal?: AbortSignal;
}

export interface SyncService {
  run(options?: SyncOptions): Promise<SyncSummary>;
  /** The last runs, newest first. */
  status(limit?: number): Promise<SyncRunView[]>;
}

/** Replacements for tests: the client's waiting and timeouts, thresholds. */
export interface SyncOverrides {
  readonly client?: Pick<PoliteClientOptions, 'sleep' | 'random' | 'timeoutMs' | 'maxAttempts' | 'maxRetryAfterMs'>;
  /** Stop after this many failed requests in a row (default 5). */
  readonly maxConsecutiveFailures?: number;
  readonly now?: () => string;
  /** The reader's fingerprint (reader-fingerprint.ts): a change reads kept letters again. */
  readonly readerFingerprint?: () => string;
}

export interface SyncDependencies extends SyncOverrides {
  readonly store: StoreHandle;
  readonly imports: ImportService;
  readonly councils: CouncilService;
  readonly alerts: AlertService;
  readonly settings: SyncSettings;
  /** Where downloaded PDFs are kept (`<dataDir>/reports/<urn>-<slug>/<date>-<fileId>.pdf`) and the SQLite lock file lies. */
  readonly dataDir: string;
}

/** Fewer councils listed than this share of the register's active councils is a warning. */
const SHORT_LISTING_SHARE = 0.9;
/** More files that cannot be read than this share of those downloaded is a warning. */
const UNREADABLE_SHARE = 0.2;

export const SYNC_USER_AGENT_PRODUCT = 'csc-inspections-sync/0.1';

export function userAgent(contact: string | undefined): string {
  return `${SYNC_USER_AGENT_PRODUCT} (children's services inspection data; ${contact ? `contact: ${contact}` : 'no contact configured: set CSCI_SYNC_CONTACT'})`;
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'council'
  );
}

function toRunView(row: Awaited<ReturnType<typeof listSyncRunRows>>[number]): SyncRunView {
  return {
    id: Number(row.id),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status,
    dryRun: Number(row.dry_run) === 1,
    councils: Number(row.councils),
    pagesUnchanged: Number(row.pages_unchanged),
    requests: Number(row.requests),
    downloads: Number(row.downloads),
    imported: Number(row.imported),
    alreadyHeld: Number(row.already_held),
    notOurs: Number(row.not_ours),
    notReadYet: Number(row.not_read_yet),
    failed: Number(row.failed),
    alertsSent: Number(row.alerts_sent),
    warnings: JSON.parse(row.warnings) as SyncWarning[],
    failures: JSON.parse(row.failures) as SyncFailure[],
    message: row.message,
  };
}

/** Removes the temporary files of downloads a killed sync left behind; returns how many. */
async function removeBrokenDownloads(reportsDir: string): Promise<number> {
  const names = await readdir(reportsDir, { recursive: true }).catch(() => [] as string[]);
  const broken = names.filter((name) => /\.pdf\.part-\d+-[0-9a-f]+$/.test(name));
  for (const name of broken) await rm(join(reportsDir, name), { force: true });
  return broken.length;
}

/** The sync stops: too many failures in a row. */
class SyncAborted extends Error {}

export function createSyncService(dependencies: SyncDependencies): SyncService {
  const { store, imports, councils, alerts, settings, dataDir } = dependencies;
  const db: Kysely<Database> = store.db;
  const now = dependencies.now ?? (() => new Date().toISOString());
  const maxConsecutiveFailures = dependencies.maxConsecutiveFailures ?? 5;

  const runLocked = async (options: SyncOptions): Promise<SyncSummary> => {
    const dryRun = options.dryRun === true;
    const say = options.onProgress ?? (() => {});
    await markInterruptedSyncRuns(db, now());
    const leftovers = await removeBrokenDownloads(join(dataDir, 'reports'));
    if (leftovers > 0) say(`removed ${leftovers} partial downloads left by an interrupted sync`);
    const runId = await startSyncRun(db, dryRun, now());
    const client: PoliteClient = createPoliteClient({
      userAgent: userAgent(settings.contact),
      delayMs: settings.delayMs,
      ...dependencies.client,
    });
    const warnings: SyncWarning[] = [];
    const failed: SyncFailure[] = [];
    const imported: SyncedPublication[] = [];
    const notOurs: SyncedPublication[] = [];
    const notReadYet: SyncedPublication[] = [];
    const wouldDownload: SyncedPublication[] = [];
    let alreadyHeld = 0;
    let councilsChecked = 0;
    let pagesUnchanged = 0;
    let downloads = 0;
    let unreadable = 0;
    let consecutiveFailures = 0;
    let status: SyncSummary['status'] = 'finished';
    let message: string | null = null;
    let alertOutcomes: AlertOutcome[] = [];
    const warn = (warning: LayoutWarning | SyncWarning): void => {
      warnings.push({ code: warning.code, message: warning.message });
      say(`warning: ${warning.message}`);
    };
    const fail = (failure: SyncFailure, countsAsRequestFailure: boolean): void => {
      failed.push(failure);
      say(`failed: ${failure.url}: ${failure.message}`);
      if (countsAsRequestFailure) {
        consecutiveFailures += 1;
        if (consecutiveFailures >= maxConsecutiveFailures)
          throw new SyncAborted(
            `Stopped after ${consecutiveFailures} failed requests in a row (the last: ${failure.message}).`,
          );
      }
    };
    const succeeded = (): void => {
      consecutiveFailures = 0;
    };

    const register = await councils.list({ includeInactive: true });
    const byUrn = new Map(register.map((authority) => [authority.urn, authority]));

    /** Reads every listing page; the councils to visit, with the listing's checks as warnings. */
    const readListing = async (): Promise<ListedCouncil[]> => {
      const councils = new Map<string, ListedCouncil>();
      let url: string | undefined = `${settings.reportsUrl}${LISTING_PATH}&start=0&rows=${LISTING_ROWS}`;
      const seen = new Set<string>();
      const pageRows: number[] = [];
      while (url !== undefined) {
        if (seen.has(url) || seen.size >= MAX_LISTING_PAGES) {
          warn({
            code: 'listing-pagination-loop',
            message: `The listing's pages did not end after ${seen.size} pages (${url}); stopped following them.`,
          });
          break;
        }
        seen.add(url);
        say(`listing: ${url}`);
        const page = parseListingPage((await client.getPage(url)).body, url);
        succeeded();
        page.warnings.forEach(warn);
        pageRows.push(page.rows);
        for (const council of page.councils) councils.set(council.urn, council);
        url = page.nextUrl;
      }
      const layoutChanged = warnings.some((warning) => warning.code === 'listing-layout-changed');
      const capped = layoutChanged ? [] : pageRows.slice(0, -1).filter((rows) => rows !== LISTING_ROWS);
      if (capped.length > 0)
        warn({
          code: 'listing-row-cap-changed',
          message: `The listing showed ${capped[0]} rows on a page that was not the last, not the ${LISTING_ROWS} asked for: the site's row cap has changed (every page was still followed).`,
        });
      if (pageRows.length > 0 && pageRows.at(-1) === LISTING_ROWS)
        warn({
          code: 'listing-last-page-full',
          message: `The listing's last page is full (${LISTING_ROWS} rows) and links no next page: results may have been cut off.`,
        });
      const active = register.filter((authority) => authority.active).length;
      if (councils.size < active * SHORT_LISTING_SHARE)
        warn({
          code: 'listing-short',
          message: `The listing gave ${councils.size} councils; the register has ${active} active ones.`,
        });
      const known: ListedCouncil[] = [];
      for (const council of councils.values()) {
        if (byUrn.has(council.urn)) known.push(council);
        else
          warn({
            code: 'council-not-in-register',
            message: `The listing has "${council.name}" (URN ${council.urn}), which is not in the register: a new or renamed council? Its publications are not synced until the register knows it.`,
          });
      }
      return known;
    };

    const providerUrl = (urn: string): string => `${settings.reportsUrl}/provider/44/${urn}`;

    const fingerprint = (dependencies.readerFingerprint ?? readerFingerprint)();

    /** Imports PDFs kept in the data dir and records what became of each publication. */
    const importKept = async (
      authority: CouncilView,
      downloaded: readonly { publication: ListedPublication; file: string }[],
      previous: ReadonlyMap<string, SyncPublicationRow>,
    ): Promise<void> => {
      const record = recorder(authority, previous);
      if (downloaded.length === 0) return;
      const summary = await imports.importReports(downloaded.map((entry) => entry.file));
      const outcomes = new Map(summary.outcomes.map((outcome) => [outcome.file, outcome]));
      for (const { publication, file } of downloaded) {
        const outcome = outcomes.get(file);
        const item: SyncedPublication = {
          fileId: publication.fileId,
          urn: authority.urn,
          kindLabel: publication.kindLabel,
          listedOn: publication.listedOn,
          url: publication.url,
        };
        if (outcome && outcome.status !== 'failed') {
          if (outcome.inspectionId !== undefined)
            await setInspectionOfstedUrl(db, outcome.inspectionId, publication.url);
          const held = outcome.status === 'already-present' && previous.get(publication.fileId) === undefined;
          await record(publication, held ? 'already-held' : 'imported', {
            inspectionId: outcome.inspectionId ?? null,
            file,
          });
          if (held) alreadyHeld += 1;
          else
            imported.push({
              ...item,
              ...(outcome.inspectionId !== undefined ? { inspectionId: outcome.inspectionId } : {}),
            });
        } else if (outcome?.error?.code === 'unsupported-report') {
          await record(publication, 'not-read-yet', { reason: outcome.error.message, file });
          notReadYet.push({ ...item, reason: `not read yet: ${outcome.error.message}` });
        } else {
          unreadable += 1;
          const reason = outcome?.error
            ? `${outcome.error.code}: ${outcome.error.message}`
            : 'the importer gave no outcome';
          await rm(file, { force: true });
          await record(publication, 'failed', { reason });
          fail(
            {
              urn: authority.urn,
              fileId: publication.fileId,
              url: publication.url,
              code: outcome?.error?.code ?? 'import-failed',
              message: reason,
            },
            false,
          );
        }
      }
    };

    /** Letters kept as "not read yet" are read again once the reader's code has changed. */
    const rereadKept = async (urns: ReadonlySet<string>): Promise<void> => {
      const waiting = (await listPublicationRows(db, { status: 'not-read-yet', urns: [...urns] })).filter(
        (row) => row.reader_fingerprint !== fingerprint && row.file_path !== null,
      );
      for (const [urn, rows] of Map.groupBy(waiting, (row) => row.urn)) {
        const authority = byUrn.get(urn);
        const present = [];
        for (const row of rows)
          if (
            await stat(row.file_path!).then(
              (info) => info.isFile(),
              () => false,
            )
          )
            present.push(row);
        if (!authority || present.length === 0) continue;
        say(
          `reading again ${present.length} letters of ${authority.name} kept as not read yet (the reader has changed)`,
        );
        const previous = new Map(present.map((row) => [row.file_id, row]));
        await importKept(
          authority,
          present.map((row) => ({
            publication: {
              fileId: row.file_id,
              url: row.ofsted_url,
              kindLabel: row.kind_label,
              listedOn: row.listed_on,
            },
            file: row.file_path!,
          })),
          previous,
        );
      }
    };

    function recorder(authority: CouncilView, previous: ReadonlyMap<string, SyncPublicationRow>) {
      return async (
        publication: ListedPublication,
        publicationStatus: PublicationStatus,
        extra: { reason?: string | null; inspectionId?: number | null; file?: string | null } = {},
      ): Promise<void> => {
        const before = previous.get(publication.fileId);
        await savePublication(db, {
          file_id: publication.fileId,
          urn: authority.urn,
          kind_label: publication.kindLabel,
          listed_on: publication.listedOn,
          ofsted_url: publication.url,
          status: publicationStatus,
          reason: extra.reason ?? null,
          attempts: (before?.attempts ?? 0) + (publicationStatus === 'not-ours' ? 0 : 1),
          inspection_id: extra.inspectionId ?? null,
          file_path: extra.file ?? null,
          reader_fingerprint: fingerprint,
          sync_run_id: runId,
          first_seen_at: before?.first_seen_at ?? now(),
          updated_at: now(),
        });
      };
    }

    /** Downloads, imports and records the new publications of one council. */
    const bringIn = async (
      authority: CouncilView,
      candidates: readonly ListedPublication[],
      previous: ReadonlyMap<string, SyncPublicationRow>,
    ): Promise<void> => {
      const folder = join(dataDir, 'reports', `${authority.urn}-${slug(authority.name)}`);
      const downloaded: { publication: ListedPublication; file: string }[] = [];
      const record = recorder(authority, previous);
      for (const publication of candidates) {
        const item: SyncedPublication = {
          fileId: publication.fileId,
          urn: authority.urn,
          kindLabel: publication.kindLabel,
          listedOn: publication.listedOn,
          url: publication.url,
        };
        if (dryRun) {
          wouldDownload.push(item);
          continue;
        }
        await mkdir(folder, { recursive: true });
        const file = join(folder, `${publication.listedOn ?? 'undated'}-${publication.fileId}.pdf`);
        const kept = await stat(file).then(
          (info) => info.isFile(),
          () => false,
        );
        if (!kept) {
          try {
            say(`download: ${publication.url}`);
            await client.downloadPdf(publication.url, file);
            downloads += 1;
            succeeded();
          } catch (error) {
            if (!(error instanceof FetchFailure)) throw error;
            if (error.code === 'withdrawn') {
              await record(publication, 'withdrawn', { reason: error.message });
              fail(
                {
                  urn: authority.urn,
                  fileId: publication.fileId,
                  url: publication.url,
                  code: 'withdrawn',
                  message: error.message,
                },
                false,
              );
            } else {
              await record(publication, 'failed', { reason: `${error.code}: ${error.message}` });
              fail(
                {
                  urn: authority.urn,
                  fileId: publication.fileId,
                  url: publication.url,
                  code: error.code,
                  message: error.message,
                },
                true,
              );
            }
            continue;
          }
        }
        downloaded.push({ publication, file });
      }
      await importKept(authority, downloaded, previous);
    };

    /** One council: its provider page (skipped when unchanged), then what is new on it or failed before. */
    const syncCouncil = async (authority: CouncilView, url: string): Promise<void> => {
      councilsChecked += 1;
      const cached = await findProviderPage(db, authority.urn);
      let page;
      try {
        page = await client.getPage(url, { etag: cached?.etag, lastModified: cached?.last_modified });
        succeeded();
      } catch (error) {
        if (!(error instanceof FetchFailure)) throw error;
        fail({ urn: authority.urn, url, code: error.code, message: error.message }, true);
        return;
      }
      const retry = (await listPublicationRows(db, { status: 'failed', urns: [authority.urn] }))
        .filter((row) => Number(row.attempts) < MAX_ATTEMPTS_PER_FILE)
        .map((row) => ({
          fileId: row.file_id,
          url: row.ofsted_url,
          kindLabel: row.kind_label,
          listedOn: row.listed_on,
        }));
      const saveCache = async (hash: string | null): Promise<void> => {
        if (dryRun) return;
        const changed = hash !== cached?.publications_hash;
        await saveProviderPage(db, {
          urn: authority.urn,
          url,
          etag: page.etag ?? null,
          last_modified: page.lastModified ?? null,
          publications_hash: hash,
          checked_at: now(),
          changed_at: changed || !cached ? now() : cached.changed_at,
        });
      };
      if (page.notModified) {
        pagesUnchanged += 1;
        await bringIn(
          authority,
          retry,
          new Map(
            (
              await findPublications(
                db,
                retry.map((row) => row.fileId),
              )
            ).map((row) => [row.file_id, row]),
          ),
        );
        await saveCache(cached?.publications_hash ?? null);
        return;
      }
      const parsed = parseProviderPage(page.body, url);
      parsed.warnings.forEach(warn);
      if (parsed.publications.length === 0 && parsed.warnings.length === 0)
        warn({
          code: 'provider-page-empty',
          message: `The provider page of ${authority.name} (${url}) lists no publications.`,
        });
      const hash = parsed.publications.length > 0 ? publicationListHash(parsed.publications) : null;
      if (hash !== null && hash === cached?.publications_hash) {
        pagesUnchanged += 1;
        await bringIn(
          authority,
          retry,
          new Map(
            (
              await findPublications(
                db,
                retry.map((row) => row.fileId),
              )
            ).map((row) => [row.file_id, row]),
          ),
        );
        await saveCache(hash);
        return;
      }
      const previous = new Map(
        (
          await findPublications(
            db,
            parsed.publications.map((publication) => publication.fileId),
          )
        ).map((row) => [row.file_id, row]),
      );
      const candidates: ListedPublication[] = [];
      for (const publication of parsed.publications) {
        const before = previous.get(publication.fileId);
        if (before && before.status !== 'failed') {
          if (before.status !== 'not-ours') alreadyHeld += 1;
          continue;
        }
        if (before && Number(before.attempts) >= MAX_ATTEMPTS_PER_FILE) continue;
        const kind = classifyKindLabel(publication.kindLabel);
        if (kind === 'not-ours') {
          if (!dryRun && !before) {
            await savePublication(db, {
              file_id: publication.fileId,
              urn: authority.urn,
              kind_label: publication.kindLabel,
              listed_on: publication.listedOn,
              ofsted_url: publication.url,
              status: 'not-ours',
              reason: 'the listing names a kind this project does not cover',
              inspection_id: null,
              file_path: null,
              reader_fingerprint: null,
              sync_run_id: runId,
              first_seen_at: now(),
              updated_at: now(),
            });
          }
          notOurs.push({
            fileId: publication.fileId,
            urn: authority.urn,
            kindLabel: publication.kindLabel,
            listedOn: publication.listedOn,
            url: publication.url,
          });
          continue;
        }
        if (kind === 'unknown')
          warn({
            code: 'unknown-kind',
            message: `${authority.name}: file ${publication.fileId} is listed as "${publication.kindLabel}", a kind not seen before; it is downloaded and its own title decides what it is.`,
          });
        candidates.push(publication);
      }
      for (const pending of retry)
        if (
          !candidates.some((candidate) => candidate.fileId === pending.fileId) &&
          !parsed.publications.some((publication) => publication.fileId === pending.fileId)
        )
          candidates.push(pending);
      await bringIn(authority, candidates, previous);
      await saveCache(hash);
    };

    try {
      let targets: { authority: CouncilView; url: string }[];
      if (options.councils && options.councils.length > 0) {
        targets = [];
        for (const reference of options.councils) {
          const authority = await councils.resolve(reference);
          targets.push({ authority, url: providerUrl(authority.urn) });
        }
      } else {
        try {
          targets = (await readListing()).map((council) => ({ authority: byUrn.get(council.urn)!, url: council.url }));
        } catch (error) {
          if (!(error instanceof FetchFailure)) throw error;
          throw new SyncAborted(`The listing of councils could not be read: ${error.message}`);
        }
      }
      for (const { authority, url } of targets) {
        if (options.signal?.aborted)
          throw new SyncAborted('Stopped before the end: asked to stop (the server is shutting down).');
        await syncCouncil(authority, url);
      }
      if (!dryRun) await rereadKept(new Set(targets.map((target) => target.authority.urn)));
      if (downloads >= 3 && unreadable / downloads > UNREADABLE_SHARE) {
        warn({
          code: 'many-unreadable',
          message: `${unreadable} of ${downloads} downloaded files could not be read (more than ${UNREADABLE_SHARE * 100}%): the files or the reader may have changed.`,
        });
      }
    } catch (error) {
      if (!(error instanceof SyncAborted)) {
        await finishSyncRun(
          db,
          runId,
          {
            status: 'failed',
            councils: councilsChecked,
            pagesUnchanged,
            requests: client.requests,
            downloads,
            imported: imported.length,
            alreadyHeld,
            notOurs: notOurs.length,
            notReadYet: notReadYet.length,
            failed: failed.length,
            alertsSent: 0,
            warnings,
            failures: failed,
            message: `The sync crashed: ${(error as Error).message}`,
          },
          now(),
        );
        await client.close();
        throw error;
      }
      status = 'failed';
      message = error.message;
      say(`stopped: ${message}`);
    }
    await client.close();
    if (!dryRun && imported.length > 0) {
      const judgements = Map.groupBy(await listJudgementRows(db), (row) => Number(row.inspection_id));
      const items: PublishedItem[] = imported.map((publication) => ({
        fileId: publication.fileId,
        urn: publication.urn,
        councilName: byUrn.get(publication.urn)?.name ?? publication.urn,
        kindLabel: publication.kindLabel,
        listedOn: publication.listedOn,
        ofstedUrl: publication.url,
        inspectionId: publication.inspectionId ?? null,
        judgements: judgementsFrom(judgements.get(publication.inspectionId ?? -1) ?? []),
      }));
      alertOutcomes = await alerts.notify(items);
      for (const outcome of alertOutcomes)
        if (outcome.status === 'failed')
          warn({
            code: 'alert-failed',
            message: `An alert (${outcome.channel}) for file ${outcome.fileId} to subscription ${outcome.subscriptionId} failed: ${outcome.error}`,
          });
    }
    const summary: SyncSummary = {
      runId,
      dryRun,
      status,
      message,
      councils: councilsChecked,
      pagesUnchanged,
      requests: client.requests,
      downloads,
      imported,
      alreadyHeld,
      notOurs,
      notReadYet,
      wouldDownload,
      failed,
      warnings,
      alerts: alertOutcomes,
    };
    await finishSyncRun(
      db,
      runId,
      {
        status,
        councils: councilsChecked,
        pagesUnchanged,
        requests: client.requests,
        downloads,
        imported: imported.length,
        alreadyHeld,
        notOurs: notOurs.length,
        notReadYet: notReadYet.length,
        failed: failed.length,
        alertsSent: alertOutcomes.filter((outcome) => outcome.status === 'sent').length,
        warnings,
        failures: failed,
        message,
      },
      now(),
    );
    return summary;
  };

  return {
    async run(options = {}) {
      await mkdir(dataDir, { recursive: true });
      return withSyncLock(store, dataDir, () => runLocked(options));
    },
    async status(limit = 10) {
      return (await listSyncRunRows(db, limit)).map(toRunView);
    },
  };
}
