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
 *
 * `reply.memoisedView(template, context)` is for the private pages read most (a plan, an action):
 * the route has read its data (the plan's row afresh, its views by that version) and checked the
 * actor's scope in this request, as always; only the template's work is skipped when an earlier
 * rendering had exactly the same inputs. The memo's key is a SHA-256 digest of everything the
 * rendering reads (the template, the whole context as memo-key.ts writes it, the path, today's
 * date), so an entry can only be used by a request that already holds every fact in it, and a
 * change to any of them is a new key. The nonce and the form's CSRF token go in after.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type nunjucks from 'nunjucks';
import { todayIso } from '../../calendar/index.ts';
import { memoKeyText } from './memo-key.ts';

type Context = Record<string, unknown>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's pages are the same for everyone and may be kept in the page cache. */
    publicCache?: boolean;
  }
  interface FastifyReply {
    view(template: string, context?: Record<string, unknown>): FastifyReply;
    cachedView(key: string, template: string, context: () => Promise<Record<string, unknown>>): Promise<FastifyReply>;
    memoisedView(template: string, context: Record<string, unknown>): FastifyReply;
  }
}

/** Route options of a public page: its rendered pages may be cached and served to anyone. */
export const PUBLIC_PAGE = { config: { publicCache: true } } as const;

export function cspNonceOf(reply: FastifyReply): string {
  return (reply.cspNonce as FastifyReply['cspNonce'] | null)?.script ?? '';
}

/** What each response puts into a rendered page: its own CSP nonce and CSRF token. */
type Fill = 'nonce' | 'csrf';

/** A rendered page cut where the per-response values go: UTF-8 parts and, between each two, which value. */
interface PageParts {
  readonly parts: readonly Buffer[];
  readonly fills: readonly Fill[];
}

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
  options: { cachedPages?: number; memoisedPages?: number } = {},
): void {
  // Unguessable, so text a visitor types can never be turned into the nonce or the token.
  const secret = randomBytes(16).toString('hex');
  const placeholder: Record<Fill, string> = {
    nonce: `nonce-placeholder-${secret}`,
    csrf: `csrf-placeholder-${secret}`,
  };
  const fillOf = new Map(Object.entries(placeholder).map(([fill, text]) => [text, fill as Fill]));
  const cutAt = new RegExp(`(${placeholder.nonce}|${placeholder.csrf})`);
  const cache = new PageCache(options.cachedPages ?? 200);
  const memoLimit = options.memoisedPages ?? 200;
  const memo = new PageCache(memoLimit);

  const currentPath = (reply: FastifyReply): string => reply.request.url.split('?')[0] ?? '';
  const render = (reply: FastifyReply, template: string, context: Context, nonce: string): string =>
    env.render(template, {
      ...context,
      cspNonce: nonce,
      currentPath: currentPath(reply),
      loading: reply.request.loading ?? null,
    });
  const cut = (html: string): PageParts => {
    const pieces = html.split(cutAt);
    return {
      parts: pieces.filter((_, index) => index % 2 === 0).map((piece) => Buffer.from(piece, 'utf8')),
      fills: pieces.filter((_, index) => index % 2 === 1).map((piece) => fillOf.get(piece) as Fill),
    };
  };
  const filled = (page: PageParts, values: Record<Fill, Buffer>): Buffer =>
    Buffer.concat(page.parts.flatMap((part, index) => (index === 0 ? [part] : [values[page.fills[index - 1]!], part])));
  const send = (reply: FastifyReply, page: PageParts, csrf: string): FastifyReply =>
    reply
      .type('text/html; charset=utf-8')
      .send(filled(page, { nonce: Buffer.from(cspNonceOf(reply), 'utf8'), csrf: Buffer.from(csrf, 'utf8') }));

  app.decorateReply('view', function view(this: FastifyReply, template: string, context: Context = {}) {
    return this.type('text/html; charset=utf-8').send(render(this, template, context, cspNonceOf(this)));
  });

  app.decorateReply(
    'cachedView',
    async function cachedView(this: FastifyReply, key: string, template: string, context: () => Promise<Context>) {
      // While reports are loading, pages say how far it has got: they are not cached.
      const cacheable = this.request.routeOptions.config.publicCache === true && !this.request.loading;
      let page = cacheable ? cache.get(key) : undefined;
      if (page === undefined) {
        page = cut(render(this, template, await context(), placeholder.nonce));
        if (cacheable && this.statusCode === 200) cache.set(key, page);
      }
      return send(this, page, '');
    },
  );

  app.decorateReply('memoisedView', function memoisedView(this: FastifyReply, template: string, context: Context) {
    // While reports are loading, pages say how far it has got: rendered afresh.
    if (this.request.loading) return this.view(template, context);
    const csrf = typeof context.csrfToken === 'string' ? context.csrfToken : '';
    const inputs = csrf === '' ? context : { ...context, csrfToken: placeholder.csrf };
    const key = createHash('sha256')
      .update(`${template}\n${currentPath(this)}\n${todayIso()}\n`)
      .update(memoKeyText(inputs))
      .digest('base64');
    let page = memo.get(key);
    if (page === undefined) {
      page = cut(render(this, template, inputs, placeholder.nonce));
      if (memoLimit > 0) memo.set(key, page);
    }
    return send(this, page, csrf);
  });
}
