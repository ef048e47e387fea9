/** The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the routes use. */
import { z } from 'zod';
import {
  areaSchema,
  comparisonsSchema,
  councilDetailSchema,
  councilListSchema,
  countedBySchema,
  errorSchema,
  historySchema,
  inspectionDetailSchema,
  latestListSchema,
  nationalSchema,
  nextSchema,
  overallFilterSchema,
} from './api.schemas.ts';
import { accountsApiPaths, bearerSecurityScheme, planPapersApiPaths } from './auth.openapi.ts';
import { fileResponse, jsonResponse, ref, urnParameter as urn, type JsonObject } from './openapi-parts.ts';
import { plansApiPaths } from './plans.openapi.ts';

const registry = z.globalRegistry;

const ok = (description: string, schema: z.ZodType): JsonObject => jsonResponse(description, ref(schema));

const errors = {
  '400': jsonResponse('The request is not valid', ref(errorSchema)),
  '404': jsonResponse('Not found', ref(errorSchema)),
};

const asAt = {
  name: 'asAt',
  in: 'query',
  required: false,
  description: 'The date to compute at, YYYY-MM-DD (default today)',
  schema: { type: 'string', format: 'date' },
};
const countedBy = {
  name: 'countedBy',
  in: 'query',
  required: false,
  description: countedBySchema.description,
  schema: z.toJSONSchema(countedBySchema),
};

/** Every schema with an id (api.schemas.ts gives them with .meta({id})), with refs pointing at each other. */
function components(): JsonObject {
  const generated = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    uri: (id: string) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
    io: 'output',
  });
  const schemas: JsonObject = {};
  for (const [id, schema] of Object.entries(generated.schemas)) {
    const { $schema: _schema, $id: _id, ...own } = schema as JsonObject;
    schemas[id] = own;
  }
  return schemas;
}

let cached: JsonObject | undefined;

export function openApiDocument(): JsonObject {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: "Children's services inspections API",
      version: '1.0.0',
      description:
        'Facts read from Ofsted\'s inspection reports on English local authorities\' children\'s services. Reports are Crown copyright, reused under the Open Government Licence v3.0. Errors are {"error": {"code", "message"}}.',
      license: {
        name: 'Open Government Licence v3.0 (report content)',
        url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      },
    },
    servers: [{ url: '/api/v1' }],
    paths: {
      '/councils': {
        get: {
          summary: 'List councils, or find them by name, Ofsted URN, LA code or GSS code (current or former)',
          parameters: [
            {
              name: 'q',
              in: 'query',
              required: false,
              description:
                'Name (or part of one), URN, LA code or GSS code; a former code finds the council that has it now',
              schema: { type: 'string', minLength: 1, maxLength: 100 },
            },
          ],
          responses: { '200': ok('Councils', councilListSchema), '400': errors['400'] },
        },
      },
      '/councils/{urn}': {
        get: {
          summary: 'A council and its latest graded inspection',
          parameters: [urn],
          responses: { '200': ok('The council', councilDetailSchema), ...errors },
        },
      },
      '/councils/{urn}/inspections': {
        get: {
          summary:
            "A council's graded inspections, latest first, with each grade's change, and its letters after ungraded visits",
          parameters: [urn],
          responses: { '200': ok('History', historySchema), ...errors },
        },
      },
      '/councils/{urn}/comparisons': {
        get: {
          summary: "A council's place in its region and among its statistical neighbours",
          parameters: [urn, asAt],
          responses: { '200': ok('Comparisons', comparisonsSchema), ...errors },
        },
      },
      '/councils/{urn}/next': {
        get: {
          summary: 'What comes next: the expected next inspection and running deadlines',
          parameters: [urn, asAt],
          responses: { '200': ok('What comes next', nextSchema), ...errors },
        },
      },
      '/inspections/{id}': {
        get: {
          summary:
            "One inspection or letter: dates, kind, lead inspector, judgements with the report wording, recommendations, consistency flags, the reader's warnings; for a letter, its focus, theme, inspectors and areas for priority action with their deadlines",
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              schema: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
            },
          ],
          responses: { '200': ok('The inspection', inspectionDetailSchema), ...errors },
        },
      },
      '/inspections/{id}/committee-report.docx': {
        get: {
          summary:
            'A draft committee report on the inspection (Word): judgements against the previous inspection, the national, regional and neighbour picture at publication, the recommendations quoted, the statutory deadlines, what comes next',
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              schema: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
            },
          ],
          responses: {
            '200': fileResponse(
              'The committee report',
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            ),
            '404': errors['404'],
          },
        },
      },
      '/stats/national': {
        get: {
          summary: "Grade distribution of each council's latest graded inspection, per judgement area, as at a date",
          parameters: [
            asAt,
            { name: 'area', in: 'query', required: false, schema: z.toJSONSchema(areaSchema) },
            countedBy,
          ],
          responses: { '200': ok('Distribution', nationalSchema), '400': errors['400'] },
        },
      },
      '/stats/latest-inspections': {
        get: {
          summary: "Each council's latest graded inspection as at a date",
          parameters: [
            asAt,
            { name: 'region', in: 'query', required: false, schema: { type: 'string' } },
            {
              name: 'overall',
              in: 'query',
              required: false,
              schema: z.toJSONSchema(overallFilterSchema),
              description:
                "The overall effectiveness held at the date (see OverallHeld): one grade, or 'good-or-better' for outstanding and good together",
            },
            countedBy,
          ],
          responses: { '200': ok('Latest inspections', latestListSchema), '400': errors['400'] },
        },
      },
      ...accountsApiPaths,
      ...planPapersApiPaths,
      ...plansApiPaths,
    },
    components: { schemas: components(), securitySchemes: bearerSecurityScheme },
  };
  return cached;
}
