/** A stored letter as the rules and analytics read it: when, what kind, what it looked at and asked for. */
import type { IsoDate } from './inspection-report.ts';
import type { LetterKind, VisitTheme } from './visit-letter.ts';

export interface VisitLetterRecord {
  readonly inspectionId: number;
  readonly urn: string;
  readonly kind: LetterKind;
  readonly visitStart: IsoDate;
  readonly visitEnd: IsoDate;
  readonly published: IsoDate;
  readonly letterDate: IsoDate | null;
  readonly focus: string | null;
  readonly theme: VisitTheme | null;
  readonly covidContext: boolean;
  readonly inspectors: readonly string[];
  readonly leadInspector: string | null;
  readonly recommendations: readonly string[];
  readonly priorityActions: readonly string[];
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
}
