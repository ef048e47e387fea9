/**
 * Security headers and a strict content security policy with a fresh nonce per response (helmet).
 * Scripts and styles come from this origin only, or carry the nonce: govuk's template.njk uses it
 * for its one inline script. Nothing is framed (frame-ancestors 'none' and X-Frame-Options DENY),
 * nothing loads from elsewhere. Strict-Transport-Security only goes out on responses to HTTPS
 * requests (behind a proxy, Fastify's trustProxy decides what the protocol is).
 *
 * helmet's middleware is built once, its nonce sources read the response's nonces (helmet calls
 * them per response); @fastify/helmet, with nonces on, built a new middleware, policy and all, on
 * every request.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { createNonceSource } from './nonce-source.ts';

declare module 'fastify' {
  interface FastifyReply {
    /** This response's CSP nonces: for inline scripts and for inline styles. */
    cspNonce: { readonly script: string; readonly style: string };
  }
}

const DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The same headers, without nonces, for the few responses Fastify makes before any hook runs (a URL
 * it cannot decode): see set-up-bad-requests.ts.
 */
export const FALLBACK_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': Object.entries(DIRECTIVES)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} ${values.join(' ')}`)
    .join(';'),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

export function setTransportSecurity(request: FastifyRequest, reply: FastifyReply): void {
  if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
}

/** The nonces helmet's policy reads back, kept on the raw response for its directive functions. */
const NONCES = Symbol('csp nonces');
type WithNonces = ServerResponse & { [NONCES]?: FastifyReply['cspNonce'] };
const nonceOf =
  (kind: 'script' | 'style') =>
  (_request: unknown, response: ServerResponse): string =>
    `'nonce-${(response as WithNonces)[NONCES]?.[kind] ?? ''}'`;

export function setUpWebSecurity(app: FastifyInstance): void {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...DIRECTIVES,
        scriptSrc: [...DIRECTIVES.scriptSrc, nonceOf('script')],
        styleSrc: [...DIRECTIVES.styleSrc, nonceOf('style')],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    // Set per request below: over plain HTTP the header means nothing and misleads.
    strictTransportSecurity: false,
  });
  const nonce = createNonceSource();
  app.decorateReply('cspNonce', null as unknown as FastifyReply['cspNonce']);
  app.addHook('onRequest', (request, reply, done) => {
    const nonces = { script: nonce(), style: nonce() };
    reply.cspNonce = nonces;
    (reply.raw as WithNonces)[NONCES] = nonces;
    setTransportSecurity(request, reply);
    headers(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
}
