/** Access to the shared corpus of real reports and their hand-checked labels, for tests and benchmarks. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export const SHARED_DIR = new URL('../../../shared/', import.meta.url).pathname;
export const CORPUS_DIR = join(SHARED_DIR, 'corpus');
export const CORPUS_REPORTS_DIR = join(CORPUS_DIR, 'reports');

/** A reason to skip, or false when the corpus is here. */
export const corpusMissing: string | false = existsSync(join(CORPUS_DIR, 'labels.csv'))
  ? false
  : `needs the shared corpus at ${CORPUS_DIR} (absent here)`;

export interface LabelRow {
  readonly file: string;
  readonly urn: string;
  readonly local_authority: string;
  /** The report's address on Ofsted's files origin. */
  readonly source_url: string;
  readonly listed_published: string;
  readonly framework: string;
  readonly version: string;
  readonly kind: string;
  readonly inspection_start: string;
  readonly inspection_end: string;
  readonly published: string;
  readonly lead_inspector: string;
  readonly overall: string;
  readonly leadership: string;
  readonly help_and_protection: string;
  readonly children_in_care: string;
  readonly care_leavers: string;
  readonly adoption: string;
  readonly lscb: string;
  readonly recommendation_count: string;
  readonly lscb_recommendation_count: string;
  readonly expected_error: string;
  readonly notes: string;
}

export function readLabels(): LabelRow[] {
  return parse(readFileSync(join(CORPUS_DIR, 'labels.csv')), { columns: true, skip_empty_lines: true }) as LabelRow[];
}

export interface RecommendationLabel {
  readonly file: string;
  readonly recommendations: string[];
  readonly lscbRecommendations: string[];
}

export function readRecommendationLabels(): Map<string, RecommendationLabel> {
  const rows = readFileSync(join(CORPUS_DIR, 'recommendations.jsonl'), 'utf8').split('\n').filter(Boolean);
  return new Map(rows.map((row) => JSON.parse(row) as RecommendationLabel).map((row) => [row.file, row]));
}

/** The scorer's normalisation: NFKC, plain quotes and dashes, collapsed whitespace, lower case. */
export function normaliseForComparison(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
