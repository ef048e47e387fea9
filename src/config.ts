/**
 * The typed configuration: the only module that reads environment variables. Read once at start-up;
 * bad values fail fast with a message naming the variable.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

export interface Config {
  /** The web server's port. */
  readonly port: number;
  /** A postgres:// URL: use PostgreSQL instead of the SQLite file. */
  readonly databaseUrl: string | undefined;
  /** Where the SQLite database (csci.sqlite) lives; an absolute path. */
  readonly dataDir: string;
  /** A folder of Ofsted report PDFs to import at start, when there is one; an absolute path. */
  readonly reportsDir: string | undefined;
  readonly production: boolean;
  /** Connection and statement timeout for the database, in milliseconds (CSCI_DB_TIMEOUT_SECONDS). */
  readonly databaseTimeoutMs: number;
  /** The site's public address (no trailing slash), for absolute links in downloads; unset: links are relative. */
  readonly publicUrl: string | undefined;
  /** Requests a client (by IP address) may make per minute; 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
}

const DEFAULT_REPORTS_DIR = '../shared/corpus/reports';
/** Per client and minute: far above a person reading pages (assets and /health are not counted). */
const DEFAULT_RATE_LIMIT = 600;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((port) => port >= 1 && port <= 65535, 'must be between 1 and 65535')
    .optional(),
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\/\S+$/.test(value) && URL.canParse(value), 'must be a postgres:// or postgresql:// URL')
    .optional(),
  CSCI_DATA_DIR: z.string().min(1, 'must not be empty').optional(),
  CSCI_REPORTS_DIR: z
    .string()
    .min(1, 'must not be empty')
    .refine((value) => existsSync(value), 'must be an existing folder')
    .optional(),
  NODE_ENV: z.string().optional(),
  CSCI_DB_TIMEOUT_SECONDS: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a number of seconds')
    .transform(Number)
    .refine((seconds) => seconds > 0 && seconds <= 3600, 'must be more than 0 and at most 3600')
    .optional(),
  CSCI_PUBLIC_URL: z
    .string()
    .refine((value) => /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(value) && URL.canParse(value), 'must be an http:// or https:// address such as https://csci.example.org')
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  CSCI_RATE_LIMIT: z.string().regex(/^\d+$/, 'must be a whole number of requests per minute (0 for no limit)').transform(Number).optional(),
});

/** Parses the environment into a Config; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Bad configuration: ${problems.join('; ')}.`);
  }
  const values = parsed.data;
  const defaultReports = resolve(cwd, DEFAULT_REPORTS_DIR);
  return Object.freeze({
    port: values.PORT ?? 3000,
    databaseUrl: values.DATABASE_URL,
    dataDir: resolve(cwd, values.CSCI_DATA_DIR ?? './data'),
    reportsDir: values.CSCI_REPORTS_DIR !== undefined ? resolve(cwd, values.CSCI_REPORTS_DIR) : existsSync(defaultReports) ? defaultReports : undefined,
    production: values.NODE_ENV === 'production',
    databaseTimeoutMs: Math.round((values.CSCI_DB_TIMEOUT_SECONDS ?? 10) * 1000),
    publicUrl: values.CSCI_PUBLIC_URL,
    rateLimitPerMinute: values.CSCI_RATE_LIMIT ?? DEFAULT_RATE_LIMIT,
  });
}
