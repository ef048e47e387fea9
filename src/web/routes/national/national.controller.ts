/** GET /national (the national picture) and its CSV download of the table as shown. */
import type { FastifyInstance } from 'fastify';
import { todayIso } from '../../../calendar/index.ts';
import { GRADES, type JudgementArea } from '../../../domain/index.ts';
import { nationalDistributionChart } from '../../charts/national-distribution.chart.ts';
import { areaShort, gradeShort } from '../../format.ts';
import { paths } from '../../../paths.ts';
import { PUBLIC_PAGE } from '../../middleware/set-up-views.ts';
import {
  COUNTED_BY,
  GOOD_OR_BETTER,
  type CountedBy,
  type NationalScope,
  type Services,
} from '../../../services/index.ts';
import { FRAMEWORKS } from '../../../domain/index.ts';
import { distributionOverTimeChart } from '../../charts/distribution-over-time.chart.ts';
import { areasIn, latestRowsCsv, sortRows } from './latest-table.ts';
import { nationalTables } from './national-tables.ts';
import { downloadHrefs, requestedDownload, sendDownload } from '../../downloads.ts';
import { parseNationalQuery, type NationalQuery, type SortKey } from './national.schema.ts';

const TEMPLATE = 'pages/national/national.njk';
const COLUMN_TEXT: Record<string, string> = { name: 'Council', region: 'Region', published: 'Published', kind: 'Kind' };

/** The page's query as URL parameters, defaults left out, with some replaced. */
function queryString(
  query: NationalQuery,
  overrides: Partial<Record<string, string>> = {},
): Record<string, string | undefined> {
  return {
    asAt: query.asAt,
    region: query.region,
    overall: query.overall,
    framework: query.framework,
    name: query.name,
    sort: query.sort === 'name' ? undefined : query.sort,
    order: query.order === 'asc' ? undefined : query.order,
    countedBy: query.countedBy === 'published' ? undefined : query.countedBy,
    ...overrides,
  };
}

function columns(query: NationalQuery, areas: readonly JudgementArea[]) {
  const keys: SortKey[] = ['name', 'region', 'published', 'kind', ...areas];
  return keys.map((key) => {
    const active = query.sort === key;
    const nextOrder = active && query.order === 'asc' ? 'desc' : 'asc';
    const text = COLUMN_TEXT[key] ?? areaShort(key as JudgementArea);
    return {
      key,
      text,
      ariaSort: active ? (query.order === 'asc' ? 'ascending' : 'descending') : 'none',
      href: `${paths.withQuery(paths.national, queryString(query, { sort: key, order: nextOrder }))}#latest-inspections`,
    };
  });
}

function scopeOf(query: NationalQuery): NationalScope {
  return {
    region: query.region,
    overall: query.overall,
    framework: query.framework,
    name: query.name,
    countedBy: query.countedBy,
  };
}

/** How the page says which inspections count at the date. */
export const COUNTED_BY_TEXT: Record<CountedBy, { readonly option: string; readonly phrase: string }> = {
  published: { option: 'Published by the date (what anyone could read then)', phrase: 'published by' },
  inspected: {
    option: "Inspected by the date, published at any time (Ofsted's official statistics)",
    phrase: 'carried out (last day on site) by',
  },
};

/** The filters in force, in words ("North West, overall effectiveness good"); empty for every council. */
function scopeText(query: NationalQuery): string {
  const parts = [
    query.region,
    query.overall &&
      `overall effectiveness ${query.overall === GOOD_OR_BETTER ? 'good or better' : gradeShort(query.overall).toLowerCase()}`,
    query.framework && `latest ${query.framework} inspection`,
    query.name && `name contains “${query.name}”`,
  ].filter((part): part is string => Boolean(part));
  return parts.join(', ');
}

/**
 * Links in the CSV: absolute from the configured public address (CSCI_PUBLIC_URL), else relative to
 * the site; never from the request's Host header, which the client chooses.
 */
export function registerNationalRoutes(
  app: FastifyInstance,
  { readModel }: Services,
  options: { readonly publicUrl?: string } = {},
): void {
  const linkBase = options.publicUrl ?? '';
  app.get(paths.national, PUBLIC_PAGE, async (request, reply) => {
    const { query, asAtError, asAtInput } = parseNationalQuery(request.query);
    const asAt = query.asAt ?? todayIso();
    const basis = `each council's latest graded inspection ${COUNTED_BY_TEXT[query.countedBy].phrase} the date${scopeText(query) ? `; councils: ${scopeText(query)}` : ''}`;
    const wanted = requestedDownload(request.query);
    if (wanted && !asAtError) {
      const picture = await readModel.nationalPicture(asAt, scopeOf(query));
      return sendDownload(
        reply,
        nationalTables(picture, sortRows(picture.latest, query.sort, query.order), scopeText(query)),
        wanted,
        { asAt, basis },
      );
    }
    const context = async () => {
      const whole = await readModel.nationalPicture(asAt, { countedBy: query.countedBy });
      const picture = await readModel.nationalPicture(asAt, scopeOf(query));
      const shown = sortRows(picture.latest, query.sort, query.order);
      const areas = areasIn(whole.latest.length ? whole.latest : shown);
      return {
        asAt,
        scopeText: scopeText(query),
        countedBy: query.countedBy,
        countedByPhrase: COUNTED_BY_TEXT[query.countedBy].phrase,
        countedByItems: COUNTED_BY.map((value) => ({
          value,
          text: COUNTED_BY_TEXT[value].option,
          checked: value === query.countedBy,
        })),
        otherBasisHref: paths.withQuery(
          paths.national,
          queryString(query, { countedBy: query.countedBy === 'published' ? 'inspected' : undefined }),
        ),
        everyCouncilHref: paths.withQuery(paths.national, {
          asAt: query.asAt,
          countedBy: query.countedBy === 'published' ? undefined : query.countedBy,
        }),
        form: { asAt: asAtInput, name: query.name ?? '', sort: query.sort, order: query.order },
        errors: asAtError
          ? { summary: [{ text: asAtError, href: '#as-at' }], fields: { asAt: asAtError } }
          : { summary: [], fields: {} },
        included: picture.included,
        missing: picture.missing,
        distributions: picture.distributions,
        visitThemes: picture.visitThemes,
        chartSvg: nationalDistributionChart(picture.distributions, asAt, scopeText(query)),
        regionItems: [
          { value: '', text: 'All regions' },
          ...picture.regions.map((region) => ({ value: region, text: region, selected: region === query.region })),
        ],
        gradeItems: [
          { value: '', text: 'Any grade' },
          { value: GOOD_OR_BETTER, text: 'Good or better', selected: query.overall === GOOD_OR_BETTER },
          ...GRADES.map((grade) => ({ value: grade, text: gradeShort(grade), selected: grade === query.overall })),
        ],
        frameworkItems: [
          { value: '', text: 'SIF or ILACS' },
          ...FRAMEWORKS.map((framework) => ({
            value: framework,
            text: framework,
            selected: framework === query.framework,
          })),
        ],
        frameworks: picture.frameworks,
        quarters: picture.quarters,
        quartersChartSvg: distributionOverTimeChart(picture.quarters, scopeText(query)),
        rows: shown,
        totalRows: whole.latest.length,
        filtered: scopeText(query).length > 0,
        areas,
        columns: columns(query, areas),
        csvHref: paths.withQuery(paths.nationalCsv, queryString(query)),
        downloads: Object.fromEntries(
          ['grades-by-area', 'over-time', 'latest-inspections', 'focused-visits-by-theme'].map((id) => [
            id,
            downloadHrefs(paths.national, queryString(query), id),
          ]),
        ),
      };
    };
    if (asAtError) return reply.code(400).view(TEMPLATE, await context());
    return reply.cachedView(`${await readModel.dataVersion()}:${asAt}:${request.url}`, TEMPLATE, context);
  });

  app.get(paths.nationalCsv, async (request, reply) => {
    const { query, asAtError } = parseNationalQuery(request.query);
    if (asAtError) return reply.code(400).type('text/plain; charset=utf-8').send(`${asAtError}\n`);
    const asAt = query.asAt ?? todayIso();
    const picture = await readModel.nationalPicture(asAt, scopeOf(query));
    const shown = sortRows(picture.latest, query.sort, query.order);
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="latest-inspections-${asAt}${query.countedBy === 'inspected' ? '-inspected' : ''}.csv"`,
      )
      .send(latestRowsCsv(shown, asAt, (row) => `${linkBase}${paths.inspection(row.id)}`, query.countedBy));
  });
}
