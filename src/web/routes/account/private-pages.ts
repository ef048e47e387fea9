/**
 * What private pages share: a scope whose errors send a person who is not signed in to the sign-in
 * page (and back afterwards), GOV.UK form errors, and the acting user, required.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../domain/actor.ts';
import { NotAuthenticatedError, toPublicError } from '../../../errors.ts';
import { paths } from '../../../paths.ts';
import { accountPaths, safeReturnPath } from './account-paths.ts';

export interface FormErrors {
  readonly summary: { text: string; href: string }[];
  readonly fields: Record<string, string>;
}

export function formErrors(entries: readonly (readonly [field: string, message: string])[]): FormErrors {
  return {
    summary: entries.map(([field, text]) => ({ text, href: `#${field}` })),
    fields: Object.fromEntries(entries),
  };
}

export const NO_ERRORS: FormErrors = { summary: [], fields: {} };

export function requireActor(request: FastifyRequest): Actor {
  if (request.actor === null) throw new NotAuthenticatedError();
  return request.actor;
}

export function signInRedirect(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const back = request.method === 'GET' ? safeReturnPath(request.url) : undefined;
  return reply.redirect(paths.withQuery(accountPaths.signIn, { returnTo: back }), 303);
}

/** Routes registered in `body` are private: no-store, and 401 means "sign in first". */
export async function registerPrivatePages(
  app: FastifyInstance,
  body: (scope: FastifyInstance) => void | Promise<void>,
): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), private: true };
    });
    scope.setErrorHandler((error, request, reply) => {
      if (error instanceof NotAuthenticatedError) return signInRedirect(request, reply);
      const publicError = toPublicError(error);
      if (publicError.status >= 500) request.log.error({ err: error }, 'unhandled error');
      reply.code(publicError.status);
      if (publicError.status === 404)
        return reply.view('pages/errors/not-found.njk', { message: publicError.message, actor: request.actor });
      return reply.view('pages/errors/error.njk', {
        status: publicError.status,
        message: publicError.message,
        actor: request.actor,
      });
    });
    await body(scope);
  });
}
