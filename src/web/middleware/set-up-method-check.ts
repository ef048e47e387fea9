/**
 * A request whose path exists under another method gets 405 with `Allow` listing the methods that
 * do, instead of 404: a second router, fed every route the app registers, answers which methods match.
 * Register it before the routes.
 */
import type { FastifyInstance } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { DomainError } from '../../errors.ts';

const METHODS: readonly HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export function setUpMethodCheck(
  app: FastifyInstance,
  options: { readonly ignoreTrailingSlash?: boolean; readonly maxParamLength?: number } = {},
): void {
  const routes = FindMyWay({
    ignoreTrailingSlash: options.ignoreTrailingSlash ?? true,
    maxParamLength: options.maxParamLength ?? 200,
  });
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const upper = method.toUpperCase() as HTTPMethod;
      if (!METHODS.includes(upper) || routes.hasRoute(upper, route.url)) continue;
      routes.on(upper, route.url, () => {});
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== undefined) return; // a route matched
    const path = request.url.split('?')[0] ?? '/';
    let allowed: HTTPMethod[];
    try {
      allowed = METHODS.filter((method) => method !== request.method && routes.find(method, path) !== null);
    } catch {
      return; // a path the router cannot read is a 404
    }
    if (allowed.length === 0) return;
    reply.header('allow', allowed.join(', '));
    throw new DomainError(
      'method-not-allowed',
      `${request.method} is not allowed at this address; it answers ${allowed.join(', ')}.`,
      405,
    );
  });
}
