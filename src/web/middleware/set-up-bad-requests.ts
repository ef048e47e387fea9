/**
 * Requests Fastify refuses before routing (a URL that does not decode, such as `/councils/%ff`, or a
 * parameter too long) get the app's own answer: the security headers, a request id, the error shape
 * of the surface (JSON under /api, else the error page) and one log line, like every other request.
 * Pass `handleFrameworkError` as Fastify's `frameworkErrors` option.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../errors.ts';
import { paths } from '../../paths.ts';
import { FALLBACK_SECURITY_HEADERS, setTransportSecurity } from './set-up-web-security.ts';

function explain(error: FastifyError): ValidationError {
  if (error.code === 'FST_ERR_BAD_URL')
    return new ValidationError(
      'The address is not correctly encoded: check it, or follow a link from the site.',
      'bad-url',
    );
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return new ValidationError('The address is too long: check it, or follow a link from the site.', 'bad-url');
  return new ValidationError('The request could not be understood.', 'bad-request');
}

export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const started = performance.now();
  reply.headers(FALLBACK_SECURITY_HEADERS);
  setTransportSecurity(request, reply);
  reply.header('x-request-id', request.id);
  reply.raw.once('finish', () => {
    // The URL as received is not logged: it did not decode, and it may carry anything.
    request.log.info(
      {
        method: request.method,
        path: null,
        route: null,
        status: reply.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        refused: error.code,
      },
      'request',
    );
  });
  // Fastify's own handler would answer here: the app's shape is written out instead.
  const refusal = explain(error);
  reply.code(refusal.status);
  const url = request.raw.url ?? '';
  if (url === paths.api.root || url.startsWith(`${paths.api.root}/`) || url.startsWith(`${paths.api.root}?`)) {
    reply.send({ error: { code: refusal.code, message: refusal.message } });
  } else {
    reply.type('text/html; charset=utf-8').send(plainErrorPage(refusal.message));
  }
}

/** The error page without the view engine (these requests never reach it): the site's stylesheet, the message, a way home. */
function plainErrorPage(message: string): string {
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head><meta charset="utf-8"><title>There is a problem with the address</title><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="${paths.assets}/govuk-frontend.min.css"><link rel="stylesheet" href="${paths.appAssets}/app.css"></head>
<body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-l">There is a problem with the address</h1>
<p class="govuk-body">${message}</p>
<p class="govuk-body"><a class="govuk-link" href="${paths.home}">Go to the start page</a></p>
</main></div></body>
</html>
`;
}
