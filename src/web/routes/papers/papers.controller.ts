/**
 * GET /inspections/:id/committee-report: the committee report's print view, public like the
 * inspection itself, with its style sheet inlined under the page's CSP nonce and a link to the
 * Word document (served by the API).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { NotFoundError } from '../../../errors.ts';
import { paths } from '../../../paths.ts';
import type { Services } from '../../../services/index.ts';
import { inspectionIdSchema } from '../inspection/inspection.controller.ts';

/** The style nonce of this response's content security policy, for a print view's inline style sheet. */
export function styleNonceOf(reply: FastifyReply): string {
  return (reply.cspNonce as FastifyReply['cspNonce'] | null)?.style ?? '';
}

export function registerPaperRoutes(app: FastifyInstance, { papers }: Services): void {
  app.get<{ Params: { id: string } }>('/inspections/:id/committee-report', async (request, reply) => {
    const id = inspectionIdSchema.safeParse(request.params.id);
    if (!id.success)
      throw new NotFoundError(
        `There is no inspection with the reference \u201c${request.params.id}\u201d.`,
        'unknown-inspection',
      );
    const html = await papers.committeeReportPrintView(
      { inspection: id.data },
      {
        styleNonce: styleNonceOf(reply),
        iconHref: `${paths.appAssets}/icon.svg`,
        downloads: [
          { text: 'Download as a Word document (.docx)', href: paths.api.committeeReportDocx(id.data) },
          { text: 'Back to the inspection', href: paths.inspection(id.data) },
        ],
      },
    );
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
