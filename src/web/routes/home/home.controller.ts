/** GET / (start page) and /about (source, licence, how grades are counted); /health is in middleware/set-up-service-status.ts. */
import type { FastifyInstance } from 'fastify';
import { paths } from '../../../paths.ts';
import { PUBLIC_PAGE } from '../../middleware/set-up-views.ts';
import type { Services } from '../../../services/index.ts';

export function registerHomeRoutes(app: FastifyInstance, { readModel }: Services): void {
  app.get(paths.home, PUBLIC_PAGE, async (request, reply) =>
    reply.cachedView(`${await readModel.dataVersion()}:${request.url}`, 'pages/home/home.njk', async () => ({
      counts: await readModel.storeSummary(),
    })),
  );
  app.get(paths.about, async (_request, reply) => reply.view('pages/about/about.njk'));
}
