/**
 * What the private API's scopes share (auth.routes.ts, plan-papers.routes.ts, plans.routes.ts):
 * every route in them is private (never cached); a bearer token is required before any handler
 * runs (401 with `WWW-Authenticate: Bearer`); errors are `{"error": {"code", "message"}}` with the
 * HTTP status, and a scope may add to the body (the plans API's current resource on a 412).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/actor.ts';
import { NotAuthenticatedError, toPublicError } from '../../errors.ts';

/** The person the request's token acts as (the scope's preHandler has refused requests without one). */
export function tokenActor(request: FastifyRequest): Actor {
  if (request.actor === null) throw new NotAuthenticatedError('Send a valid API token: Authorization: Bearer <token>.');
  return request.actor;
}

export interface BearerScopeOptions {
  /** What this scope adds to an error's body (set headers on `reply` as needed). */
  readonly errorDetails?: (error: unknown, reply: FastifyReply) => Record<string, unknown>;
}

export function setUpBearerScope(api: FastifyInstance, options: BearerScopeOptions = {}): void {
  api.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), private: true };
  });
  api.addHook('preHandler', async (request) => {
    tokenActor(request);
  });
  api.setErrorHandler((error: FastifyError, request, reply) => {
    const publicError = toPublicError(error);
    if (publicError.status >= 500) request.log.error({ err: error }, 'unhandled API error');
    if (publicError.status === 401) reply.header('www-authenticate', 'Bearer realm="csci"');
    return reply.code(publicError.status).send({
      error: { code: publicError.code, message: publicError.message },
      ...options.errorDetails?.(error, reply),
    });
  });
}
