/**
 * The HTTP composition root: `createApp` builds one Fastify instance with the middleware in order,
 * top to bottom, then the pages (src/web) and the JSON API (src/api), which never import each
 * other. Services come in from server.ts, the tests and the benchmark.
 */
import formbody from '@fastify/formbody';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { registerApiV1 } from './api/v1/api.routes.ts';
import { openApiDocument } from './api/v1/openapi.ts';
import { registerAuthApi } from './api/v1/auth.routes.ts';
import { registerPlanPapersApi } from './api/v1/plan-papers.routes.ts';
import { registerPlansApi } from './api/v1/plans.routes.ts';
import type { Logger } from './logger.ts';
import type { Services } from './services/index.ts';
import { setUpErrorHandlers } from './web/error-handler.ts';
import { collectRoutes } from './web/middleware/route-list.ts';
import { handleFrameworkError } from './web/middleware/set-up-bad-requests.ts';
import { setUpLoadLimits, type LoadLimits } from './web/middleware/set-up-load-limits.ts';
import { setUpMethodCheck } from './web/middleware/set-up-method-check.ts';
import { setUpServiceStatus, type LoadingSource } from './web/middleware/set-up-service-status.ts';
import { OneLinePerRequest, requestIdFrom, setUpRequestLogging } from './web/middleware/set-up-request-logging.ts';
import { setUpStaticAssets } from './web/middleware/set-up-static-assets.ts';
import { setUpViews } from './web/middleware/set-up-views.ts';
import { setUpWebSecurity } from './web/middleware/set-up-web-security.ts';
import { createNunjucks } from './web/nunjucks-setup.ts';
import { setUpAccounts, type AccountsWebOptions } from './web/set-up-accounts.ts';
import { registerSyncAdminPage } from './web/routes/account/sync-admin.controller.ts';
import { registerApiReferenceRoutes } from './web/routes/api-reference/api-reference.controller.ts';
import { registerCouncilRoutes } from './web/routes/council/council.controller.ts';
import { registerCompareRoutes } from './web/routes/compare/compare.controller.ts';
import { registerHomeRoutes } from './web/routes/home/home.controller.ts';
import { registerInspectionRoutes } from './web/routes/inspection/inspection.controller.ts';
import { registerNationalRoutes } from './web/routes/national/national.controller.ts';
import { registerPaperRoutes } from './web/routes/papers/papers.controller.ts';
import { registerSearchRoutes } from './web/routes/search/search.controller.ts';
import { registerPlanPages } from './web/routes/plans/plans.controller.ts';
import { registerActionPages } from './web/routes/plans/actions.controller.ts';
import { registerProgressPages } from './web/routes/plans/progress.controller.ts';
import { registerTimelinePage } from './web/routes/plans/timeline.controller.ts';
import { registerImportPages } from './web/routes/plans/import.controller.ts';
import { registerEvidencePages } from './web/routes/plans/evidence.controller.ts';
import { registerLifecyclePages } from './web/routes/plans/lifecycle.controller.ts';
import { registerPlanPaperPages } from './web/routes/plans/plan-papers.controller.ts';

export interface AppDependencies {
  readonly services: Services;
  readonly logger: Logger;
  /** The background import's progress, shown on pages and in /health while reports load. */
  readonly loading?: LoadingSource;
  /** The site's public address for absolute links in downloads (CSCI_PUBLIC_URL); unset: relative links. */
  readonly publicUrl?: string;
  /** Requests per client per minute (CSCI_RATE_LIMIT); 0 or unset: no limit. */
  readonly rateLimitPerMinute?: number;
  /** Uncached computations at once and waiting (tests). */
  readonly computations?: Pick<LoadLimits, 'concurrent' | 'queue'>;
  /** Accounts: sign-in, sessions, CSRF, administration, workspaces and the private API (web/set-up-accounts.ts, api/v1/auth.routes.ts). */
  readonly accounts?: AccountsWebOptions;
  /** Fastify's trustProxy, behind a TLS-terminating proxy (CSCI_TRUST_PROXY). */
  readonly trustProxy?: boolean | number | string;
  /** How many renderings the plan and action pages' render memo keeps (200; 0: none, every page rendered afresh). */
  readonly memoisedPages?: number;
}

export async function createApp({
  services,
  logger,
  loading,
  publicUrl,
  rateLimitPerMinute,
  computations,
  accounts,
  trustProxy,
  memoisedPages,
}: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    // A URL that does not decode gets the app's headers, error shape and log line too.
    frameworkErrors: handleFrameworkError,
    loggerInstance: logger as FastifyBaseLogger,
    logController: new OneLinePerRequest(),
    genReqId: (request) => requestIdFrom(request.headers['x-request-id']),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    bodyLimit: 64 * 1024,
    trustProxy:
      typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : (trustProxy ?? false),
  });

  // 0. Keep the list of declared routes (the authorisation matrix test checks every one).
  collectRoutes(app);
  // 1. Correlation id on every response and one log line per request.
  setUpRequestLogging(app);
  // 2. Security headers and the content security policy with a nonce per response.
  setUpWebSecurity(app);
  // 2a. /health and the loading state; rate limit, date bounds and the gate on uncached computations; 405 for a wrong method.
  setUpServiceStatus(app, loading);
  await setUpLoadLimits(app, { perMinute: rateLimitPerMinute, ...computations });
  setUpMethodCheck(app);
  // 3. Static files: govuk-frontend's CSS, JS and images, and ours.
  await setUpStaticAssets(app);
  // 4. Form bodies (application/x-www-form-urlencoded) for any POST.
  await app.register(formbody);
  // 5. Nunjucks views with govuk-frontend's templates.
  setUpViews(app, createNunjucks(), { memoisedPages });
  // 6. Not found and errors: a GOV.UK-style page (set before the routes so every page inherits it; the API sets its own).
  setUpErrorHandlers(app);
  // 6b. Accounts: who is acting, CSRF on forms, sign-in and private pages.
  if (accounts) await setUpAccounts(app, services.accounts, accounts);
  if (accounts) await registerSyncAdminPage(app, services.sync);
  // 7. Pages.
  registerHomeRoutes(app, services);
  registerNationalRoutes(app, services, { publicUrl });
  registerSearchRoutes(app, services);
  registerCouncilRoutes(app, services);
  registerCompareRoutes(app, services);
  registerInspectionRoutes(app, services);
  registerPaperRoutes(app, services);
  registerApiReferenceRoutes(app, openApiDocument());
  registerTimelinePage(app, services.timelines);
  // Improvement plans: private pages, for signed-in people only.
  if (accounts) {
    await registerPlanPages(app, services);
    await registerActionPages(app, services);
    await registerProgressPages(app, services);
    await registerImportPages(app, services);
    await registerEvidencePages(app, services);
    await registerLifecyclePages(app, services);
    await registerPlanPaperPages(app, services);
  }
  // 8. The JSON API.
  await app.register(registerApiV1(services), { prefix: '/api/v1' });
  if (accounts) await app.register(registerAuthApi(services.accounts), { prefix: '/api/v1' });
  if (accounts) await app.register(registerPlanPapersApi(services.papers), { prefix: '/api/v1' });
  if (accounts) await app.register(registerPlansApi(services.plans), { prefix: '/api/v1' });
  return app;
}
