/** One report: bytes in, a validated InspectionReport or a coded failure out. */
import { inspectionReportSchema, type ExtractionResult } from '../domain/index.ts';
import { ExtractionError } from './extraction-error.ts';
import { readPdfText } from './pdf-text.reader.ts';
import { checkInvariants } from './invariants.ts';
import { buildReportText, type ReportText } from './report-text.ts';
import { REPORT_PARSERS } from './parsers/index.ts';

export async function extractReport(bytes: Uint8Array, file: string): Promise<ExtractionResult> {
  try {
    const pages = await readPdfText(bytes);
    return parseReportText(buildReportText(pages), file);
  } catch (error) {
    return failure(file, error);
  }
}

/** The pure half: text in, report out. Throws ExtractionError when no format fits. */
export function parseReportText(text: ReportText, file: string): ExtractionResult {
  const parser = REPORT_PARSERS.find((candidate) => candidate.recognises(text));
  if (!parser) {
    throw new ExtractionError('unsupported-report', 'The PDF is not a report this reader knows: not a SIF, LSCB review or ILACS inspection of local authority children’s services.');
  }
  const { reading, ...facts } = parser.parse(text);
  const parsed = inspectionReportSchema.safeParse({ file, ...facts, warnings: checkInvariants(facts, reading) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExtractionError('unsupported-report', `The report was recognised as ${parser.name} but a field could not be read: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

export function failure(file: string, error: unknown): ExtractionResult {
  if (error instanceof ExtractionError) return { file, error: { code: error.code, message: error.message } };
  return { file, error: { code: 'unreadable-file', message: `The file could not be read: ${(error as Error).message}` } };
}
