/**
 * Built fixtures for the importer: a folder laid out like the corpus (`<urn>-<slug>/<date>.pdf`)
 * whose files hold unique bytes, and an extractor that gives, for each, the InspectionReport its
 * corpus label describes (files it does not know go to the real reader).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  JUDGEMENT_AREA_COLUMNS,
  JUDGEMENT_AREAS,
  inspectionReportSchema,
  type InspectionReport,
} from '../../src/domain/index.ts';
import type { LabelRow, RecommendationLabel } from './corpus.ts';

export function isGradedLabelRow(row: LabelRow): boolean {
  return row.expected_error === '' && row.framework !== '';
}

/** The report as the reader gives it: SIF reports print their publication date, ILACS reports do not. */
export function reportFromLabel(row: LabelRow, file: string, recommendations?: RecommendationLabel): InspectionReport {
  const judgements: Record<string, string> = {};
  for (const area of JUDGEMENT_AREAS) {
    const grade = (row as unknown as Record<string, string>)[JUDGEMENT_AREA_COLUMNS[area]];
    if (grade) judgements[area] = grade;
  }
  return inspectionReportSchema.parse({
    file,
    framework: row.framework,
    version: row.version,
    kind: row.kind,
    localAuthority: row.local_authority || 'Unknown',
    inspectionStart: row.inspection_start,
    inspectionEnd: row.inspection_end,
    published: row.framework === 'SIF' ? row.published : null,
    leadInspector: row.lead_inspector || null,
    judgements,
    recommendations: recommendations?.recommendations ?? [],
    lscbRecommendations: recommendations?.lscbRecommendations ?? [],
    warnings: [],
  });
}

export interface FixtureFolder {
  readonly dir: string;
  /** Absolute path → the report the extractor gives for it. */
  readonly reports: Map<string, InspectionReport>;
}

const madeDirs: string[] = [];
process.once('exit', () => {
  for (const dir of madeDirs) rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder, removed when the test process ends. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

/** Writes one small file per label row under a new temporary folder. */
export function buildFixtureFolder(
  rows: readonly LabelRow[],
  recommendations: ReadonlyMap<string, RecommendationLabel> = new Map(),
): FixtureFolder {
  const dir = makeTempDir('csci-import-');
  const reports = new Map<string, InspectionReport>();
  for (const row of rows) {
    const path = join(dir, row.file);
    addFixtureFile(reports, path, reportFromLabel(row, path, recommendations.get(row.file)));
  }
  return { dir, reports };
}

/** Adds a file whose bytes are unique to its path, read as the given report. */
export function addFixtureFile(
  reports: Map<string, InspectionReport>,
  path: string,
  report: Omit<InspectionReport, 'file'>,
): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `%fixture ${path}\n`);
  reports.set(resolve(path), { ...report, file: path });
}

export { fixtureExtractor } from '../helpers/fixture-extractor.ts';
