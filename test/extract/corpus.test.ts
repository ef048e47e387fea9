/**
 * The reader against every labelled report in ../shared/corpus: each core field exact, every
 * expected error given, and at least 99% of recommendation items exact after normalisation. As in
 * `csci extract`, a report that prints no publication date takes its listing date from the file name.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import {
  isExtractionFailure,
  isVisitLetter,
  JUDGEMENT_AREAS,
  JUDGEMENT_AREA_COLUMNS,
  type ExtractionResult,
  type InspectionReport,
} from '../../src/domain/index.ts';
import { extractFiles, withListingDate } from '../../src/extract/index.ts';
import { checkInvariants, expectedAreas, type ReportFacts } from '../../src/extract/invariants.ts';
import {
  CORPUS_REPORTS_DIR,
  corpusMissing,
  normaliseForComparison,
  readLabels,
  readRecommendationLabels,
  type LabelRow,
} from '../helpers/corpus.ts';

const MIN_RECOMMENDATION_ITEMS_EXACT = 0.99;

describe('the reader on the real corpus', { skip: corpusMissing }, () => {
  const labels = corpusMissing ? [] : readLabels();
  const recommendationLabels = corpusMissing ? new Map() : readRecommendationLabels();
  const results = new Map<string, ExtractionResult>();

  before(async () => {
    const files = labels.map((row) => join(CORPUS_REPORTS_DIR, row.file));
    let index = 0;
    for await (const result of extractFiles(files)) results.set(labels[index++]!.file, withListingDate(result));
  });

  for (const row of labels) {
    test(`${row.file}: ${row.expected_error ? `gives the error ${row.expected_error}` : 'every core field matches the label'}`, () => {
      const result = results.get(row.file);
      assert.ok(result, 'no result');
      if (row.expected_error) {
        assert.ok(isExtractionFailure(result), 'expected an error line');
        assert.equal(result.error.code, row.expected_error);
        return;
      }
      assert.ok(
        !isExtractionFailure(result),
        `unexpected error: ${isExtractionFailure(result) ? result.error.message : ''}`,
      );
      assert.ok(!isVisitLetter(result), 'a report was read as a letter');
      assert.deepEqual(coreFields(result), expectedCoreFields(row));
    });
  }

  test(`at least ${MIN_RECOMMENDATION_ITEMS_EXACT * 100}% of labelled recommendation items are extracted exactly`, () => {
    let exact = 0;
    let total = 0;
    const misses: string[] = [];
    for (const row of labels) {
      const label = recommendationLabels.get(row.file);
      const result = results.get(row.file);
      if (!label || !result || isExtractionFailure(result) || isVisitLetter(result)) continue;
      const got = new Set([...result.recommendations, ...result.lscbRecommendations].map(normaliseForComparison));
      for (const item of [...label.recommendations, ...label.lscbRecommendations]) {
        total++;
        if (got.has(normaliseForComparison(item))) exact++;
        else misses.push(`${row.file}: ${item.slice(0, 80)}`);
      }
    }
    const share = exact / Math.max(total, 1);
    assert.ok(
      share >= MIN_RECOMMENDATION_ITEMS_EXACT,
      `${exact}/${total} exact (${(share * 100).toFixed(2)}%); first misses:\n${misses.slice(0, 10).join('\n')}`,
    );
  });

  test('a report carries a warning exactly when its hand-checked facts break an invariant of its kind', () => {
    const mismatches: string[] = [];
    for (const row of labels) {
      const result = results.get(row.file);
      if (!result || isExtractionFailure(result) || isVisitLetter(result) || row.expected_error) continue;
      const label = recommendationLabels.get(row.file);
      const truth: ReportFacts = {
        ...result,
        leadInspector: row.lead_inspector || null,
        recommendations: label?.recommendations ?? [],
        lscbRecommendations: label?.lscbRecommendations ?? [],
      };
      // What the labels leave empty the report printed as not judged (or, for the LSCB, did not review).
      const reviewsLscb = row.lscb !== '';
      const notJudged = expectedAreas(truth, { reviewsLscb }).filter(
        (area) => row[JUDGEMENT_AREA_COLUMNS[area] as keyof LabelRow] === '',
      );
      const expected = checkInvariants(truth, { reviewsLscb, notJudged }).map((warning) => warning.code);
      const got = result.warnings.map((warning) => warning.code);
      if (JSON.stringify(got) !== JSON.stringify(expected))
        mismatches.push(`${row.file}: got [${got.join(', ')}], labels give [${expected.join(', ')}]`);
    }
    assert.deepEqual(mismatches, []);
  });
});

function coreFields(result: InspectionReport): Record<string, string> {
  const fields: Record<string, string> = {
    framework: result.framework,
    version: result.version,
    kind: result.kind,
    inspectionStart: result.inspectionStart,
    inspectionEnd: result.inspectionEnd,
    leadInspector: normaliseForComparison(result.leadInspector),
  };
  if (result.framework === 'SIF') fields.published = result.published ?? '';
  for (const area of JUDGEMENT_AREAS) fields[area] = result.judgements[area] ?? '';
  return fields;
}

function expectedCoreFields(row: LabelRow): Record<string, string> {
  const fields: Record<string, string> = {
    framework: row.framework,
    version: row.version,
    kind: row.kind,
    inspectionStart: row.inspection_start,
    inspectionEnd: row.inspection_end,
    leadInspector: normaliseForComparison(row.lead_inspector),
  };
  if (row.framework === 'SIF') fields.published = row.published;
  for (const area of JUDGEMENT_AREAS) fields[area] = row[JUDGEMENT_AREA_COLUMNS[area] as keyof LabelRow];
  return fields;
}
