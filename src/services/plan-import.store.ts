/**
 * The plans side of the Excel import: the plan's items (scope-checked for writing) and the writing
 * of every imported action and measure in ONE transaction, based on the plan's version, with an
 * audit row for each record and one for the import. Built on the plans service's own access checks,
 * repository and audit helpers, so an imported action is stored exactly as one added by hand.
 */
import type { Kysely } from 'kysely';
import { statusAfterEdit, validateMeasure } from '../plans/index.ts';
import {
  findPlanActionRow,
  findPlanMeasureRow,
  insertPlanAction,
  insertPlanMeasure,
  bumpPlan,
  loadPlanHeadRows,
  type Database,
  type PlanActionRow,
  type PlanMeasureRow,
} from '../store/index.ts';
import { planFor, requireActor } from './plan-access.ts';
import { auditPlanChange, staleWrite } from './plan-context.ts';
import type { PlanImportStore } from './plan-import.service.ts';
import { toMeasure, toPlanView } from './plan-views.ts';

export function createPlanImportStore(dependencies: {
  readonly db: Kysely<Database>;
  readonly now?: () => Date;
}): PlanImportStore {
  const { db } = dependencies;
  const now = dependencies.now ?? (() => new Date());
  return {
    async planForImport(actor, planId) {
      const plan = await planFor(db, actor, planId, 'write');
      const view = toPlanView(await loadPlanHeadRows(db, plan));
      return { items: view.items, version: view.version };
    },

    async writeImport(actor, planId, rows, basedOnVersion, source) {
      const who = requireActor(actor);
      const at = now().toISOString();
      return db.transaction().execute(async (trx) => {
        const plan = await planFor(trx, actor, planId, 'write');
        if (!(await bumpPlan(trx, plan.id, basedOnVersion, { status: statusAfterEdit(plan.status) }, at)))
          throw staleWrite('plan', basedOnVersion, toPlanView(await loadPlanHeadRows(trx, plan)));
        const known = new Set(
          (await trx.selectFrom('plan_item').select('id').where('plan_id', '=', plan.id).execute()).map(
            (row) => row.id,
          ),
        );
        let measures = 0;
        for (const action of rows.actions) {
          // The rows were read against this plan's items; one removed since is a stale import.
          if (action.itemIds.some((id) => !known.has(id)))
            throw staleWrite('plan', basedOnVersion, toPlanView(await loadPlanHeadRows(trx, plan)));
          const id = await insertPlanAction(
            trx,
            {
              plan_id: plan.id,
              title: action.title,
              owner_kind: action.owner.kind,
              owner_name: action.owner.name,
              start_date: action.startDate,
              due_date: action.dueDate,
              status: action.status,
              rag_override: null,
              rag_reason: null,
              rag_by: null,
              rag_on: null,
            },
            action.itemIds,
            at,
          );
          const row = (await findPlanActionRow(trx, id)) as PlanActionRow;
          await auditPlanChange(trx, who, at, {
            action: 'action.import',
            recordType: 'action',
            recordId: id,
            before: null,
            after: { planId: plan.id, title: row.title, itemIds: action.itemIds, rows: action.rows, source },
          });
          for (const measure of action.measures) {
            const checked = validateMeasure({ id: 0, actionId: id, ...measure });
            const measureId = await insertPlanMeasure(
              trx,
              {
                action_id: id,
                what: checked.what,
                unit: checked.unit,
                better_when: checked.betterWhen,
                baseline_value: checked.baseline.value,
                baseline_date: checked.baseline.date,
                target_value: checked.target.value,
                target_date: checked.target.date,
                frequency: checked.frequency,
                source: checked.source,
              },
              at,
            );
            const measureRow = (await findPlanMeasureRow(trx, measureId)) as PlanMeasureRow;
            await auditPlanChange(trx, who, at, {
              action: 'measure.import',
              recordType: 'measure',
              recordId: measureId,
              before: null,
              after: { ...toMeasure(measureRow), version: measureRow.version },
            });
            measures += 1;
          }
        }
        await auditPlanChange(trx, who, at, {
          action: 'plan.import',
          recordType: 'plan',
          recordId: plan.id,
          before: null,
          after: {
            source,
            actions: rows.actions.length,
            measures,
            rowsNotRead: rows.problems.map((problem) => problem.row),
          },
        });
        const after = toPlanView(await loadPlanHeadRows(trx, { ...plan, version: plan.version + 1 }));
        return { actions: rows.actions.length, measures, planVersion: after.version };
      });
    },
  };
}
