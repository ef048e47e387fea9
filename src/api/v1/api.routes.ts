/**
 * /api/v1: explicit JSON routes for everything the pages show. Inputs are parsed with zod; errors are
 * `{"error": {"code", "message"}}` with the right status. No sessions, no cookies.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { AREA_WORDING, JUDGEMENT_AREAS, type JudgementArea } from '../../domain/index.ts';
import { todayIso } from '../../calendar/index.ts';
import { toPublicError, ValidationError } from '../../errors.ts';
import { paths } from '../../paths.ts';
import {
  inspectionSummary,
  type CouncilSummary,
  type DeadlineView,
  type InspectionDetail,
  type LetterDetail,
  type Services,
} from '../../services/index.ts';
import {
  SOURCE,
  asAtQuerySchema,
  councilsQuerySchema,
  idParamSchema,
  latestQuerySchema,
  nationalQuerySchema,
  urnParamSchema,
} from './api.schemas.ts';
import { openApiDocument } from './openapi.ts';
import type { z } from 'zod';

/** Parses one part of the request, turning a zod failure into a 400 naming the part and field. */
function parse<T extends z.ZodType>(schema: T, value: unknown, part: string): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const message = result.error.issues
    .map(
      (issue) =>
        `${part} parameter ${issue.path.join('.') || 'value'}: ${/^an? /.test(issue.message) ? `must be ${issue.message}` : issue.message}`,
    )
    .join('; ');
  throw new ValidationError(message);
}

function council(summary: CouncilSummary) {
  return {
    urn: summary.urn,
    name: summary.name,
    laCode: summary.laCode,
    gssCode: summary.gssCode,
    region: summary.regionName,
    laType: summary.laType,
    active: summary.active,
    formerCodes: summary.formerCodes.map(({ codeType, code, name, inUseUntil, change }) => ({
      type: codeType,
      code,
      name,
      inUseUntil,
      change,
    })),
    predecessors: summary.predecessors,
    successors: summary.successors,
  };
}

/** What only a letter after an ungraded visit has, with the deadlines its areas for priority action start. */
function letterDetail(letter: LetterDetail, deadlines: readonly DeadlineView[]) {
  return {
    kind: letter.kind,
    letterDate: letter.letterDate,
    visitStart: letter.visitStart,
    visitEnd: letter.visitEnd,
    inspectors: letter.inspectors,
    focus: letter.focus,
    theme: letter.theme,
    covidContext: letter.covidContext,
    recommendations: letter.recommendations,
    priorityActions: letter.priorityActions,
    priorityActionDeadlines: deadlines,
  };
}

function inspectionDetail(inspection: InspectionDetail, hasReport: boolean, deadlines: readonly DeadlineView[]) {
  const wording: Partial<Record<JudgementArea, string>> = {};
  for (const area of JUDGEMENT_AREAS) {
    const text = AREA_WORDING[inspection.version][area];
    if (inspection.judgements[area] !== undefined && text) wording[area] = text;
  }
  return {
    ...inspectionSummary(inspection),
    council: council(inspection.council),
    framework: inspection.framework,
    leadInspector: inspection.leadInspector,
    localAuthorityAsPrinted: inspection.councilAsPrinted,
    judgementWording: wording,
    recommendations: inspection.recommendations,
    flags: inspection.flags,
    warnings: inspection.readerWarnings,
    letter: inspection.letter ? letterDetail(inspection.letter, deadlines) : null,
    report: inspection.sourceUrl ?? (hasReport ? `${paths.inspection(inspection.id)}/report.pdf` : null),
    source: SOURCE,
  };
}

export function registerApiV1({ readModel, papers }: Services): FastifyPluginAsync {
  return async function apiV1(api: FastifyInstance) {
    api.setErrorHandler((error, request, reply) => {
      const publicError = toPublicError(error);
      if (publicError.status >= 500) request.log.error({ err: error }, 'unhandled API error');
      return reply.code(publicError.status).send({ error: { code: publicError.code, message: publicError.message } });
    });
    api.setNotFoundHandler((request, reply) =>
      reply
        .code(404)
        .send({ error: { code: 'not-found', message: `There is no API resource at ${request.url.split('?')[0]}.` } }),
    );
    api.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-cache');
      reply.header('access-control-allow-origin', '*');
      return payload;
    });

    api.get('/', async () => ({
      openapi: paths.api.openapi,
      councils: paths.api.councils,
      nationalDistribution: paths.api.nationalDistribution,
      latestInspections: paths.api.latestInspections,
      source: SOURCE,
    }));

    api.get('/openapi.json', async () => openApiDocument());

    api.get('/councils', async (request) => {
      const { q } = parse(councilsQuerySchema, request.query, 'query');
      const councils = q === undefined ? await readModel.listCouncils() : await readModel.searchCouncils(q);
      return { count: councils.length, councils: councils.map(council) };
    });

    api.get('/councils/:urn', async (request) => {
      const { urn } = parse(urnParamSchema, request.params, 'path');
      const story = await readModel.councilStory(urn, todayIso());
      const latest = story.history.find((entry) => entry.id === story.latest?.id);
      return {
        council: council(story.council),
        latestInspection: latest ? inspectionSummary(latest) : null,
        overall: story.overall,
        inspections: story.history.length,
        letters: story.letters.length,
        links: {
          page: paths.council(urn),
          inspections: paths.api.councilInspections(urn),
          comparisons: paths.api.councilComparisons(urn),
          next: paths.api.councilNext(urn),
        },
      };
    });

    api.get('/councils/:urn/inspections', async (request) => {
      const { urn } = parse(urnParamSchema, request.params, 'path');
      const story = await readModel.councilStory(urn, todayIso());
      return {
        urn,
        inspections: story.history.map((entry) => ({
          ...inspectionSummary(entry),
          previous: entry.previous,
          changes: entry.changes,
        })),
        letters: story.letters,
        source: SOURCE,
      };
    });

    api.get('/councils/:urn/comparisons', async (request) => {
      const { urn } = parse(urnParamSchema, request.params, 'path');
      const asAt = parse(asAtQuerySchema, request.query, 'query').asAt ?? todayIso();
      const story = await readModel.councilStory(urn, asAt);
      return { urn, asAt, positions: story.positions, neighbours: story.neighbours, region: story.regionPeers };
    });

    api.get('/councils/:urn/next', async (request) => {
      const { urn } = parse(urnParamSchema, request.params, 'path');
      const asAt = parse(asAtQuerySchema, request.query, 'query').asAt ?? todayIso();
      const story = await readModel.councilStory(urn, asAt);
      return { urn, asAt, next: story.next };
    });

    api.get('/inspections/:id', async (request) => {
      const { id } = parse(idParamSchema, request.params, 'path');
      const inspection = await readModel.inspection(id);
      const deadlines = inspection.letter ? await readModel.inspectionDeadlines(id, todayIso()) : [];
      return inspectionDetail(inspection, inspection.reportFile !== null, deadlines);
    });

    api.get('/inspections/:id/committee-report.docx', async (request, reply) => {
      const { id } = parse(idParamSchema, request.params, 'path');
      const paper = await papers.committeeReportFile({ inspection: id }, 'docx');
      return reply
        .type(paper.contentType)
        .header('content-disposition', `attachment; filename="${paper.fileName}"`)
        .send(paper.body);
    });

    api.get('/stats/national', async (request) => {
      const query = parse(nationalQuerySchema, request.query, 'query');
      const asAt = query.asAt ?? todayIso();
      const countedBy = query.countedBy ?? 'published';
      const picture = await readModel.nationalPicture(asAt, { countedBy });
      const distributions = query.area
        ? picture.distributions.filter((distribution) => distribution.area === query.area)
        : picture.distributions;
      return { asAt, countedBy, included: picture.included, missing: picture.missing, distributions, source: SOURCE };
    });

    api.get('/stats/latest-inspections', async (request) => {
      const query = parse(latestQuerySchema, request.query, 'query');
      const asAt = query.asAt ?? todayIso();
      const countedBy = query.countedBy ?? 'published';
      const picture = await readModel.nationalPicture(asAt, {
        region: query.region,
        overall: query.overall,
        countedBy,
      });
      const rows = picture.latest;
      return {
        asAt,
        countedBy,
        count: rows.length,
        inspections: rows.map((row) => ({
          ...inspectionSummary(row),
          name: row.name,
          region: row.regionName,
          overall: row.overall,
        })),
        source: SOURCE,
      };
    });
  };
}
