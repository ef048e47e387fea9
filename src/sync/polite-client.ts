/**
 * The only HTTP client that talks to Ofsted: one connection per origin, a pause of the configured
 * delay plus a random jitter before every request, an honest User-Agent, conditional requests,
 * retries with backoff on timeouts, resets, 429 and 5xx (honouring Retry-After), none on other 4xx.
 * Downloads go to a temporary name and are renamed only when whole and checked.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Agent, request } from 'undici';

export const MIN_DELAY_MS = 1000;

export interface PoliteClientOptions {
  /** Sent as User-Agent: the software, its version and a contact address. */
  readonly userAgent: string;
  /** The least pause between requests; at least MIN_DELAY_MS. A jitter of up to 1.5 times it is added. */
  readonly delayMs: number;
  /** How long to wait for headers, and between body chunks. */
  readonly timeoutMs?: number;
  /** Attempts per request, the first included. */
  readonly maxAttempts?: number;
  /** A Retry-After longer than this gives up instead of waiting. */
  readonly maxRetryAfterMs?: number;
  /** How the client waits (tests pass one that records the pauses instead of sleeping). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export type FetchFailureCode =
  | 'http-status'
  | 'timeout'
  | 'connection-reset'
  | 'network-error'
  | 'not-a-pdf'
  | 'withdrawn'
  | 'truncated'
  | 'retry-after-too-long';

/** A request that failed for good (after any retries). */
export class FetchFailure extends Error {
  readonly code: FetchFailureCode;
  readonly status: number | undefined;
  readonly attempts: number;
  constructor(code: FetchFailureCode, message: string, attempts: number, status?: number) {
    super(message);
    this.name = 'FetchFailure';
    this.code = code;
    this.status = status;
    this.attempts = attempts;
  }
}

export interface PageResult {
  /** 304: the page is as it was at the validators given. */
  readonly notModified: boolean;
  readonly body: string;
  readonly etag: string | undefined;
  readonly lastModified: string | undefined;
}

export interface Validators {
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

export interface PoliteClient {
  getPage(url: string, validators?: Validators): Promise<PageResult>;
  /** Downloads a PDF to `destination` (atomically); returns its size in bytes. */
  downloadPdf(url: string, destination: string): Promise<number>;
  /** Requests sent so far, retries included. */
  readonly requests: number;
  /** Every pause taken before a request, in ms, in order (for the summary and tests). */
  readonly pauses: readonly number[];
  close(): Promise<void>;
}

/** A failure worth another attempt, with the server's Retry-After when it gave one. */
class Retryable extends Error {
  readonly failure: Omit<FetchFailure, 'attempts'> & { code: FetchFailureCode };
  readonly retryAfterMs: number | undefined;
  constructor(code: FetchFailureCode, message: string, status?: number, retryAfterMs?: number) {
    super(message);
    this.failure = new FetchFailure(code, message, 0, status);
    this.retryAfterMs = retryAfterMs;
  }
}

/** Retry-After as seconds or an HTTP date → ms from now; undefined when absent or unreadable. */
export function retryAfterMs(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function networkFailure(error: unknown): Retryable {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message;
  if (
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'ETIMEDOUT'
  )
    return new Retryable('timeout', `timed out (${message})`);
  if (
    code === 'ECONNRESET' ||
    code === 'UND_ERR_SOCKET' ||
    code === 'EPIPE' ||
    /other side closed|socket hang up|terminated/i.test(message)
  )
    return new Retryable('connection-reset', `the connection was reset (${message})`);
  return new Retryable('network-error', `${code || 'network error'}: ${message}`);
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

export function createPoliteClient(options: PoliteClientOptions): PoliteClient {
  if (!(options.delayMs >= MIN_DELAY_MS))
    throw new RangeError(
      `The delay between requests to Ofsted must be at least ${MIN_DELAY_MS} ms (was ${options.delayMs}).`,
    );
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 4;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10 * 60_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const agent = new Agent({
    connections: 1,
    pipelining: 1,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connectTimeout: timeoutMs,
  });
  const pauses: number[] = [];
  let requests = 0;
  let sentBefore = false;

  const pause = async (atLeast: number): Promise<void> => {
    const ms = sentBefore || atLeast > 0 ? Math.max(atLeast, Math.round(options.delayMs * (1 + 1.5 * random()))) : 0;
    if (ms > 0) {
      pauses.push(ms);
      await sleep(ms);
    }
    sentBefore = true;
  };

  /** Runs one attempt after another, pausing politely, until one succeeds or a failure is final. */
  const withRetries = async <T>(url: string, attempt: () => Promise<T>): Promise<T> => {
    let wait = 0;
    for (let tries = 1; ; tries += 1) {
      await pause(wait);
      requests += 1;
      try {
        return await attempt();
      } catch (error) {
        if (error instanceof FetchFailure)
          throw new FetchFailure(error.code, `${url}: ${error.message}`, tries, error.status);
        const retryable = error instanceof Retryable ? error : networkFailure(error);
        const { code, message, status } = retryable.failure;
        if (retryable.retryAfterMs !== undefined && retryable.retryAfterMs > maxRetryAfterMs) {
          throw new FetchFailure(
            'retry-after-too-long',
            `${url}: ${message}; the server asked to wait ${Math.round(retryable.retryAfterMs / 1000)} s, more than the ${Math.round(maxRetryAfterMs / 1000)} s this sync waits`,
            tries,
            status,
          );
        }
        if (tries >= maxAttempts)
          throw new FetchFailure(code, `${url}: ${message} (after ${tries} attempts)`, tries, status);
        wait = retryable.retryAfterMs ?? options.delayMs * 2 ** tries;
      }
    }
  };

  const baseHeaders = { 'user-agent': options.userAgent, accept: '*/*' };

  return {
    get requests() {
      return requests;
    },
    pauses,
    async getPage(url, validators = {}) {
      return withRetries(url, async () => {
        const headers: Record<string, string> = { ...baseHeaders, accept: 'text/html,application/xhtml+xml' };
        if (validators.etag) headers['if-none-match'] = validators.etag;
        if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
        const response = await request(url, { dispatcher: agent, headers });
        const status = response.statusCode;
        if (status === 304) {
          await response.body.dump();
          return {
            notModified: true,
            body: '',
            etag: header(response.headers, 'etag') ?? validators.etag ?? undefined,
            lastModified: header(response.headers, 'last-modified') ?? validators.lastModified ?? undefined,
          };
        }
        if (status !== 200) {
          await response.body.dump();
          if (RETRY_STATUSES.has(status))
            throw new Retryable('http-status', `HTTP ${status}`, status, retryAfterMs(response.headers['retry-after']));
          throw new FetchFailure('http-status', `HTTP ${status}`, 1, status);
        }
        const body = await response.body.text();
        return {
          notModified: false,
          body,
          etag: header(response.headers, 'etag'),
          lastModified: header(response.headers, 'last-modified'),
        };
      });
    },
    async downloadPdf(url, destination) {
      return withRetries(url, async () => {
        const response = await request(url, {
          dispatcher: agent,
          headers: { ...baseHeaders, accept: 'application/pdf' },
        });
        const status = response.statusCode;
        if (status !== 200) {
          await response.body.dump();
          if (RETRY_STATUSES.has(status))
            throw new Retryable('http-status', `HTTP ${status}`, status, retryAfterMs(response.headers['retry-after']));
          throw new FetchFailure('http-status', `HTTP ${status}`, 1, status);
        }
        const type = header(response.headers, 'content-type') ?? '';
        if (!/^application\/(pdf|octet-stream)\b/i.test(type)) {
          const text = (await response.body.text()).slice(0, 20_000);
          if (/report not found/i.test(text))
            throw new FetchFailure('withdrawn', 'the file answers "Report not found" (withdrawn or moved)', 1, status);
          throw new FetchFailure('not-a-pdf', `the file is ${type || 'of no stated type'}, not a PDF`, 1, status);
        }
        const expected = header(response.headers, 'content-length');
        const temporary = `${destination}.part-${process.pid}-${randomBytes(4).toString('hex')}`;
        try {
          await pipeline(response.body, createWriteStream(temporary, { flags: 'wx' }));
          const handle = await open(temporary, 'r');
          let size: number;
          let head: string;
          try {
            size = (await handle.stat()).size;
            const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
            head = buffer.subarray(0, bytesRead).toString('latin1');
          } finally {
            await handle.close();
          }
          if (expected !== undefined && Number(expected) !== size)
            throw new Retryable('truncated', `the download stopped at ${size} of ${expected} bytes`);
          if (head !== '%PDF-') throw new FetchFailure('not-a-pdf', 'the file does not start with %PDF-', 1, status);
          await rename(temporary, destination);
          return size;
        } finally {
          await rm(temporary, { force: true });
        }
      });
    },
    async close() {
      await agent.close();
    },
  };
}
