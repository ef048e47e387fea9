/**
 * The reader against every labelled focused-visit letter in ../shared/corpus-visits, scored as
 * ../shared/tools/compare-visits.py scores it: the labelled fields at least 99% exact, focus and
 * theme at least 90%, the improvement and priority-action items at least 98% exact.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { isExtractionFailure, isVisitLetter, type ExtractionResult, type VisitLetter } from '../../src/domain/index.ts';
import { extractFiles, withListingDate } from '../../src/extract/index.ts';
import { normaliseForComparison } from '../helpers/corpus.ts';
import {
  readVisitItems,
  readVisitLabels,
  visitsMissing,
  VISITS_REPORTS_DIR,
  type VisitLabelRow,
} from '../helpers/visits-corpus.ts';

const MIN_FIELDS = 0.99;
const MIN_FOCUS_AND_THEME = 0.9;
const MIN_ITEMS = 0.98;

const FIELDS: Readonly<Record<string, (letter: VisitLetter) => string>> = {
  kind: (letter) => letter.kind,
  letter_date: (letter) => letter.letterDate ?? '',
  visit_start: (letter) => letter.visitStart,
  visit_end: (letter) => letter.visitEnd,
  listed_published: (letter) => letter.published ?? '',
  inspectors: (letter) => letter.inspectors.join('; '),
  lead_inspector: (letter) => letter.leadInspector ?? '',
  covid_context: (letter) => (letter.covidContext ? 'yes' : 'no'),
  priority_action_count: (letter) => String(letter.priorityActions.length),
  improvement_count: (letter) => String(letter.recommendations.length),
};

describe('the reader on the real focused-visit letters', { skip: visitsMissing }, () => {
  const labels = visitsMissing ? [] : readVisitLabels();
  const items = visitsMissing ? new Map() : readVisitItems();
  const results = new Map<string, ExtractionResult>();

  before(async () => {
    let index = 0;
    for await (const result of extractFiles(labels.map((row) => join(VISITS_REPORTS_DIR, row.file))))
      results.set(labels[index++]!.file, withListingDate(result));
  });

  const letters = (): [VisitLabelRow, VisitLetter | undefined][] =>
    labels
      .filter((row) => !row.expected_error)
      .map((row) => {
        const result = results.get(row.file);
        return [row, result && isVisitLetter(result) ? result : undefined];
      });

  test('every letter is read as a letter, and expected errors are given', () => {
    for (const row of labels) {
      const result = results.get(row.file);
      assert.ok(result, `${row.file}: no result`);
      if (row.expected_error)
        assert.equal(isExtractionFailure(result) ? result.error.code : undefined, row.expected_error, row.file);
      else
        assert.ok(
          isVisitLetter(result),
          `${row.file}: ${isExtractionFailure(result) ? result.error.message : 'not read as a letter'}`,
        );
    }
  });

  test(`the labelled fields at least ${MIN_FIELDS * 100}% exact`, () => {
    let right = 0;
    let total = 0;
    const misses: string[] = [];
    for (const [row, letter] of letters()) {
      for (const [field, read] of Object.entries(FIELDS)) {
        total++;
        const want = normaliseForComparison(row[field as keyof VisitLabelRow]);
        const got = letter ? normaliseForComparison(read(letter)) : undefined;
        if (want === got) right++;
        else misses.push(`${row.file}: ${field}: want ${want} got ${got}`);
      }
    }
    assert.ok(right / total >= MIN_FIELDS, `${right}/${total}; first misses:\n${misses.slice(0, 10).join('\n')}`);
  });

  test(`focus and theme at least ${MIN_FOCUS_AND_THEME * 100}% exact`, () => {
    let right = 0;
    let total = 0;
    for (const [row, letter] of letters()) {
      total += 2;
      if (letter && normaliseForComparison(letter.focus) === normaliseForComparison(row.focus)) right++;
      if (letter && letter.theme === row.theme) right++;
    }
    assert.ok(right / total >= MIN_FOCUS_AND_THEME, `${right}/${total}`);
  });

  test(`improvement and priority-action items at least ${MIN_ITEMS * 100}% exact`, () => {
    let right = 0;
    let total = 0;
    const misses: string[] = [];
    for (const [row, letter] of letters()) {
      const label = items.get(row.file);
      if (!label) continue;
      for (const [wanted, got] of [
        [label.improvements, letter?.recommendations ?? []],
        [label.priorityActions, letter?.priorityActions ?? []],
      ] as const) {
        const read = new Set(got.map(normaliseForComparison));
        for (const item of wanted) {
          total++;
          if (read.has(normaliseForComparison(item))) right++;
          else misses.push(`${row.file}: ${item.slice(0, 80)}`);
        }
      }
    }
    assert.ok(
      right / Math.max(total, 1) >= MIN_ITEMS,
      `${right}/${total}; first misses:\n${misses.slice(0, 10).join('\n')}`,
    );
  });
});
