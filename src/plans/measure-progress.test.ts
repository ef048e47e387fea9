import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { measureProgress, validateMeasure } from './measure-progress.ts';
import type { Measure, MeasureValue } from './types.ts';

/** Higher is better: from 60% at the start of 2025 to 90% by its end. */
const higher: Measure = {
  id: 1,
  actionId: 1,
  what: 'Child protection plans reviewed on time',
  unit: '%',
  betterWhen: 'higher',
  baseline: { value: 60, date: '2025-01-01' },
  target: { value: 90, date: '2025-12-31' },
  frequency: 'monthly',
  source: 'Case management system',
};
/** Lower is better: from 40 days to 20. */
const lower: Measure = {
  ...higher,
  id: 2,
  what: 'Days from referral to assessment',
  unit: 'days',
  betterWhen: 'lower',
  baseline: { value: 40, date: '2025-01-01' },
  target: { value: 20, date: '2025-12-31' },
};
let nextId = 1;
const value = (measureId: number, date: string, amount: number): MeasureValue => ({
  id: nextId++,
  measureId,
  date,
  value: amount,
  comment: '',
});

describe('distance to target and direction of travel', () => {
  test('no value yet: no data, nothing measured', () => {
    assert.deepEqual(measureProgress(higher, [], '2025-06-01'), {
      latest: null,
      previous: null,
      distanceToTarget: null,
      shareOfWay: null,
      targetMet: false,
      travel: 'no data',
    });
  });
  test('the first value is compared with the baseline', () => {
    const progress = measureProgress(higher, [value(1, '2025-02-01', 66)], '2025-06-01');
    assert.equal(progress.distanceToTarget, 24);
    assert.equal(progress.shareOfWay, 0.2);
    assert.equal(progress.travel, 'improving');
    assert.deepEqual(progress.previous, { value: 60, date: '2025-01-01' });
  });
  test('later values are compared with the one before, whatever order they come in', () => {
    const values = [value(1, '2025-04-01', 70), value(1, '2025-02-01', 66), value(1, '2025-03-01', 75)];
    const progress = measureProgress(higher, values, '2025-06-01');
    assert.equal(progress.latest?.value, 70);
    assert.equal(progress.previous?.value, 75);
    assert.equal(progress.travel, 'worsening');
    assert.equal(progress.distanceToTarget, 20);
  });
  test('the same value again is unchanged', () => {
    assert.equal(
      measureProgress(higher, [value(1, '2025-02-01', 66), value(1, '2025-03-01', 66)], '2025-06-01').travel,
      'unchanged',
    );
  });
  test('values after the as-at date are not yet known', () => {
    const progress = measureProgress(higher, [value(1, '2025-02-01', 66), value(1, '2025-09-01', 95)], '2025-06-01');
    assert.equal(progress.latest?.value, 66);
    assert.equal(progress.targetMet, false);
  });
  test('values of another measure are ignored', () => {
    assert.equal(measureProgress(higher, [value(2, '2025-02-01', 66)], '2025-06-01').latest, null);
  });
  test('reaching or passing the target: met, distance 0', () => {
    const met = measureProgress(higher, [value(1, '2025-08-01', 90)], '2025-09-01');
    assert.equal(met.targetMet, true);
    assert.equal(met.distanceToTarget, 0);
    const passed = measureProgress(higher, [value(1, '2025-08-01', 94)], '2025-09-01');
    assert.equal(passed.distanceToTarget, 0);
    assert.ok(Math.abs((passed.shareOfWay ?? 0) - 34 / 30) < 1e-12);
  });
  test('lower is better: falling values improve and the distance is how far still to fall', () => {
    const progress = measureProgress(lower, [value(2, '2025-03-01', 35), value(2, '2025-04-01', 30)], '2025-06-01');
    assert.equal(progress.travel, 'improving');
    assert.equal(progress.distanceToTarget, 10);
    assert.equal(progress.shareOfWay, 0.5);
    assert.equal(measureProgress(lower, [value(2, '2025-03-01', 45)], '2025-06-01').travel, 'worsening');
  });
  test('worse than the baseline: a negative share of the way', () => {
    assert.equal(measureProgress(lower, [value(2, '2025-03-01', 44)], '2025-06-01').shareOfWay, -0.2);
  });
  test('a target equal to the baseline (hold steady) has no share of the way, and is met while held', () => {
    const hold = { ...higher, target: { value: 60, date: '2025-12-31' } };
    const progress = measureProgress(hold, [value(1, '2025-03-01', 61)], '2025-06-01');
    assert.equal(progress.shareOfWay, null);
    assert.equal(progress.targetMet, true);
  });
});

describe('measure checks', () => {
  test('a well-formed measure passes', () => {
    assert.equal(validateMeasure(higher), higher);
    assert.equal(validateMeasure(lower), lower);
  });
  test('a target worse than the baseline is refused', () => {
    assert.throws(
      () => validateMeasure({ ...higher, target: { value: 50, date: '2025-12-31' } }),
      /worse than the baseline/,
    );
    assert.throws(() => validateMeasure({ ...lower, target: { value: 50, date: '2025-12-31' } }), /lower is better/);
  });
  test('a target dated on or before the baseline is refused', () => {
    assert.throws(
      () => validateMeasure({ ...higher, target: { value: 90, date: '2025-01-01' } }),
      /must be after the baseline date/,
    );
  });
  test('a value that is not a number is refused', () => {
    assert.throws(
      () => validateMeasure({ ...higher, baseline: { value: Number.NaN, date: '2025-01-01' } }),
      /baseline must be a number/,
    );
  });
});
