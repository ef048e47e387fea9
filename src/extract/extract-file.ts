import { readFile } from 'node:fs/promises';
import type { ExtractionResult } from '../domain/index.ts';
import { extractReport, failure } from './extract-report.ts';
import { ExtractionError } from './extraction-error.ts';

/** Reads one file from disk and extracts it; never throws. */
export async function extractFile(file: string): Promise<ExtractionResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return failure(file, new ExtractionError('unreadable-file', `The file could not be read: ${reason}.`));
  }
  return extractReport(bytes, file);
}
