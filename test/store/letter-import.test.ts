/** Letters after ungraded visits go into the store as inspections of their kind, once, with their letter facts. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  findVisitLetterRow,
  listInspectionRows,
  listRecommendationsOf,
  listJudgementRows,
} from '../../src/store/index.ts';
import { focusedVisitLetterPdf } from '../helpers/letter-pdf.ts';
import { createTestServices, TEST_DIALECTS } from '../helpers/dialects.ts';
import { makeTempDir } from '../helpers/label-fixtures.ts';

for (const dialect of TEST_DIALECTS) {
  describe(`letter import on ${dialect}`, () => {
    test('a focused-visit letter is stored ungraded with its focus, theme, inspectors and priority actions; importing again changes nothing', async () => {
      const dir = makeTempDir('csci-letters-');
      const folder = join(dir, '80418-norfolk');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, '2024-03-04.pdf'), focusedVisitLetterPdf());
      const services = await createTestServices(dialect);
      try {
        const first = await services.imports.importReports([dir], { workers: 0 });
        assert.deepEqual(first.failures, []);
        assert.equal(first.imported, 1);
        const [row] = await listInspectionRows(services.store.db);
        assert.ok(row);
        assert.equal(row.kind, 'focused-visit');
        assert.equal(row.urn, '80418');
        assert.equal(row.inspection_start, '2024-02-06');
        assert.equal(row.inspection_end, '2024-02-07');
        assert.equal(row.published, '2024-03-04');
        assert.equal(row.published_source, 'file-name');
        assert.equal(row.lead_inspector, 'Robin Sample');
        assert.deepEqual(await listJudgementRows(services.store.db), []);
        const letter = await findVisitLetterRow(services.store.db, Number(row.id));
        assert.equal(letter?.letter_date, '2024-03-03');
        assert.equal(letter?.focus, 'care leavers');
        assert.equal(letter?.theme, 'care-leavers');
        assert.deepEqual(JSON.parse(letter?.inspectors ?? ''), ['Robin Sample', 'Alex Placeholder']);
        const items = await listRecommendationsOf(services.store.db, Number(row.id));
        assert.deepEqual(
          items.filter((item) => item.list === 'priority').map((item) => item.text),
          ['The suitability of the homes care leavers are offered.'],
        );
        assert.equal(items.filter((item) => item.list === 'la').length, 2);

        const second = await services.imports.importReports([dir], { workers: 0 });
        assert.equal(second.alreadyPresent, 1);
        assert.equal(second.imported + second.updated, 0);
        assert.equal((await listInspectionRows(services.store.db)).length, 1);
      } finally {
        await services.done();
      }
    });
  });
}
