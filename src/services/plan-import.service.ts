/**
 * Bringing an existing action plan in from an Excel workbook (issue 11): the workbook is read
 * (src/documents/spreadsheet.ts), the table of actions found, its headings mapped to fields (by the
 * words councils use, or as the user maps them), and every row read into an action or a problem
 * saying why (src/plans/import-rows.ts). Nothing is stored until the user confirms; then every
 * action and measure is written in one transaction with its audit rows, based on the plan's version.
 *
 * Between the upload and the confirmation the workbook waits under the data directory
 * (`plan-imports/`), named by a random token and tied to the person and the plan; it is removed
 * when imported and after an hour in any case. Every method takes the actor first and checks scope.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor } from '../domain/actor.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import {
  IMPORT_FIELD_HEADINGS,
  IMPORT_FIELDS,
  locateTable,
  parseMappingArguments,
  proposeMapping,
  readImportRows,
  readMeasureSheet,
  type ColumnMapping,
  type ImportField,
  type ImportPreview,
  type PlanItem,
} from '../plans/index.ts';

/** How long an uploaded workbook waits for the user to confirm. */
export const STAGED_IMPORT_TTL_MS = 60 * 60 * 1000;
/** The largest workbook taken (action plans are tens of kilobytes). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportHeading {
  readonly column: number;
  readonly heading: string;
  /** The field it is read as, or '' when it is left out. */
  readonly field: ImportField | '';
}

export interface PlanImportPreview {
  readonly planId: number;
  readonly token: string;
  readonly fileName: string;
  readonly sheets: readonly string[];
  readonly sheet: string;
  /** The spreadsheet's number of the heading row. */
  readonly headingRow: number;
  readonly headings: readonly ImportHeading[];
  /** Required fields no column is mapped to yet: rows cannot be read until they are. */
  readonly missing: readonly ImportField[];
  /** The sheet the measures were read from, when the workbook keeps them apart (as the action plan export does); else null. */
  readonly measuresSheet: string | null;
  /** The rows read, when the mapping is complete. */
  readonly rows: ImportPreview | null;
  /** The plan's version the import will be based on. */
  readonly planVersion: number;
}

export interface ImportOutcome {
  readonly actions: number;
  readonly measures: number;
  readonly planVersion: number;
}

/** What the import needs of the plans: reading the plan (scope-checked) and writing the rows in one transaction. */
export interface PlanImportStore {
  /** The plan's items and version; checks the actor may write to it. */
  planForImport(
    actor: Actor | null,
    planId: number,
  ): Promise<{ readonly items: readonly PlanItem[]; readonly version: number }>;
  /** Writes every action and measure in one transaction with audit rows; a stale version writes nothing. */
  writeImport(
    actor: Actor | null,
    planId: number,
    rows: ImportPreview,
    basedOnVersion: number,
    source: string,
  ): Promise<ImportOutcome>;
}

export interface PlanImportService {
  /** Keeps an uploaded workbook for the preview and the confirmation; refuses what is not a readable workbook. */
  stage(
    actor: Actor | null,
    planId: number,
    file: { readonly name: string; readonly bytes: Uint8Array },
  ): Promise<string>;
  preview(
    actor: Actor | null,
    planId: number,
    token: string,
    choices?: Readonly<Record<string, ImportField | ''>>,
    sheet?: string,
  ): Promise<PlanImportPreview>;
  confirm(
    actor: Actor | null,
    planId: number,
    token: string,
    choices: Readonly<Record<string, ImportField | ''>>,
    basedOnVersion: number,
    sheet?: string,
  ): Promise<ImportOutcome>;
  /** The command line's way: preview a file in hand, then import it when `write` is true. */
  importFile(
    actor: Actor | null,
    planId: number,
    file: { readonly name: string; readonly bytes: Uint8Array },
    choices: Readonly<Record<string, ImportField | ''>>,
    write: boolean,
  ): Promise<{ preview: PlanImportPreview; outcome: ImportOutcome | null }>;
}

interface StagedMeta {
  readonly planId: number;
  readonly userId: number;
  readonly fileName: string;
  readonly stagedAt: number;
}

const TOKEN = /^[0-9a-f]{32}$/;

/** The fields of a measure, read from the measures sheet instead when the workbook has one. */
const MEASURE_FIELDS = [
  'measure',
  'unit',
  'betterWhen',
  'baseline',
  'baselineDate',
  'target',
  'targetDate',
  'frequency',
  'source',
] as const;

/** The workbook reader, loaded on first use: exceljs is large, and most processes never read a workbook. */
async function readWorkbook(bytes: Uint8Array, limits: { maxBytes: number; maxRows: number; maxColumns: number }) {
  const spreadsheet = await import('../documents/spreadsheet.ts');
  return spreadsheet.readWorkbook(bytes, limits);
}

export function createPlanImportService(dependencies: {
  readonly dataDir: string;
  readonly store: PlanImportStore;
  readonly now?: () => number;
}): PlanImportService {
  const folder = join(dependencies.dataDir, 'plan-imports');
  const now = dependencies.now ?? Date.now;
  const gone = () => new NotFoundError('That upload has expired or was already imported: upload the workbook again.');

  async function removeExpired(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return;
    }
    await Promise.all(
      names.map(async (name) => {
        const path = join(folder, name);
        const info = await stat(path).catch(() => null);
        if (info && now() - info.mtimeMs > STAGED_IMPORT_TTL_MS) await rm(path, { force: true });
      }),
    );
  }

  async function load(
    actor: Actor | null,
    planId: number,
    token: string,
  ): Promise<{ meta: StagedMeta; bytes: Buffer }> {
    // Scope first, so whether an upload exists is told only to those who may import into the plan.
    await dependencies.store.planForImport(actor, planId);
    if (!TOKEN.test(token)) throw gone();
    const meta = JSON.parse(
      await readFile(join(folder, `${token}.json`), 'utf8').catch(() => 'null'),
    ) as StagedMeta | null;
    if (
      meta === null ||
      meta.planId !== planId ||
      meta.userId !== actor?.userId ||
      now() - meta.stagedAt > STAGED_IMPORT_TTL_MS
    )
      throw gone();
    const bytes = await readFile(join(folder, `${token}.xlsx`)).catch(() => null);
    if (bytes === null) throw gone();
    return { meta, bytes };
  }

  async function previewOf(
    actor: Actor | null,
    planId: number,
    token: string,
    fileName: string,
    bytes: Uint8Array,
    choices: Readonly<Record<string, ImportField | ''>>,
    sheet: string | undefined,
  ): Promise<PlanImportPreview> {
    const plan = await dependencies.store.planForImport(actor, planId);
    const sheets = await readWorkbook(bytes, { maxBytes: MAX_IMPORT_BYTES, maxRows: 5000, maxColumns: 100 });
    if (sheets.length === 0) throw new ValidationError('The workbook has no sheets.', 'invalid-input');
    if (sheet !== undefined && !sheets.some((one) => one.name === sheet))
      throw new ValidationError(`The workbook has no sheet called "${sheet}".`, 'invalid-input');
    const located = locateTable(sheets, sheet) ?? {
      sheet: sheet === undefined ? 0 : sheets.findIndex((one) => one.name === sheet),
      headingRow: 0,
      mappedFields: 0,
    };
    const table = sheets[located.sheet]!;
    const headingCells = table.rows[located.headingRow] ?? [];
    const proposal = proposeMapping(headingCells, choices);
    // A workbook that keeps its measures on a sheet of their own (one a row, by action): read them there.
    const apart = sheets
      .filter((_, index) => index !== located.sheet)
      .map((other) => ({ name: other.name, read: readMeasureSheet(other, headingCells) }))
      .find((other) => other.read !== null);
    const mapping: ColumnMapping = { ...proposal.mapping };
    if (apart) for (const field of MEASURE_FIELDS) delete mapping[field];
    const fieldOf = new Map(Object.entries(mapping).map(([field, column]) => [column, field as ImportField]));
    const headings = headingCells
      .map((cell, column) => ({
        column,
        heading: cell === null ? '' : String(cell).trim(),
        field: fieldOf.get(column) ?? ('' as const),
      }))
      .filter((heading) => heading.heading !== '');
    const read =
      proposal.missing.length === 0
        ? readImportRows(
            table.rows.slice(located.headingRow + 1),
            mapping,
            plan.items,
            located.headingRow + 2,
            apart?.read?.separate,
          )
        : null;
    const rows = read && apart?.read ? { ...read, problems: [...read.problems, ...apart.read.problems] } : read;
    return {
      planId,
      token,
      fileName,
      sheets: sheets.map((one) => one.name),
      sheet: table.name,
      headingRow: located.headingRow + 1,
      headings,
      missing: proposal.missing,
      measuresSheet: apart?.name ?? null,
      rows,
      planVersion: plan.version,
    };
  }

  return {
    async stage(actor, planId, file) {
      await dependencies.store.planForImport(actor, planId);
      if (file.bytes.byteLength === 0)
        throw new ValidationError('The file is empty: choose the Excel workbook of the plan.', 'invalid-input');
      if (file.bytes.byteLength > MAX_IMPORT_BYTES)
        throw new ValidationError(
          `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: an action plan is far smaller.`,
          'invalid-input',
        );
      // Read once now, so a file that is not a workbook is refused at the upload.
      await readWorkbook(file.bytes, { maxBytes: MAX_IMPORT_BYTES, maxRows: 5000, maxColumns: 100 });
      await mkdir(folder, { recursive: true });
      await removeExpired();
      const token = randomBytes(16).toString('hex');
      await writeFile(join(folder, `${token}.xlsx`), file.bytes, { mode: 0o600 });
      const meta: StagedMeta = { planId, userId: actor!.userId, fileName: file.name.slice(0, 200), stagedAt: now() };
      await writeFile(join(folder, `${token}.json`), JSON.stringify(meta), { mode: 0o600 });
      return token;
    },

    async preview(actor, planId, token, choices = {}, sheet) {
      const { meta, bytes } = await load(actor, planId, token);
      return previewOf(actor, planId, token, meta.fileName, bytes, choices, sheet);
    },

    async confirm(actor, planId, token, choices, basedOnVersion, sheet) {
      const { meta, bytes } = await load(actor, planId, token);
      const preview = await previewOf(actor, planId, token, meta.fileName, bytes, choices, sheet);
      if (preview.rows === null)
        throw new ValidationError(
          `Map a column to ${preview.missing.map((field) => IMPORT_FIELD_HEADINGS[field].label.toLowerCase()).join(', ')} first.`,
          'invalid-input',
        );
      if (preview.rows.actions.length === 0)
        throw new ValidationError('No row could be read, so there is nothing to import.', 'invalid-input');
      const outcome = await dependencies.store.writeImport(actor, planId, preview.rows, basedOnVersion, meta.fileName);
      await Promise.all([
        rm(join(folder, `${token}.xlsx`), { force: true }),
        rm(join(folder, `${token}.json`), { force: true }),
      ]);
      return outcome;
    },

    async importFile(actor, planId, file, choices, write) {
      const preview = await previewOf(actor, planId, '', file.name, file.bytes, choices, undefined);
      if (!write || preview.rows === null || preview.rows.actions.length === 0) return { preview, outcome: null };
      return {
        preview,
        outcome: await dependencies.store.writeImport(actor, planId, preview.rows, preview.planVersion, file.name),
      };
    },
  };
}

export { IMPORT_FIELDS, IMPORT_FIELD_HEADINGS };

/** `heading=field` pairs from the command line; a RangeError names a bad one. */
export const parseImportMapping = parseMappingArguments;
