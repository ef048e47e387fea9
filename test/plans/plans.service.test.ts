/**
 * The plan service over a real store on every dialect: a plan from an inspection (items word for
 * word, due date from the calendar), actions serving items, measures and values, stale writes
 * refused with the current record, scope (404 unseen, 403 viewer, 401 nobody), the audit trail,
 * and the whole content as the documents read it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import { NotAuthenticatedError, StaleWriteError } from '../../src/errors.ts';
import { createPlansService } from '../../src/services/plans.service.ts';
import { TEST_DIALECTS } from '../helpers/dialects.ts';
import {
  ACTORS,
  inspectionId,
  MEASURE,
  OTHER,
  OWN,
  planTestServices,
  type PlanTestServices,
} from '../helpers/plan-fixtures.ts';

const NOW = new Date('2017-07-03T09:00:00.000Z');

for (const dialect of TEST_DIALECTS) {
  describe(`plans on ${dialect}`, () => {
    let services: PlanTestServices;
    let derby2017: number;
    before(async () => {
      services = await planTestServices(dialect, { now: () => NOW });
      derby2017 = await inspectionId(services, OWN, '2017-06-13');
    });
    after(async () => services?.done());

    test('a plan from an inspection: one item per recommendation to the council, word for word, due 70 working days after publication', async () => {
      const plan = await services.plans.createPlan(ACTORS.editor, OWN, { inspectionId: derby2017 });
      assert.equal(plan.council, OWN);
      assert.equal(plan.status, 'draft');
      assert.equal(plan.dueDate, '2017-09-20');
      assert.equal(plan.draftDueDate, null);
      assert.equal(plan.version, 1);
      assert.deepEqual(
        plan.items.map((item) => item.recommendation),
        [
          {
            list: 'la',
            position: 1,
            text: 'Make sure that plans for children in need say what will change and by when.',
          },
          { list: 'la', position: 2, text: 'Improve the timeliness of return home interviews.' },
        ],
      );
      assert.deepEqual(plan.coverage, { items: 2, itemsWithAction: 0, actions: 0, actionsWithMeasure: 0 });
      await assert.rejects(services.plans.createPlan(ACTORS.editor, OWN, { inspectionId: derby2017 }), {
        code: 'plan-exists',
        status: 409,
      });
      const listed = await services.plans.listCouncilPlans(ACTORS.viewer, OWN);
      assert.deepEqual(
        listed.map((summary) => summary.id),
        [plan.id],
      );
    });

    test('scope: nobody 401, another council 404, a viewer 403 on writes, an inspection of another council 404', async () => {
      const [plan] = await services.plans.listCouncilPlans(ACTORS.admin, OWN);
      await assert.rejects(services.plans.getPlan(null, plan!.id), NotAuthenticatedError);
      await assert.rejects(services.plans.getPlan(ACTORS.otherEditor, plan!.id), { status: 404, code: 'unknown-plan' });
      await assert.rejects(services.plans.listCouncilPlans(ACTORS.otherEditor, OWN), { status: 404 });
      assert.equal((await services.plans.getPlan(ACTORS.viewer, plan!.id)).id, plan!.id);
      await assert.rejects(
        services.plans.addItem(ACTORS.viewer, plan!.id, { title: 'Wider area', basedOnVersion: 1 }),
        { status: 403 },
      );
      await assert.rejects(services.plans.createPlan(ACTORS.viewer, OWN, { inspectionId: derby2017 }), { status: 403 });
      const nottingham = await inspectionId(services, OTHER, '2019-07-01');
      await assert.rejects(services.plans.createPlan(ACTORS.editor, OWN, { inspectionId: nottingham }), {
        status: 404,
        code: 'unknown-inspection',
      });
      await assert.rejects(services.plans.createPlan(ACTORS.editor, OTHER, { inspectionId: nottingham }), {
        status: 404,
      });
    });

    test('actions serve items; a write on an old version is refused with the current record and changes nothing', async () => {
      const [summary] = await services.plans.listCouncilPlans(ACTORS.editor, OWN);
      const plan = await services.plans.getPlan(ACTORS.editor, summary!.id);
      const [first, second] = plan.items;
      const action = await services.plans.addAction(ACTORS.editor, plan.id, {
        itemIds: [first!.id, second!.id],
        title: 'Audit every child in need plan and coach the teams whose plans miss outcomes',
        owner: { kind: 'role', name: 'Head of Service, Children in Need' },
        startDate: '2017-07-01',
        dueDate: '2017-12-31',
        basedOnVersion: plan.version,
      });
      assert.deepEqual(action.itemIds, [first!.id, second!.id]);
      assert.equal(action.status, 'not started');
      assert.equal(action.version, 1);
      assert.equal(action.rag.rating, 'amber', action.rag.reason);
      await assert.rejects(
        services.plans.addAction(ACTORS.editor, plan.id, {
          itemIds: [first!.id],
          title: 'x',
          owner: { kind: 'team', name: 'Y' },
          dueDate: '2017-12-31',
          basedOnVersion: plan.version,
        }),
        StaleWriteError,
      );

      const moved = await services.plans.updateAction(ACTORS.editor, action.id, {
        status: 'in progress',
        basedOnVersion: 1,
      });
      assert.equal(moved.version, 2);
      assert.equal(moved.rag.rating, 'green', moved.rag.reason);
      const stale = await services.plans
        .updateAction(ACTORS.editor, action.id, { title: 'Something else', basedOnVersion: 1 })
        .catch((error: unknown) => error);
      assert.ok(stale instanceof StaleWriteError);
      assert.equal(stale.status, 412);
      assert.equal((stale.current as { title: string; version: number }).title, action.title);
      assert.equal(stale.currentVersion, 2);
      assert.equal((await services.plans.getAction(ACTORS.viewer, action.id)).title, action.title);
      await assert.rejects(
        services.plans.updateAction(ACTORS.editor, action.id, { itemIds: [999_999], basedOnVersion: 2 }),
        { status: 400 },
      );
      await assert.rejects(
        services.plans.updateAction(ACTORS.editor, action.id, { dueDate: '2017-06-01', basedOnVersion: 2 }),
        { code: 'invalid-date' },
      );

      const audit = await services.accounts.audit.list(ACTORS.admin, {
        recordType: 'action',
        recordId: String(action.id),
      });
      assert.deepEqual(audit.map((event) => event.action).sort(), ['action.add', 'action.update']);
    });

    test('measures and values: distance to target and direction of travel; coverage counts them', async () => {
      const [summary] = await services.plans.listCouncilPlans(ACTORS.editor, OWN);
      const plan = await services.plans.getPlan(ACTORS.editor, summary!.id);
      const actionId = plan.items[0]!.actionIds[0]!;
      const action = await services.plans.getAction(ACTORS.editor, actionId);
      const measure = await services.plans.addMeasure(ACTORS.editor, actionId, {
        ...MEASURE,
        basedOnVersion: action.version,
      });
      assert.equal(measure.progress.travel, 'no data');
      const first = await services.plans.addMeasureValue(ACTORS.editor, measure.id, {
        date: '2017-07-01',
        value: 70,
        comment: 'After the first audit',
        basedOnVersion: measure.version,
      });
      assert.equal(first.measure.progress.travel, 'improving');
      assert.equal(first.measure.progress.distanceToTarget, 20);
      await assert.rejects(
        services.plans.addMeasureValue(ACTORS.editor, measure.id, {
          date: '2017-07-02',
          value: 72,
          basedOnVersion: measure.version,
        }),
        { status: 412 },
      );
      await assert.rejects(
        services.plans.addMeasure(ACTORS.editor, actionId, {
          ...MEASURE,
          target: { value: 50, date: '2018-06-01' },
          basedOnVersion: action.version + 1,
        }),
        { status: 400 },
      );
      const after = await services.plans.getPlan(ACTORS.editor, plan.id);
      assert.deepEqual(after.coverage, { items: 2, itemsWithAction: 2, actions: 1, actionsWithMeasure: 1 });
      assert.ok(after.version > plan.version);

      const content = await services.plans.getPlanContent(ACTORS.viewer, plan.id);
      assert.equal(content.items.length, 2);
      assert.equal(content.actions.length, 1);
      assert.deepEqual(
        content.measures.map((m) => m.what),
        [MEASURE.what],
      );
      assert.deepEqual(
        content.values.map((v) => v.value),
        [70],
      );
      await assert.rejects(services.plans.getPlanContent(ACTORS.otherEditor, plan.id), { status: 404 });
    });

    test("the council's own items and responses to the report's", async () => {
      const [summary] = await services.plans.listCouncilPlans(ACTORS.editor, OWN);
      const plan = await services.plans.getPlan(ACTORS.editor, summary!.id);
      const own = await services.plans.addItem(ACTORS.editor, plan.id, {
        title: 'Wider area: the stability of the workforce',
        basedOnVersion: plan.version,
      });
      assert.equal(own.recommendation, null);
      const item = plan.items[1]!;
      const responded = await services.plans.respondToItem(ACTORS.editor, item.id, {
        response: { kind: 'partly agreed', reason: 'Interviews are offered; take-up is the young person’s choice.' },
        basedOnVersion: item.version,
      });
      assert.deepEqual(responded.response, {
        kind: 'partly agreed',
        reason: 'Interviews are offered; take-up is the young person’s choice.',
      });
      await assert.rejects(
        services.plans.respondToItem(ACTORS.editor, item.id, {
          response: { kind: 'partly agreed', reason: '' },
          basedOnVersion: responded.version,
        }),
        { status: 400 },
      );
      await assert.rejects(
        services.plans.respondToItem(ACTORS.editor, item.id, {
          response: null,
          title: 'New title',
          basedOnVersion: responded.version,
        }),
        { status: 400 },
      );
    });

    test('every action of a plan read together is each action as read alone, and the same scope holds', async () => {
      const [plan] = await services.plans.listCouncilPlans(ACTORS.viewer, OWN);
      assert.ok(plan);
      const together = await services.plans.listActions(ACTORS.viewer, plan.id);
      assert.ok(together.length > 0);
      assert.ok(together.some((action) => action.measures.length > 0 && action.measures[0]!.values.length > 0));
      const alone = await Promise.all(together.map((action) => services.plans.getAction(ACTORS.viewer, action.id)));
      assert.deepEqual(together, alone);
      await assert.rejects(services.plans.listActions(ACTORS.otherEditor, plan.id), { status: 404 });
      await assert.rejects(services.plans.listActions(null, plan.id), NotAuthenticatedError);
    });

    test("an action read through its plan is the plan, the items the action serves and the action as getAction gives it; another plan's address or council gives 404", async () => {
      const [plan] = await services.plans.listCouncilPlans(ACTORS.viewer, OWN);
      assert.ok(plan);
      const whole = await services.plans.getPlan(ACTORS.viewer, plan.id);
      const [action] = await services.plans.listActions(ACTORS.viewer, plan.id);
      assert.ok(action);
      const read = await services.plans.getActionInPlan(ACTORS.viewer, plan.id, action.id);
      assert.deepEqual(read.action, await services.plans.getAction(ACTORS.viewer, action.id));
      assert.deepEqual(read.plan, {
        id: whole.id,
        council: whole.council,
        inspectionId: whole.inspectionId,
        status: whole.status,
        dueDate: whole.dueDate,
        version: whole.version,
      });
      assert.deepEqual(
        read.items,
        whole.items
          .filter((item) => action.itemIds.includes(item.id))
          .map(({ actionIds: _actionIds, version: _version, ...item }) => item),
      );
      assert.ok(read.items.length > 0);

      await assert.rejects(services.plans.getActionInPlan(null, plan.id, action.id), NotAuthenticatedError);
      await assert.rejects(services.plans.getActionInPlan(ACTORS.otherEditor, plan.id, action.id), {
        status: 404,
        code: 'unknown-plan',
      });
      // Another council's own plan, with this council's action in its address: nothing about the action shows.
      const nottingham = await inspectionId(services, OTHER, '2019-07-01');
      const theirs =
        (await services.plans.listCouncilPlans(ACTORS.otherEditor, OTHER)).find(
          (summary) => summary.inspectionId === nottingham,
        ) ?? (await services.plans.createPlan(ACTORS.otherEditor, OTHER, { inspectionId: nottingham }));
      await assert.rejects(services.plans.getActionInPlan(ACTORS.otherEditor, theirs.id, action.id), {
        status: 404,
        code: 'unknown-action',
      });
      await assert.rejects(services.plans.getActionInPlan(ACTORS.admin, theirs.id, action.id), {
        status: 404,
        code: 'unknown-action',
      });
      await assert.rejects(services.plans.getActionInPlan(ACTORS.viewer, plan.id, 987654), { status: 404 });
      await assert.rejects(services.plans.getActionInPlan(ACTORS.viewer, Number.NaN, action.id), { status: 404 });
    });

    test('the views kept by plan version follow every write, made here or by another process on the same store', async () => {
      const [plan] = await services.plans.listCouncilPlans(ACTORS.viewer, OWN);
      assert.ok(plan);
      // A second plans service over the same store stands for another process: its writes never touch our cache.
      const elsewhere = createPlansService({
        db: services.store.db,
        now: () => NOW,
        evidenceDir: join(services.dir, 'evidence'),
        evidenceMaxBytes: 1024 * 1024,
      });
      const before = await services.plans.getPlanOverview(ACTORS.viewer, plan.id);
      assert.equal(await services.plans.getPlanOverview(ACTORS.viewer, plan.id), before, 'kept while nothing changed');
      const action = before.actions[0]!;
      const milestone = await elsewhere.addMilestone(ACTORS.editor, action.id, {
        title: 'Audit of a sample of plans',
        dueDate: '2017-07-01',
        basedOnVersion: action.version,
      });
      const after = await services.plans.getPlanOverview(ACTORS.viewer, plan.id);
      assert.equal(after.plan.version, before.plan.version + 1);
      assert.notDeepEqual(after.actions[0]!.rag, before.actions[0]!.rag, 'a missed milestone shows in the RAG rating');
      assert.deepEqual(after, await elsewhere.getPlanOverview(ACTORS.viewer, plan.id));

      const page = await services.plans.getActionInPlan(ACTORS.viewer, plan.id, action.id);
      assert.ok(page.action.milestones.some((shown) => shown.id === milestone.id));
      await elsewhere.updateMilestone(ACTORS.editor, milestone.id, {
        metOn: '2017-06-30',
        basedOnVersion: milestone.version,
      });
      const again = await services.plans.getActionInPlan(ACTORS.viewer, plan.id, action.id);
      assert.equal(again.action.milestones.find((shown) => shown.id === milestone.id)?.metOn, '2017-06-30');
      assert.deepEqual(again, await elsewhere.getActionInPlan(ACTORS.viewer, plan.id, action.id));
      // The scope is checked on every read, kept view or not.
      await assert.rejects(services.plans.getPlanOverview(ACTORS.otherEditor, plan.id), { status: 404 });
      await assert.rejects(services.plans.getActionInPlan(ACTORS.otherEditor, plan.id, action.id), { status: 404 });
    });

    test('the plan page overview, read at once, is the plan as getPlan gives it and each action as listActions gives it, with the same scope', async () => {
      const [plan] = await services.plans.listCouncilPlans(ACTORS.viewer, OWN);
      assert.ok(plan);
      const overview = await services.plans.getPlanOverview(ACTORS.viewer, plan.id);
      assert.deepEqual(overview.plan, await services.plans.getPlan(ACTORS.viewer, plan.id));
      const actions = await services.plans.listActions(ACTORS.viewer, plan.id);
      assert.ok(actions.some((action) => action.measures.length > 0));
      assert.deepEqual(
        overview.actions,
        actions.map(({ milestones: _milestones, measures, updates: _updates, evidence: _evidence, ...action }) => ({
          ...action,
          measureCount: measures.length,
        })),
      );
      assert.deepEqual(overview.versions, await services.plans.listVersions(ACTORS.viewer, plan.id));
      await assert.rejects(services.plans.getPlanOverview(ACTORS.otherEditor, plan.id), { status: 404 });
      await assert.rejects(services.plans.getPlanOverview(null, plan.id), NotAuthenticatedError);
    });
  });
}
