/**
 * The improvement plan's papers by bearer token: GET /plans/{id}/action-plan.docx and .xlsx, and
 * /plans/{id}/progress-report.docx (the working copy against the latest frozen version, or `since`).
 * Private as plans are: the papers service checks the token's person against the plan's council
 * (401 without a token, 404 for a council they cannot see). Answers are never cached.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../errors.ts';
import type { PapersService, RenderedPlanPaper } from '../../services/index.ts';
import { idParamSchema } from './api.schemas.ts';
import { setUpBearerScope, tokenActor } from './bearer-scope.ts';

const versionSchema = z.coerce.number().int().positive('must be a positive whole number').max(1_000_000);
const actionPlanQuerySchema = z.object({
  version: versionSchema.optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
    .optional(),
});
const progressQuerySchema = z.object({
  since: versionSchema.optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
    .optional(),
});

function parse<T extends z.ZodType>(schema: T, value: unknown, part: string): z.infer<T> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success)
    throw new ValidationError(
      parsed.error.issues
        .map((issue) => `${part} parameter ${issue.path.join('.') || '(unknown)'}: ${issue.message}`)
        .join('; '),
    );
  return parsed.data;
}

function download(reply: FastifyReply, paper: RenderedPlanPaper) {
  return reply
    .type(paper.contentType)
    .header('content-disposition', `attachment; filename="${paper.fileName}"`)
    .send(paper.body);
}

export function registerPlanPapersApi(papers: PapersService): FastifyPluginAsync {
  return async function planPapersApi(api: FastifyInstance) {
    setUpBearerScope(api);

    for (const format of ['docx', 'xlsx'] as const) {
      api.get(`/plans/:id/action-plan.${format}`, async (request, reply) => {
        const actor = tokenActor(request);
        const { id } = parse(idParamSchema, request.params, 'path');
        const query = parse(actionPlanQuerySchema, request.query, 'query');
        return download(
          reply,
          await papers.actionPlanFile(actor, { planId: id, version: query.version, preparedOn: query.date }, format),
        );
      });
    }

    api.get('/plans/:id/progress-report.docx', async (request, reply) => {
      const actor = tokenActor(request);
      const { id } = parse(idParamSchema, request.params, 'path');
      const query = parse(progressQuerySchema, request.query, 'query');
      return download(
        reply,
        await papers.progressReportFile(actor, { planId: id, since: query.since, preparedOn: query.date }, 'docx'),
      );
    });
  };
}
