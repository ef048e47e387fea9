/**
 * The web app and the API: `createApp` builds the Fastify instance with its middleware in order,
 * top to bottom. Services come in from the composition root (server.ts, tests, the benchmark).
 */
import formbody from '@fastify/formbody';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { registerApiV1 } from '../api/v1/api.routes.ts';
import type { Logger } from '../logger.ts';
import { setUpErrorHandlers } from './error-handler.ts';
import { OneLinePerRequest, requestIdFrom, setUpRequestLogging } from './middleware/set-up-request-logging.ts';
import { setUpStaticAssets } from './middleware/set-up-static-assets.ts';
import { setUpViews } from './middleware/set-up-views.ts';
import { setUpWebSecurity } from './middleware/set-up-web-security.ts';
import { createNunjucks } from './nunjucks-setup.ts';
import type { ReadModel } from './read-model.ts';
import { registerCouncilRoutes } from './routes/council/council.controller.ts';
import { registerHomeRoutes } from './routes/home/home.controller.ts';
import { registerInspectionRoutes } from './routes/inspection/inspection.controller.ts';
import { registerNationalRoutes } from './routes/national/national.controller.ts';
import { registerPaperRoutes } from './routes/papers/papers.controller.ts';
import type { PapersService } from '../services/index.ts';
import { registerSearchRoutes } from './routes/search/search.controller.ts';

export interface AppDependencies {
  readonly readModel: ReadModel;
  readonly logger: Logger;
  /** Committee papers (the print view and the Word download); without it those routes are not served. */
  readonly papers?: PapersService;
}

export async function createApp({ readModel, logger, papers }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new OneLinePerRequest(),
    genReqId: (request) => requestIdFrom(request.headers['x-request-id']),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    bodyLimit: 64 * 1024,
  });

  // 1. Correlation id on every response and one log line per request.
  setUpRequestLogging(app);
  // 2. Security headers and the content security policy with a nonce per response.
  await setUpWebSecurity(app);
  // 3. Static files: govuk-frontend's CSS, JS and images, and ours.
  await setUpStaticAssets(app);
  // 4. Form bodies (application/x-www-form-urlencoded) for any POST.
  await app.register(formbody);
  // 5. Nunjucks views with govuk-frontend's templates.
  setUpViews(app, createNunjucks());
  // 6. Not found and errors: a GOV.UK-style page, or JSON under /api (set before the routes so every plugin inherits it).
  setUpErrorHandlers(app);
  // 7. Pages.
  registerHomeRoutes(app, readModel);
  registerNationalRoutes(app, readModel);
  registerSearchRoutes(app, readModel);
  registerCouncilRoutes(app, readModel);
  registerInspectionRoutes(app, readModel);
  if (papers) registerPaperRoutes(app, papers);
  // 8. The JSON API.
  await app.register(registerApiV1(readModel), { prefix: '/api/v1' });
  return app;
}
