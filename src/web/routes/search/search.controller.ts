/** GET /search?q=: find a council by name, Ofsted URN or LA code; one exact match goes straight to the council. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { paths } from '../../../paths.ts';
import type { Services } from '../../../services/index.ts';

const querySchema = z.object({ q: z.string().optional() });
const MAX_QUERY = 100;

export function registerSearchRoutes(app: FastifyInstance, { readModel }: Services): void {
  app.get(paths.search, async (request, reply) => {
    const raw = querySchema.safeParse(request.query ?? {});
    const q = raw.success ? (raw.data.q ?? '').trim() : '';
    const searched = raw.success && raw.data.q !== undefined;
    let error: string | null = null;
    if (searched && q === '') error = 'Enter a council name, Ofsted URN or LA code';
    else if (q.length > MAX_QUERY) error = `Search words must be ${MAX_QUERY} characters or fewer`;
    if (error) {
      return reply.code(400).view('pages/search/search.njk', {
        q,
        searched: false,
        errors: { summary: [{ text: error, href: '#q' }], fields: { q: error } },
      });
    }
    const results = searched ? await readModel.searchCouncils(q) : [];
    const only = results[0];
    if (only && results.length === 1) return reply.redirect(paths.council(only.urn), 303);
    return reply.view('pages/search/search.njk', { q, searched, results, errors: { summary: [], fields: {} } });
  });
}
