export { extractReport, parseReportText } from './extract-report.ts';
export { extractFile } from './extract-file.ts';
export { extractFiles, type ExtractFilesOptions } from './extract-files.ts';
export { findReportFiles } from './find-pdfs.ts';
export { ExtractionError } from './extraction-error.ts';
export { listingDateFromFileName, withListingDate } from './listing-date.ts';
