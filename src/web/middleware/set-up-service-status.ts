/**
 * The server listens while it is still importing reports: /health answers at once with the state
 * (`{"status": "ok"}`, or `{"status": "loading", "read": N, "of": M}`), and every page is told, so the
 * layout can say "Loading: N of M reports read" (and such pages are not cached).
 */
import type { FastifyInstance } from 'fastify';
import { paths } from '../../paths.ts';

export interface LoadingProgress {
  /** Report files read (or found already stored) so far. */
  readonly read: number;
  /** Report files found in the folder; 0 while they are still being listed. */
  readonly of: number;
}

/** The background import's progress, or null when nothing is loading. */
export type LoadingSource = () => LoadingProgress | null;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set while reports are still loading. */
    loading: LoadingProgress | null;
  }
}

export function setUpServiceStatus(app: FastifyInstance, loading: LoadingSource = () => null): void {
  app.decorateRequest('loading', null);
  app.addHook('onRequest', async (request) => {
    request.loading = loading();
  });
  app.get(paths.health, { config: { rateLimit: false } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const progress = request.loading;
    return progress === null ? { status: 'ok' } : { status: 'loading', read: progress.read, of: progress.of };
  });
}
