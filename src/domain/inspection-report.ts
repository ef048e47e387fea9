import { z } from 'zod';
import { frameworkSchema, frameworkVersionSchema, inspectionKindSchema } from './framework.ts';
import { gradeSchema } from './grade.ts';
import type { VisitLetter } from './visit-letter.ts';

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'a real calendar date');
export type { IsoDate } from '../calendar/iso-date.ts';

export const judgementsSchema = z.object({
  overall: gradeSchema.optional(),
  leadership: gradeSchema.optional(),
  helpAndProtection: gradeSchema.optional(),
  childrenInCare: gradeSchema.optional(),
  careLeavers: gradeSchema.optional(),
  adoption: gradeSchema.optional(),
  lscb: gradeSchema.optional(),
});
export type Judgements = z.infer<typeof judgementsSchema>;

/**
 * What the reader says when a fact it read breaks an invariant of its report kind (a missing field,
 * a list item that starts mid-sentence, ...): the facts may be wrong, so check them against the report.
 */
export const READER_WARNING_CODES = [
  'missing-lead-inspector',
  'missing-judgement',
  'missing-recommendations',
  'missing-lscb-recommendations',
  'implausible-dates',
  'item-starts-mid-sentence',
  'item-ends-mid-sentence',
  'lscb-item-not-about-board',
] as const;
export const readerWarningCodeSchema = z.enum(READER_WARNING_CODES);
export type ReaderWarningCode = z.infer<typeof readerWarningCodeSchema>;

export const readerWarningSchema = z.object({ code: readerWarningCodeSchema, message: z.string().min(1) });
export type ReaderWarning = z.infer<typeof readerWarningSchema>;

/** What the reader gives for one report: the extraction contract of DESIGN.md. */
export const inspectionReportSchema = z.object({
  file: z.string(),
  framework: frameworkSchema,
  version: frameworkVersionSchema,
  kind: inspectionKindSchema,
  localAuthority: z.string().min(1),
  inspectionStart: isoDateSchema,
  inspectionEnd: isoDateSchema,
  published: isoDateSchema.nullable(),
  leadInspector: z.string().nullable(),
  judgements: judgementsSchema,
  recommendations: z.array(z.string()),
  lscbRecommendations: z.array(z.string()),
  /** Invariants of the report's kind that the facts read break; empty when every one holds. */
  warnings: z.array(readerWarningSchema),
});
export type InspectionReport = z.infer<typeof inspectionReportSchema>;

export const EXTRACTION_ERROR_CODES = [
  'not-a-pdf',
  'empty-file',
  'encrypted-pdf',
  'corrupt-pdf',
  'unsupported-report',
  'unreadable-file',
  'too-large',
  'several-reports',
] as const;
export const extractionErrorCodeSchema = z.enum(EXTRACTION_ERROR_CODES);
export type ExtractionErrorCode = z.infer<typeof extractionErrorCodeSchema>;

export const extractionFailureSchema = z.object({
  file: z.string(),
  error: z.object({ code: extractionErrorCodeSchema, message: z.string() }),
});
export type ExtractionFailure = z.infer<typeof extractionFailureSchema>;

/** One file's reading: a graded inspection report, a letter after an ungraded visit, or a failure. */
export type ExtractionResult = InspectionReport | VisitLetter | ExtractionFailure;

export function isExtractionFailure(result: ExtractionResult): result is ExtractionFailure {
  return 'error' in result;
}

export function isVisitLetter(result: ExtractionResult): result is VisitLetter {
  return !isExtractionFailure(result) && 'visitStart' in result;
}
