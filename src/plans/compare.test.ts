import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareCollection, comparePlanContents, fieldChanges } from './compare.ts';
import type { Action, PlanContent } from './types.ts';

const action: Action = {
  id: 10,
  itemIds: [1],
  title: 'Audit every child protection plan',
  owner: { kind: 'role', name: 'Head of safeguarding' },
  startDate: '2025-01-01',
  dueDate: '2025-12-31',
  status: 'in progress',
  ragOverride: null,
};
const version1: PlanContent = {
  plan: { id: 1, council: '100001', inspectionId: 7, status: 'submitted', dueDate: '2025-03-31', version: 4 },
  items: [
    {
      id: 1,
      recommendation: { list: 'recommendations', position: 1, text: 'Improve the timeliness of reviews.' },
      title: 'Improve the timeliness of reviews.',
      response: null,
    },
    { id: 2, recommendation: null, title: 'Wider area: supervision', response: null },
  ],
  actions: [action],
  milestones: [{ id: 20, actionId: 10, title: 'First audit cycle', dueDate: '2025-03-31', metOn: null }],
  measures: [],
  values: [],
  updates: [],
};

describe('comparing two versions of a plan', () => {
  test('a version compared with itself is unchanged', () => {
    const changes = comparePlanContents(version1, structuredClone(version1));
    assert.equal(changes.unchanged, true);
    assert.deepEqual(changes.actions, { added: [], removed: [], changed: [] });
  });
  test('the version counter alone is not a change', () => {
    assert.equal(
      comparePlanContents(version1, { ...version1, plan: { ...version1.plan, version: 9 } }).unchanged,
      true,
    );
  });
  test('a change to the plan record is listed field by field', () => {
    const changes = comparePlanContents(version1, {
      ...version1,
      plan: { ...version1.plan, status: 'draft', version: 5 },
    });
    assert.deepEqual(changes.plan, [{ field: 'status', before: 'submitted', after: 'draft' }]);
    assert.equal(changes.unchanged, false);
  });
  test('added and removed records by id', () => {
    const later: PlanContent = {
      ...version1,
      items: [version1.items[0]!, { id: 3, recommendation: null, title: 'Wider area: workforce', response: null }],
      updates: [
        {
          id: 30,
          actionId: 10,
          date: '2025-04-02',
          author: 'An Editor',
          text: 'First cycle done.',
          status: 'in progress',
          evidence: [],
        },
      ],
    };
    const changes = comparePlanContents(version1, later);
    assert.deepEqual(
      changes.items.added.map((item) => item.id),
      [3],
    );
    assert.deepEqual(
      changes.items.removed.map((item) => item.id),
      [2],
    );
    assert.deepEqual(
      changes.updates.added.map((update) => update.id),
      [30],
    );
    assert.equal(changes.unchanged, false);
  });
  test('a changed action names the fields, with before and after, nested values compared deeply', () => {
    const later: PlanContent = {
      ...version1,
      actions: [
        { ...action, status: 'complete', owner: { kind: 'role', name: 'Head of safeguarding' }, itemIds: [1, 2] },
      ],
      milestones: [{ ...version1.milestones[0]!, metOn: '2025-03-28' }],
    };
    const changes = comparePlanContents(version1, later);
    assert.deepEqual(
      changes.actions.changed.map((change) => change.fields),
      [
        [
          { field: 'itemIds', before: [1], after: [1, 2] },
          { field: 'status', before: 'in progress', after: 'complete' },
        ],
      ],
    );
    assert.deepEqual(changes.milestones.changed[0]?.fields, [{ field: 'metOn', before: null, after: '2025-03-28' }]);
  });
  test('record order does not matter', () => {
    assert.equal(comparePlanContents(version1, { ...version1, items: [...version1.items].reverse() }).unchanged, true);
  });
});

describe('the comparison parts', () => {
  test('fieldChanges sees a field that only one side has', () => {
    assert.deepEqual(fieldChanges({ a: 1 }, { a: 1, b: 2 }), [{ field: 'b', before: undefined, after: 2 }]);
  });
  test('fieldChanges leaves out the ignored fields', () => {
    assert.deepEqual(fieldChanges({ a: 1, version: 1 }, { a: 2, version: 2 }, ['version']), [
      { field: 'a', before: 1, after: 2 },
    ]);
  });
  test('compareCollection keeps the records themselves', () => {
    const changes = compareCollection([{ id: 1, text: 'x' }], [{ id: 1, text: 'y' }]);
    assert.deepEqual(changes.changed[0]?.before, { id: 1, text: 'x' });
    assert.deepEqual(changes.changed[0]?.after, { id: 1, text: 'y' });
  });
});
