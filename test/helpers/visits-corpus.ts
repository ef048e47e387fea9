/** Access to the shared corpus of real focused-visit letters and their hand-checked labels. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SHARED_DIR } from './corpus.ts';

export const VISITS_DIR = join(SHARED_DIR, 'corpus-visits');
export const VISITS_REPORTS_DIR = join(VISITS_DIR, 'reports');

/** A reason to skip, or false when the letters are here. */
export const visitsMissing: string | false = existsSync(join(VISITS_DIR, 'labels.csv'))
  ? false
  : `needs the shared focused-visit letters at ${VISITS_DIR} (absent here)`;

export interface VisitLabelRow {
  readonly file: string;
  readonly kind: string;
  readonly letter_date: string;
  readonly visit_start: string;
  readonly visit_end: string;
  readonly listed_published: string;
  readonly inspectors: string;
  readonly lead_inspector: string;
  readonly focus: string;
  readonly theme: string;
  readonly covid_context: string;
  readonly priority_action_count: string;
  readonly improvement_count: string;
  readonly expected_error: string;
}

export interface VisitItemLabel {
  readonly file: string;
  readonly improvements: string[];
  readonly priorityActions: string[];
}

export function readVisitLabels(): VisitLabelRow[] {
  return parse(readFileSync(join(VISITS_DIR, 'labels.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as VisitLabelRow[];
}

export function readVisitItems(): Map<string, VisitItemLabel> {
  const rows = readFileSync(join(VISITS_DIR, 'items.jsonl'), 'utf8').split('\n').filter(Boolean);
  return new Map(rows.map((row) => JSON.parse(row) as VisitItemLabel).map((row) => [row.file, row]));
}
