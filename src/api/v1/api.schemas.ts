/** The API's inputs and outputs as zod schemas: inputs are parsed with them, the OpenAPI document is generated from them. */
import { z } from 'zod';
import {
  FRAMEWORK_VERSIONS,
  GRADES,
  INSPECTION_KINDS,
  JUDGEMENT_AREAS,
  LETTER_KINDS,
  VISIT_THEMES,
  isoDateSchema,
} from '../../domain/index.ts';
import { COUNTED_BY, GOOD_OR_BETTER } from '../../services/index.ts';

export const gradeSchema = z
  .enum(GRADES)
  .meta({ description: 'outstanding > good > requires_improvement > inadequate' });
export const areaSchema = z.enum(JUDGEMENT_AREAS);
const judgementsSchema = z
  .partialRecord(areaSchema, gradeSchema)
  .meta({ description: 'Grade per judgement area; an area not judged is absent.' });
const gradeCountsSchema = z.object({
  outstanding: z.number().int().nonnegative(),
  good: z.number().int().nonnegative(),
  requires_improvement: z.number().int().nonnegative(),
  inadequate: z.number().int().nonnegative(),
});

// Inputs.
export const urnParamSchema = z.object({ urn: z.string().regex(/^\d{1,10}$/, 'must be an Ofsted URN (digits)') });
export const idParamSchema = z.object({
  id: z.coerce.number().int().positive('must be a positive whole number').max(Number.MAX_SAFE_INTEGER),
});
export const asAtQuerySchema = z.object({
  asAt: isoDateSchema.optional().meta({ description: 'YYYY-MM-DD; default today' }),
});
export const councilsQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be 100 characters or fewer')
    .optional()
    .meta({ description: 'Name (or part of one), Ofsted URN, LA code or GSS code, current or former' }),
});
export const countedBySchema = z.enum(COUNTED_BY).meta({
  description:
    "Which inspections count at asAt: 'published' (default) those whose report was published by then; 'inspected' (Ofsted's official statistics) those whose on-site period ended by then, their reports published before or after",
});
export const nationalQuerySchema = asAtQuerySchema.extend({
  area: areaSchema.optional(),
  countedBy: countedBySchema.optional(),
});
/** A filter on the overall effectiveness held: one grade, or outstanding and good together (as /national offers). */
export const overallFilterSchema = z.enum([...GRADES, GOOD_OR_BETTER]).meta({
  description:
    "The overall effectiveness held at the date (see OverallHeld): one grade, or 'good-or-better' for outstanding and good together",
});
export const latestQuerySchema = asAtQuerySchema.extend({
  countedBy: countedBySchema.optional(),
  region: z.string().trim().max(80).optional(),
  overall: overallFilterSchema.optional(),
});

// Outputs.
export const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .meta({ id: 'Error' });

export const councilSchema = z
  .object({
    urn: z.string(),
    name: z.string(),
    laCode: z.string().nullable(),
    gssCode: z.string().nullable(),
    region: z.string().nullable(),
    laType: z.string().nullable(),
    active: z.boolean(),
    formerCodes: z
      .array(
        z.object({
          type: z.enum(['gss', 'la']).meta({ description: 'gss: an ONS code; la: a DfE LA code' }),
          code: z.string(),
          name: z.string().meta({ description: 'the council the code stood for' }),
          inUseUntil: isoDateSchema.meta({ description: 'the last day the code was in use' }),
          change: z.enum(['renumbered', 'predecessor']).meta({
            description:
              'renumbered: this council under its old code; predecessor: a council it replaced that has no URN here',
          }),
        }),
      )
      .meta({ description: 'Codes this council was known by before; ?q= finds the council by any of them.' }),
    predecessors: z.array(z.string()).meta({ description: 'URNs of the councils it replaced in a reorganisation' }),
    successors: z.array(z.string()).meta({ description: 'URNs of the councils that replaced it' }),
  })
  .meta({ id: 'Council' });

const inspectionSummaryShape = {
  id: z.number().int().min(1),
  urn: z.string(),
  version: z.enum(FRAMEWORK_VERSIONS),
  kind: z.enum(INSPECTION_KINDS),
  inspectionStart: isoDateSchema,
  inspectionEnd: isoDateSchema,
  published: isoDateSchema,
  judgements: judgementsSchema,
};
export const inspectionSummarySchema = z.object(inspectionSummaryShape).meta({ id: 'InspectionSummary' });

export const historyEntrySchema = z
  .object({
    ...inspectionSummaryShape,
    previous: judgementsSchema,
    changes: z.partialRecord(areaSchema, z.enum(['improved', 'declined', 'same', 'new'])),
  })
  .meta({ id: 'HistoryEntry' });

const basisSchema = z
  .enum(['rule', 'estimate'])
  .meta({ description: "'rule': from legislation or the published framework; 'estimate': from the reports held" });

export const deadlineSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    from: z.enum(['publication', 'receipt', 'letter']),
    anchor: isoDateSchema,
    workingDays: z.number().int().min(1),
    due: isoDateSchema,
    status: z.enum(['running', 'passed']),
    legalBasis: z.object({
      citation: z.string(),
      instrument: z.string(),
      provision: z.string(),
      requirement: z.string(),
      url: z.string().nullable(),
    }),
    basis: basisSchema,
  })
  .meta({ id: 'Deadline' });

const readerWarningSchema = z.object({ code: z.string(), message: z.string() }).meta({ id: 'ReaderWarning' });

export const letterSchema = z
  .object({
    kind: z.enum(LETTER_KINDS),
    letterDate: isoDateSchema
      .nullable()
      .meta({ description: 'The date printed on the letter; null when none could be read (then a warning says so)' }),
    visitStart: isoDateSchema,
    visitEnd: isoDateSchema,
    inspectors: z
      .array(z.string())
      .meta({ description: 'The inspectors named as visiting, titles such as "HMI" dropped' }),
    focus: z
      .string()
      .nullable()
      .meta({ description: 'What the visit looked at, as the letter words it; null for a visit across several areas' }),
    theme: z
      .enum(VISIT_THEMES)
      .nullable()
      .meta({ description: "The focus's theme code ('other' when it names none of the themes)" }),
    covidContext: z.boolean().meta({ description: 'The letter ties COVID-19 to how the visit was carried out' }),
    recommendations: z.array(z.string()).meta({ description: 'The "What needs to improve" items, each whole' }),
    priorityActions: z.array(z.string()).meta({ description: 'The "Areas for priority action" items, each whole' }),
    priorityActionDeadlines: z.array(deadlineSchema).meta({
      description:
        'The action-plan deadlines the areas for priority action start (a draft within 20 working days of the letter, the final plan within 70); empty when the letter names none',
    }),
  })
  .meta({ id: 'Letter' });

export const letterEntrySchema = z
  .object({
    id: z.number().int().min(1),
    kind: z.enum(LETTER_KINDS),
    visitStart: isoDateSchema,
    visitEnd: isoDateSchema,
    published: isoDateSchema,
    focus: z.string().nullable(),
    theme: z.enum(VISIT_THEMES).nullable(),
    recommendations: z.array(z.string()),
    priorityActions: z.array(z.string()),
    warnings: z.array(readerWarningSchema),
  })
  .meta({ id: 'LetterEntry' });

export const recommendationSchema = z
  .object({ list: z.enum(['la', 'lscb']), position: z.number().int().min(1), text: z.string() })
  .meta({ id: 'Recommendation' });

export const inspectionDetailSchema = z
  .object({
    ...inspectionSummaryShape,
    council: councilSchema,
    framework: z.enum(['SIF', 'ILACS']),
    leadInspector: z.string().nullable(),
    localAuthorityAsPrinted: z.string(),
    judgementWording: z
      .partialRecord(areaSchema, z.string())
      .meta({ description: "Each judged area's name as the report prints it" }),
    recommendations: z.array(recommendationSchema),
    flags: z.array(z.object({ code: z.string(), severity: z.enum(['warning', 'note']), message: z.string() })).meta({
      description:
        'Consistency checks that flag the set of grades (warning: never seen in published reports; note: rare); grades are never changed',
    }),
    warnings: z.array(readerWarningSchema).meta({
      description:
        "The reader's warnings, for a report or a letter alike: facts read that break an invariant of its kind (a missing field, an item that starts mid-sentence); check them against the source",
    }),
    letter: letterSchema.nullable().meta({
      description:
        'For a letter after an ungraded visit (focused visit, monitoring visit, JTAI): what only a letter has; null for a graded inspection',
    }),
    report: z.string().nullable().meta({
      description:
        "Address of the source report (PDF): on Ofsted's site when `csci sync` fetched it, else on this server when held",
    }),
    source: z.string(),
  })
  .meta({ id: 'InspectionDetail' });

export const distributionSchema = z
  .object({
    area: areaSchema,
    included: z.number().int().nonnegative(),
    counts: gradeCountsSchema,
    percentages: z.object({
      outstanding: z.number(),
      good: z.number(),
      requires_improvement: z.number(),
      inadequate: z.number(),
    }),
  })
  .meta({ id: 'AreaDistribution' });

export const overallHeldSchema = z
  .object({
    grade: gradeSchema,
    inspectionId: z.number().int().min(1),
    published: isoDateSchema,
    inspectionEnd: isoDateSchema,
    fromEarlierInspection: z.boolean(),
  })
  .meta({
    id: 'OverallHeld',
    description:
      "The overall effectiveness the council held at the date: from its latest inspection that judged it. An ILACS-2026 inspection gives none, so after one the grade is the previous inspection's and fromEarlierInspection is true. null before any inspection judged it.",
  });

export const nationalSchema = z
  .object({
    asAt: isoDateSchema,
    countedBy: countedBySchema,
    included: z.number().int().nonnegative(),
    missing: z.number().int().nonnegative(),
    distributions: z.array(distributionSchema),
    source: z.string(),
  })
  .meta({ id: 'NationalDistribution' });

export const latestInspectionSchema = z
  .object({
    ...inspectionSummaryShape,
    name: z.string(),
    region: z.string().nullable(),
    overall: overallHeldSchema.nullable(),
  })
  .meta({ id: 'LatestInspection' });
export const latestListSchema = z
  .object({
    asAt: isoDateSchema,
    countedBy: countedBySchema,
    count: z.number().int().nonnegative(),
    inspections: z.array(latestInspectionSchema),
    source: z.string(),
  })
  .meta({ id: 'LatestInspections' });

export const positionSchema = z
  .object({
    group: z.enum(['region', 'neighbours']),
    groupName: z.string(),
    area: areaSchema,
    grade: gradeSchema.nullable(),
    included: z.number().int().nonnegative(),
    counts: gradeCountsSchema,
    sameOrBetter: z.number().int().nonnegative().nullable(),
    rank: z.number().int().min(1).nullable(),
  })
  .meta({ id: 'Position' });

export const peerSchema = z
  .object({
    urn: z.string(),
    name: z.string(),
    overall: gradeSchema
      .nullable()
      .meta({ description: 'The overall effectiveness held at the date (see OverallHeld)' }),
    published: isoDateSchema.nullable().meta({ description: 'Publication of the latest inspection by the date' }),
    inspectionId: z.number().int().min(1).nullable(),
    overallFrom: z
      .object({ inspectionId: z.number().int().min(1), published: isoDateSchema, fromEarlierInspection: z.boolean() })
      .nullable()
      .meta({
        description:
          'The inspection the overall grade comes from: an earlier one when the latest (ILACS-2026) gives none',
      }),
  })
  .meta({ id: 'Peer' });

export const comparisonsSchema = z
  .object({
    urn: z.string(),
    asAt: isoDateSchema,
    positions: z.array(positionSchema),
    neighbours: z.array(peerSchema),
    region: z.array(peerSchema),
  })
  .meta({ id: 'Comparisons' });

const pathwaySchema = z.enum(['short', 'standard', 'monitoring-then-reinspection']);

const empiricalWindowSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema.nullable(),
  median: isoDateSchema.nullable(),
  percentiles: z.object({ lower: z.number(), upper: z.number() }),
  completedGaps: z.number().int().nonnegative(),
  stillWaiting: z.number().int().nonnegative(),
  group: z.union([pathwaySchema, z.literal('all')]),
  basis: z.literal('estimate'),
});

export const nextStepsSchema = z
  .object({
    inspection: z.object({
      kind: z.enum(INSPECTION_KINDS),
      pathway: pathwaySchema,
      reason: z.string(),
      basis: basisSchema,
    }),
    framework: z.object({
      version: z.enum(FRAMEWORK_VERSIONS),
      areas: z.array(areaSchema),
      expectedOn: isoDateSchema,
      basis: basisSchema,
    }),
    nominalWindow: z.object({
      from: isoDateSchema,
      to: isoDateSchema,
      anniversary: isoDateSchema,
      status: z
        .enum(['before-window', 'in-window', 'after-window', 'open'])
        .meta({ description: "where the as-at date falls; 'after-window': passed with no inspection (overdue)" }),
      basis: basisSchema,
    }),
    empiricalWindow: empiricalWindowSchema.nullable(),
    givenNoInspectionYet: empiricalWindowSchema.nullable().meta({
      description: 'the updated estimate, given no inspection by the as-at date (gaps longer than the wait so far)',
    }),
    visits: z.object({
      focusedVisits: z.object({ atLeast: z.number().int().nonnegative(), usually: z.number().int().nonnegative() }),
      summary: z.string(),
      monitoringVisits: z.string().nullable(),
      firstMonitoringVisitBy: isoDateSchema.nullable(),
      basis: basisSchema,
    }),
    deadlines: z.array(deadlineSchema),
  })
  .meta({ id: 'NextSteps' });

export const nextSchema = z
  .object({
    urn: z.string(),
    asAt: isoDateSchema,
    next: nextStepsSchema
      .nullable()
      .meta({ description: 'null when no graded inspection of the council was published by asAt' }),
  })
  .meta({ id: 'WhatComesNext' });

export const councilDetailSchema = z
  .object({
    council: councilSchema,
    latestInspection: inspectionSummarySchema.nullable(),
    overall: overallHeldSchema.nullable(),
    inspections: z.number().int().nonnegative().meta({ description: 'Graded inspections held' }),
    letters: z
      .number()
      .int()
      .nonnegative()
      .meta({ description: 'Letters after ungraded visits held (focused visits, monitoring visits, JTAIs)' }),
    links: z.record(z.string(), z.string()),
  })
  .meta({ id: 'CouncilDetail' });
export const councilListSchema = z
  .object({ count: z.number().int().nonnegative(), councils: z.array(councilSchema) })
  .meta({ id: 'CouncilList' });
export const historySchema = z
  .object({
    urn: z.string(),
    inspections: z.array(historyEntrySchema),
    letters: z
      .array(letterEntrySchema)
      .meta({ description: 'Letters after ungraded visits, newest visit first; each is also at /inspections/{id}' }),
    source: z.string(),
  })
  .meta({ id: 'History' });

export const SOURCE =
  'Ofsted inspection reports, Crown copyright, reused under the Open Government Licence v3.0 (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/)';
