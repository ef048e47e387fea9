import { basename } from 'node:path';
import { isExtractionFailure, isoDateSchema, type ExtractionResult, type IsoDate } from '../domain/index.ts';

const FILE_NAME_DATE = /(?:^|[^\d])(\d{4}-\d{2}-\d{2})(?:[^\d]|$)/;

/**
 * The publication date Ofsted's listing gives for a report, as kept in its file name
 * (`<urn>-<slug>/YYYY-MM-DD.pdf` in the corpus and in the folders councils keep); undefined when
 * the name holds no real date.
 */
export function listingDateFromFileName(file: string): IsoDate | undefined {
  const found = FILE_NAME_DATE.exec(basename(file))?.[1];
  return found && isoDateSchema.safeParse(found).success ? found : undefined;
}

/** A report that prints no publication date takes the one its listing gives, when the file name has it. */
export function withListingDate(result: ExtractionResult): ExtractionResult {
  if (isExtractionFailure(result) || result.published) return result;
  return { ...result, published: listingDateFromFileName(result.file) ?? null };
}
