import type { ReportParser } from './report-parser.ts';

// Placeholder until the SIF parser lands.
export const sifParser: ReportParser = {
  name: 'sif',
  recognises: () => false,
  parse: () => {
    throw new Error('not implemented');
  },
};
