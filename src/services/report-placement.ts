/**
 * Where a report belongs: its council (from the folder name `<urn>-<slug>`, else the printed name)
 * and its publication date (printed, else the file name's `YYYY-MM-DD`, else the manifest).
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { isoDateSchema, type InspectionReport, type IsoDate } from '../domain/index.ts';
import { ValidationError } from '../errors.ts';
import { listingDateFromFileName } from '../extract/index.ts';
import type { PublishedSource } from '../store/index.ts';

/** The `file,published` CSV given with --manifest: absolute paths, keyed for lookup by path and by file name. */
export interface Manifest {
  readonly byPath: ReadonlyMap<string, IsoDate>;
  readonly byName: ReadonlyMap<string, IsoDate | null>;
}

/** Parses a manifest; `file` may be absolute or relative to the manifest's folder. Throws ValidationError on a bad row. */
export function parseManifest(csvText: string, manifestPath: string): Manifest {
  let records: Record<string, string>[];
  try {
    records = parse(csvText, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<
      string,
      string
    >[];
  } catch (error) {
    throw new ValidationError(
      `The manifest ${manifestPath} is not a readable CSV: ${(error as Error).message}`,
      'bad-manifest',
    );
  }
  const byPath = new Map<string, IsoDate>();
  const byName = new Map<string, IsoDate | null>();
  records.forEach((record, index) => {
    const file = record.file;
    const published = record.published;
    if (file === undefined || published === undefined)
      throw new ValidationError(`The manifest ${manifestPath} needs the columns file,published.`, 'bad-manifest');
    if (!isoDateSchema.safeParse(published).success)
      throw new ValidationError(
        `The manifest ${manifestPath}, line ${index + 2}: "${published}" is not a date as YYYY-MM-DD.`,
        'bad-manifest',
      );
    byPath.set(resolve(dirname(manifestPath), file), published);
    const name = basename(file);
    // A file name listed twice with different dates cannot be looked up by name alone.
    byName.set(name, byName.has(name) && byName.get(name) !== published ? null : published);
  });
  return { byPath, byName };
}

export async function readManifest(path: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ValidationError(
      `The manifest ${path} could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
      'bad-manifest',
    );
  }
  return parseManifest(text, path);
}

export interface PublicationDate {
  readonly published: IsoDate;
  readonly source: PublishedSource;
}

/** The printed date, else the file name's date, else the manifest's; undefined when none gives one. */
export function publicationDate(
  report: Pick<InspectionReport, 'published'>,
  file: string,
  manifest?: Manifest,
): PublicationDate | undefined {
  if (report.published) return { published: report.published, source: 'printed' };
  const fromName = listingDateFromFileName(file);
  if (fromName) return { published: fromName, source: 'file-name' };
  const fromManifest = manifest?.byPath.get(resolve(file)) ?? manifest?.byName.get(basename(file)) ?? undefined;
  return fromManifest ? { published: fromManifest, source: 'manifest' } : undefined;
}

/** The URN in the name of the report's folder (`80418-norfolk/…`), if it has one. */
export function urnFromFolder(file: string): string | undefined {
  return /^(\d{4,8})-[a-z0-9]/i.exec(basename(dirname(file)))?.[1];
}
