import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canMovePlan, movePlan, statusAfterEdit } from './lifecycle.ts';

describe('plan status', () => {
  test('a draft can only be submitted', () => {
    assert.equal(movePlan('draft', 'submitted'), 'submitted');
    assert.equal(canMovePlan('draft', 'published'), false);
    assert.throws(() => movePlan('draft', 'closed'), /A draft plan cannot become closed: it can become submitted\./);
  });
  test('a submitted plan can be published, reopened or closed', () => {
    for (const to of ['published', 'draft', 'closed'] as const) assert.equal(canMovePlan('submitted', to), true);
  });
  test('a published plan cannot go back to submitted without a new draft', () => {
    assert.equal(canMovePlan('published', 'submitted'), false);
  });
  test('a closed plan takes no move', () => {
    assert.throws(() => movePlan('closed', 'draft'), /it takes no more changes/);
  });
  test('editing a submitted or published plan makes a working draft; a closed plan refuses edits', () => {
    assert.equal(statusAfterEdit('draft'), 'draft');
    assert.equal(statusAfterEdit('submitted'), 'draft');
    assert.equal(statusAfterEdit('published'), 'draft');
    assert.throws(() => statusAfterEdit('closed'), /closed/);
  });
});
