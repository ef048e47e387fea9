import type { ReportParser } from './report-parser.ts';
import { ilacsParser } from './ilacs.parser.ts';
import { sifParser } from './sif.parser.ts';

/** Every format the reader knows, tried in order. */
export const REPORT_PARSERS: readonly ReportParser[] = [sifParser, ilacsParser];
