/**
 * One structured log line per request, when the response is done: method, path, route, status and
 * time, with the request id Fastify's logger attaches (reqId). No IP addresses, user agents, cookies
 * or query strings (search words stay out of the logs). The id is echoed as X-Request-Id.
 */
import { randomUUID } from 'node:crypto';
import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

/** A proxy's id: a letter or digit, then up to 63 letters, digits, dots, dashes or underscores (a UUID, a ULID, hex). */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Honours a well-formed incoming X-Request-Id (from a proxy) and otherwise makes a fresh one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

/** Replaces Fastify's two lines per request ("incoming request", "request completed") with one. */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    const line = {
      method: request.method,
      // A route whose path holds a secret (a set-password link) is logged by its pattern only.
      path:
        request.routeOptions.config?.secretInPath === true
          ? (request.routeOptions.url ?? null)
          : request.url.split('?')[0],
      route: request.routeOptions.url ?? null,
      status,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ...(error ? { err: { type: error.name, message: error.message } } : {}),
    };
    if (status >= 500 || error) request.log.error(line, 'request');
    else request.log.info(line, 'request');
  }
}

export function setUpRequestLogging(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
}
