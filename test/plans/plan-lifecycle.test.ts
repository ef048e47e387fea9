/**
 * A plan's life on every dialect: refused submission lists the gaps; submission freezes version 1;
 * sign-off names who signed which version, and only the latest frozen one; publication opens version 1 to anyone while the working
 * copy stays private; an edit reopens the plan as a draft and version 1 does not change; a second
 * submission compares with the first; a closed plan takes no more changes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_DIALECTS } from '../helpers/dialects.ts';
import {
  ACTORS,
  inspectionId,
  MEASURE,
  OWN,
  planTestServices,
  type PlanTestServices,
} from '../helpers/plan-fixtures.ts';

for (const dialect of TEST_DIALECTS) {
  describe(`a plan's life on ${dialect}`, () => {
    let services: PlanTestServices;
    before(async () => {
      services = await planTestServices(dialect, { now: () => new Date('2017-07-10T10:00:00.000Z') });
    });
    after(async () => services?.done());

    test('from draft to closed', async () => {
      const plans = services.plans;
      let plan = await plans.createPlan(ACTORS.editor, OWN, {
        inspectionId: await inspectionId(services, OWN, '2017-06-13'),
      });
      const coverage = await plans.coverage(ACTORS.viewer, plan.id);
      assert.equal(coverage.complete, false);
      assert.deepEqual(
        coverage.lines,
        plan.items.map((item) => `Item ${item.id} ("${item.title}") has no action.`),
      );
      await assert.rejects(plans.submit(ACTORS.editor, plan.id, { basedOnVersion: plan.version }), {
        status: 409,
        code: 'coverage-gaps',
      });
      await assert.rejects(plans.publish(ACTORS.editor, plan.id, { basedOnVersion: plan.version }), { status: 400 });

      const action = await plans.addAction(ACTORS.editor, plan.id, {
        itemIds: plan.items.map((item) => item.id),
        title: 'Monthly audits of plans',
        owner: { kind: 'person', name: 'A. Example' },
        dueDate: '2018-03-31',
        basedOnVersion: plan.version,
      });
      await plans.addMeasure(ACTORS.editor, action.id, { ...MEASURE, basedOnVersion: action.version });
      plan = await plans.getPlan(ACTORS.editor, plan.id);
      const first = await plans.submit(ACTORS.editor, plan.id, { basedOnVersion: plan.version });
      assert.equal(first.number, 1);
      assert.equal(first.content.items.length, 2);
      assert.equal((await plans.getPlan(ACTORS.viewer, plan.id)).status, 'submitted');
      await assert.rejects(plans.getPublishedVersion(null, plan.id), { status: 404 });

      const signed = await plans.signOff(ACTORS.editor, plan.id, {
        versionNumber: 1,
        capacity: "Director of Children's Services",
        note: 'Agreed at the improvement board.',
      });
      assert.equal(signed.signedBy.email, ACTORS.editor.email);
      await assert.rejects(plans.signOff(ACTORS.editor, plan.id, { versionNumber: 2, capacity: 'Lead Member' }), {
        status: 404,
      });
      await assert.rejects(plans.signOff(ACTORS.viewer, plan.id, { versionNumber: 1, capacity: 'Lead Member' }), {
        status: 403,
      });

      plan = await plans.getPlan(ACTORS.editor, plan.id);
      const published = await plans.publish(ACTORS.editor, plan.id, { basedOnVersion: plan.version });
      assert.equal(published.status, 'published');
      assert.equal(published.publishedVersion, 1);
      const publicView = await plans.getPublishedVersion(null, plan.id);
      assert.equal(publicView.number, 1);
      assert.equal(publicView.signOffs.length, 1);
      await assert.rejects(plans.getPlan(null, plan.id), { status: 401 });

      const current = await plans.getAction(ACTORS.editor, action.id);
      await plans.updateAction(ACTORS.editor, action.id, {
        title: 'Monthly audits of plans, reported to the board',
        basedOnVersion: current.version,
      });
      const reopened = await plans.getPlan(ACTORS.editor, plan.id);
      assert.equal(reopened.status, 'draft');
      assert.deepEqual((await plans.getVersion(ACTORS.viewer, plan.id, 1)).content, first.content);
      assert.equal(
        (await plans.getPublishedVersion(null, plan.id)).content.actions[0]!.title,
        'Monthly audits of plans',
      );

      const second = await plans.submit(ACTORS.editor, plan.id, { basedOnVersion: reopened.version });
      assert.equal(second.number, 2);
      assert.deepEqual(
        (await plans.listVersions(ACTORS.viewer, plan.id)).map((head) => [head.number, head.published]),
        [
          [1, true],
          [2, false],
        ],
      );
      // Version 1's signer saw version 1: now that version 2 is frozen, signing version 1 is refused,
      // nothing is stored or audited, and version 2 signs, with its audit row.
      await assert.rejects(
        plans.signOff(ACTORS.editor, plan.id, { versionNumber: 1, capacity: 'Lead Member for Children' }),
        (error: Error & { status?: number; code?: string }) =>
          error.status === 409 &&
          error.code === 'not-latest-version' &&
          /Version 1 is no longer the plan's latest: version 2 was submitted since/.test(error.message),
      );
      const signOffAudit = async () =>
        (await services.accounts.audit.list(ACTORS.admin, { recordType: 'sign-off' })).map((event) => event.action);
      assert.deepEqual(
        (await plans.listSignOffs(ACTORS.viewer, plan.id)).map((one) => one.versionNumber),
        [1],
      );
      assert.deepEqual(await signOffAudit(), ['plan.sign-off']);
      const signedSecond = await plans.signOff(ACTORS.editor, plan.id, {
        versionNumber: 2,
        capacity: 'Lead Member for Children',
      });
      assert.equal(signedSecond.versionNumber, 2);
      assert.deepEqual(await signOffAudit(), ['plan.sign-off', 'plan.sign-off']);

      const changes = await plans.compareVersions(ACTORS.viewer, plan.id, 1, 2);
      assert.deepEqual(
        changes.actions.changed.map((change) => change.fields.map((field) => field.field)),
        [['title']],
      );
      assert.deepEqual(changes.plan, []);
      assert.equal((await plans.compareVersions(ACTORS.viewer, plan.id, 2, 'working')).unchanged, true);

      const closed = await plans.close(ACTORS.editor, plan.id, {
        basedOnVersion: (await plans.getPlan(ACTORS.editor, plan.id)).version,
      });
      assert.equal(closed.status, 'closed');
      await assert.rejects(
        plans.updateAction(ACTORS.editor, action.id, {
          title: 'More',
          basedOnVersion: (await plans.getAction(ACTORS.editor, action.id)).version,
        }),
        { status: 409, code: 'plan-closed' },
      );
      const audit = await services.accounts.audit.list(ACTORS.admin, { recordType: 'plan' });
      assert.deepEqual(audit.map((event) => event.action).sort(), ['plan.close', 'plan.create', 'plan.publish']);
    });
  });
}
