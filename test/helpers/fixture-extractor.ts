/**
 * Test support: the one fake extractor. Files it knows are read as the report written for them
 * (no PDF reading); any other file goes to the real reader, or is refused when `others: 'refuse'`.
 */
import { resolve } from 'node:path';
import type { InspectionReport } from '../../src/domain/index.ts';
import { extractFile } from '../../src/extract/index.ts';
import type { ReportExtractor } from '../../src/services/index.ts';

export function fixtureExtractor(
  reports: ReadonlyMap<string, InspectionReport>,
  { others = 'read' }: { readonly others?: 'read' | 'refuse' } = {},
): ReportExtractor {
  return async function* (files, options) {
    let done = 0;
    for (const file of files) {
      const known = reports.get(resolve(file));
      if (!known && others === 'refuse') throw new Error(`No fixture report for ${file}`);
      yield known ? { ...known, file } : await extractFile(file);
      options.onProgress?.(++done, files.length);
    }
  };
}
