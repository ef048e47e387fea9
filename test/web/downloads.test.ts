/** The one download helper: CSV and XLSX of a table, each with its as-at date, basis and the OGL attribution. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readWorkbook } from '../../src/documents/index.ts';
import { tableXlsx } from '../../src/services/index.ts';
import { downloadHrefs, requestedDownload, tableCsv } from '../../src/web/downloads.ts';

const table = {
  id: 'grades',
  title: 'Grades as at 2025-03-31',
  columns: ['council', 'grade', 'count'],
  rows: [
    ['=cmd()', 'Good', 3],
    ['Barset, North', null, 0],
  ] as const,
};
const context = { asAt: '2025-03-31', basis: 'latest inspection carried out by the date' };

test('CSV: every row says the date, the basis and the source; formulas are defused and commas quoted', () => {
  const lines = tableCsv(table, context).split('\r\n');
  assert.equal(lines[0], 'council,grade,count,as_at,basis,source');
  assert.equal(
    lines[1],
    '\'=cmd(),Good,3,2025-03-31,latest inspection carried out by the date,"Ofsted inspection reports, Crown copyright, reused under the Open Government Licence v3.0"',
  );
  assert.ok(lines[2]?.startsWith('"Barset, North",,0,2025-03-31,'));
});

test('XLSX: a cover sheet with the date, basis, source and licence, then the table', async () => {
  const sheets = await readWorkbook(await tableXlsx(table, context, '2025-04-01'));
  assert.deepEqual(
    sheets.map((sheet) => sheet.name),
    ['About', 'grades'],
  );
  const cover = sheets[0]?.rows.map((row) => row.filter((cell) => cell !== null).join(' ')) ?? [];
  assert.ok(cover.includes('As at 2025-03-31'), cover.join(' | '));
  assert.ok(cover.includes('Basis latest inspection carried out by the date'));
  assert.ok(cover.some((line) => /Crown copyright, reused under the Open Government Licence v3\.0/.test(line)));
  assert.deepEqual(sheets[1]?.rows, [
    ['council', 'grade', 'count'],
    ['=cmd()', 'Good', 3],
    ['Barset, North', null, 0],
  ]);
});

test('a download is asked for with ?download=<table>&format=csv|xlsx; links keep the page query', () => {
  assert.deepEqual(requestedDownload({ download: 'grades' }), { id: 'grades', format: 'csv' });
  assert.deepEqual(requestedDownload({ download: 'grades', format: 'xlsx' }), { id: 'grades', format: 'xlsx' });
  assert.equal(requestedDownload({ download: 'grades', format: 'pdf' }), null);
  assert.equal(requestedDownload({}), null);
  assert.deepEqual(downloadHrefs('/national', { asAt: '2025-03-31', region: undefined }, 'grades'), {
    csv: '/national?asAt=2025-03-31&download=grades&format=csv',
    xlsx: '/national?asAt=2025-03-31&download=grades&format=xlsx',
  });
});
