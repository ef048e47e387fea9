import type { ExtractionErrorCode } from '../domain/index.ts';

/** A report the reader cannot turn into data, with a code from the extraction contract. */
export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode;
  constructor(code: ExtractionErrorCode, message: string) {
    super(message);
    this.name = 'ExtractionError';
    this.code = code;
  }
}
