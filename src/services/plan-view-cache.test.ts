import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PlanViewCache } from './plan-view-cache.ts';

/** A loader that counts its calls and gives a fresh object each time. */
function loader(label: string) {
  let calls = 0;
  return {
    load: async () => ({ label, call: ++calls, nested: { list: [1, 2] } }),
    calls: () => calls,
  };
}

test('a view is loaded once per plan version and what it is; a new version loads afresh', async () => {
  const cache = new PlanViewCache();
  const overview = loader('overview');
  const first = await cache.read({ id: 1, version: 3 }, 'overview 2026-12-03', overview.load);
  assert.equal(await cache.read({ id: 1, version: 3 }, 'overview 2026-12-03', overview.load), first);
  assert.equal(overview.calls(), 1);
  // Another day, another plan, another version: each its own load.
  await cache.read({ id: 1, version: 3 }, 'overview 2026-12-04', overview.load);
  await cache.read({ id: 2, version: 3 }, 'overview 2026-12-03', overview.load);
  const moved = await cache.read({ id: 1, version: 4 }, 'overview 2026-12-03', overview.load);
  assert.equal(overview.calls(), 4);
  assert.notEqual(moved, first);
  // The newer version's view is not given to a request that read the older version, nor replaced by it.
  const older = await cache.read({ id: 1, version: 3 }, 'overview 2026-12-03', overview.load);
  assert.equal(older.call, 5);
  assert.equal(await cache.read({ id: 1, version: 4 }, 'overview 2026-12-03', overview.load), moved);
  assert.equal(overview.calls(), 5);
});

test('views are frozen all the way down: they are shared by every request that asks', async () => {
  const cache = new PlanViewCache();
  const view = await cache.read({ id: 1, version: 1 }, 'overview', loader('x').load);
  assert.ok(Object.isFrozen(view) && Object.isFrozen(view.nested) && Object.isFrozen(view.nested.list));
  assert.throws(() => (view.nested.list as number[]).push(3), TypeError);
});

test('the cache holds at most its number of plans, least recently read dropped first; 0 keeps nothing', async () => {
  const cache = new PlanViewCache(2);
  const views = loader('v');
  await cache.read({ id: 1, version: 1 }, 'overview', views.load);
  await cache.read({ id: 2, version: 1 }, 'overview', views.load);
  await cache.read({ id: 1, version: 1 }, 'overview', views.load);
  await cache.read({ id: 3, version: 1 }, 'overview', views.load);
  assert.equal(views.calls(), 3);
  await cache.read({ id: 1, version: 1 }, 'overview', views.load);
  assert.equal(views.calls(), 3, 'plan 1 was read last but one: kept');
  await cache.read({ id: 2, version: 1 }, 'overview', views.load);
  assert.equal(views.calls(), 4, 'plan 2 was the least recently read: dropped');

  const none = new PlanViewCache(0);
  const afresh = loader('a');
  await none.read({ id: 1, version: 1 }, 'overview', afresh.load);
  await none.read({ id: 1, version: 1 }, 'overview', afresh.load);
  assert.equal(afresh.calls(), 2);
});

test('a plan keeps at most its number of views, the oldest dropped first', async () => {
  const cache = new PlanViewCache(10, 2);
  const views = loader('v');
  for (const what of ['action 1', 'action 2', 'action 3']) await cache.read({ id: 1, version: 1 }, what, views.load);
  await cache.read({ id: 1, version: 1 }, 'action 3', views.load);
  await cache.read({ id: 1, version: 1 }, 'action 2', views.load);
  assert.equal(views.calls(), 3);
  await cache.read({ id: 1, version: 1 }, 'action 1', views.load);
  assert.equal(views.calls(), 4);
});
