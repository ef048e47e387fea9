/**
 * The plan API (issue 11), private, by bearer token: a council's plans, a plan, its actions,
 * measures, values, updates, submission and frozen versions. Every plan resource carries an ETag
 * (`W/"<version>"`); every write names the version it is based on in `If-Match` (428 without one),
 * and a stale one gets 412 with the current resource; submission with gaps gets 409 with the gaps.
 * Answers are never cached (`Cache-Control: no-store`, as on every private route).
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { CoverageGapsError, StaleWriteError, ValidationError, VersionRequiredError } from '../../errors.ts';
import type { Owner, PlansService } from '../../services/index.ts';
import { urnParamSchema } from './api.schemas.ts';
import { setUpBearerScope, tokenActor } from './bearer-scope.ts';
import {
  actionPatchSchema,
  evidenceQuerySchema,
  newActionSchema,
  newMeasureSchema,
  newMeasureValueSchema,
  newPlanSchema,
  newUpdateSchema,
  planIdParamSchema,
  versionParamSchema,
} from './plans.schemas.ts';
import type { z } from 'zod';

function parse<T extends z.ZodType>(schema: T, value: unknown, part: string): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => `${part} ${issue.path.join('.') || 'value'}: ${issue.message}`).join('; '),
  );
}

export const etagOf = (version: number): string => `W/"${version}"`;

/** The version named by `If-Match` (`W/"3"`, `"3"` or `3`); 428 when there is none. */
export function ifMatchVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') throw new VersionRequiredError();
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(Array.isArray(header) ? (header[0] ?? '') : header);
  if (!match) throw new ValidationError('If-Match must be the ETag of the version you read, e.g. W/"3".');
  return Number(match[1]);
}

function owner(value: z.infer<typeof newActionSchema>['owner']): Owner {
  return typeof value === 'string' ? { kind: 'role', name: value } : value;
}

function send<T extends { readonly version: number }>(reply: FastifyReply, status: number, resource: T): T {
  reply.code(status).header('etag', etagOf(resource.version));
  return resource;
}

export function registerPlansApi(plans: PlansService): FastifyPluginAsync {
  return async function plansApi(api: FastifyInstance) {
    setUpBearerScope(api, {
      errorDetails: (error, reply) => {
        if (error instanceof StaleWriteError) {
          reply.header('etag', etagOf(error.currentVersion));
          return { current: error.current };
        }
        if (error instanceof CoverageGapsError) return { gaps: error.gaps, lines: error.lines };
        return {};
      },
    });

    api.get('/councils/:urn/plans', async (request) => {
      const actor = tokenActor(request);
      const { urn } = parse(urnParamSchema, request.params, 'path');
      return { urn, plans: await plans.listCouncilPlans(actor, urn) };
    });

    api.post('/councils/:urn/plans', async (request, reply) => {
      const actor = tokenActor(request);
      const { urn } = parse(urnParamSchema, request.params, 'path');
      const body = parse(newPlanSchema, request.body, 'body');
      return send(reply, 201, await plans.createPlan(actor, urn, body));
    });

    api.get('/plans/:id', async (request, reply) => {
      const actor = tokenActor(request);
      const { id } = parse(planIdParamSchema, request.params, 'path');
      return send(reply, 200, await plans.getPlan(actor, id));
    });

    api.post('/plans/:id/actions', async (request, reply) => {
      const actor = tokenActor(request);
      const { id } = parse(planIdParamSchema, request.params, 'path');
      const body = parse(newActionSchema, request.body, 'body');
      const basedOnVersion = ifMatchVersion(request);
      return send(reply, 201, await plans.addAction(actor, id, { ...body, owner: owner(body.owner), basedOnVersion }));
    });

    api.get('/actions/:id', async (request, reply) => {
      const actor = tokenActor(request);
      const { id } = parse(planIdParamSchema, request.params, 'path');
      return send(reply, 200, await plans.getAction(actor, id));
    });

    api.patch('/actions/:id', async (request, reply) => {
      const actor = tokenActor(request);
      const { id } = parse(planIdParamSchema, request.params, 'path');
      const { ragOverride, ...changes } = parse(actionPatchSchema, request.body, 'body');
      const basedOnVersion = ifMatchVersion(request);
      if (ragOverride !== undefined) {
        if (Object.keys(changes).length > 0)
          throw new ValidationError('Send a RAG override on its own, not with other changes to the action.');
        return send(
          reply,
          200,
          await plans.overrideRag(actor, id, {
            rating: ragOverride?.rating ?? null,
            reason: ragOverride?.reason,
            basedOnVersion,
          }),
        );
      }
      if (Object.keys(changes).length === 0) throw new ValidationError('Send at least one change to the action.');
      const { owner: newOwner, ...rest } = changes;
      return send(
        reply,
        200,
        await plans.updateAction(actor, id, {
          ...rest,
          ...(newOwner === undefined ? {} : { owner: owner(newOwner) }),
          basedOnVersion,
        }),
      );
    });

    api.post('/actions/:id/measures', async (request, reply) => {
      const actor = tokenActor(request);
      const { id } = parse(planIdParamSchema, request.params, 'path');
      const body = parse(newMeasureSchema, request.body, 'body');
      const basedOnVersion = ifMatchVersion(request);
      return send(reply, 201, await plans.addMeasure(actor, id, { ...body, basedOnVersion }));
    });

    api.get('/measures/:id', async (request, reply) => {
      const actor = tokenActor(request);
      const { id } = parse(planIdParamSchema, request.params, 'path');
      return send(reply, 200, await plans.getMeasure(actor, id));
    });

    api.post('/measures/:id/values', async (request, reply) => {
      const actor = tokenActor(request);
      const { id } = parse(planIdParamSchema, request.params, 'path');
      const body = parse(newMeasureValueSchema, request.body, 'body');
      const basedOnVersion = ifMatchVersion(request);
      const { value, measure } = await plans.addMeasureValue(actor, id, { ...body, basedOnVersion });
      reply.code(201).header('etag', etagOf(measure.version));
      return { value, measure };
    });

    api.post('/actions/:id/updates', async (request, reply) => {
      const actor = tokenActor(request);
      const { id } = parse(planIdParamSchema, request.params, 'path');
      const { evidence, ...body } = parse(newUpdateSchema, request.body, 'body');
      const basedOnVersion = ifMatchVersion(request);
      return send(
        reply,
        201,
        await plans.addUpdate(actor, id, { ...body, evidenceLinks: evidence ?? [], basedOnVersion }),
      );
    });

    // Evidence: the file's bytes as the body (any content type: its content decides what it is), its name in ?fileName=.
    // In a scope of its own, so that only this route takes raw bodies that large.
    await api.register(async (files) => {
      files.addContentTypeParser(
        '*',
        { parseAs: 'buffer', bodyLimit: plans.evidenceMaxBytes + 1 },
        (_request, body, done) => done(null, body),
      );
      files.post('/actions/:id/evidence', { bodyLimit: plans.evidenceMaxBytes + 1 }, async (request, reply) => {
        const actor = tokenActor(request);
        const { id } = parse(planIdParamSchema, request.params, 'path');
        const { fileName } = parse(evidenceQuerySchema, request.query, 'query');
        const basedOnVersion = ifMatchVersion(request);
        if (!Buffer.isBuffer(request.body))
          throw new ValidationError(
            'Send the file itself as the body (Content-Type: application/octet-stream).',
            'invalid-evidence',
          );
        reply.code(201);
        return plans.addEvidence(actor, { actionId: id }, { fileName, bytes: request.body, basedOnVersion });
      });
    });

    api.get('/evidence/:id', async (request, reply) => {
      const actor = tokenActor(request);
      const { id } = parse(planIdParamSchema, request.params, 'path');
      const { evidence, body } = await plans.getEvidenceFile(actor, id);
      return reply
        .type(evidence.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${evidence.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(body);
    });

    api.post('/plans/:id/submit', async (request, reply) => {
      const actor = tokenActor(request);
      const { id } = parse(planIdParamSchema, request.params, 'path');
      const basedOnVersion = ifMatchVersion(request);
      const frozen = await plans.submit(actor, id, { basedOnVersion });
      reply.header('etag', etagOf(frozen.content.plan.version));
      return frozen;
    });

    api.get('/plans/:id/versions', async (request) => {
      const actor = tokenActor(request);
      const { id } = parse(planIdParamSchema, request.params, 'path');
      return { planId: id, versions: await plans.listVersions(actor, id) };
    });

    api.get('/plans/:id/versions/:n', async (request, reply) => {
      const actor = tokenActor(request);
      const { id, n } = parse(versionParamSchema, request.params, 'path');
      const frozen = await plans.getVersion(actor, id, n);
      // A frozen version never changes: its number is its validator.
      reply.header('etag', `"v${frozen.number}"`);
      return frozen;
    });
  };
}
