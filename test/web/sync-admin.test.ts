/** /admin/sync: the last sync runs, for admins only, never cached. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSyncRun } from '../../src/store/index.ts';
import { accountsTestApp, PEOPLE, Visitor, type AccountsTestApp } from '../helpers/accounts-app.ts';

let harness: AccountsTestApp;
before(async () => {
  harness = await accountsTestApp();
});
after(async () => harness.close());

test('an admin sees the last sync runs with their status; a viewer is refused; the page is not cached', async () => {
  await startSyncRun(harness.loaded.services.store.db, true, '2026-12-01T06:15:00.000Z');
  const admin = new Visitor(harness.app);
  await admin.signIn(PEOPLE.admin);
  const page = await admin.get('/admin/sync');
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers['cache-control'], 'no-store');
  assert.match(page.body, /Syncs with Ofsted/);
  assert.match(page.body, /2026-12-01T06:15:00\.000Z/);
  assert.match(page.body, /\(dry run\)/);
  assert.match(page.body, /running/);
  const viewer = new Visitor(harness.app);
  await viewer.signIn(PEOPLE.viewer);
  assert.equal((await viewer.get('/admin/sync')).statusCode, 403);
  assert.equal((await new Visitor(harness.app).get('/admin/sync')).statusCode, 303);
});
