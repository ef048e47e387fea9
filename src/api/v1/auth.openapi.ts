/** The private API's part of the OpenAPI document: bearer-token routes (auth.routes.ts). */
import {
  bearerSecurity as security,
  fileResponse as file,
  jsonResponse as json,
  type JsonObject,
} from './openapi-parts.ts';

const error = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
};
const role = { type: 'string', enum: ['admin', 'editor', 'viewer'] };
const unauthenticated = { '401': json('No token, or an unknown or revoked one', error) };

export const bearerSecurityScheme: JsonObject = {
  bearerToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from `csci tokens create` or an admin page',
  },
};

export const accountsApiPaths: JsonObject = {
  '/me': {
    get: {
      summary: 'Who the token acts as',
      security,
      responses: {
        '200': json('The user', {
          type: 'object',
          properties: {
            email: { type: 'string' },
            name: { type: 'string' },
            role,
            councils: { type: 'array', items: { type: 'string' } },
          },
          required: ['email', 'name', 'role', 'councils'],
        }),
        ...unauthenticated,
      },
    },
  },
  '/audit': {
    get: {
      summary: 'The audit trail, newest first (admins only); format=csv for CSV',
      security,
      parameters: ['action', 'actorEmail', 'recordType', 'recordId', 'from', 'to', 'limit', 'format'].map((name) => ({
        name,
        in: 'query',
        required: false,
        schema:
          name === 'limit'
            ? { type: 'integer', minimum: 1, maximum: 10000 }
            : name === 'format'
              ? { type: 'string', enum: ['json', 'csv'] }
              : { type: 'string' },
      })),
      responses: {
        '200': json('Events', {
          type: 'object',
          properties: { count: { type: 'integer', minimum: 0 }, events: { type: 'array', items: { type: 'object' } } },
        }),
        '400': json('Bad filter', error),
        ...unauthenticated,
        '403': json('Not an admin', error),
      },
    },
  },
  '/councils/{urn}/members': {
    get: {
      summary: "A council's people and their roles (its own users and admins; 404 for anyone else)",
      security,
      parameters: [{ name: 'urn', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{1,10}$' } }],
      responses: {
        '200': json('Members', {
          type: 'object',
          properties: {
            urn: { type: 'string' },
            name: { type: 'string' },
            members: {
              type: 'array',
              items: { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string' }, role } },
            },
          },
        }),
        ...unauthenticated,
        '404': json('No such council workspace for this user', error),
      },
    },
  },
};

const planId = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const paperDate = {
  name: 'date',
  in: 'query',
  required: false,
  description: 'The date of the paper and of its RAG ratings (default today)',
  schema: { type: 'string', format: 'date' },
};
const planVersion = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'integer', minimum: 1 },
});
const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const planErrors = {
  ...unauthenticated,
  '400': json('Bad parameter', error),
  '404': json('No such plan or version for this user', error),
};

/** The improvement plan's papers (plan-papers.routes.ts): private as plans are. */
export const planPapersApiPaths: JsonObject = {
  '/plans/{id}/action-plan.docx': {
    get: {
      summary:
        'The action plan for submission (Word): each recommendation, the response, actions, owners, dates, milestones, measures',
      security,
      parameters: [planId, planVersion('version', 'A frozen version (default the working copy)'), paperDate],
      responses: { '200': file('The action plan', WORD), ...planErrors },
    },
  },
  '/plans/{id}/action-plan.xlsx': {
    get: {
      summary:
        'The action plan as an Excel tracker: one row per action, milestones and measures, a cover sheet with the version',
      security,
      parameters: [planId, planVersion('version', 'A frozen version (default the working copy)'), paperDate],
      responses: {
        '200': file('The tracker', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
        ...planErrors,
      },
    },
  },
  '/plans/{id}/progress-report.docx': {
    get: {
      summary:
        'The progress report (Word): RAG counts, exceptions with corrective actions, changes since a version, measures with charts, coverage, next deadlines',
      security,
      parameters: [
        planId,
        planVersion('since', 'The frozen version of the last report (default the latest)'),
        paperDate,
      ],
      responses: { '200': file('The progress report', WORD), ...planErrors },
    },
  },
};
