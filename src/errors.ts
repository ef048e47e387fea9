/**
 * Errors are values with a code and a plain message (DESIGN.md). Every expected error extends
 * DomainError, whose `code` is one of ERROR_CODES; `toPublicError` is what a surface may show of any
 * error (the web page and the API each send it in their own shape).
 */
import { ZodError } from 'zod';

export const ERROR_CODES = [
  // Bad input (400).
  'invalid-input',
  'invalid-date',
  'invalid-count',
  'year-out-of-range',
  'ambiguous-council',
  'bad-manifest',
  'bad-config',
  'before-sif',
  'sif-after-sif',
  'no-files',
  'no-grades',
  'no-readable-reports',
  'nothing-to-backtest',
  'invalid-inspection',
  'not-available',
  'date-out-of-range',
  'bad-url',
  'bad-request',
  // Plans: an inspection that calls for no action plan (400).
  'no-plan-required',
  // A spreadsheet that cannot be written or read as described (400).
  'invalid-spreadsheet',
  // Accounts: bad input on a person, a token or a password (400), a sign-in flow that failed (400).
  'invalid-email',
  'invalid-role',
  'invalid-name',
  'invalid-council',
  'unknown-council',
  'invalid-label',
  'weak-password',
  'sign-in-expired',
  'sign-in-failed',
  // Sync subscriptions (400).
  'bad-email',
  'bad-webhook',
  'unknown-region',
  'already-subscribed',
  // Not found (404).
  'not-found',
  'unknown-local-authority',
  'unknown-inspection',
  'no-reports',
  'no-inspection-by-date',
  'report-not-held',
  'unknown-subscription',
  'unknown-plan',
  'unknown-plan-item',
  'unknown-action',
  'unknown-milestone',
  'unknown-measure',
  'unknown-evidence',
  'unknown-plan-version',
  // Wrong method (405), too many requests (429), busy or unreachable store (503).
  'method-not-allowed',
  'too-many-requests',
  'busy',
  'store-read-only',
  'store-unreachable',
  'store-damaged',
  'store-busy',
  'link-expired',
  // Conflicts with what is stored (409).
  'user-exists',
  'last-admin',
  'sync-running',
  // Plans: a plan already made for the inspection, a closed plan, gaps blocking submission (409).
  'plan-exists',
  'plan-closed',
  'coverage-gaps',
  'not-submitted',
  // Plans: a sign-off of a version that is no longer the latest frozen one (409).
  'not-latest-version',
  // Plans: a write based on a version that is no longer current (412); a write naming no version (428).
  'stale-write',
  'version-required',
  // Plans: an evidence file that is not an accepted type or is too large (400, 413).
  'invalid-evidence',
  'evidence-too-large',
  // Who is asking (401, 403).
  'not-authenticated',
  'forbidden',
  // Cannot be done on this machine (503).
  'pdf-printer-unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  constructor(code: ErrorCode, message: string, status = 400) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.status = status;
  }
  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, code: ErrorCode = 'invalid-input') {
    super(code, message, 400);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, code: ErrorCode = 'not-found') {
    super(code, message, 404);
    this.name = 'NotFoundError';
  }
}

/** No signed-in user where one is needed (401). */
export class NotAuthenticatedError extends DomainError {
  constructor(message = 'Sign in to see this.') {
    super('not-authenticated', message, 401);
    this.name = 'NotAuthenticatedError';
  }
}

/** A signed-in user who may not see or do this (403). */
export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have permission to see this.') {
    super('forbidden', message, 403);
    this.name = 'ForbiddenError';
  }
}

/** What a surface may show of an error: its status, a code and a plain message. */
export interface PublicError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Domain errors and bad input as they are; a framework's 4xx error (it has `statusCode`) with its
 * code in kebab case; anything else is a 500 with a generic message, never its details.
 */
export function toPublicError(error: unknown): PublicError {
  if (error instanceof DomainError) return { status: error.status, code: error.code, message: error.message };
  if (error instanceof ZodError) return { status: 400, code: 'invalid-input', message: describeZodError(error) };
  const framework = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  const status = framework.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = typeof framework.code === 'string' ? framework.code : 'bad-request';
    return {
      status,
      code: code.toLowerCase().replace(/_/g, '-'),
      message: typeof framework.message === 'string' ? framework.message : 'Bad request',
    };
  }
  return {
    status: 500,
    code: 'internal-error',
    message: 'Sorry, there is a problem with the service. Try again later.',
  };
}

/** The change conflicts with what is stored, e.g. a person already added, or the last admin (409). */
export class ConflictError extends DomainError {
  constructor(message: string, code: ErrorCode) {
    super(code, message, 409);
    this.name = 'ConflictError';
  }
}

/**
 * A write based on a version that is no longer current (412): nothing was changed. It carries the
 * resource as it is now, so the caller can show the newer content beside theirs.
 */
export class StaleWriteError extends DomainError {
  readonly current: unknown;
  readonly currentVersion: number;
  constructor(message: string, current: unknown, currentVersion: number) {
    super('stale-write', message, 412);
    this.name = 'StaleWriteError';
    this.current = current;
    this.currentVersion = currentVersion;
  }
}

/** A write that names no version to base it on (428): every write must. */
export class VersionRequiredError extends DomainError {
  constructor(message = 'Say which version this change is based on (If-Match: the ETag you read).') {
    super('version-required', message, 428);
    this.name = 'VersionRequiredError';
  }
}

/** Submission refused while the plan has coverage gaps (409); carries the gaps, each in words and as data. */
export class CoverageGapsError extends DomainError {
  readonly gaps: unknown;
  readonly lines: readonly string[];
  constructor(message: string, gaps: unknown, lines: readonly string[]) {
    super('coverage-gaps', message, 409);
    this.name = 'CoverageGapsError';
    this.gaps = gaps;
    this.lines = lines;
  }
}
