/** Test support: small inspection records for the rules' unit tests. */
import type { Judgements } from '../../src/domain/index.ts';
import { frameworkVersionFor, type InspectionRecord } from '../../src/rules/index.ts';

export function record(
  kind: InspectionRecord['kind'],
  inspectionStart: string,
  published: string | null,
  judgements: Judgements,
): InspectionRecord {
  return {
    kind,
    version: frameworkVersionFor(inspectionStart, kind),
    inspectionStart,
    inspectionEnd: inspectionStart,
    published,
    judgements,
  };
}
