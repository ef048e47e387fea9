/** The local authority register: read from the project's data/local-authorities.csv and loaded once. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isoDateSchema } from '../domain/index.ts';
import {
  CODE_CHANGES,
  countCouncils,
  FORMER_CODE_TYPES,
  insertRegister,
  insertRegisterHistory,
  type Database,
  type FormerCodeRow,
  type PredecessorRow,
  type RegisterEntry,
} from '../store/index.ts';

export const REGISTER_FILE = fileURLToPath(new URL('../../data/local-authorities.csv', import.meta.url));
/** The codes councils were known by before (see data/README.md). */
export const FORMER_CODES_FILE = fileURLToPath(new URL('../../data/former-codes.csv', import.meta.url));
/** The councils in the register that others replaced in reorganisations. */
export const PREDECESSORS_FILE = fileURLToPath(new URL('../../data/predecessors.csv', import.meta.url));

const optional = (schema: z.ZodType<string>) => z.union([z.literal('').transform(() => null), schema]);

const registerRowSchema = z.object({
  urn: z.string().regex(/^\d+$/, 'a numeric URN'),
  la_code: optional(z.string().regex(/^\d{3}$/, 'a three-digit LA code')),
  gss_code: optional(z.string().regex(/^E\d{8}$/, 'an ONS GSS code')),
  name: z.string().min(1),
  also_known_as: z.string(),
  region_code: optional(z.string().regex(/^E12\d{6}$/, 'an ONS region code')),
  region_name: optional(z.string().min(1)),
  la_type: optional(z.string().min(1)),
  statistical_neighbours: z.string().regex(/^(\d{3}( \d{3})*)?$/, 'LA codes separated by spaces'),
  established_on: optional(isoDateSchema),
  abolished_on: optional(isoDateSchema),
});

const formerCodeRowSchema = z
  .object({
    urn: z.string().regex(/^\d+$/, 'a numeric URN'),
    code_type: z.enum(FORMER_CODE_TYPES),
    code: z.string().min(1),
    former_name: z.string().min(1),
    in_use_until: isoDateSchema,
    change: z.enum(CODE_CHANGES),
  })
  .refine((row) => (row.code_type === 'gss' ? /^E\d{8}$/ : /^\d{3}$/).test(row.code), {
    message: 'a GSS code (E and 8 digits) or a three-digit LA code, as code_type says',
    path: ['code'],
  });

const predecessorRowSchema = z.object({
  urn: z.string().regex(/^\d+$/, 'a numeric URN'),
  predecessor_urn: z.string().regex(/^\d+$/, 'a numeric URN'),
  took_over_on: isoDateSchema,
});

/** Parses one CSV file's rows with a schema; throws naming the file's line of the first bad row. */
function parseRows<T>(csvText: string, schema: z.ZodType<T>, what: string): T[] {
  const records = parse(csvText, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return records.map((record, index) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${what} row ${index + 2}: ${issue?.path.join('.')} ${issue?.message}`);
    }
    return parsed.data;
  });
}

export function parseFormerCodes(csvText: string): FormerCodeRow[] {
  return parseRows(csvText, formerCodeRowSchema, 'Former codes');
}

export function parsePredecessors(csvText: string): PredecessorRow[] {
  return parseRows(csvText, predecessorRowSchema, 'Predecessors');
}

/** Parses the register CSV; throws naming the line of the first bad row. */
export function parseRegister(csvText: string): RegisterEntry[] {
  const records = parse(csvText, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return records.map((record, index) => {
    const parsed = registerRowSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`Register row ${index + 2}: ${issue?.path.join('.')} ${issue?.message}`);
    }
    const row = parsed.data;
    return {
      authority: {
        urn: row.urn,
        la_code: row.la_code,
        gss_code: row.gss_code,
        name: row.name,
        also_known_as: row.also_known_as,
        region_code: row.region_code,
        region_name: row.region_name,
        la_type: row.la_type,
        established_on: row.established_on,
        abolished_on: row.abolished_on,
        active: row.abolished_on === null ? 1 : 0,
      },
      neighbours: row.statistical_neighbours === '' ? [] : row.statistical_neighbours.split(' '),
    };
  });
}

/** Loads the register when the table is empty; returns how many councils were loaded (0 when already there). */
export async function ensureRegisterLoaded(db: Kysely<Database>, file: string = REGISTER_FILE): Promise<number> {
  if ((await countCouncils(db)) > 0) return 0;
  const entries = parseRegister(await readFile(file, 'utf8'));
  await insertRegister(db, entries);
  return entries.length;
}

/**
 * Loads the former codes and predecessors when none are stored (so a store made before they existed
 * gets them at its next start); returns how many rows were added.
 */
export async function ensureRegisterHistoryLoaded(
  db: Kysely<Database>,
  files: { readonly formerCodes: string; readonly predecessors: string } = {
    formerCodes: FORMER_CODES_FILE,
    predecessors: PREDECESSORS_FILE,
  },
): Promise<number> {
  const [formerCodes, predecessors] = await Promise.all([
    readFile(files.formerCodes, 'utf8').then(parseFormerCodes),
    readFile(files.predecessors, 'utf8').then(parsePredecessors),
  ]);
  return insertRegisterHistory(db, { formerCodes, predecessors });
}
