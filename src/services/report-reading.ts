/**
 * Reading report files without the store (`csci extract`, `csci schedule`): find the PDFs, read each
 * with the reader (the listing date in the file name standing in for a publication date the report
 * does not print), and group reports by council for the framework engine.
 *
 * Councils are keyed by Ofsted URN, taken from the report's folder name `<urn>-<slug>` (the corpus
 * layout); a report outside such a folder is keyed by its printed name, reduced by the same
 * councilNameKey the import matches the register with.
 */
import { basename, dirname } from 'node:path';
import { distance } from 'fastest-levenshtein';
import { councilNameKey } from '../analytics/index.ts';
import { isExtractionFailure, isVisitLetter, type ExtractionResult, type InspectionReport } from '../domain/index.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { extractFiles, findReportFiles, withListingDate } from '../extract/index.ts';

export interface ReadOptions {
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** `finished`: each result as soon as its file is read, instead of in the files' order. */
  readonly order?: 'input' | 'finished';
}

/** Every PDF under the paths (files as given, folders searched), sorted. */
export function findReports(paths: readonly string[]): Promise<string[]> {
  return findReportFiles(paths);
}

/** Each file read as a report or a failure, in the files' order (or as each finishes), with the listing date applied. */
export async function* readReports(
  files: readonly string[],
  options: ReadOptions = {},
): AsyncGenerator<ExtractionResult> {
  for await (const result of extractFiles(files, options)) yield withListingDate(result);
}

/** The URN in a folder name like `80427-derby`, if any. */
export function urnFromPath(file: string): string | undefined {
  return /^(\d+)-/.exec(basename(dirname(file)))?.[1];
}

export interface ReportSet {
  readonly histories: Map<string, InspectionReport[]>;
  /** The printed names seen for each key. */
  readonly names: Map<string, Set<string>>;
  readonly files: number;
  readonly unreadable: number;
}

/** Reads every report under the paths and groups them by council; throws when there is nothing to read. */
export async function readReportSet(paths: readonly string[], options: ReadOptions = {}): Promise<ReportSet> {
  const files = await findReports(paths);
  if (files.length === 0) throw new ValidationError(`No PDF files were found in ${paths.join(', ')}.`, 'no-files');
  const histories = new Map<string, InspectionReport[]>();
  const names = new Map<string, Set<string>>();
  let unreadable = 0;
  for await (const result of readReports(files, options)) {
    if (isExtractionFailure(result)) {
      unreadable++;
      continue;
    }
    // Letters after ungraded visits are not inspections the graded cycle counts from.
    if (isVisitLetter(result)) continue;
    const key = urnFromPath(result.file) ?? `name:${councilNameKey(result.localAuthority)}`;
    histories.set(key, [...(histories.get(key) ?? []), result]);
    names.set(key, (names.get(key) ?? new Set()).add(result.localAuthority));
  }
  if (unreadable === files.length)
    throw new ValidationError(
      `None of the ${files.length} files could be read as an inspection report (run csci extract on them to see why).`,
      'no-readable-reports',
    );
  return { histories, names, files: files.length, unreadable };
}

/** The key of the council a URN or a printed name refers to, among the reports read; a name no report prints, or several councils print, is an error naming the closest. */
export function resolveCouncil(set: ReportSet, reference: string): string {
  if (set.histories.has(reference)) return reference;
  const wanted = councilNameKey(reference);
  const named = (key: string) =>
    `${[...(set.names.get(key) ?? [])][0] ?? key}${key.startsWith('name:') ? '' : ` (URN ${key})`}`;
  const matches =
    wanted === ''
      ? []
      : [...set.names]
          .filter(([, names]) => [...names].some((name) => councilNameKey(name) === wanted))
          .map(([key]) => key);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1)
    throw new ValidationError(
      `"${reference}" matches more than one council in the reports: ${matches.map(named).join('; ')}. Give the URN.`,
      'ambiguous-council',
    );
  const containing =
    wanted === ''
      ? []
      : [...set.names]
          .filter(([, names]) => [...names].some((name) => councilNameKey(name).includes(wanted)))
          .map(([key]) => key);
  if (containing.length === 1) return containing[0]!;
  if (containing.length > 1)
    throw new ValidationError(
      `"${reference}" matches ${containing.length} councils in the reports: ${containing.map(named).join('; ')}. Give the URN or more of the name.`,
      'ambiguous-council',
    );
  const remoteness = (key: string) =>
    Math.min(
      ...[...(set.names.get(key) ?? [])].map(
        (name) => distance(councilNameKey(name), wanted) / Math.max(councilNameKey(name).length, wanted.length, 1),
      ),
    );
  const closest = [...set.names.keys()].sort((a, b) => remoteness(a) - remoteness(b)).slice(0, 5);
  throw new NotFoundError(
    `No reports were found for the local authority "${reference}" among the ${set.histories.size} councils in the ${set.files} files read.${closest.length > 0 ? ` The closest: ${closest.map(named).join('; ')}.` : ''}`,
    'no-reports',
  );
}
