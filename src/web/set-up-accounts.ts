/**
 * Accounts in the web app, in order: who is acting (session cookie, or a bearer token under /api),
 * CSRF on every form, then the sign-in, account, administration and workspace pages. The private
 * API (api/v1/auth.routes.ts) is registered beside the public one in app.ts.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { OidcSettings } from '../config.ts';
import type { AccountsServices } from '../services/accounts-services.ts';
import { setUpCsrf } from './middleware/set-up-csrf.ts';
import { setUpWebSession } from './middleware/set-up-web-session.ts';
import { registerAdminPages } from './routes/account/admin.controller.ts';
import { registerOidcRoutes } from './routes/account/oidc.controller.ts';
import { registerSignInPages } from './routes/account/sign-in.controller.ts';
import { registerWorkspacePages } from './routes/account/workspace.controller.ts';

export interface AccountsWebOptions {
  /** Signs the cookies; a random one per process when absent (development only: config refuses production without it). */
  readonly sessionSecret?: string | undefined;
  /** The address people reach the app at: set-password links and the single sign-on callback. */
  readonly publicUrl: string;
  readonly oidc?: OidcSettings | undefined;
}

export async function setUpAccounts(
  app: FastifyInstance,
  accounts: AccountsServices,
  options: AccountsWebOptions,
): Promise<void> {
  const secret = options.sessionSecret ?? randomBytes(32).toString('base64url');
  await setUpWebSession(app, accounts.authentication, secret);
  await setUpCsrf(app, secret);
  await registerSignInPages(app, { authentication: accounts.authentication, oidcEnabled: options.oidc !== undefined });
  if (options.oidc)
    await registerOidcRoutes(app, {
      authentication: accounts.authentication,
      settings: options.oidc,
      publicUrl: options.publicUrl,
      secret,
    });
  await registerAdminPages(app, { accounts, publicUrl: options.publicUrl });
  await registerWorkspacePages(app, accounts.workspaces);
}
