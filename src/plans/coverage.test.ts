import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeGaps, planCoverage } from './coverage.ts';
import type { Action, Measure, PlanItem } from './types.ts';

const item = (id: number): PlanItem => ({
  id,
  recommendation: { list: 'recommendations', position: id, text: `Recommendation ${id}` },
  title: `Recommendation ${id}`,
  response: null,
});
const action = (id: number, itemIds: number[]): Action => ({
  id,
  itemIds,
  title: `Action ${id}`,
  owner: { kind: 'team', name: 'Quality assurance' },
  startDate: null,
  dueDate: '2026-03-31',
  status: 'not started',
  ragOverride: null,
});
const measure = (id: number, actionId: number): Measure => ({
  id,
  actionId,
  what: 'Plans reviewed on time',
  unit: '%',
  betterWhen: 'higher',
  baseline: { value: 60, date: '2025-01-01' },
  target: { value: 90, date: '2026-01-01' },
  frequency: 'monthly',
  source: 'Case management system',
});

describe('plan coverage', () => {
  test('a plan with nothing has no gaps and counts zero', () => {
    const report = planCoverage([], [], []);
    assert.deepEqual(report.coverage, { items: 0, itemsWithAction: 0, actions: 0, actionsWithMeasure: 0 });
    assert.equal(report.complete, true);
  });
  test('items without an action are gaps', () => {
    const report = planCoverage([item(1), item(2), item(3)], [action(10, [1])], [measure(100, 10)]);
    assert.deepEqual(
      report.gaps.itemsWithoutAction.map((gap) => gap.id),
      [2, 3],
    );
    assert.equal(report.coverage.itemsWithAction, 1);
    assert.equal(report.complete, false);
  });
  test('actions without a measure are gaps', () => {
    const report = planCoverage([item(1)], [action(10, [1]), action(11, [1])], [measure(100, 11)]);
    assert.deepEqual(
      report.gaps.actionsWithoutMeasure.map((gap) => gap.id),
      [10],
    );
    assert.deepEqual(report.coverage, { items: 1, itemsWithAction: 1, actions: 2, actionsWithMeasure: 1 });
    assert.equal(report.complete, false);
  });
  test('one action serving several items covers each of them', () => {
    const report = planCoverage([item(1), item(2)], [action(10, [1, 2])], [measure(100, 10)]);
    assert.equal(report.coverage.itemsWithAction, 2);
    assert.equal(report.complete, true);
  });
  test('several measures on one action count it once', () => {
    assert.equal(
      planCoverage([item(1)], [action(10, [1])], [measure(100, 10), measure(101, 10)]).coverage.actionsWithMeasure,
      1,
    );
  });
  test('a measure of an action not in the plan covers nothing', () => {
    assert.equal(planCoverage([item(1)], [action(10, [1])], [measure(100, 99)]).coverage.actionsWithMeasure, 0);
  });
  test('an action naming an unknown item, or none, is a broken link and blocks completion', () => {
    const report = planCoverage([item(1)], [action(10, [1, 7]), action(11, [])], [measure(100, 10), measure(101, 11)]);
    assert.deepEqual(
      report.gaps.actionsWithUnknownItems.map((gap) => gap.id),
      [10, 11],
    );
    assert.equal(report.complete, false);
  });
  test('the gaps in words, items first', () => {
    const report = planCoverage([item(1), item(2)], [action(10, [1]), action(11, [])], [measure(100, 11)]);
    assert.deepEqual(describeGaps(report.gaps), [
      'Item 2 ("Recommendation 2") has no action.',
      'Action 10 ("Action 10") has no measure.',
      'Action 11 ("Action 11") serves no item.',
    ]);
  });
});
