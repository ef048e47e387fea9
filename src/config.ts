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
  /** An smtp:// or smtps:// URL for alert emails; no email is sent without it. */
  readonly smtpUrl: string | undefined;
  /** Fetching Ofsted's new reports (`csci sync`) and alerting subscribers. */
  readonly sync: SyncSettings;
}

export interface SyncSettings {
  /** Ofsted's reports site (provider pages, the search listing), without a trailing slash. */
  readonly reportsUrl: string;
  /** Ofsted's files origin (`/v1/file/{id}`), without a trailing slash. */
  readonly filesUrl: string;
  /** A contact address sent in the User-Agent, so Ofsted can reach whoever runs the sync. */
  readonly contact: string | undefined;
  /** The least pause between two requests to Ofsted, in ms (a random jitter is added); at least 1000. */
  readonly delayMs: number;
  /** Run one sync in the background when the web server starts. */
  readonly onStart: boolean;
  /** The sender of alert emails. */
  readonly mailFrom: string;
  /** This site's public address, for links in alerts (none when unset). */
  readonly publicUrl: string | undefined;
}

export const OFSTED_REPORTS_URL = 'https://reports.ofsted.gov.uk';
export const OFSTED_FILES_URL = 'https://files.ofsted.gov.uk';
export const MIN_SYNC_DELAY_MS = 1000;

const DEFAULT_REPORTS_DIR = '../shared/corpus/reports';

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
  CSCI_OFSTED_REPORTS_URL: z.string().refine(isHttpUrl, 'must be an http:// or https:// URL').optional(),
  CSCI_OFSTED_FILES_URL: z.string().refine(isHttpUrl, 'must be an http:// or https:// URL').optional(),
  CSCI_SYNC_CONTACT: z.string().regex(/^[^\s()]+$/, 'must be an email address or URL without spaces').optional(),
  CSCI_SYNC_DELAY_MS: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of milliseconds')
    .transform(Number)
    .refine((ms) => ms >= MIN_SYNC_DELAY_MS, `must be at least ${MIN_SYNC_DELAY_MS} (one second between requests)`)
    .optional(),
  CSCI_SYNC_ON_START: z.enum(['0', '1']).optional(),
  CSCI_SMTP_URL: z.string().refine((value) => /^smtps?:\/\/\S+$/.test(value) && URL.canParse(value), 'must be an smtp:// or smtps:// URL').optional(),
  CSCI_SMTP_FROM: z.string().min(3).optional(),
  CSCI_PUBLIC_URL: z.string().refine(isHttpUrl, 'must be an http:// or https:// URL').optional(),
});

function isHttpUrl(value: string): boolean {
  return /^https?:\/\/\S+$/.test(value) && URL.canParse(value);
}

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
    smtpUrl: values.CSCI_SMTP_URL,
    sync: Object.freeze({
      reportsUrl: (values.CSCI_OFSTED_REPORTS_URL ?? OFSTED_REPORTS_URL).replace(/\/+$/, ''),
      filesUrl: (values.CSCI_OFSTED_FILES_URL ?? OFSTED_FILES_URL).replace(/\/+$/, ''),
      contact: values.CSCI_SYNC_CONTACT,
      delayMs: values.CSCI_SYNC_DELAY_MS ?? 2000,
      onStart: values.CSCI_SYNC_ON_START === '1',
      mailFrom: values.CSCI_SMTP_FROM ?? 'csc-inspections <csci@localhost>',
      publicUrl: values.CSCI_PUBLIC_URL?.replace(/\/+$/, ''),
    }),
  });
}
