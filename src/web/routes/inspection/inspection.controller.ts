/** GET /inspections/:id (one inspection: dates, kind, judgements in Ofsted's wording, recommendations, flags) and its source PDF. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AREA_WORDING, JUDGEMENT_AREAS } from '../../../domain/index.ts';
import { NotFoundError } from '../../../errors.ts';
import { paths } from '../../../paths.ts';
import { PUBLIC_PAGE } from '../../middleware/set-up-views.ts';
import type { DeadlineView, InspectionDetail, ReadModel, Services } from '../../../services/index.ts';
import { todayIso } from '../../../calendar/index.ts';
import { downloadHrefs, requestedDownload, sendDownload } from '../../downloads.ts';
import { inspectionTables } from './inspection-tables.ts';

export const inspectionIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const FRAMEWORK_TEXT: Record<string, string> = {
  SIF: 'Single inspection framework (SIF)',
  'ILACS-2018': 'ILACS, 2018 framework (children in care and care leavers judged together)',
  'ILACS-2023': 'ILACS, 2023 framework (care leavers judged separately)',
  'ILACS-2026': 'ILACS, 2026 framework (no overall effectiveness judgement)',
};

/** What a deadline's clock runs from, in words. */
const FROM_TEXT: Record<DeadlineView['from'], string> = {
  publication: 'publication of the report',
  receipt: 'receipt of the report (taken as its publication)',
  letter: 'receipt of the focused visit letter',
};

async function findInspection(readModel: ReadModel, rawId: string): Promise<InspectionDetail> {
  const id = inspectionIdSchema.safeParse(rawId);
  if (!id.success) throw new NotFoundError(`There is no inspection with the reference “${rawId}”.`);
  return readModel.inspection(id.data);
}

export function registerInspectionRoutes(app: FastifyInstance, { readModel }: Services): void {
  app.get<{ Params: { id: string } }>('/inspections/:id', PUBLIC_PAGE, async (request, reply) => {
    const today = todayIso();
    const wanted = requestedDownload(request.query);
    if (wanted) {
      const inspection = await findInspection(readModel, request.params.id);
      const deadlines = await readModel.inspectionDeadlines(inspection.id, today);
      return sendDownload(reply, inspectionTables(inspection, deadlines, today), wanted, {
        asAt: today,
        basis: `the facts read from the ${inspection.letter ? 'letter' : 'report'} published ${inspection.published}; each deadline passed or not on the as-at date`,
      });
    }
    const context = async () => {
      const inspection = await findInspection(readModel, request.params.id);
      const deadlines = await readModel.inspectionDeadlines(inspection.id, today);
      const wording = AREA_WORDING[inspection.version];
      return {
        inspection,
        // A link for each table the page holds (a table with no rows is neither shown nor offered).
        downloads: Object.fromEntries(
          inspectionTables(inspection, deadlines, today).map((table) => [
            table.id,
            downloadHrefs(paths.inspection(inspection.id), {}, table.id),
          ]),
        ),
        frameworkText: FRAMEWORK_TEXT[inspection.version] ?? inspection.version,
        judgementRows: JUDGEMENT_AREAS.filter((area) => inspection.judgements[area] !== undefined).map((area) => ({
          area,
          wording: wording[area] ?? area,
          grade: inspection.judgements[area],
        })),
        laRecommendations: inspection.recommendations.filter((recommendation) => recommendation.list === 'la'),
        lscbRecommendations: inspection.recommendations.filter((recommendation) => recommendation.list === 'lscb'),
        // The Ofsted address, when the store has it, replaces the local copy (shown as sourceUrl).
        reportHref:
          inspection.reportFile && !inspection.sourceUrl ? `${paths.inspection(inspection.id)}/report.pdf` : null,
        committeeReport: app.hasRoute({ method: 'GET', url: '/inspections/:id/committee-report' })
          ? { view: paths.committeeReport(inspection.id), docx: paths.api.committeeReportDocx(inspection.id) }
          : null,
        today,
        deadlines,
        fromText: FROM_TEXT,
      };
    };
    return reply.cachedView(
      `${await readModel.dataVersion()}:${today}:${request.url}`,
      'pages/inspection/inspection.njk',
      context,
    );
  });

  app.get<{ Params: { id: string } }>('/inspections/:id/report.pdf', async (request, reply) => {
    const inspection = await findInspection(readModel, request.params.id);
    const bytes = await readModel.reportPdf(inspection.id);
    if (!bytes)
      throw new NotFoundError(
        'The source report of this inspection is not held on this server: the file it was read from has moved, changed or is outside the reports folder.',
        'report-not-held',
      );
    const name = `${inspection.council.name.replace(/[^A-Za-z0-9]+/g, '-')}-${inspection.published}.pdf`;
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).send(bytes);
  });
}
