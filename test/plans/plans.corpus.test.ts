/**
 * On the real corpus, on every dialect: Derby's 2017 report, read by the real reader, gives a plan
 * of 11 items, each the report's recommendation word for word (as hand-labelled), due on
 * 20 September 2017 (70 working days after publication on 13 June 2017). Skipped when ../shared
 * is absent.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CORPUS_REPORTS_DIR,
  corpusMissing,
  normaliseForComparison,
  readRecommendationLabels,
} from '../helpers/corpus.ts';
import { createTestServices, TEST_DIALECTS } from '../helpers/dialects.ts';
import { ACTORS, OWN } from '../helpers/plan-fixtures.ts';

const DERBY_2017 = '80459-derby/2017-06-13.pdf';

for (const dialect of TEST_DIALECTS) {
  describe(`a plan from Derby's 2017 report on ${dialect}`, { skip: corpusMissing }, () => {
    let services: Awaited<ReturnType<typeof createTestServices>>;
    before(async () => {
      services = await createTestServices(dialect);
      const summary = await services.imports.importReports([join(CORPUS_REPORTS_DIR, DERBY_2017)]);
      assert.equal(summary.failed, 0, JSON.stringify(summary.failures));
    });
    after(async () => services?.done());

    test('has 11 items, the recommendations word for word, due on 20 September 2017', async () => {
      const inspection = (await services.inspections.listAll()).find(
        (row) => row.urn === OWN && row.published === '2017-06-13',
      );
      assert.ok(inspection, 'Derby 2017 imported');
      const plan = await services.plans.createPlan(ACTORS.editor, OWN, { inspectionId: inspection.id });
      assert.equal(plan.dueDate, '2017-09-20');
      assert.equal(plan.items.length, 11);
      const expected = readRecommendationLabels().get(DERBY_2017)?.recommendations ?? [];
      assert.equal(expected.length, 11);
      plan.items.forEach((item, index) => {
        assert.deepEqual(
          { list: item.recommendation?.list, position: item.recommendation?.position },
          { list: 'la', position: index + 1 },
        );
        assert.equal(
          normaliseForComparison(item.recommendation?.text),
          normaliseForComparison(expected[index]),
          `recommendation ${index + 1}`,
        );
      });
      const refused = await services.plans
        .submit(ACTORS.editor, plan.id, { basedOnVersion: plan.version })
        .catch((error: unknown) => error);
      assert.equal((refused as { code?: string }).code, 'coverage-gaps');
      assert.equal((refused as { lines: string[] }).lines.length, 11);
    });
  });
}
