/** Sign in with email and password, sign out (here or everywhere), the account page, and set a password from a one-time link. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError, NotFoundError } from '../../../errors.ts';
import type { AuthenticationService } from '../../../services/accounts-services.ts';
import { DEFAULT_LOCKOUT_POLICY } from '../../../services/authentication.service.ts';
import { csrfToken } from '../../middleware/set-up-csrf.ts';
import { clearSessionCookie, sessionIdOf, setSessionCookie } from '../../middleware/set-up-web-session.ts';
import { accountPaths, safeReturnPath } from './account-paths.ts';
import { formErrors, NO_ERRORS, registerPrivatePages, requireActor } from './private-pages.ts';

const signInBody = z.object({
  email: z.string().max(1000).default(''),
  password: z.string().max(4096).default(''),
  returnTo: z.string().optional(),
});
const setPasswordBody = z.object({
  password: z.string().max(4096).default(''),
  confirm: z.string().max(4096).default(''),
});
const secretParams = z.object({ secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

export interface SignInPagesOptions {
  readonly authentication: AuthenticationService;
  /** Whether single sign-on is configured: the sign-in page then offers it. */
  readonly oidcEnabled: boolean;
}

export async function registerSignInPages(
  app: FastifyInstance,
  { authentication, oidcEnabled }: SignInPagesOptions,
): Promise<void> {
  await registerPrivatePages(app, (scope) => {
    scope.get<{ Querystring: { returnTo?: string; signedOut?: string; passwordSet?: string; sso?: string } }>(
      accountPaths.signIn,
      async (request, reply) => {
        const returnTo = safeReturnPath(request.query.returnTo);
        if (request.actor !== null) return reply.redirect(returnTo ?? accountPaths.account, 303);
        return reply.view('pages/account/sign-in.njk', {
          csrfToken: csrfToken(reply),
          errors: NO_ERRORS,
          values: { email: '' },
          returnTo: returnTo ?? '',
          oidcEnabled,
          notice: request.query.signedOut
            ? 'You have signed out.'
            : request.query.passwordSet
              ? 'Your password is set. Sign in with it now.'
              : undefined,
          ssoRefused: request.query.sso === 'refused',
        });
      },
    );

    scope.post(accountPaths.signIn, async (request, reply) => {
      const body = signInBody.parse(request.body ?? {});
      const returnTo = safeReturnPath(body.returnTo);
      const render = (status: number, errors: ReturnType<typeof formErrors>) =>
        reply.code(status).view('pages/account/sign-in.njk', {
          csrfToken: csrfToken(reply),
          errors,
          values: { email: body.email },
          returnTo: returnTo ?? '',
          oidcEnabled,
        });
      const missing: [string, string][] = [];
      if (body.email.trim() === '') missing.push(['email', 'Enter your email address']);
      if (body.password === '') missing.push(['password', 'Enter your password']);
      if (missing.length) return render(400, formErrors(missing));
      const result = await authentication.signInWithPassword(body.email, body.password, {
        replacing: sessionIdOf(request),
      });
      if (!result.ok) {
        if (result.reason === 'locked')
          return render(
            429,
            formErrors([
              [
                'email',
                `There have been too many attempts to sign in with this email address. Wait ${DEFAULT_LOCKOUT_POLICY.lockMinutes} minutes, then try again.`,
              ],
            ]),
          );
        return render(400, formErrors([['email', 'Enter a correct email address and password']]));
      }
      setSessionCookie(reply, result.sessionId);
      return reply.redirect(returnTo ?? accountPaths.account, 303);
    });

    scope.get(accountPaths.signOut, async (request, reply) => {
      const actor = requireActor(request);
      return reply.view('pages/account/sign-out.njk', { csrfToken: csrfToken(reply), actor });
    });

    scope.post(accountPaths.signOut, async (request, reply) => {
      await authentication.signOut(sessionIdOf(request));
      clearSessionCookie(reply);
      return reply.redirect(`${accountPaths.signIn}?signedOut=1`, 303);
    });

    scope.post(accountPaths.signOutEverywhere, async (request, reply) => {
      const actor = requireActor(request);
      await authentication.signOutEverywhere(actor);
      clearSessionCookie(reply);
      return reply.redirect(`${accountPaths.signIn}?signedOut=1`, 303);
    });

    scope.get(accountPaths.account, async (request, reply) => {
      const actor = requireActor(request);
      return reply.view('pages/account/account.njk', { actor, accountPaths });
    });

    scope.get<{ Params: { secret: string } }>(
      '/set-password/:secret',
      { config: { secretInPath: true } },
      async (request, reply) => {
        const params = secretParams.safeParse(request.params);
        if (!params.success || !(await authentication.passwordLinkUsable(params.data.secret))) throw linkExpired();
        return reply.view('pages/account/set-password.njk', {
          csrfToken: csrfToken(reply),
          errors: NO_ERRORS,
          action: accountPaths.setPassword(params.data.secret),
        });
      },
    );

    scope.post<{ Params: { secret: string } }>(
      '/set-password/:secret',
      { config: { secretInPath: true } },
      async (request, reply) => {
        const params = secretParams.safeParse(request.params);
        if (!params.success) throw linkExpired();
        const body = setPasswordBody.parse(request.body ?? {});
        const render = (errors: ReturnType<typeof formErrors>) =>
          reply.code(400).view('pages/account/set-password.njk', {
            csrfToken: csrfToken(reply),
            errors,
            action: accountPaths.setPassword(params.data.secret),
          });
        if (body.password === '') return render(formErrors([['password', 'Enter a new password']]));
        if (body.password !== body.confirm) return render(formErrors([['confirm', 'Enter the same password twice']]));
        try {
          await authentication.setPasswordWithLink(params.data.secret, body.password);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'weak-password')
            return render(formErrors([['password', error.message]]));
          throw error;
        }
        clearSessionCookie(reply);
        return reply.redirect(`${accountPaths.signIn}?passwordSet=1`, 303);
      },
    );
  });
}

function linkExpired(): NotFoundError {
  return new NotFoundError(
    'This link to set a password has expired or has been used. Ask an administrator for a new one.',
    'link-expired',
  );
}
