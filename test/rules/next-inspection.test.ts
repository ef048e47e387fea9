import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { GapObservation } from '../../src/rules/gap-distribution.ts';
import {
  empiricalWindow,
  expectedKind,
  nominalWindow,
  pathwayAfter,
  predictNextInspection,
} from '../../src/rules/next-inspection.ts';
import { record } from '../helpers/inspection-records.ts';

describe('the pathway after an inspection', () => {
  test('good or outstanding: short; requires improvement: standard; inadequate: monitoring then re-inspection', () => {
    assert.equal(
      pathwayAfter(record('ilacs-standard', '2019-01-07', '2019-03-01', { overall: 'good' }))?.pathway,
      'short',
    );
    assert.equal(pathwayAfter(record('sif', '2015-01-05', '2015-03-01', { overall: 'outstanding' }))?.pathway, 'short');
    assert.equal(
      pathwayAfter(record('sif', '2015-01-05', '2015-03-01', { overall: 'requires_improvement' }))?.pathway,
      'standard',
    );
    const inadequate = pathwayAfter(record('ilacs-standard', '2019-01-07', '2019-03-01', { overall: 'inadequate' }))!;
    assert.equal(inadequate.pathway, 'monitoring-then-reinspection');
    assert.equal(inadequate.evidence.nature, 'rule');
  });
  test('ILACS-2026 (no overall judgement): an unverified rule on leaders and practice judgements, marked as an estimate', () => {
    const good = pathwayAfter(
      record('ilacs-standard', '2026-05-11', '2026-07-07', {
        leadership: 'outstanding',
        helpAndProtection: 'good',
        childrenInCare: 'good',
        careLeavers: 'requires_improvement',
      }),
    )!;
    assert.deepEqual([good.pathway, good.evidence.nature], ['short', 'estimate']);
    assert.equal(
      pathwayAfter(
        record('ilacs-short', '2026-04-27', '2026-06-01', {
          leadership: 'good',
          helpAndProtection: 'good',
          childrenInCare: 'requires_improvement',
          careLeavers: 'requires_improvement',
        }),
      )?.pathway,
      'standard',
    );
    assert.equal(
      pathwayAfter(
        record('ilacs-short', '2026-04-27', '2026-06-01', {
          leadership: 'good',
          helpAndProtection: 'inadequate',
          childrenInCare: 'good',
          careLeavers: 'good',
        }),
      )?.pathway,
      'monitoring-then-reinspection',
    );
    assert.equal(pathwayAfter(record('ilacs-short', '2026-04-27', '2026-06-01', {})), undefined);
  });
});

describe('windows', () => {
  const derby = record('sif', '2017-03-06', '2017-06-13', {
    overall: 'good',
    helpAndProtection: 'requires_improvement',
    leadership: 'good',
  });
  test('nominal: third anniversary of the first day on site, six months either side, a rule', () => {
    const window = nominalWindow(derby);
    assert.deepEqual(
      [window.from, window.anniversary, window.to, window.evidence.nature],
      ['2019-09-06', '2020-03-06', '2020-09-06', 'rule'],
    );
  });
  const gap = (days: number, completed: boolean, overall: 'good' | 'inadequate'): GapObservation => ({
    council: `LA${days}${overall}`,
    from: record('sif', '2014-01-06', '2014-03-01', { overall }),
    days,
    completed,
  });
  test('empirical: percentiles of the gaps after the same pathway, an estimate', () => {
    const observations = [
      ...[1000, 1100, 1200, 1300, 1400].map((days) => gap(days, true, 'good')),
      gap(800, true, 'inadequate'),
    ];
    const window = empiricalWindow(derby, 'short', observations)!;
    assert.deepEqual(
      [window.from, window.to, window.median, window.group],
      ['2019-12-01', '2021-01-04', '2020-06-18', 'short'],
    );
    assert.deepEqual([window.completedGaps, window.stillWaiting, window.evidence.nature], [5, 0, 'estimate']);
  });
  test('empirical: every pathway pooled when fewer than 5 gaps follow the same one; none without a completed gap', () => {
    const observations = [gap(1000, true, 'good'), gap(900, true, 'inadequate'), gap(1500, false, 'good')];
    assert.equal(empiricalWindow(derby, 'short', observations)?.group, 'all');
    assert.equal(empiricalWindow(derby, 'short', [gap(1500, false, 'good')]), null);
  });
  test('empirical: open-ended when too many councils are still waiting', () => {
    const observations = [
      ...[1000, 1100, 1200, 1300, 1400].map((days) => gap(days, true, 'good')),
      ...[1500, 1500, 1500].map((days) => gap(days, false, 'good')),
    ];
    const window = empiricalWindow(derby, 'short', observations)!;
    assert.equal(window.to, null);
    assert.equal(window.stillWaiting, 3);
  });
});

describe('the kind of the next graded inspection', () => {
  const sifInadequate = record('sif', '2015-01-20', '2015-03-20', { overall: 'inadequate' });
  test('after an inadequate SIF judgement: SIF re-inspection until June 2018, then ILACS standard', () => {
    assert.equal(expectedKind(sifInadequate, 'monitoring-then-reinspection', '2017-11-07'), 'sif-reinspection');
    assert.equal(expectedKind(sifInadequate, 'monitoring-then-reinspection', '2018-10-29'), 'ilacs-standard');
  });
  test('short and standard pathways are ILACS inspections', () => {
    assert.equal(expectedKind(sifInadequate, 'short', '2017-01-01'), 'ilacs-short');
    assert.equal(expectedKind(sifInadequate, 'standard', '2017-01-01'), 'ilacs-standard');
  });
  test('a record without grades gets a clear error', () => {
    assert.throws(() => predictNextInspection(record('ilacs-short', '2019-01-07', null, {}), []), {
      code: 'no-grades',
      message: /has no grades/,
    });
  });
  test('with no gaps known yet, the re-inspection date is taken as the nominal anniversary', () => {
    const prediction = predictNextInspection(sifInadequate, []);
    assert.deepEqual([prediction.kind, prediction.empiricalWindow], ['sif-reinspection', null]);
  });
});
