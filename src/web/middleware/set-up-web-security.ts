/**
 * Security headers and a strict content security policy with a fresh nonce per response
 * (@fastify/helmet). Scripts and styles come from this origin only, or carry the nonce: govuk's
 * template.njk uses it for its one inline script. Nothing is framed, nothing loads from elsewhere.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export async function setUpWebSecurity(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
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
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
}
