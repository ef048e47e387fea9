/** GET /api-reference: the JSON API's reference, rendered on the server from its OpenAPI document (no script, nothing from a CDN). */
import type { FastifyInstance } from 'fastify';
import { paths } from '../../../paths.ts';
import { PUBLIC_PAGE } from '../../middleware/set-up-views.ts';
import { apiReferenceView } from './api-reference.view.ts';

/** `document` is the OpenAPI document the API serves at /api/v1/openapi.json (given by app.ts, which composes both). */
export function registerApiReferenceRoutes(app: FastifyInstance, document: Record<string, unknown>): void {
  const view = apiReferenceView(document);
  app.get(paths.apiReference, PUBLIC_PAGE, async (request, reply) =>
    reply.cachedView(`api-reference:${request.url}`, 'pages/api-reference/api-reference.njk', async () => ({
      reference: view,
    })),
  );
}
