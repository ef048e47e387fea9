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
  /** The site's public address (no trailing slash), for absolute links in downloads and alerts; unset: links are relative. */
  readonly publicUrl: string | undefined;
  /** Requests a client (by IP address) may make per minute; 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
  /** Signs the session and CSRF cookies (CSCI_SESSION_SECRET, 32 characters or more); required in production. */
  readonly sessionSecret?: string | undefined;
  /** Fastify's trustProxy: true, a number of proxy hops, or the proxies' addresses (CSCI_TRUST_PROXY). */
  readonly trustProxy?: boolean | number | string;
  /** The address the web app binds (HOST, default 127.0.0.1). */
  readonly host?: string;
  /** Single sign-on with an OpenID Connect provider, when all three CSCI_OIDC_* are set. */
  readonly oidc?: OidcSettings | undefined;
  /** An smtp:// or smtps:// URL for alert emails; no email is sent without it. */
  readonly smtpUrl?: string | undefined;
  /** Fetching Ofsted's new reports (`csci sync`) and alerting subscribers. */
  readonly sync?: SyncSettings;
  /** The largest evidence file a plan takes, in bytes (CSCI_EVIDENCE_MAX_MB, default 20 MB). */
  readonly evidenceMaxBytes?: number;
}

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
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
}

export const OFSTED_REPORTS_URL = 'https://reports.ofsted.gov.uk';
export const OFSTED_FILES_URL = 'https://files.ofsted.gov.uk';
export const MIN_SYNC_DELAY_MS = 1000;

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
    .refine(
      (value) => /^postgres(ql)?:\/\/\S+$/.test(value) && URL.canParse(value),
      'must be a postgres:// or postgresql:// URL',
    )
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
  CSCI_RATE_LIMIT: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of requests per minute (0 for no limit)')
    .transform(Number)
    .optional(),
  CSCI_SESSION_SECRET: z
    .string()
    .min(32, 'must be 32 characters or more (for example `openssl rand -base64 48`)')
    .optional(),
  CSCI_TRUST_PROXY: z
    .string()
    .trim()
    .transform((value): boolean | number | string =>
      value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value,
    )
    .optional(),
  HOST: z.string().trim().min(1).optional(),
  CSCI_PUBLIC_URL: z
    .string()
    .refine(
      (value) => /^https?:\/\/[^/\s]+$/.test(value.replace(/\/$/, '')) && URL.canParse(value),
      'must be an http:// or https:// address with no path, like https://inspections.example.gov.uk',
    )
    .transform((value) => value.replace(/\/$/, ''))
    .optional(),
  CSCI_OIDC_ISSUER: z
    .string()
    .refine((value) => URL.canParse(value) && /^https?:/.test(value), "must be the provider's issuer URL")
    .optional(),
  CSCI_OIDC_CLIENT_ID: z.string().min(1).optional(),
  CSCI_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  CSCI_OFSTED_REPORTS_URL: z.string().refine(isHttpUrl, 'must be an http:// or https:// URL').optional(),
  CSCI_OFSTED_FILES_URL: z.string().refine(isHttpUrl, 'must be an http:// or https:// URL').optional(),
  CSCI_SYNC_CONTACT: z
    .string()
    .regex(/^[^\s()]+$/, 'must be an email address or URL without spaces')
    .optional(),
  CSCI_SYNC_DELAY_MS: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of milliseconds')
    .transform(Number)
    .refine((ms) => ms >= MIN_SYNC_DELAY_MS, `must be at least ${MIN_SYNC_DELAY_MS} (one second between requests)`)
    .optional(),
  CSCI_SYNC_ON_START: z.enum(['0', '1']).optional(),
  CSCI_SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\/\S+$/.test(value) && URL.canParse(value), 'must be an smtp:// or smtps:// URL')
    .optional(),
  CSCI_SMTP_FROM: z.string().min(3).optional(),
  CSCI_EVIDENCE_MAX_MB: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of megabytes')
    .transform(Number)
    .refine((mb) => mb >= 1 && mb <= 200, 'must be from 1 to 200')
    .optional(),
});

/** The largest evidence file a plan takes unless CSCI_EVIDENCE_MAX_MB says otherwise. */
export const DEFAULT_EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

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
  const production = values.NODE_ENV === 'production';
  if (production && values.CSCI_SESSION_SECRET === undefined)
    throw new ConfigError(
      'Bad configuration: CSCI_SESSION_SECRET must be set in production (NODE_ENV=production), 32 characters or more.',
    );
  const oidcParts = [values.CSCI_OIDC_ISSUER, values.CSCI_OIDC_CLIENT_ID, values.CSCI_OIDC_CLIENT_SECRET];
  if (oidcParts.some((part) => part !== undefined) && oidcParts.some((part) => part === undefined)) {
    throw new ConfigError(
      'Bad configuration: single sign-on needs all of CSCI_OIDC_ISSUER, CSCI_OIDC_CLIENT_ID and CSCI_OIDC_CLIENT_SECRET.',
    );
  }
  const port = values.PORT ?? 3000;
  const defaultReports = resolve(cwd, DEFAULT_REPORTS_DIR);
  return Object.freeze({
    port,
    databaseUrl: values.DATABASE_URL,
    dataDir: resolve(cwd, values.CSCI_DATA_DIR ?? './data'),
    reportsDir:
      values.CSCI_REPORTS_DIR !== undefined
        ? resolve(cwd, values.CSCI_REPORTS_DIR)
        : existsSync(defaultReports)
          ? defaultReports
          : undefined,
    production,
    databaseTimeoutMs: Math.round((values.CSCI_DB_TIMEOUT_SECONDS ?? 10) * 1000),
    publicUrl: values.CSCI_PUBLIC_URL,
    rateLimitPerMinute: values.CSCI_RATE_LIMIT ?? DEFAULT_RATE_LIMIT,
    sessionSecret: values.CSCI_SESSION_SECRET,
    trustProxy: values.CSCI_TRUST_PROXY ?? false,
    host: values.HOST ?? '127.0.0.1',
    oidc:
      values.CSCI_OIDC_ISSUER && values.CSCI_OIDC_CLIENT_ID && values.CSCI_OIDC_CLIENT_SECRET
        ? {
            issuer: values.CSCI_OIDC_ISSUER,
            clientId: values.CSCI_OIDC_CLIENT_ID,
            clientSecret: values.CSCI_OIDC_CLIENT_SECRET,
          }
        : undefined,
    smtpUrl: values.CSCI_SMTP_URL,
    evidenceMaxBytes:
      values.CSCI_EVIDENCE_MAX_MB === undefined
        ? DEFAULT_EVIDENCE_MAX_BYTES
        : values.CSCI_EVIDENCE_MAX_MB * 1024 * 1024,
    sync: Object.freeze({
      reportsUrl: (values.CSCI_OFSTED_REPORTS_URL ?? OFSTED_REPORTS_URL).replace(/\/+$/, ''),
      filesUrl: (values.CSCI_OFSTED_FILES_URL ?? OFSTED_FILES_URL).replace(/\/+$/, ''),
      contact: values.CSCI_SYNC_CONTACT,
      delayMs: values.CSCI_SYNC_DELAY_MS ?? 2000,
      onStart: values.CSCI_SYNC_ON_START === '1',
      mailFrom: values.CSCI_SMTP_FROM ?? 'csc-inspections <csci@localhost>',
    }),
  });
}
