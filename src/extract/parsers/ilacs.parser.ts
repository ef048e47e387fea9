import type { ReportParser } from './report-parser.ts';

// Placeholder until the ILACS parser lands.
export const ilacsParser: ReportParser = {
  name: 'ilacs',
  recognises: () => false,
  parse: () => {
    throw new Error('not implemented');
  },
};
