/**
 * The private API, by bearer token: /me (who the token acts as), /audit (admins; JSON or CSV) and a
 * council's members (its own users and admins; 404 to everyone else). 401 carries
 * `WWW-Authenticate: Bearer`. Answers are never cached.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../errors.ts';
import { auditEventsCsv } from '../../services/account-views.ts';
import type { AccountsServices } from '../../services/accounts-services.ts';
import { setUpBearerScope, tokenActor } from './bearer-scope.ts';

const auditQuerySchema = z.object({
  action: z.string().max(64).optional(),
  actorEmail: z.string().max(254).optional(),
  recordType: z.string().max(32).optional(),
  recordId: z.string().max(64).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'must be a date, YYYY-MM-DD')
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'must be a date, YYYY-MM-DD')
    .optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  format: z.enum(['json', 'csv']).optional(),
});

export function registerAuthApi(accounts: AccountsServices): FastifyPluginAsync {
  return async function authApi(api: FastifyInstance) {
    setUpBearerScope(api);

    api.get('/me', async (request) => {
      const actor = tokenActor(request);
      return { email: actor.email, name: actor.name, role: actor.role, councils: actor.councils };
    });

    api.get('/audit', async (request, reply) => {
      const actor = tokenActor(request);
      const parsed = auditQuerySchema.safeParse(request.query ?? {});
      if (!parsed.success)
        throw new ValidationError(
          parsed.error.issues.map((issue) => `query parameter ${issue.path.join('.')}: ${issue.message}`).join('; '),
        );
      const { format, ...filter } = parsed.data;
      const events = await accounts.audit.list(actor, { ...filter, limit: filter.limit ?? 1000 });
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(auditEventsCsv(events));
      return { count: events.length, events };
    });

    api.get<{ Params: { urn: string } }>('/councils/:urn/members', async (request) => {
      const actor = tokenActor(request);
      const workspace = await accounts.workspaces.get(actor, request.params.urn);
      return { urn: workspace.urn, name: workspace.name, members: workspace.members };
    });
  };
}
