/**
 * What keeps one client from slowing everyone (and /health) down:
 * - `asAt` dates are bounded to the data's range, 2013 to a few years ahead, so a client cannot
 *   make a new, uncacheable computation with each of ten thousand years;
 * - uncached computations run one at a time (`concurrent`), with a short queue, then 503, so a quick
 *   request such as /health waits for one computation at most;
 * - each client (by IP address) may make `perMinute` requests a minute (@fastify/rate-limit), 429 after.
 * Static files and /health are never limited.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, ValidationError } from '../../errors.ts';
import { paths } from '../../paths.ts';
import { ukDate } from '../format.ts';

export const EARLIEST_AS_AT = '2013-01-01';
/** Years after this one that a date may reach (schedules and deadlines look ahead). */
const YEARS_AHEAD = 3;

export function latestAsAt(today: Date = new Date()): string {
  return `${today.getUTCFullYear() + YEARS_AHEAD}-12-31`;
}

export interface LoadLimits {
  /** Requests per client per minute; 0 or undefined: no limit. */
  readonly perMinute?: number;
  /** Uncached computations at once (1 by default: they are CPU work on one thread) and how many may wait for a turn (16). */
  readonly concurrent?: number;
  readonly queue?: number;
  readonly now?: () => Date;
}

function unlimited(url: string): boolean {
  return (
    url === paths.health ||
    url.startsWith(`${paths.health}?`) ||
    url.startsWith(`${paths.assets}/`) ||
    url.startsWith(`${paths.appAssets}/`)
  );
}

export function setUpDateBounds(app: FastifyInstance, now: () => Date = () => new Date()): void {
  app.addHook('onRequest', async (request) => {
    const raw = (request.query as Record<string, unknown> | undefined)?.asAt;
    const value = typeof raw === 'string' ? raw.trim() : undefined;
    if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return; // not a date at all: the route says so
    const latest = latestAsAt(now());
    if (value >= EARLIEST_AS_AT && value <= latest) return;
    throw new ValidationError(
      `Enter a date between ${ukDate(EARLIEST_AS_AT)} and ${ukDate(latest)} (asAt from ${EARLIEST_AS_AT} to ${latest}): the reports begin in 2013.`,
      'date-out-of-range',
    );
  });
}

/** A counting gate: at most `concurrent` holders, `queue` waiting, the rest refused at once. */
export class ComputationGate {
  readonly #concurrent: number;
  readonly #queue: number;
  readonly #waiting: (() => void)[] = [];
  #active = 0;
  constructor(concurrent: number, queue: number) {
    this.#concurrent = Math.max(1, concurrent);
    this.#queue = Math.max(0, queue);
  }
  get active(): number {
    return this.#active;
  }
  get waiting(): number {
    return this.#waiting.length;
  }
  /** Resolves with true once the caller holds a turn; false when the queue is full (nothing is held). */
  async enter(): Promise<boolean> {
    if (this.#active < this.#concurrent) {
      this.#active += 1;
      return true;
    }
    if (this.#waiting.length >= this.#queue) return false;
    await new Promise<void>((resolveTurn) => this.#waiting.push(resolveTurn));
    return true;
  }
  /** Hands the turn to the next waiter on a later turn of the event loop, so quick requests get in between. */
  leave(): void {
    const next = this.#waiting.shift();
    if (next) setImmediate(next);
    else this.#active -= 1;
  }
}

/** Recently answered URLs: their answers are cached by the pages and the read model, so they need no turn. */
class SeenUrls {
  readonly #urls = new Set<string>();
  readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }
  has(url: string): boolean {
    return this.#urls.has(url);
  }
  add(url: string): void {
    this.#urls.delete(url);
    this.#urls.add(url);
    if (this.#urls.size > this.limit) this.#urls.delete(this.#urls.values().next().value as string);
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set while the request holds a computation turn (set-up-load-limits.ts). */
    computationTurn: boolean;
  }
}

/** A GET of a route whose answer was not given lately, and is not being computed by another request now (that one's result is shared). */
function needsTurn(request: FastifyRequest, seen: SeenUrls, computing: ReadonlySet<string>): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    request.routeOptions.url !== undefined &&
    !unlimited(request.url) &&
    !seen.has(request.url) &&
    !computing.has(request.url)
  );
}

export async function setUpLoadLimits(app: FastifyInstance, limits: LoadLimits = {}): Promise<void> {
  if (limits.perMinute) {
    await app.register(rateLimit, {
      global: true,
      max: limits.perMinute,
      timeWindow: 60_000,
      allowList: (request) => unlimited(request.url),
      errorResponseBuilder: (_request, context) =>
        new DomainError(
          'too-many-requests',
          `Too many requests from your address: at most ${context.max} a minute. Try again in ${context.after}.`,
          429,
        ),
    });
  }
  setUpDateBounds(app, limits.now);
  const gate = new ComputationGate(limits.concurrent ?? 1, limits.queue ?? 16);
  const seen = new SeenUrls(4096);
  const computing = new Set<string>();
  app.decorateRequest('computationTurn', false);
  app.addHook('preHandler', async (request, reply) => {
    if (!needsTurn(request, seen, computing)) return;
    computing.add(request.url);
    if (!(await gate.enter())) {
      computing.delete(request.url);
      reply.header('retry-after', '5');
      throw new DomainError('busy', 'The service is busy: try again in a few seconds.', 503);
    }
    request.computationTurn = true;
    // Given back once, when the response is done or the connection drops, whichever comes first.
    const release = () => {
      if (!request.computationTurn) return;
      request.computationTurn = false;
      computing.delete(request.url);
      if (reply.raw.writableFinished && reply.statusCode < 400) seen.add(request.url);
      gate.leave();
    };
    reply.raw.once('finish', release);
    reply.raw.once('close', release);
  });
}
