/**
 * CSRF protection on every form (@fastify/csrf-protection): a secret in a signed, HttpOnly cookie
 * and a token in each form, HMAC-bound to the session, so a token from before sign-in or from
 * another session is refused. Checked in preHandler, once the form body is parsed. The API takes
 * no cookies, so it needs none.
 */
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isApiRequest } from './set-up-web-session.ts';

export const CSRF_COOKIE = 'csci_csrf';
const NO_SESSION = 'no-session';

export async function setUpCsrf(app: FastifyInstance, secret: string): Promise<void> {
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto', signed: true },
    getUserInfo: (request) => request.sessionKey ?? NO_SESSION,
    csrfOpts: { hmacKey: secret },
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS' || isApiRequest(request))
      return done();
    app.csrfProtection(request, reply, done);
  });
}

/** The token to put in a form's hidden `_csrf` field on this response. */
export function csrfToken(reply: FastifyReply): string {
  return reply.generateCsrf({ userInfo: reply.request.sessionKey ?? NO_SESSION });
}
