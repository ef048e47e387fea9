/**
 * `reply.view(template, context)` renders a page with Nunjucks, handing it the CSP nonce and the
 * current path. `reply.cachedView(key, template, context)` does the same through a page cache: a
 * page is rendered once per key with a secret placeholder where the nonce goes, and each response
 * gets the placeholder replaced by its own fresh nonce. Keys must change when the data does
 * (routes use the read model's data version and the full URL).
 *
 * The cache serves a page to whoever asks next, so it holds public pages only: a route opts in with
 * `{ config: { publicCache: true } }` (PUBLIC_PAGE), and on any other route cachedView renders afresh
 * every time. A page that shows one user's data must never opt in.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type nunjucks from 'nunjucks';

type Context = Record<string, unknown>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's pages are the same for everyone and may be kept in the page cache. */
    publicCache?: boolean;
  }
  interface FastifyReply {
    view(template: string, context?: Record<string, unknown>): FastifyReply;
    cachedView(key: string, template: string, context: () => Promise<Record<string, unknown>>): Promise<FastifyReply>;
  }
}

/** Route options of a public page: its rendered pages may be cached and served to anyone. */
export const PUBLIC_PAGE = { config: { publicCache: true } } as const;

export function cspNonceOf(reply: FastifyReply): string {
  return (reply.cspNonce as FastifyReply['cspNonce'] | null)?.script ?? '';
}

/** A rendered page cut at each nonce placeholder, as UTF-8 bytes ready to send. */
type PageParts = readonly Buffer[];

/** A small least-recently-used map of rendered pages. */
class PageCache {
  readonly #pages = new Map<string, PageParts>();
  readonly #limit: number;
  constructor(limit: number) {
    this.#limit = limit;
  }
  get(key: string): PageParts | undefined {
    const page = this.#pages.get(key);
    if (page !== undefined) {
      this.#pages.delete(key);
      this.#pages.set(key, page);
    }
    return page;
  }
  set(key: string, page: PageParts): void {
    this.#pages.delete(key);
    this.#pages.set(key, page);
    while (this.#pages.size > this.#limit) this.#pages.delete(this.#pages.keys().next().value as string);
  }
}

export function setUpViews(
  app: FastifyInstance,
  env: nunjucks.Environment,
  options: { cachedPages?: number } = {},
): void {
  // Unguessable, so text a visitor types can never be turned into the nonce.
  const placeholder = `nonce-placeholder-${randomBytes(16).toString('hex')}`;
  const cache = new PageCache(options.cachedPages ?? 200);
  const render = (reply: FastifyReply, template: string, context: Context, nonce: string): string =>
    env.render(template, {
      ...context,
      cspNonce: nonce,
      currentPath: reply.request.url.split('?')[0],
      loading: reply.request.loading ?? null,
    });

  app.decorateReply('view', function view(this: FastifyReply, template: string, context: Context = {}) {
    return this.type('text/html; charset=utf-8').send(render(this, template, context, cspNonceOf(this)));
  });

  app.decorateReply(
    'cachedView',
    async function cachedView(this: FastifyReply, key: string, template: string, context: () => Promise<Context>) {
      // While reports are loading, pages say how far it has got: they are not cached.
      const cacheable = this.request.routeOptions.config.publicCache === true && !this.request.loading;
      let parts = cacheable ? cache.get(key) : undefined;
      if (parts === undefined) {
        parts = render(this, template, await context(), placeholder)
          .split(placeholder)
          .map((part) => Buffer.from(part, 'utf8'));
        if (cacheable && this.statusCode === 200) cache.set(key, parts);
      }
      const nonce = Buffer.from(cspNonceOf(this), 'utf8');
      const body = Buffer.concat(parts.flatMap((part, index) => (index === 0 ? [part] : [nonce, part])));
      return this.type('text/html; charset=utf-8').send(body);
    },
  );
}
