/**
 * Single sign-on with the council's own identity provider (OpenID Connect, openid-client): the
 * authorisation code flow with PKCE, state and nonce, kept in a short-lived signed cookie. The
 * provider vouches for an email; the person signs in only if an admin added that email.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import * as client from 'openid-client';
import type { OidcSettings } from '../../../config.ts';
import { ValidationError } from '../../../errors.ts';
import type { AuthenticationService } from '../../../services/accounts-services.ts';
import { sessionIdOf, setSessionCookie } from '../../middleware/set-up-web-session.ts';
import { accountPaths, safeReturnPath } from './account-paths.ts';
import { registerPrivatePages } from './private-pages.ts';

const FLOW_COOKIE = 'csci_oidc';
const FLOW_MINUTES = 10;

interface Flow {
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly returnTo?: string | undefined;
}

export interface OidcRoutesOptions {
  readonly authentication: AuthenticationService;
  readonly settings: OidcSettings;
  readonly publicUrl: string;
  readonly secret: string;
}

function flowCookieOptions(maxAge?: number) {
  return {
    path: accountPaths.signInOidc,
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    signed: true,
    ...(maxAge !== undefined ? { maxAge } : {}),
  } as const;
}

export async function registerOidcRoutes(
  app: FastifyInstance,
  { authentication, settings, publicUrl }: OidcRoutesOptions,
): Promise<void> {
  const redirectUri = `${publicUrl}${accountPaths.signInOidcCallback}`;
  let configuration: Promise<client.Configuration> | undefined;
  const discover = (): Promise<client.Configuration> => {
    // A provider on plain http is only for tests and local development; production issuers are https.
    const insecure = new URL(settings.issuer).protocol === 'http:';
    configuration ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };

  const refuse = (reply: FastifyReply) => reply.redirect(`${accountPaths.signIn}?sso=refused`, 303);

  await registerPrivatePages(app, (scope) => {
    scope.get<{ Querystring: { returnTo?: string } }>(accountPaths.signInOidc, async (request, reply) => {
      const config = await discover();
      const flow: Flow = {
        verifier: client.randomPKCECodeVerifier(),
        state: client.randomState(),
        nonce: client.randomNonce(),
        returnTo: safeReturnPath(request.query.returnTo),
      };
      reply.setCookie(FLOW_COOKIE, JSON.stringify(flow), flowCookieOptions(FLOW_MINUTES * 60));
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      return reply.redirect(url.href, 303);
    });

    scope.get(accountPaths.signInOidcCallback, async (request, reply) => {
      const raw = request.cookies[FLOW_COOKIE];
      const unsigned = raw ? request.unsignCookie(raw) : undefined;
      reply.clearCookie(FLOW_COOKIE, flowCookieOptions());
      if (!unsigned?.valid || !unsigned.value)
        throw new ValidationError(
          'Signing in took too long or was started elsewhere. Start again from the sign-in page.',
          'sign-in-expired',
        );
      const flow = JSON.parse(unsigned.value) as Flow;
      const config = await discover();
      let email: unknown;
      let verified: unknown;
      try {
        const tokens = await client.authorizationCodeGrant(config, new URL(request.url, publicUrl), {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        email = claims?.email;
        verified = claims?.email_verified;
        if (email === undefined && claims?.sub) {
          // Providers that keep the ID token small give the email at the userinfo endpoint.
          const userInfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
          email = userInfo.email;
          verified = userInfo.email_verified;
        }
      } catch (error) {
        request.log.warn({ err: error }, 'single sign-on refused by the checks');
        throw new ValidationError(
          'Your organisation did not confirm who you are. Start again from the sign-in page.',
          'sign-in-failed',
        );
      }
      if (typeof email !== 'string' || verified === false) return refuse(reply);
      const result = await authentication.signInWithSso(email, {
        replacing: sessionIdOf(request),
        issuer: settings.issuer,
      });
      if (!result.ok) return refuse(reply);
      setSessionCookie(reply, result.sessionId);
      return reply.redirect(flow.returnTo ?? accountPaths.account, 303);
    });
  });
}
