/** `reply.view(template, context)`: renders a page with Nunjucks, handing it the CSP nonce and the current path. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type nunjucks from 'nunjucks';

declare module 'fastify' {
  interface FastifyReply {
    view(template: string, context?: Record<string, unknown>): FastifyReply;
  }
}

export function cspNonceOf(reply: FastifyReply): string {
  return (reply as unknown as { cspNonce?: { script?: string } }).cspNonce?.script ?? '';
}

export function setUpViews(app: FastifyInstance, env: nunjucks.Environment): void {
  app.decorateReply('view', function view(this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
    const html = env.render(template, { ...context, cspNonce: cspNonceOf(this), currentPath: this.request.url.split('?')[0] });
    return this.type('text/html; charset=utf-8').send(html);
  });
}
