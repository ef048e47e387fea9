/**
 * The plan API's inputs and outputs as zod schemas (api.schemas.ts style): inputs are parsed with
 * them, the OpenAPI document is generated from them. The service checks every value again.
 */
import { z } from 'zod';
import { isoDateSchema } from '../../domain/index.ts';
import {
  ACTION_STATUSES,
  BETTER_WHEN,
  ITEM_RESPONSES,
  OWNER_KINDS,
  PLAN_STATUSES,
  RAG_RATINGS,
} from '../../services/index.ts';

const id = z.number().int().min(1);
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

// Inputs.
export const planIdParamSchema = z.object({
  id: z.coerce.number().int().positive('must be a positive whole number').max(Number.MAX_SAFE_INTEGER),
});
export const versionParamSchema = planIdParamSchema.extend({
  n: z.coerce.number().int().positive('must be a positive whole number').max(Number.MAX_SAFE_INTEGER),
});

export const ownerSchema = z
  .union([z.object({ kind: z.enum(OWNER_KINDS), name: text(200) }), text(200)])
  .meta({ description: 'A person, a role or a team: {"kind", "name"}, or a name alone (taken as a role)' });

export const newPlanSchema = z.strictObject({ inspectionId: id }).meta({ id: 'NewPlan' });

export const newActionSchema = z
  .strictObject({
    itemIds: z.array(id).min(1, 'must name at least one item'),
    title: text(2000),
    owner: ownerSchema,
    startDate: isoDateSchema.nullable().optional(),
    dueDate: isoDateSchema,
    status: z.enum(ACTION_STATUSES).optional(),
  })
  .meta({ id: 'NewAction' });

export const actionPatchSchema = z
  .strictObject({
    itemIds: z.array(id).min(1, 'must name at least one item').optional(),
    title: text(2000).optional(),
    owner: ownerSchema.optional(),
    startDate: isoDateSchema.nullable().optional(),
    dueDate: isoDateSchema.optional(),
    status: z.enum(ACTION_STATUSES).optional(),
    ragOverride: z
      .object({ rating: z.enum(RAG_RATINGS), reason: text(2000) })
      .nullable()
      .optional()
      .meta({ description: 'A manual RAG rating with its reason (audited); null takes it away' }),
  })
  .meta({ id: 'ActionPatch' });

const datedValue = z.object({ value: z.number().finite(), date: isoDateSchema });
export const newMeasureSchema = z
  .strictObject({
    what: text(2000),
    unit: text(50),
    betterWhen: z.enum(BETTER_WHEN),
    baseline: datedValue,
    target: datedValue,
    frequency: text(50),
    source: text(2000),
  })
  .meta({ id: 'NewMeasure' });

export const newMeasureValueSchema = z
  .strictObject({ date: isoDateSchema, value: z.number().finite(), comment: z.string().max(20_000).optional() })
  .meta({ id: 'NewMeasureValue' });

export const newUpdateSchema = z
  .strictObject({
    date: isoDateSchema.optional(),
    text: text(20_000),
    status: z.enum(ACTION_STATUSES),
    evidence: z.array(text(2000)).max(50).optional().meta({ description: 'Evidence links: addresses or references' }),
  })
  .meta({ id: 'NewUpdate' });

export const evidenceQuerySchema = z.object({
  fileName: text(255).meta({ description: 'The name the file is shown under' }),
});

// Outputs.
const recommendationRef = z.object({ list: z.string(), position: z.number().int().min(1), text: z.string() });
const coverageSchema = z
  .object({
    items: z.number().int().min(0),
    itemsWithAction: z.number().int().min(0),
    actions: z.number().int().min(0),
    actionsWithMeasure: z.number().int().min(0),
  })
  .meta({ id: 'PlanCoverage' });

export const planSchema = z
  .object({
    id,
    council: z.string(),
    inspectionId: id,
    status: z.enum(PLAN_STATUSES),
    dueDate: isoDateSchema,
    draftDueDate: isoDateSchema.nullable(),
    publishedVersion: z.number().int().min(1).nullable(),
    version: z.number().int().min(1),
    items: z.array(
      z.object({
        id,
        recommendation: recommendationRef.nullable(),
        title: z.string(),
        response: z.object({ kind: z.enum(ITEM_RESPONSES), reason: z.string() }).nullable(),
        actionIds: z.array(id),
        version: z.number().int().min(1),
      }),
    ),
    coverage: coverageSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Plan' });

export const planListSchema = z
  .object({
    urn: z.string(),
    plans: z.array(
      z.object({
        id,
        council: z.string(),
        inspectionId: id,
        status: z.enum(PLAN_STATUSES),
        dueDate: isoDateSchema,
        draftDueDate: isoDateSchema.nullable(),
        publishedVersion: z.number().int().min(1).nullable(),
        version: z.number().int().min(1),
        updatedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'PlanList' });

const evidenceSchema = z.object({
  id,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int().min(0),
  sha256: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const measureSchema = z
  .object({
    id,
    actionId: id,
    what: z.string(),
    unit: z.string(),
    betterWhen: z.enum(BETTER_WHEN),
    baseline: datedValue,
    target: datedValue,
    frequency: z.string(),
    source: z.string(),
    version: z.number().int().min(1),
    values: z.array(z.object({ id, measureId: id, date: isoDateSchema, value: z.number(), comment: z.string() })),
    progress: z.object({
      distanceToTarget: z.number().nullable(),
      shareOfWay: z.number().nullable(),
      targetMet: z.boolean(),
      travel: z.enum(['improving', 'worsening', 'unchanged', 'no data']),
    }),
    evidence: z.array(evidenceSchema),
  })
  .meta({ id: 'Measure' });

export const updateSchema = z
  .object({
    id,
    actionId: id,
    date: isoDateSchema,
    author: z.string(),
    text: z.string(),
    status: z.enum(ACTION_STATUSES),
    evidence: z.array(z.string()),
    version: z.number().int().min(1),
  })
  .meta({ id: 'ActionUpdate' });

export const actionSchema = z
  .object({
    id,
    planId: id,
    itemIds: z.array(id),
    title: z.string(),
    owner: z.object({ kind: z.enum(OWNER_KINDS), name: z.string() }),
    startDate: isoDateSchema.nullable(),
    dueDate: isoDateSchema,
    status: z.enum(ACTION_STATUSES),
    ragOverride: z
      .object({ rating: z.enum(RAG_RATINGS), reason: z.string(), by: z.string(), on: isoDateSchema })
      .nullable(),
    rag: z.object({ rating: z.enum(RAG_RATINGS), reason: z.string(), source: z.enum(['derived', 'override']) }).meta({
      description: 'The RAG rating shown and why: derived from dates, milestones and progress, or set by hand',
    }),
    version: z.number().int().min(1),
    milestones: z.array(
      z.object({
        id,
        actionId: id,
        title: z.string(),
        dueDate: isoDateSchema,
        metOn: isoDateSchema.nullable(),
        version: z.number().int().min(1),
      }),
    ),
    measures: z.array(measureSchema),
    updates: z.array(updateSchema),
    evidence: z.array(evidenceSchema),
  })
  .meta({ id: 'Action' });

export const planVersionHeadSchema = z
  .object({
    planId: id,
    number: z.number().int().min(1),
    frozenAt: z.string(),
    frozenBy: z.string(),
    published: z.boolean(),
  })
  .meta({ id: 'PlanVersionHead' });

/** A frozen version: its head with the content and the sign-offs. */
export const planVersionSchema = planVersionHeadSchema
  .extend({
    content: z
      .object({})
      .loose()
      .meta({ description: 'The plan as frozen: plan, items, actions, milestones, measures, values, updates' }),
    signOffs: z.array(
      z.object({
        id,
        versionNumber: z.number().int().min(1),
        signedBy: z.object({ email: z.string(), name: z.string() }),
        capacity: z.string(),
        note: z.string(),
        signedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'PlanVersion' });

export const coverageGapsSchema = z
  .object({
    error: z.object({ code: z.literal('coverage-gaps'), message: z.string() }),
    gaps: z.object({
      itemsWithoutAction: z.array(z.object({}).loose()),
      actionsWithoutMeasure: z.array(z.object({}).loose()),
      actionsWithUnknownItems: z.array(z.object({}).loose()),
    }),
    lines: z.array(z.string()),
  })
  .meta({ id: 'CoverageGaps' });
