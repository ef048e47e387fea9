/** The plan API's part of the OpenAPI document (plans.routes.ts), with refs to the schemas of plans.schemas.ts. */
import type { z } from 'zod';
import {
  actionPatchSchema,
  actionSchema,
  coverageGapsSchema,
  measureSchema,
  newActionSchema,
  newMeasureSchema,
  newMeasureValueSchema,
  newPlanSchema,
  newUpdateSchema,
  planListSchema,
  planSchema,
  planVersionHeadSchema,
  planVersionSchema,
  updateSchema,
} from './plans.schemas.ts';
import {
  bearerSecurity as security,
  fileResponse,
  jsonResponse as json,
  ref,
  urnParameter as urn,
  type JsonObject,
} from './openapi-parts.ts';

const error = { $ref: '#/components/schemas/Error' };
const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: ref(schema) } } });
const idParam = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'integer', minimum: 1 },
});
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: true,
  description: 'The ETag of the version this write is based on (428 without it)',
  schema: { type: 'string' },
};
const stale = (what: string) =>
  json(
    `The ${what} changed since that version: nothing was written; the current ${what} comes back in "current", with its ETag`,
    { type: 'object', properties: { error, current: { type: 'object' } } },
    true,
  );
const common = {
  '400': json('The request is not valid', error),
  '401': json('No token, or an unknown or revoked one', error),
  '404': json("No such record, or one of a council the token's user cannot see", error),
};
const writes = {
  ...common,
  '403': json('The user can read but not change this council’s plans', error),
  '409': json('The plan is closed', error),
  '428': json('No If-Match header', error),
};

export const plansApiPaths: JsonObject = {
  '/councils/{urn}/plans': {
    get: {
      summary: "A council's improvement plans, newest first",
      security,
      parameters: [urn],
      responses: { '200': json('Plans', ref(planListSchema)), ...common },
    },
    post: {
      summary:
        'A new plan from one of the council’s inspections: one item per recommendation, word for word; the statutory due date from the calendar',
      security,
      parameters: [urn],
      requestBody: body(newPlanSchema),
      responses: {
        '201': json('The plan', ref(planSchema), true),
        ...common,
        '403': writes['403'],
        '409': json('The inspection already has a plan', error),
      },
    },
  },
  '/plans/{id}': {
    get: {
      summary: 'A plan: its items, the actions serving each, coverage',
      security,
      parameters: [idParam('The plan')],
      responses: { '200': json('The plan', ref(planSchema), true), ...common },
    },
  },
  '/plans/{id}/actions': {
    post: {
      summary: 'A new action serving one or more of the plan’s items (If-Match: the plan’s ETag)',
      security,
      parameters: [idParam('The plan'), ifMatch],
      requestBody: body(newActionSchema),
      responses: { '201': json('The action', ref(actionSchema), true), ...writes, '412': stale('plan') },
    },
  },
  '/actions/{id}': {
    get: {
      summary: 'An action with its milestones, measures, updates and RAG rating (with the reason)',
      security,
      parameters: [idParam('The action')],
      responses: { '200': json('The action', ref(actionSchema), true), ...common },
    },
    patch: {
      summary: 'Changes to an action, or a manual RAG rating with its reason (on its own)',
      security,
      parameters: [idParam('The action'), ifMatch],
      requestBody: body(actionPatchSchema),
      responses: { '200': json('The action as changed', ref(actionSchema), true), ...writes, '412': stale('action') },
    },
  },
  '/actions/{id}/measures': {
    post: {
      summary: 'A new impact measure ("how will we know") on the action (If-Match: the action’s ETag)',
      security,
      parameters: [idParam('The action'), ifMatch],
      requestBody: body(newMeasureSchema),
      responses: { '201': json('The measure', ref(measureSchema), true), ...writes, '412': stale('action') },
    },
  },
  '/measures/{id}': {
    get: {
      summary: 'A measure with its values, distance to target and direction of travel',
      security,
      parameters: [idParam('The measure')],
      responses: { '200': json('The measure', ref(measureSchema), true), ...common },
    },
  },
  '/measures/{id}/values': {
    post: {
      summary: 'A dated value of the measure, with a comment (If-Match: the measure’s ETag)',
      security,
      parameters: [idParam('The measure'), ifMatch],
      requestBody: body(newMeasureValueSchema),
      responses: {
        '201': json(
          'The value and the measure',
          { type: 'object', properties: { value: { type: 'object' }, measure: ref(measureSchema) } },
          true,
        ),
        ...writes,
        '412': stale('measure'),
      },
    },
  },
  '/actions/{id}/updates': {
    post: {
      summary:
        'A progress update on the action: text, status (the action takes it), evidence links (If-Match: the action’s ETag)',
      security,
      parameters: [idParam('The action'), ifMatch],
      requestBody: body(newUpdateSchema),
      responses: { '201': json('The update', ref(updateSchema), true), ...writes, '412': stale('action') },
    },
  },
  '/actions/{id}/evidence': {
    post: {
      summary:
        'An evidence file on the action: PDF, Word (.docx), Excel (.xlsx), PNG or JPEG, recognised by its content; 20 MB at most unless CSCI_EVIDENCE_MAX_MB says otherwise (If-Match: the action’s ETag)',
      security,
      parameters: [
        idParam('The action'),
        ifMatch,
        { name: 'fileName', in: 'query', required: true, schema: { type: 'string', maxLength: 255 } },
      ],
      requestBody: {
        required: true,
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
      responses: {
        '201': json('The evidence record', { type: 'object' }),
        ...writes,
        '412': stale('action'),
        '413': json('The file is too large', error),
      },
    },
  },
  '/evidence/{id}': {
    get: {
      summary: 'An evidence file, to its council’s users only',
      security,
      parameters: [idParam('The evidence file')],
      responses: {
        '200': fileResponse('The file, as its content showed it to be', 'application/octet-stream'),
        ...common,
      },
    },
  },
  '/plans/{id}/submit': {
    post: {
      summary: 'Submits the plan: freezes an immutable version (who, when, content), or refuses with the coverage gaps',
      security,
      parameters: [idParam('The plan'), ifMatch],
      responses: {
        '200': json('The frozen version', ref(planVersionSchema), true),
        ...writes,
        '409': json('The plan has coverage gaps (or is closed)', ref(coverageGapsSchema)),
        '412': stale('plan'),
      },
    },
  },
  '/plans/{id}/versions': {
    get: {
      summary: 'The plan’s frozen versions, oldest first',
      security,
      parameters: [idParam('The plan')],
      responses: {
        '200': json('Versions', {
          type: 'object',
          properties: {
            planId: { type: 'integer', minimum: 1 },
            versions: { type: 'array', items: ref(planVersionHeadSchema) },
          },
        }),
        ...common,
      },
    },
  },
  '/plans/{id}/versions/{n}': {
    get: {
      summary: 'One frozen version with its sign-offs',
      security,
      parameters: [
        idParam('The plan'),
        { name: 'n', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
      ],
      responses: { '200': json('The version', ref(planVersionSchema)), ...common },
    },
  },
};
