/**
 * The store's failures that an operator must act on, each as one plain line naming the database and
 * saying what to do; `explainStoreError` turns the drivers' errors into them.
 */
import { DomainError, type ErrorCode } from '../errors.ts';
import type { StoreLocation } from './create-db.ts';

/** The host (and port) of a PostgreSQL URL, for messages; never the user name or password. */
export function postgresHost(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
  } catch {
    return 'the configured host';
  }
}

/** A DomainError, so the CLI and `npm start` print its one line; the web shows it only if it happens mid-request. */
export class StoreError extends DomainError {
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, 503);
    this.name = 'StoreError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

export class StoreReadOnlyError extends StoreError {
  constructor(file: string, readOnlyPath: string = file, options?: { cause?: unknown }) {
    const what =
      readOnlyPath === file
        ? 'it is read-only'
        : `its folder ${readOnlyPath} is read-only (SQLite writes beside the file)`;
    super(
      'store-read-only',
      `Cannot write the SQLite database ${file}: ${what}. Make it writable by the user running csci (for example \`chmod u+w\`), or set CSCI_DATA_DIR to a writable folder.`,
      options,
    );
    this.name = 'StoreReadOnlyError';
  }
}

export class StoreUnreachableError extends StoreError {
  constructor(host: string, detail: string, options?: { cause?: unknown }) {
    super(
      'store-unreachable',
      `The database at ${host} did not answer: ${detail} (check DATABASE_URL; CSCI_DB_TIMEOUT_SECONDS sets how long to wait).`,
      options,
    );
    this.name = 'StoreUnreachableError';
  }
}

export class StoreDamagedError extends StoreError {
  readonly tables: readonly string[];
  constructor(file: string, tables: readonly string[], detail: string) {
    const where = tables.length
      ? `table${tables.length > 1 ? 's' : ''} ${tables.join(', ')} ${tables.length > 1 ? 'are' : 'is'} damaged`
      : 'it is damaged';
    super(
      'store-damaged',
      `The SQLite database ${file} failed its integrity check: ${where} (${detail}). Restore it from a backup, or move it aside and start again to rebuild it from the reports.`,
    );
    this.name = 'StoreDamagedError';
    this.tables = tables;
  }
}

const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** The driver's error as one of the store's plain errors when it is one an operator must act on; else the error itself. */
export function explainStoreError(error: unknown, location: StoreLocation, timeoutMs: number): unknown {
  if (error instanceof StoreError) return error;
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  if (cause !== undefined) {
    const explained = explainStoreError(cause, location, timeoutMs);
    if (explained instanceof StoreError) return explained;
  }
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  if ('sqlite' in location) {
    if (typeof code === 'string' && code.startsWith('SQLITE_READONLY'))
      return new StoreReadOnlyError(location.sqlite, location.sqlite, { cause: error });
    return error;
  }
  const host = postgresHost(location.postgres);
  if (/timeout/i.test(text) || text.includes('canceling statement due to statement timeout')) {
    return new StoreUnreachableError(host, `no answer within ${formatSeconds(timeoutMs)}`, { cause: error });
  }
  if (typeof code === 'string' && CONNECTION_FAILURES.has(code))
    return new StoreUnreachableError(host, `${code} (${text.split('\n')[0]})`, { cause: error });
  // pg reports a connection timeout as the connection it closed itself.
  if (/Connection terminated/i.test(text))
    return new StoreUnreachableError(
      host,
      `no answer within ${formatSeconds(timeoutMs)}, or the connection was closed`,
      { cause: error },
    );
  return error;
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
