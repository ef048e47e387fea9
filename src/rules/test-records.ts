/** Small inspection records for the rules' unit tests (test support, not used by the product). */
import type { Judgements } from '../domain/index.ts';
import { frameworkVersionFor } from './framework-version.ts';
import type { InspectionRecord } from './inspection-history.ts';

export function record(kind: InspectionRecord['kind'], inspectionStart: string, published: string | null, judgements: Judgements): InspectionRecord {
  return { kind, version: frameworkVersionFor(inspectionStart, kind), inspectionStart, inspectionEnd: inspectionStart, published, judgements };
}
