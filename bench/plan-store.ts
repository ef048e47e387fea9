/**
 * The plan store `bench:plans` loads: synthetic inspections (one per plan) and their plans written
 * straight into the store in bulk, with everything a plan holds (items, actions linked to them,
 * milestones, measures and their values).
 */
import type { Services } from '../src/services/index.ts';

export const COUNCILS = 153;
export const PLANS_PER_COUNCIL = 3;
export const ACTIONS_PER_PLAN = 40;
export const MEASURES_PER_ACTION = 3;
export const ITEMS_PER_PLAN = 8;
export const VALUES_PER_MEASURE = 6;

/** Writes the plan store in bulk: synthetic inspections (3 per council) and their plans, with everything a plan holds. */
export async function seedPlanStore(services: Services): Promise<Record<string, number>> {
  const db = services.store.db;
  const councils = (
    await db
      .selectFrom('local_authority')
      .select('urn')
      .where('active', '=', 1)
      .orderBy('urn')
      .limit(COUNCILS)
      .execute()
  ).map((row) => row.urn);
  if (councils.length < COUNCILS)
    throw new Error(`the register holds ${councils.length} active councils, not ${COUNCILS}`);
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (const urn of councils) {
      for (let p = 0; p < PLANS_PER_COUNCIL; p++) {
        const published = `20${17 + p * 3}-06-13`;
        const { id: inspectionId } = await trx
          .insertInto('inspection')
          .values({
            urn,
            content_hash: `bench-${urn}-${p}`,
            facts_hash: 'bench',
            file_path: `bench/${urn}/${p}.pdf`,
            framework: 'SIF',
            version: 'SIF',
            kind: 'sif',
            local_authority_as_printed: urn,
            inspection_start: published,
            inspection_end: published,
            published,
            published_source: 'printed',
            lead_inspector: null,
            reader_fingerprint: null,
            ofsted_url: null,
            import_run_id: null,
            imported_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const { id: planId } = await trx
          .insertInto('plan')
          .values({
            urn,
            inspection_id: inspectionId,
            status: 'draft',
            due_date: '2030-01-31',
            draft_due_date: null,
            published_version: null,
            version: 1,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const items = await trx
          .insertInto('plan_item')
          .values(
            Array.from({ length: ITEMS_PER_PLAN }, (_, i) => ({
              plan_id: planId,
              position: i + 1,
              recommendation_list: 'la',
              recommendation_position: i + 1,
              recommendation_text: `Benchmark recommendation ${i + 1}: improve the timeliness and quality of practice for children in need of help and protection.`,
              title: `Recommendation ${i + 1}`,
              response_kind: null,
              response_reason: null,
              version: 1,
              created_at: now,
              updated_at: now,
            })),
          )
          .returning('id')
          .execute();
        const actions = await trx
          .insertInto('plan_action')
          .values(
            Array.from({ length: ACTIONS_PER_PLAN }, (_, a) => ({
              plan_id: planId,
              title: `Benchmark action ${a + 1}: audit, coach and report on practice each month`,
              owner_kind: 'role' as const,
              owner_name: 'Head of Service',
              start_date: '2025-01-01',
              due_date: '2027-12-31',
              status: 'in progress' as const,
              rag_override: null,
              rag_reason: null,
              rag_by: null,
              rag_on: null,
              version: 1,
              created_at: now,
              updated_at: now,
            })),
          )
          .returning('id')
          .execute();
        await trx
          .insertInto('plan_action_item')
          .values(actions.map((action, a) => ({ action_id: action.id, item_id: items[a % items.length]!.id })))
          .execute();
        await trx
          .insertInto('plan_milestone')
          .values(
            actions.flatMap((action) =>
              [1, 2].map((m) => ({
                action_id: action.id,
                title: `Milestone ${m}`,
                due_date: `202${5 + m}-06-30`,
                met_on: m === 1 ? '2026-06-01' : null,
                version: 1,
                created_at: now,
                updated_at: now,
              })),
            ),
          )
          .execute();
        const measures = await trx
          .insertInto('plan_measure')
          .values(
            actions.flatMap((action) =>
              Array.from({ length: MEASURES_PER_ACTION }, (_, m) => ({
                action_id: action.id,
                what: `Benchmark measure ${m + 1}`,
                unit: '%',
                better_when: 'higher' as const,
                baseline_value: 50,
                baseline_date: '2025-01-01',
                target_value: 90,
                target_date: '2027-12-31',
                frequency: 'monthly',
                source: 'Case records',
                version: 1,
                created_at: now,
                updated_at: now,
              })),
            ),
          )
          .returning('id')
          .execute();
        for (let start = 0; start < measures.length; start += 100) {
          await trx
            .insertInto('plan_measure_value')
            .values(
              measures.slice(start, start + 100).flatMap((measure) =>
                Array.from({ length: VALUES_PER_MEASURE }, (_, v) => ({
                  measure_id: measure.id,
                  date: `2025-0${v + 2}-01`,
                  value: 50 + v * 4,
                  comment: '',
                  version: 1,
                  created_at: now,
                  updated_at: now,
                })),
              ),
            )
            .execute();
        }
      }
    }
  });
  const count = async (table: 'plan' | 'plan_action' | 'plan_measure' | 'plan_measure_value') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    councils: councils.length,
    plans: await count('plan'),
    actions: await count('plan_action'),
    measures: await count('plan_measure'),
    values: await count('plan_measure_value'),
  };
}
