/**
 * The committee report of an inspection, public like the inspection itself:
 * GET /inspections/:id/committee-report (the HTML print view, linking the other formats) and
 * GET /api/v1/inspections/:id/committee-report.docx (the Word document; in the OpenAPI document).
 */
import type { FastifyInstance } from 'fastify';
import { committeeReportContent } from '../../../documents/index.ts';
import { NotFoundError } from '../../../errors.ts';
import type { PapersService } from '../../../services/index.ts';
import { renderCommitteeReport } from '../../papers/committee-report.render.ts';
import { renderPaperHtml } from '../../papers/paper.html.ts';
import { paths } from '../../paths.ts';
import { inspectionIdSchema } from '../inspection/inspection.controller.ts';

function inspectionId(raw: string): number {
  const id = inspectionIdSchema.safeParse(raw);
  if (!id.success) throw new NotFoundError(`There is no inspection with the reference \u201c${raw}\u201d.`, 'unknown-inspection');
  return id.data;
}

export function registerPaperRoutes(app: FastifyInstance, papers: PapersService): void {
  app.get<{ Params: { id: string } }>('/inspections/:id/committee-report', async (request, reply) => {
    const id = inspectionId(request.params.id);
    const data = await papers.committeeReport({ inspection: id });
    const html = renderPaperHtml(committeeReportContent(data), {
      standalone: false,
      downloads: [
        { text: 'Download as a Word document (.docx)', href: paths.api.committeeReportDocx(id) },
        { text: 'Back to the inspection', href: paths.inspection(id) },
      ],
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get<{ Params: { id: string } }>('/api/v1/inspections/:id/committee-report.docx', async (request, reply) => {
    const id = inspectionId(request.params.id);
    const paper = await renderCommitteeReport(await papers.committeeReport({ inspection: id }), 'docx');
    return reply
      .type(paper.contentType)
      .header('content-disposition', `attachment; filename="${paper.fileName}"`)
      .header('cache-control', 'no-cache')
      .header('access-control-allow-origin', '*')
      .send(paper.body);
  });
}
