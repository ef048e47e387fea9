/** GET / (start page) and /about (source, licence, how grades are counted); /health is in middleware/set-up-service-status.ts. */
import type { FastifyInstance } from 'fastify';
import { paths } from '../../paths.ts';
import type { ReadModel } from '../../read-model.ts';

export function registerHomeRoutes(app: FastifyInstance, readModel: ReadModel): void {
  app.get(paths.home, async (request, reply) =>
    reply.cachedView(`${await readModel.dataVersion()}:${request.url}`, 'pages/home/home.njk', async () => ({ counts: await readModel.storeSummary() })),
  );
  app.get(paths.about, async (_request, reply) => reply.view('pages/about/about.njk'));
}
