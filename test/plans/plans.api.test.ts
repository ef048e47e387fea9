/**
 * The plan API over real HTTP on every dialect: the plan's shape and ETag, If-Match on writes
 * (428 without, 412 with the current resource when stale), 409 with the gaps on submission, frozen
 * versions that later edits leave alone, scope (401, 403, 404), and 50 concurrent writers on one
 * action losing no update: each attempt gets 200 or 412, and the final state and the audit trail
 * account for every accepted write.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { TEST_DIALECTS } from '../helpers/dialects.ts';
import { ACTORS, inspectionId, MEASURE, OTHER, OWN, planTestApp, type PlanTestApp } from '../helpers/plan-fixtures.ts';

const NOW = new Date('2017-07-03T09:00:00.000Z');
const WRITERS = 50;

for (const dialect of TEST_DIALECTS) {
  describe(`the plan API on ${dialect}`, () => {
    let t: PlanTestApp;
    let base: string;
    let planId: number;
    const call = async (
      method: string,
      path: string,
      who: keyof PlanTestApp['tokens'] | null,
      options: { body?: unknown; ifMatch?: string } = {},
    ) => {
      const headers: Record<string, string> = {};
      if (who) headers.authorization = `Bearer ${t.tokens[who]}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
      const response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        etag: response.headers.get('etag'),
        cacheControl: response.headers.get('cache-control'),
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked field by field below
        body: (text ? JSON.parse(text) : {}) as Record<string, any>,
      };
    };

    before(async () => {
      t = await planTestApp(dialect, { now: () => NOW });
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    });
    after(async () => t?.close());

    test('POST a plan: 201, the shape the issue gives, an ETag, never cached', async () => {
      const inspection = await inspectionId(t.services, OWN, '2017-06-13');
      const created = await call('POST', `/councils/${OWN}/plans`, 'editor', { body: { inspectionId: inspection } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.etag, 'W/"1"');
      assert.equal(created.cacheControl, 'no-store');
      const plan = created.body;
      planId = plan.id;
      assert.equal(plan.council, OWN);
      assert.equal(plan.inspectionId, inspection);
      assert.equal(plan.status, 'draft');
      assert.equal(plan.dueDate, '2017-09-20');
      assert.equal(plan.items.length, 2);
      assert.deepEqual(Object.keys(plan.items[0]).sort(), [
        'actionIds',
        'id',
        'recommendation',
        'response',
        'title',
        'version',
      ]);
      assert.deepEqual(plan.coverage, { items: 2, itemsWithAction: 0, actions: 0, actionsWithMeasure: 0 });
      const again = await call('POST', `/councils/${OWN}/plans`, 'editor', { body: { inspectionId: inspection } });
      assert.equal(again.status, 409);
      const read = await call('GET', `/plans/${planId}`, 'viewer');
      assert.equal(read.status, 200);
      assert.equal(read.etag, 'W/"1"');
      const list = await call('GET', `/councils/${OWN}/plans`, 'viewer');
      assert.deepEqual(
        list.body.plans.map((p: { id: number }) => p.id),
        [planId],
      );
    });

    test('scope: no token 401, another council’s editor 404, a viewer 403 on a write', async () => {
      assert.equal((await call('GET', `/plans/${planId}`, null)).status, 401);
      assert.equal((await call('GET', `/plans/${planId}`, 'otherEditor')).status, 404);
      assert.equal((await call('GET', `/councils/${OWN}/plans`, 'otherEditor')).status, 404);
      const plan = (await call('GET', `/plans/${planId}`, 'admin')).body;
      const body = {
        itemIds: [plan.items[0].id],
        title: 'A viewer tries',
        owner: 'Head of Service',
        dueDate: '2017-12-01',
      };
      assert.equal((await call('POST', `/plans/${planId}/actions`, 'viewer', { body, ifMatch: 'W/"1"' })).status, 403);
      assert.equal(
        (await call('POST', `/plans/${planId}/actions`, 'otherEditor', { body, ifMatch: 'W/"1"' })).status,
        404,
      );
      const nottingham = await inspectionId(t.services, OTHER, '2019-07-01');
      assert.equal(
        (await call('POST', `/councils/${OTHER}/plans`, 'editor', { body: { inspectionId: nottingham } })).status,
        404,
      );
    });

    test('writes need If-Match (428); a stale one gets 412 with the current resource; submission with gaps 409 with the gaps', async () => {
      const plan = (await call('GET', `/plans/${planId}`, 'editor')).body;
      const [first, second] = plan.items;
      const body = {
        itemIds: [first.id],
        title: 'Audit plans for children in need each month',
        owner: { kind: 'team', name: 'Quality assurance team' },
        startDate: '2017-07-01',
        dueDate: '2017-12-01',
      };
      assert.equal((await call('POST', `/plans/${planId}/actions`, 'editor', { body })).status, 428);
      const action = await call('POST', `/plans/${planId}/actions`, 'editor', { body, ifMatch: `W/"${plan.version}"` });
      assert.equal(action.status, 201, JSON.stringify(action.body));
      assert.equal(action.etag, 'W/"1"');
      const staleAdd = await call('POST', `/plans/${planId}/actions`, 'editor', {
        body,
        ifMatch: `W/"${plan.version}"`,
      });
      assert.equal(staleAdd.status, 412);
      assert.equal(staleAdd.body.current.id, planId);

      assert.equal(
        (await call('PATCH', `/actions/${action.body.id}`, 'editor', { body: { status: 'in progress' } })).status,
        428,
      );
      const patched = await call('PATCH', `/actions/${action.body.id}`, 'editor', {
        body: { status: 'in progress' },
        ifMatch: 'W/"1"',
      });
      assert.equal(patched.status, 200);
      assert.equal(patched.etag, 'W/"2"');
      const stale = await call('PATCH', `/actions/${action.body.id}`, 'editor', {
        body: { title: 'Overwritten?' },
        ifMatch: 'W/"1"',
      });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.error.code, 'stale-write');
      assert.equal(stale.body.current.title, body.title);
      assert.equal(stale.body.current.status, 'in progress');
      assert.equal(stale.etag, 'W/"2"');

      const now = (await call('GET', `/plans/${planId}`, 'editor')).body;
      const refused = await call('POST', `/plans/${planId}/submit`, 'editor', { ifMatch: `W/"${now.version}"` });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'coverage-gaps');
      assert.deepEqual(
        refused.body.gaps.itemsWithoutAction.map((item: { id: number }) => item.id),
        [second.id],
      );
      assert.deepEqual(
        refused.body.gaps.actionsWithoutMeasure.map((a: { id: number }) => a.id),
        [action.body.id],
      );
      assert.equal(refused.body.lines.length, 2);
      assert.equal((await call('GET', `/plans/${planId}/versions`, 'editor')).body.versions.length, 0);
    });

    test('submission freezes an immutable version; later edits make a new working version and leave it alone', async () => {
      let plan = (await call('GET', `/plans/${planId}`, 'editor')).body;
      const second = plan.items[1];
      const action = await call('POST', `/plans/${planId}/actions`, 'editor', {
        body: {
          itemIds: [second.id],
          title: 'Offer every child who returns home an interview within 72 hours',
          owner: { kind: 'role', name: 'Missing children coordinator' },
          dueDate: '2017-11-01',
        },
        ifMatch: `W/"${plan.version}"`,
      });
      assert.equal(action.status, 201);
      for (const actionId of [plan.items[0].actionIds[0], action.body.id]) {
        const current = await call('GET', `/actions/${actionId}`, 'editor');
        const measure = await call('POST', `/actions/${actionId}/measures`, 'editor', {
          body: MEASURE,
          ifMatch: current.etag!,
        });
        assert.equal(measure.status, 201, JSON.stringify(measure.body));
        const value = await call('POST', `/measures/${measure.body.id}/values`, 'editor', {
          body: { date: '2017-07-01', value: 64, comment: 'First month' },
          ifMatch: measure.etag!,
        });
        assert.equal(value.status, 201, JSON.stringify(value.body));
        assert.equal(value.body.measure.progress.travel, 'improving');
      }
      const current = await call('GET', `/actions/${action.body.id}`, 'editor');
      const update = await call('POST', `/actions/${action.body.id}/updates`, 'editor', {
        body: {
          text: 'Coordinator in post; interviews offered from 1 July.',
          status: 'in progress',
          evidence: ['Team meeting minutes, 30 June 2017'],
        },
        ifMatch: current.etag!,
      });
      assert.equal(update.status, 201, JSON.stringify(update.body));
      assert.equal((await call('GET', `/actions/${action.body.id}`, 'editor')).body.status, 'in progress');

      plan = (await call('GET', `/plans/${planId}`, 'editor')).body;
      assert.deepEqual(plan.coverage, { items: 2, itemsWithAction: 2, actions: 2, actionsWithMeasure: 2 });
      const submitted = await call('POST', `/plans/${planId}/submit`, 'editor', { ifMatch: `W/"${plan.version}"` });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      assert.equal(submitted.body.number, 1);
      assert.equal(submitted.body.frozenBy, 'editor@derby.example.gov.uk');
      assert.equal(submitted.body.content.plan.status, 'submitted');
      const frozen = (await call('GET', `/plans/${planId}/versions/1`, 'viewer')).body;

      const edited = await call('PATCH', `/actions/${action.body.id}`, 'editor', {
        body: { title: 'Offer every child an interview within 72 hours of their return' },
        ifMatch: (await call('GET', `/actions/${action.body.id}`, 'editor')).etag!,
      });
      assert.equal(edited.status, 200);
      assert.equal((await call('GET', `/plans/${planId}`, 'editor')).body.status, 'draft');
      assert.deepEqual((await call('GET', `/plans/${planId}/versions/1`, 'viewer')).body, frozen);
      assert.equal((await call('GET', `/plans/${planId}/versions/2`, 'viewer')).status, 404);
      assert.equal((await call('GET', `/plans/${planId}/versions`, 'otherEditor')).status, 404);
      await assert.rejects(
        t.services.store.db
          .updateTable('plan_version')
          .set({ content_json: '{}' })
          .where('plan_id', '=', planId)
          .execute(),
        /cannot be changed/,
      );
      await assert.rejects(
        t.services.store.db.deleteFrom('plan_version').where('plan_id', '=', planId).execute(),
        /cannot be changed/,
      );
      const changes = await t.services.plans.compareVersions(ACTORS.viewer, planId, 1, 'working');
      assert.deepEqual(
        changes.actions.changed.map((change) => change.fields.map((field) => field.field)),
        [['title']],
      );
    });

    test(`${WRITERS} concurrent writers on one action lose no update`, async () => {
      const plan = (await call('GET', `/plans/${planId}`, 'editor')).body;
      const actionId: number = plan.items[0].actionIds[0];
      const start = await call('GET', `/actions/${actionId}`, 'editor');
      const startVersion = start.body.version as number;
      const statuses: number[] = [];
      const accepted: { writer: number; version: number }[] = [];
      const writer = async (n: number): Promise<void> => {
        let etag = start.etag!;
        for (let attempt = 0; attempt < 500; attempt++) {
          const response = await call('PATCH', `/actions/${actionId}`, n % 2 === 0 ? 'editor' : 'admin', {
            body: { title: `Audit plans each month (writer ${n})` },
            ifMatch: etag,
          });
          statuses.push(response.status);
          if (response.status === 200) {
            accepted.push({ writer: n, version: response.body.version });
            return;
          }
          assert.equal(response.status, 412, JSON.stringify(response.body));
          etag = response.etag!;
        }
        assert.fail(`writer ${n} never got its write in`);
      };
      await Promise.all(Array.from({ length: WRITERS }, (_, n) => writer(n)));

      assert.ok(statuses.every((status) => status === 200 || status === 412));
      assert.equal(accepted.length, WRITERS);
      assert.ok(
        statuses.filter((status) => status === 412).length >= WRITERS - 1,
        'the first round, all on one version, lets one write in',
      );
      assert.deepEqual(
        accepted.map((write) => write.version).sort((a, b) => a - b),
        Array.from({ length: WRITERS }, (_, n) => startVersion + n + 1),
      );
      const final = await call('GET', `/actions/${actionId}`, 'editor');
      assert.equal(final.body.version, startVersion + WRITERS);
      const last = accepted.find((write) => write.version === startVersion + WRITERS)!;
      assert.equal(final.body.title, `Audit plans each month (writer ${last.writer})`);

      const audit = (
        await t.services.accounts.audit.list(ACTORS.admin, {
          recordType: 'action',
          recordId: String(actionId),
          action: 'action.update',
          limit: 10_000,
        })
      )
        .map((event) => ({
          before: event.before as { version: number },
          after: event.after as { version: number; title: string },
        }))
        .filter((event) => event.before.version >= startVersion);
      assert.equal(audit.length, WRITERS);
      const chain = audit.map((event) => [event.before.version, event.after.version]).sort((a, b) => a[0]! - b[0]!);
      assert.deepEqual(
        chain,
        Array.from({ length: WRITERS }, (_, n) => [startVersion + n, startVersion + n + 1]),
      );
      assert.deepEqual(
        new Set(audit.map((event) => event.after.title)),
        new Set(Array.from({ length: WRITERS }, (_, n) => `Audit plans each month (writer ${n})`)),
      );
    });
  });
}
