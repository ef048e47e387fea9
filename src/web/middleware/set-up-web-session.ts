/**
 * Who is acting, on every request: pages read the session cookie (a random id, HttpOnly,
 * SameSite=Lax, Secure over HTTPS, signed with CSCI_SESSION_SECRET; the store holds its hash), the
 * API reads `Authorization: Bearer <token>` and never a cookie. Anything answered to a signed-in
 * person, and every private route, is sent with `Cache-Control: no-store`.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/actor.ts';
import type { AuthenticationService } from '../../services/accounts-services.ts';

export const SESSION_COOKIE = 'csci_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user (a session on pages, a bearer token under /api), or null. */
    actor: Actor | null;
    /** The hash of the page session's id (binds CSRF tokens), or null. */
    sessionKey: string | null;
  }
  interface FastifyContextConfig {
    /** A private route: never cached, `Cache-Control: no-store`. */
    private?: boolean;
    /** The path holds a secret: logs show the route's pattern instead. */
    secretInPath?: boolean;
  }
}

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url === '/api/v1' || request.url.startsWith('/api/');
}

export function sessionCookieOptions(maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    signed: true,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  } as const;
}

/** The session id from the signed cookie, or undefined when absent or tampered with. */
export function sessionIdOf(request: FastifyRequest): string | undefined {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

export function setSessionCookie(reply: FastifyReply, sessionId: string): void {
  reply.setCookie(SESSION_COOKIE, sessionId, sessionCookieOptions());
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions());
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
  return match?.[1];
}

export async function setUpWebSession(
  app: FastifyInstance,
  authentication: AuthenticationService,
  secret: string,
): Promise<void> {
  await app.register(cookie, { secret, hook: 'onRequest' });
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionKey', null);
  app.addHook('onRequest', async (request) => {
    if (isApiRequest(request)) {
      request.actor = await authentication.tokenActor(bearerToken(request));
      return;
    }
    // Static files are the same for everyone: no session lookup for them.
    if (request.url.startsWith('/assets/') || request.url.startsWith('/app-assets/')) return;
    const found = await authentication.sessionActor(sessionIdOf(request));
    request.actor = found?.actor ?? null;
    request.sessionKey = found?.sessionKey ?? null;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.actor !== null || request.routeOptions.config?.private === true) {
      reply.header('cache-control', 'no-store');
      reply.removeHeader('access-control-allow-origin');
    }
    return payload;
  });
}
