/**
 * A plan's papers from its pages (issue 12): the action plan as Word, Excel, a print view and a PDF,
 * and the progress report as Word, a print view and a PDF, "since" a frozen version chosen on the
 * plan page. Private as the plan: the papers service checks the actor and the council scope (sign
 * in first; 404 for another council's plan); never cached; files are attachments. A PDF needs
 * Chromium: without it the route answers 503 with a page that names what is missing.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../../errors.ts';
import { paths } from '../../../paths.ts';
import type { RenderedPlanPaper, Services } from '../../../services/index.ts';
import { registerPrivatePages, requireActor } from '../account/private-pages.ts';
import { styleNonceOf } from '../papers/papers.controller.ts';
import type { PapersLink } from './plan-papers-section.ts';
import { planPaths } from './plan-paths.ts';
import { parseId } from './plans.controller.ts';

const versionNumber = z
  .string()
  .regex(/^\d{1,6}$/, 'must be a version number, such as 1')
  .transform(Number)
  .refine((value) => value >= 1, 'must be a version number from 1');
const actionPlanQuery = z.object({ version: versionNumber.optional() });
const progressQuery = z.object({ since: versionNumber.optional() });

function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const parsed = schema.safeParse(query ?? {});
  if (!parsed.success)
    throw new ValidationError(
      `The address is not right: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}.`,
    );
  return parsed.data;
}

function download(reply: FastifyReply, paper: RenderedPlanPaper) {
  return reply
    .type(paper.contentType)
    .header('content-disposition', `attachment; filename="${paper.fileName}"`)
    .send(paper.body);
}

export function registerPlanPaperPages(app: FastifyInstance, services: Services): Promise<void> {
  const { papers } = services;

  /** The links at the top of a print view: the files of the same paper, and the way back. */
  const printViewOptions = (reply: FastifyReply, planId: number, files: readonly PapersLink[]) => ({
    styleNonce: styleNonceOf(reply),
    iconHref: `${paths.appAssets}/icon.svg`,
    downloads: [
      ...files.map((file) => ({ text: `Download: ${file.text}`, href: file.href })),
      { text: 'Back to the plan', href: planPaths.plan(planId) },
    ],
  });
  const pdfAvailable = () => papers.pdfPrinting().available;

  return registerPrivatePages(app, (scope) => {
    scope.get<{ Params: { id: string } }>('/plans/:id/action-plan', async (request, reply) => {
      const actor = requireActor(request);
      const planId = parseId(request.params.id, 'plan');
      const { version } = parseQuery(actionPlanQuery, request.query);
      const files: PapersLink[] = [
        { text: 'Word, .docx', href: planPaths.actionPlan(planId, 'docx', version), file: true },
        { text: 'Excel, .xlsx', href: planPaths.actionPlan(planId, 'xlsx', version), file: true },
        ...(pdfAvailable()
          ? [{ text: 'PDF, .pdf', href: planPaths.actionPlan(planId, 'pdf', version), file: true }]
          : []),
      ];
      const html = await papers.actionPlanPrintView(actor, { planId, version }, printViewOptions(reply, planId, files));
      return reply.type('text/html; charset=utf-8').send(html);
    });

    for (const format of ['docx', 'xlsx', 'pdf'] as const) {
      scope.get<{ Params: { id: string } }>(`/plans/:id/action-plan.${format}`, async (request, reply) => {
        const actor = requireActor(request);
        const planId = parseId(request.params.id, 'plan');
        const { version } = parseQuery(actionPlanQuery, request.query);
        return download(reply, await papers.actionPlanFile(actor, { planId, version }, format));
      });
    }

    scope.get<{ Params: { id: string } }>('/plans/:id/progress-report', async (request, reply) => {
      const actor = requireActor(request);
      const planId = parseId(request.params.id, 'plan');
      const { since } = parseQuery(progressQuery, request.query);
      const files: PapersLink[] = [
        { text: 'Word, .docx', href: planPaths.progressReport(planId, 'docx', since), file: true },
        ...(pdfAvailable()
          ? [{ text: 'PDF, .pdf', href: planPaths.progressReport(planId, 'pdf', since), file: true }]
          : []),
      ];
      const html = await papers.progressReportPrintView(
        actor,
        { planId, since },
        printViewOptions(reply, planId, files),
      );
      return reply.type('text/html; charset=utf-8').send(html);
    });

    for (const format of ['docx', 'pdf'] as const) {
      scope.get<{ Params: { id: string } }>(`/plans/:id/progress-report.${format}`, async (request, reply) => {
        const actor = requireActor(request);
        const planId = parseId(request.params.id, 'plan');
        const { since } = parseQuery(progressQuery, request.query);
        return download(reply, await papers.progressReportFile(actor, { planId, since }, format));
      });
    }
  });
}
