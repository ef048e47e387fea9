/** GET /councils/:urn: a council's story — history, place among its peers, what comes next, latest recommendations. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { todayIso } from '../../../calendar/index.ts';
import { JUDGEMENT_AREAS, isoDateSchema } from '../../../domain/index.ts';
import { NotFoundError, ValidationError } from '../../../errors.ts';
import { councilTimelineChart } from '../../charts/council-timeline.chart.ts';
import { PUBLIC_PAGE } from '../../middleware/set-up-views.ts';
import { paths } from '../../../paths.ts';
import { letterStepsText } from '../../letter-steps.ts';
import { nextStepsText } from '../../next-steps.ts';
import { downloadHrefs, requestedDownload, sendDownload } from '../../downloads.ts';
import { COUNCIL_TABLE_IDS, councilTables } from './council-tables.ts';
import type { Services } from '../../../services/index.ts';

export const urnSchema = z.string().regex(/^\d{1,10}$/, 'A council is identified by its Ofsted URN, a number');
const querySchema = z.object({ asAt: z.string().trim().optional() });

export function registerCouncilRoutes(app: FastifyInstance, { readModel }: Services): void {
  app.get<{ Params: { urn: string } }>('/councils/:urn', PUBLIC_PAGE, async (request, reply) => {
    const urn = urnSchema.safeParse(request.params.urn);
    if (!urn.success) throw new NotFoundError(`There is no council with the reference “${request.params.urn}”.`);
    const { asAt: asAtInput } = querySchema.parse(request.query ?? {});
    if (asAtInput && !isoDateSchema.safeParse(asAtInput).success)
      throw new ValidationError('Enter a real date as year-month-day, for example 2019-03-31.');
    const asAt = asAtInput || todayIso();
    const wanted = requestedDownload(request.query);
    if (wanted) {
      const story = await readModel.councilStory(urn.data, asAt);
      return sendDownload(reply, councilTables(story), wanted, {
        asAt,
        basis:
          "each council's latest graded inspection published by the date; overall effectiveness as held (from the inspection before when the latest gives none)",
      });
    }
    const context = async () => {
      const story = await readModel.councilStory(urn.data, asAt);
      const latestEntry = story.history.find((entry) => entry.id === story.latest?.id);
      const group = await readModel.comparisonGroup(urn.data);
      return {
        ...story,
        downloads: Object.fromEntries(
          COUNCIL_TABLE_IDS.map((id) => [
            id,
            downloadHrefs(paths.council(urn.data), { asAt: asAtInput || undefined }, id),
          ]),
        ),
        compareHref: paths.withQuery(paths.compare, { councils: group.join(','), asAt: asAtInput || undefined }),
        next: [
          ...(story.next ? nextStepsText(story.next, story.asAt) : []),
          ...letterStepsText(story.visitsDone, asAt),
        ],
        overdue: story.next?.nominalWindow.status === 'after-window',
        asAtInput: asAtInput ?? '',
        latestEntry,
        positionGroups: [
          {
            caption: `In the ${story.council.regionName ?? 'region'}`,
            positions: story.positions.filter((position) => position.group === 'region'),
          },
          {
            caption: 'Among its statistical neighbours (and itself)',
            positions: story.positions.filter((position) => position.group === 'neighbours'),
          },
        ].filter((group) => group.positions.length > 0),
        latestAreas: latestEntry ? JUDGEMENT_AREAS.filter((area) => latestEntry.judgements[area] !== undefined) : [],
        historyAreas: JUDGEMENT_AREAS.filter((area) =>
          story.history.some((entry) => entry.judgements[area] !== undefined),
        ),
        timelineSvg: councilTimelineChart(
          story.council.name,
          story.history.map((entry) => ({ date: entry.inspectionEnd, judgements: entry.judgements })),
        ),
        latestRecommendations:
          story.latest?.recommendations.filter((recommendation) => recommendation.list === 'la') ?? [],
      };
    };
    return reply.cachedView(
      `${await readModel.dataVersion()}:${asAt}:${request.url}`,
      'pages/council/council.njk',
      context,
    );
  });
}
