/**
 * The corpus labels as InspectionReport objects, grouped by council URN: report data for the
 * framework engine's tests that does not depend on the PDF reader.
 */
import {
  JUDGEMENT_AREAS,
  JUDGEMENT_AREA_COLUMNS,
  inspectionReportSchema,
  type InspectionReport,
  type Judgements,
} from '../../src/domain/index.ts';
import type { LabelRow } from './corpus.ts';

/** Rows of graded reports (not the error rows, not the 2013 looked-after-children inspections). */
export function isGradedLabel(row: LabelRow): boolean {
  return row.expected_error === '' && row.framework !== '' && row.inspection_start !== '';
}

export function labelToReport(row: LabelRow): InspectionReport {
  const judgements: Record<string, string> = {};
  for (const area of JUDGEMENT_AREAS) {
    const value = (row as unknown as Record<string, string>)[JUDGEMENT_AREA_COLUMNS[area]];
    if (value) judgements[area] = value;
  }
  return inspectionReportSchema.parse({
    file: row.file,
    framework: row.framework,
    version: row.version,
    kind: row.kind,
    localAuthority: row.local_authority,
    inspectionStart: row.inspection_start,
    inspectionEnd: row.inspection_end,
    published: row.published || row.listed_published || null,
    leadInspector: row.lead_inspector || null,
    judgements: judgements as Judgements,
    recommendations: [],
    lscbRecommendations: [],
    warnings: [],
  });
}

/** Graded labelled reports keyed by URN. */
export function labelHistories(rows: readonly LabelRow[]): Map<string, InspectionReport[]> {
  const histories = new Map<string, InspectionReport[]>();
  for (const row of rows.filter(isGradedLabel)) {
    const list = histories.get(row.urn) ?? [];
    list.push(labelToReport(row));
    histories.set(row.urn, list);
  }
  return histories;
}
