/** GET /compare?councils=URN,URN,...: up to six councils side by side, with their tables as downloads. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { todayIso } from '../../../calendar/index.ts';
import {
  GRADE_WORDING,
  JUDGEMENT_AREAS,
  JUDGEMENT_AREA_COLUMNS,
  isoDateSchema,
  type JudgementArea,
} from '../../../domain/index.ts';
import { ValidationError } from '../../../errors.ts';
import { paths } from '../../../paths.ts';
import { MAX_COMPARED, type Comparison, type Services } from '../../../services/index.ts';
import { trajectoriesChart } from '../../charts/trajectories.chart.ts';
import { downloadHrefs, requestedDownload, sendDownload, type DownloadTable } from '../../downloads.ts';
import { PUBLIC_PAGE } from '../../middleware/set-up-views.ts';

const TEMPLATE = 'pages/compare/compare.njk';
export const COMPARE_BASIS =
  "each council's latest graded inspection published by the date; overall effectiveness as held (from the inspection before when the latest gives none)";

const querySchema = z.object({
  councils: z.string().trim().max(200).optional(),
  asAt: z.string().trim().max(20).optional(),
});

/** The URNs asked for, in order, duplicates dropped; a bad or too long list is a clear error. */
export function parseCouncilList(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  const urns = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
  const bad = urns.filter((urn) => !/^\d{1,10}$/.test(urn));
  if (bad.length > 0) throw new ValidationError(`Give councils by their Ofsted URN, a number: “${bad[0]}” is not one.`);
  if (urns.length > MAX_COMPARED)
    throw new ValidationError(`Compare up to ${MAX_COMPARED} councils at once; ${urns.length} were given.`);
  return urns;
}

const AREAS: readonly JudgementArea[] = JUDGEMENT_AREAS.filter((area) => area !== 'lscb');

/** The comparison's two tables as data: one row per council, and one row per council's inspection. */
export function comparisonTables(comparison: Comparison): DownloadTable[] {
  const wording = (grade: string | undefined | null) =>
    grade ? GRADE_WORDING[grade as keyof typeof GRADE_WORDING] : null;
  return [
    {
      id: 'compare',
      title: `Councils compared as at ${comparison.asAt}: grades, dates and trajectories`,
      columns: [
        'urn',
        'local_authority',
        'region',
        'overall_effectiveness_held',
        'overall_from_published',
        'latest_published',
        'latest_kind',
        ...AREAS.filter((area) => area !== 'overall').map((area) => JUDGEMENT_AREA_COLUMNS[area]),
        'graded_inspections',
        'trajectory',
      ],
      rows: comparison.councils.map((row) => [
        row.council.urn,
        row.council.name,
        row.council.regionName,
        wording(row.overall?.grade),
        row.overall?.published ?? null,
        row.latest?.published ?? null,
        row.latest?.kind ?? null,
        ...AREAS.filter((area) => area !== 'overall').map((area) => wording(row.latest?.judgements[area])),
        row.history.length,
        trajectoryText(row.history),
      ]),
    },
    {
      id: 'compare-inspections',
      title: `Every graded inspection of the councils compared, published by ${comparison.asAt}`,
      columns: [
        'urn',
        'local_authority',
        'inspection_start',
        'inspection_end',
        'published',
        'version',
        'kind',
        ...AREAS.map((area) => JUDGEMENT_AREA_COLUMNS[area]),
        'overall_change',
      ],
      rows: comparison.councils.flatMap((row) =>
        row.history.map((entry) => [
          row.council.urn,
          row.council.name,
          entry.inspectionStart,
          entry.inspectionEnd,
          entry.published,
          entry.version,
          entry.kind,
          ...AREAS.map((area) => wording(entry.judgements[area])),
          entry.changes.overall ?? null,
        ]),
      ),
    },
  ];
}

/** "Requires improvement (2016) → Good (2019)": the overall grade at each inspection that gave one. */
export function trajectoryText(history: Comparison['councils'][number]['history']): string {
  return history
    .flatMap((entry) =>
      entry.judgements.overall ? [`${GRADE_WORDING[entry.judgements.overall]} (${entry.published.slice(0, 4)})`] : [],
    )
    .join(' → ');
}

export function registerCompareRoutes(app: FastifyInstance, { readModel }: Services): void {
  app.get(paths.compare, PUBLIC_PAGE, async (request, reply) => {
    const query = querySchema.safeParse(request.query ?? {});
    if (!query.success)
      throw new ValidationError('Give up to six Ofsted URNs separated by commas, and a date as year-month-day.');
    const urns = parseCouncilList(query.data.councils);
    const asAtInput = query.data.asAt ?? '';
    if (asAtInput && !isoDateSchema.safeParse(asAtInput).success)
      throw new ValidationError('Enter a real date as year-month-day, for example 2019-03-31.');
    const asAt = asAtInput || todayIso();
    const comparison = await readModel.compareCouncils(urns, asAt);
    const tables = comparisonTables(comparison);
    const wanted = requestedDownload(request.query);
    if (wanted) return sendDownload(reply, tables, wanted, { asAt, basis: COMPARE_BASIS });
    const pageQuery = { councils: urns.join(','), asAt: asAtInput || undefined };
    const context = async () => ({
      asAt,
      asAtInput,
      councilsInput: urns.join(', '),
      max: MAX_COMPARED,
      councils: comparison.councils.map((row) => ({ ...row, trajectory: trajectoryText(row.history) })),
      areas: AREAS.filter(
        (area) => area !== 'overall' && comparison.councils.some((row) => row.latest?.judgements[area] !== undefined),
      ),
      historyAreas: AREAS.filter((area) =>
        comparison.councils.some((row) => row.history.some((entry) => entry.judgements[area] !== undefined)),
      ),
      chartSvg: trajectoriesChart(
        comparison.councils.map((row) => ({
          name: row.council.name,
          points: row.history.flatMap((entry) =>
            entry.judgements.overall ? [{ date: entry.inspectionEnd, grade: entry.judgements.overall }] : [],
          ),
        })),
        asAt,
      ),
      downloads: {
        compare: downloadHrefs(paths.compare, pageQuery, 'compare'),
        inspections: downloadHrefs(paths.compare, pageQuery, 'compare-inspections'),
      },
    });
    return reply.cachedView(`${await readModel.dataVersion()}:${asAt}:${request.url}`, TEMPLATE, context);
  });
}
