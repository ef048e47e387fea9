/**
 * Accounts in the web app, in order: who is acting (session cookie or bearer token), CSRF on every
 * form, then the sign-in, account, administration and workspace pages and the private API.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { registerAuthApi } from '../api/v1/auth.routes.ts';
import type { OidcSettings } from '../config.ts';
import type { AccountsServices } from '../services/accounts-services.ts';
import { setUpCsrf } from './middleware/set-up-csrf.ts';
import { setUpWebSession } from './middleware/set-up-web-session.ts';
import { registerAdminPages } from './routes/account/admin.controller.ts';
import { registerOidcRoutes } from './routes/account/oidc.controller.ts';
import { registerSignInPages } from './routes/account/sign-in.controller.ts';
import { registerWorkspacePages } from './routes/account/workspace.controller.ts';

export interface AccountsWebOptions {
  readonly services: AccountsServices;
  /** Signs the cookies; a random one per process when absent (development only: config refuses production without it). */
  readonly sessionSecret?: string | undefined;
  /** The address people reach the app at: set-password links and the single sign-on callback. */
  readonly publicUrl: string;
  readonly oidc?: OidcSettings | undefined;
}

export async function setUpAccounts(app: FastifyInstance, options: AccountsWebOptions): Promise<void> {
  const secret = options.sessionSecret ?? randomBytes(32).toString('base64url');
  await setUpWebSession(app, options.services.authentication, secret);
  await setUpCsrf(app, secret);
  await registerSignInPages(app, { authentication: options.services.authentication, oidcEnabled: options.oidc !== undefined });
  if (options.oidc) await registerOidcRoutes(app, { authentication: options.services.authentication, settings: options.oidc, publicUrl: options.publicUrl, secret });
  await registerAdminPages(app, { accounts: options.services, publicUrl: options.publicUrl });
  await registerWorkspacePages(app, options.services.workspaces);
  await app.register(registerAuthApi(options.services), { prefix: '/api/v1' });
}
