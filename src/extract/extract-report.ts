/** One report: bytes in, a validated InspectionReport or a coded failure out. */
import { inspectionReportSchema, isVisitLetter, visitLetterSchema, type ExtractionResult } from '../domain/index.ts';
import { ExtractionError } from './extraction-error.ts';
import { readPdfText } from './pdf-text.reader.ts';
import { checkInvariants } from './invariants.ts';
import { buildReportText, type ReportText } from './report-text.ts';
import { REPORT_PARSERS } from './parsers/index.ts';
import { visitLetterParser } from './parsers/visit-letter.parser.ts';
import { laterReportPages } from './several-reports.ts';

export async function extractReport(bytes: Uint8Array, file: string): Promise<ExtractionResult> {
  try {
    const text = buildReportText(await readPdfText(bytes));
    const report = parseReportText(text, file);
    refuseSeveralReports(text, report, file);
    return report;
  } catch (error) {
    return failure(file, error);
  }
}

/** The pure half: text in, report out. Throws ExtractionError when no format fits. */
export function parseReportText(text: ReportText, file: string): ExtractionResult {
  const parser = REPORT_PARSERS.find((candidate) => candidate.recognises(text));
  if (!parser && visitLetterParser.recognises(text)) return parseLetterText(text, file);
  if (!parser) {
    throw new ExtractionError(
      'unsupported-report',
      'The PDF is not a report this reader knows: not a SIF, LSCB review or ILACS inspection of local authority children’s services, nor a focused-visit, monitoring-visit or JTAI letter.',
    );
  }
  const { reading, ...facts } = parser.parse(text);
  const parsed = inspectionReportSchema.safeParse({ file, ...facts, warnings: checkInvariants(facts, reading) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExtractionError(
      'unsupported-report',
      `The report was recognised as ${parser.name} but a field could not be read: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  return parsed.data;
}

/** A letter after an ungraded visit (focused visit, monitoring visit, JTAI). */
function parseLetterText(text: ReportText, file: string): ExtractionResult {
  const parsed = visitLetterSchema.safeParse({ file, ...visitLetterParser.parse(text) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExtractionError(
      'unsupported-report',
      `The letter was recognised but a field could not be read: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  return parsed.data;
}

/** A file that joins several inspections' reports is refused: storing it as one would lose the others. */
function refuseSeveralReports(text: ReportText, report: ExtractionResult, file: string): void {
  if ('error' in report || isVisitLetter(report)) return;
  const later = laterReportPages(text, report, REPORT_PARSERS, (rest) => {
    const parsed = parseReportText(rest, file);
    if ('error' in parsed) throw new ExtractionError(parsed.error.code, parsed.error.message);
    if (isVisitLetter(parsed))
      throw new ExtractionError('unsupported-report', 'A later part of the file reads as a letter, not a report.');
    return parsed;
  });
  if (later.length === 0) return;
  const starts = [text.pages[0]?.[0]?.page ?? 1, ...later];
  throw new ExtractionError(
    'several-reports',
    `The file holds ${starts.length} inspection reports (beginning on pages ${starts.slice(0, 12).join(', ')}${starts.length > 12 ? ', ...' : ''}): split it into one file per report.`,
  );
}

export function failure(file: string, error: unknown): ExtractionResult {
  if (error instanceof ExtractionError) return { file, error: { code: error.code, message: error.message } };
  return {
    file,
    error: { code: 'unreadable-file', message: `The file could not be read: ${(error as Error).message}` },
  };
}
