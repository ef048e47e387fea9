/**
 * The pages' error handler (STYLE.md habit 7: one handler per surface; the API has its own): a
 * GOV.UK-style page with the error's plain message. Unexpected errors are logged and shown as a
 * generic message, never with their details.
 */
import type { FastifyInstance } from 'fastify';
import { toPublicError } from '../errors.ts';

export function setUpErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => reply.code(404).view('pages/errors/not-found.njk'));
  app.setErrorHandler((error, request, reply) => {
    const publicError = toPublicError(error);
    if (publicError.status >= 500) request.log.error({ err: error }, 'unhandled error');
    reply.code(publicError.status);
    if (publicError.status === 404) return reply.view('pages/errors/not-found.njk', { message: publicError.message });
    return reply.view('pages/errors/error.njk', { status: publicError.status, message: publicError.message });
  });
}
