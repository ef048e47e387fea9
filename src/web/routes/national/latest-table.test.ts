import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LatestInspection } from '../../../services/index.ts';
import { areasIn, latestRowsCsv, sortRows } from './latest-table.ts';
import { parseNationalQuery } from './national.schema.ts';

function row(
  name: string,
  regionName: string | null,
  published: string,
  judgements: LatestInspection['judgements'],
): LatestInspection {
  const id = name.length;
  const overall = judgements.overall
    ? { grade: judgements.overall, inspectionId: id, published, inspectionEnd: published, fromEarlierInspection: false }
    : null;
  return {
    id,
    urn: String(80000 + name.length),
    name,
    regionName,
    version: 'ILACS-2023',
    kind: 'ilacs-short',
    inspectionStart: published,
    inspectionEnd: published,
    published,
    judgements,
    overall,
  };
}

const rows = [
  row('Avon', 'South West', '2024-01-10', { overall: 'good', helpAndProtection: 'good' }),
  row('Barset', 'East Midlands', '2023-05-02', { overall: 'inadequate', helpAndProtection: 'requires_improvement' }),
  row('Casterbridge', 'South West', '2025-02-20', { overall: 'outstanding' }),
  row('Dale', null, '2022-11-30', { helpAndProtection: 'outstanding' }),
];

test('sorts by grade best first or last, with ungraded rows last either way', () => {
  const best = sortRows(rows, 'overall', 'desc').map((item) => item.name);
  assert.deepEqual(best, ['Casterbridge', 'Avon', 'Barset', 'Dale']);
  const worst = sortRows(rows, 'overall', 'asc').map((item) => item.name);
  assert.deepEqual(worst, ['Barset', 'Avon', 'Casterbridge', 'Dale']);
  assert.deepEqual(
    sortRows(rows, 'published', 'desc').map((item) => item.name),
    ['Casterbridge', 'Avon', 'Barset', 'Dale'],
  );
  assert.deepEqual(
    sortRows(rows, 'region', 'asc').map((item) => item.name),
    ['Barset', 'Avon', 'Casterbridge', 'Dale'],
  );
});

test('a bad sort or filter falls back to the default; a bad date is reported', () => {
  const parsed = parseNationalQuery({ sort: 'drop table', order: 'sideways', overall: 'adequate', asAt: '2019-02-29' });
  assert.equal(parsed.query.sort, 'name');
  assert.equal(parsed.query.order, 'asc');
  assert.equal(parsed.query.overall, undefined);
  assert.equal(parsed.query.asAt, undefined);
  assert.match(parsed.asAtError ?? '', /Enter a real date/);
  assert.equal(parsed.asAtInput, '2019-02-29');
});

test('areas shown are those judged in some row', () => {
  assert.deepEqual(areasIn(rows), ['overall', 'helpAndProtection']);
});

test('CSV quotes commas and quotes, and defuses text a spreadsheet would run as a formula', () => {
  const tricky = [row('=HYPERLINK("x")', 'North, East', '2024-01-01', { overall: 'good' })];
  const csv = latestRowsCsv(tricky, '2024-06-30', () => 'http://example.test/inspections/1');
  const [, line] = csv.split('\r\n');
  assert.ok(line?.includes(`"'=HYPERLINK(""x"")","North, East",2024-06-30`), line);
  assert.ok(
    line?.endsWith(
      ',http://example.test/inspections/1,"Ofsted inspection report, Crown copyright, Open Government Licence v3.0"',
    ),
  );
});
