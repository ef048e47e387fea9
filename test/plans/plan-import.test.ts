/**
 * The Excel import over a real store on every dialect: a workbook written by the papers' action plan
 * export (src/documents/plan-papers) reads back into the same actions, owners, dates, statuses,
 * recommendations served and measures (kept on their own sheet); a workbook of a council's own
 * tracker, with headings mapped by hand, lists every row it cannot read; nothing is stored until
 * confirmed, then everything in one transaction with its audit rows; a stale version stores nothing;
 * another council's editor gets 404 and a viewer 403.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { writeActionPlanXlsx } from '../../src/documents/plan-papers/action-plan.xlsx.ts';
import { writeWorkbook } from '../../src/documents/spreadsheet.ts';
import { StaleWriteError } from '../../src/errors.ts';
import { createPlanImportService, type PlanImportService } from '../../src/services/plan-import.service.ts';
import { createPlanImportStore } from '../../src/services/plan-import.store.ts';
import { TEST_DIALECTS } from '../helpers/dialects.ts';
import { makeTempDir } from '../helpers/label-fixtures.ts';
import {
  ACTORS,
  inspectionId,
  MEASURE,
  OTHER,
  OWN,
  planTestServices,
  type PlanTestServices,
} from '../helpers/plan-fixtures.ts';

for (const dialect of TEST_DIALECTS) {
  describe(`the Excel import on ${dialect}`, () => {
    let services: PlanTestServices;
    let imports: PlanImportService;
    let dataDir: string;
    let sourcePlan: number;
    let targetPlan: number;

    before(async () => {
      services = await planTestServices(dialect, { now: () => new Date('2024-03-01T09:00:00.000Z') });
      dataDir = makeTempDir('csci-plan-import-');
      imports = createPlanImportService({ dataDir, store: createPlanImportStore({ db: services.store.db }) });
      // The plan exported: Derby's, two actions (one serving both recommendations), measures on each.
      const plan = await services.plans.createPlan(ACTORS.editor, OWN, {
        inspectionId: await inspectionId(services, OWN, '2017-06-13'),
      });
      sourcePlan = plan.id;
      const [first, second] = plan.items;
      const one = await services.plans.addAction(ACTORS.editor, plan.id, {
        itemIds: [first!.id, second!.id],
        title: 'Audit plans monthly',
        owner: { kind: 'person', name: 'Sam Carter' },
        startDate: '2017-07-01',
        dueDate: '2018-03-31',
        status: 'in progress',
        basedOnVersion: plan.version,
      });
      await services.plans.addMeasure(ACTORS.editor, one.id, { ...MEASURE, basedOnVersion: one.version });
      const oneAgain = await services.plans.getAction(ACTORS.editor, one.id);
      await services.plans.addMeasure(ACTORS.editor, one.id, {
        ...MEASURE,
        what: 'Audits graded good or better',
        unit: 'audits',
        baseline: { value: 3, date: '2017-06-01' },
        target: { value: 12, date: '2018-06-01' },
        basedOnVersion: oneAgain.version,
      });
      const now = await services.plans.getPlan(ACTORS.editor, plan.id);
      const two = await services.plans.addAction(ACTORS.editor, plan.id, {
        itemIds: [second!.id],
        title: 'Track return home interviews weekly',
        owner: { kind: 'team', name: 'Missing children team' },
        dueDate: '2017-12-31',
        basedOnVersion: now.version,
      });
      await services.plans.addMeasure(ACTORS.editor, two.id, {
        ...MEASURE,
        what: 'Interviews within 72 hours',
        betterWhen: 'higher',
        basedOnVersion: two.version,
      });
      targetPlan = (
        await services.plans.createPlan(ACTORS.admin, OTHER, {
          inspectionId: await inspectionId(services, OTHER, '2024-02-20'),
        })
      ).id;
    });
    after(async () => {
      await services?.done();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    test('a workbook written by the action plan export reads back into the same actions and measures', async () => {
      const content = await services.plans.getPlanContent(ACTORS.editor, sourcePlan);
      const bytes = await writeActionPlanXlsx({
        subject: {
          council: { urn: OWN, name: 'Derby' },
          inspection: {
            id: content.plan.inspectionId,
            published: '2017-06-13',
            title: 'Inspection of services for children in need of help and protection',
          },
        },
        plan: content,
        version: { number: content.plan.version, date: '2024-03-01', working: true },
        preparedOn: '2024-03-01',
      });
      const token = await imports.stage(ACTORS.admin, targetPlan, { name: 'derby-action-plan.xlsx', bytes });
      const preview = await imports.preview(ACTORS.admin, targetPlan, token);
      assert.equal(preview.sheet, 'Actions');
      assert.equal(preview.measuresSheet, 'Measures');
      assert.deepEqual(preview.missing, []);
      assert.deepEqual(preview.rows?.problems, []);
      const before = await services.plans.getPlanContent(ACTORS.admin, targetPlan);
      assert.equal(before.actions.length, 0, 'nothing is stored by the preview');

      const outcome = await imports.confirm(ACTORS.admin, targetPlan, token, {}, preview.planVersion);
      assert.deepEqual({ actions: outcome.actions, measures: outcome.measures }, { actions: 2, measures: 3 });
      const imported = await services.plans.getPlanContent(ACTORS.admin, targetPlan);
      const positionOf = (plan: typeof content, id: number) =>
        plan.items.find((item) => item.id === id)!.recommendation!.position;
      const shape = (plan: typeof content) =>
        plan.actions
          .map((action) => ({
            title: action.title,
            owner: action.owner,
            startDate: action.startDate,
            dueDate: action.dueDate,
            status: action.status,
            items: action.itemIds.map((id) => positionOf(plan, id)).sort(),
            measures: plan.measures
              .filter((measure) => measure.actionId === action.id)
              .map(({ id: _id, actionId: _action, ...measure }) => measure),
          }))
          .sort((a, b) => a.title.localeCompare(b.title));
      assert.deepEqual(shape(imported), shape(content));
      await assert.rejects(
        imports.preview(ACTORS.admin, targetPlan, token),
        { status: 404 },
        'an upload is imported once',
      );
      const audit = await services.store.db
        .selectFrom('audit_event')
        .select(['action'])
        .where('action', 'in', ['action.import', 'measure.import', 'plan.import'])
        .execute();
      assert.equal(audit.length, 2 + 3 + 1, 'an audit row for each action, each measure and the import');
    });

    test("a council's own tracker: headings mapped by hand, every unreadable row listed, a stale version stores nothing", async () => {
      const bytes = await writeWorkbook({
        title: 'Tracker',
        created: '2024-03-01',
        sheets: [
          {
            kind: 'table',
            name: 'Tracker',
            columns: [
              { header: 'Rec', width: 8 },
              { header: 'What we will do', width: 40 },
              { header: 'Lead officer', width: 20 },
              { header: 'By when', width: 12 },
              { header: 'Status', width: 12 },
            ],
            rows: [
              ['R1', 'Find homes with housing partners', 'Role: Head of leaving care', '2024-12-31', 'Not started'],
              ['R2', 'Daily missing children meeting', 'Team: Missing children', 'soon', 'In progress'],
              ['R7', 'Something the plan does not ask', 'Someone', '2024-12-31', ''],
            ],
          },
        ],
      });
      const token = await imports.stage(ACTORS.admin, targetPlan, { name: 'tracker.xlsx', bytes });
      const unmapped = await imports.preview(ACTORS.admin, targetPlan, token);
      assert.deepEqual(unmapped.missing, ['recommendation', 'owner']);
      assert.equal(unmapped.rows, null);
      const choices = { Rec: 'recommendation', 'Lead officer': 'owner' } as const;
      const preview = await imports.preview(ACTORS.admin, targetPlan, token, choices);
      assert.deepEqual(preview.rows?.problems, [
        { row: 3, reasons: ['the due date "soon" is not a date'] },
        { row: 4, reasons: ['the recommendation "R7" is not one of this plan\'s items'] },
      ]);
      assert.equal(preview.rows?.actions.length, 1);
      await assert.rejects(
        imports.confirm(ACTORS.admin, targetPlan, token, choices, preview.planVersion - 1),
        StaleWriteError,
      );
      const count = (await services.plans.getPlanContent(ACTORS.admin, targetPlan)).actions.length;
      await imports.confirm(ACTORS.admin, targetPlan, token, choices, preview.planVersion);
      assert.equal((await services.plans.getPlanContent(ACTORS.admin, targetPlan)).actions.length, count + 1);
    });

    test("scope: another council's editor gets 404, a viewer 403, a file that is not a workbook is refused", async () => {
      const bytes = await writeWorkbook({
        title: 'x',
        created: '2024-03-01',
        sheets: [{ kind: 'table', name: 'A', columns: [{ header: 'Action', width: 10 }], rows: [] }],
      });
      await assert.rejects(imports.stage(ACTORS.otherEditor, sourcePlan, { name: 'x.xlsx', bytes }), { status: 404 });
      await assert.rejects(imports.stage(ACTORS.viewer, sourcePlan, { name: 'x.xlsx', bytes }), { status: 403 });
      await assert.rejects(
        imports.stage(ACTORS.editor, sourcePlan, { name: 'x.xlsx', bytes: Buffer.from('%PDF-1.4 not a workbook') }),
        { status: 400 },
      );
    });
  });
}
