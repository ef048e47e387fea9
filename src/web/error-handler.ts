/**
 * One handler per surface (STYLE.md habit 7): pages get a GOV.UK-style error page with the error's
 * plain message; /api gets `{"error": {"code", "message"}}`. Unexpected errors are logged and shown
 * as a generic message, never with their details.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError } from '../errors.ts';
import { paths } from './paths.ts';

interface PublicError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function toPublicError(error: unknown): PublicError {
  if (error instanceof DomainError) return { status: error.status, code: error.code, message: error.message };
  if (error instanceof ZodError) return { status: 400, code: 'invalid-input', message: describeZodError(error) };
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: (fastifyError.code ?? 'bad-request').toLowerCase().replace(/_/g, '-'), message: fastifyError.message ?? 'Bad request' };
  }
  return { status: 500, code: 'internal-error', message: 'Sorry, there is a problem with the service. Try again later.' };
}

function isApi(request: FastifyRequest): boolean {
  return request.url === paths.api.root || request.url.startsWith(`${paths.api.root}/`) || request.url.startsWith(`${paths.api.root}?`);
}

function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  reply.code(404);
  if (isApi(request)) return reply.send({ error: { code: 'not-found', message: `There is no API resource at ${request.url.split('?')[0]}.` } });
  return reply.view('pages/errors/not-found.njk');
}

export function setUpErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => sendNotFound(request, reply));
  app.setErrorHandler((error, request, reply) => {
    const publicError = toPublicError(error);
    if (publicError.status >= 500) request.log.error({ err: error }, 'unhandled error');
    reply.code(publicError.status);
    if (isApi(request)) return reply.send({ error: { code: publicError.code, message: publicError.message } });
    if (publicError.status === 404) return reply.view('pages/errors/not-found.njk', { message: publicError.message });
    return reply.view('pages/errors/error.njk', { status: publicError.status, message: publicError.message });
  });
}
