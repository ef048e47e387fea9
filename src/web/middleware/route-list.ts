/** Every route the app declares, as registered (onRoute), so tests can check each one has a rule. */
import type { FastifyInstance, RouteOptions } from 'fastify';

export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly private: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The routes declared so far, HEAD routes Fastify adds for GET left out. */
    declaredRoutes(): readonly DeclaredRoute[];
  }
}

export function collectRoutes(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  // Read when asked: scopes' own onRoute hooks (which mark private routes) run after this one.
  app.decorate('declaredRoutes', () =>
    routes.flatMap((route) =>
      (Array.isArray(route.method) ? route.method : [route.method])
        .filter((method) => method !== 'HEAD')
        .map((method) => ({ method, url: route.url, private: route.config?.private === true })),
    ),
  );
}
