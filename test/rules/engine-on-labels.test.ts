/**
 * The framework engine over the hand-checked labels of ../shared/corpus (report data without the
 * PDF reader): the backtest's figures, no peeking at the future, framework versions and grade
 * consistency.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDays } from '../../src/calendar/index.ts';
import {
  backtest,
  checkJudgementConsistency,
  cycleInspections,
  frameworkVersionFor,
  gapObservations,
  knownFrom,
  predictNextInspection,
  type InspectionRecord,
} from '../../src/rules/index.ts';
import { corpusMissing, readLabels } from '../helpers/corpus.ts';
import { labelHistories } from '../helpers/label-reports.ts';

describe('the framework engine on the corpus labels', { skip: corpusMissing }, () => {
  const histories = corpusMissing ? new Map() : labelHistories(readLabels());

  test('backtest: the next kind right at least 90% of the time, the actual start in the empirical window at least 80%', (context) => {
    const result = backtest(histories);
    context.diagnostic(
      `cases ${result.cases}; kind ${result.kindAccuracy.toFixed(3)}; nominal ${result.nominalWindowCoverage.toFixed(3)}; empirical ${result.empiricalWindowCoverage.toFixed(3)} (open-ended ${result.openEndedEmpiricalWindows}, none ${result.withoutEmpiricalWindow})`,
    );
    assert.equal(result.cases, 245);
    assert.ok(result.kindAccuracy >= 0.9, `kind accuracy ${result.kindAccuracy}`);
    assert.ok(result.empiricalWindowCoverage >= 0.8, `empirical coverage ${result.empiricalWindowCoverage}`);
    const bounded = result.details.filter((item) => item.empiricalWindow?.to);
    assert.ok(
      bounded.filter((item) => item.inEmpiricalWindow).length / bounded.length >= 0.8,
      'bounded windows alone cover at least 80%',
    );
  });

  test('no peeking: each prediction is the same when made from only the reports public before the predicted inspection', () => {
    const result = backtest(histories);
    for (const item of result.details.filter((_, index) => index % 7 === 0)) {
      const asAt = addDays(item.actualStart, -1);
      const past = new Map<string, InspectionRecord[]>();
      for (const [key, records] of histories)
        past.set(
          key,
          (records as InspectionRecord[]).filter((record) => knownFrom(record) <= asAt),
        );
      const after = cycleInspections(past.get(item.council)!).find((record) => record.inspectionStart === item.after)!;
      const prediction = predictNextInspection(
        after,
        gapObservations(past, asAt, { exclude: { council: item.council, inspectionStart: item.after } }),
      );
      assert.deepEqual(
        prediction.empiricalWindow && { from: prediction.empiricalWindow.from, to: prediction.empiricalWindow.to },
        item.empiricalWindow,
        `${item.council} ${item.after}`,
      );
      assert.equal(prediction.kind, item.predictedKind);
    }
  });

  test('every labelled report has the framework version its start date and kind give', () => {
    for (const records of histories.values()) {
      for (const record of records)
        assert.equal(frameworkVersionFor(record.inspectionStart, record.kind), record.version, `${record.file}`);
    }
  });

  test('no labelled report breaks a consistency rule that was never broken', () => {
    for (const records of histories.values()) {
      for (const record of records) {
        const warnings = checkJudgementConsistency(record.version, record.judgements).filter(
          (finding) => finding.severity === 'warning',
        );
        assert.deepEqual(warnings, [], record.file);
      }
    }
  });
});
