/** The spreadsheet module: a workbook written from a description reads back as the same rows; the sheet's furniture is in the XML; bad input is refused plainly. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { readWorkbook, writeWorkbook, type WorkbookSpec } from '../../src/documents/spreadsheet.ts';
import { DomainError } from '../../src/errors.ts';
import { docxParts } from './docx-parts.ts';

const STATUSES = ['Not started', 'On track', 'Complete'];

const spec: WorkbookSpec = {
  title: 'Tracker for the tests',
  created: '2026-03-04',
  sheets: [
    {
      kind: 'cover',
      name: 'About',
      title: 'A tracker written for the tests',
      entries: [
        ['Council', 'Testshire County Council'],
        ['Version', 3],
        ['Date', '2026-03-04'],
      ],
    },
    {
      kind: 'table',
      name: 'Actions',
      columns: [
        { header: 'Ref', width: 8 },
        { header: 'Action', width: 50, wrap: true },
        { header: 'Due', width: 12, type: 'date' },
        { header: 'Status', width: 14, allowed: STATUSES },
        { header: 'Baseline', width: 10, type: 'number' },
      ],
      rows: [
        ['1.1', 'Write the threshold guidance again, with partners', '2026-06-30', 'On track', 42.5],
        ['1.2', 'Audit forty case files a month', null, 'Not started', null],
        ['2.1', 'Recruit six social workers \u2013 permanent posts', '2027-01-15', 'Complete', 0],
      ],
    },
  ],
};

function refusal(pattern: RegExp) {
  return (error: unknown) =>
    error instanceof DomainError && error.code === 'invalid-spreadsheet' && pattern.test(error.message);
}

test('a written workbook reads back as the same rows: text, numbers, ISO dates and empty cells', async () => {
  const sheets = await readWorkbook(await writeWorkbook(spec));
  assert.deepEqual(
    sheets.map((sheet) => sheet.name),
    ['About', 'Actions'],
  );
  assert.deepEqual(sheets[0]?.rows, [
    ['A tracker written for the tests', null],
    [null, null],
    ['Council', 'Testshire County Council'],
    ['Version', 3],
    ['Date', '2026-03-04'],
  ]);
  assert.deepEqual(sheets[1]?.rows, [
    ['Ref', 'Action', 'Due', 'Status', 'Baseline'],
    ['1.1', 'Write the threshold guidance again, with partners', '2026-06-30', 'On track', 42.5],
    ['1.2', 'Audit forty case files a month', null, 'Not started', null],
    ['2.1', 'Recruit six social workers \u2013 permanent posts', '2027-01-15', 'Complete', 0],
  ]);
});

test('the table sheet has a frozen header, an autofilter over the data, widths, real dates and the status drop-down', async () => {
  const parts = await docxParts(await writeWorkbook(spec));
  const sheet = parts.get('xl/worksheets/sheet2.xml') ?? '';
  assert.match(sheet, /<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
  assert.match(sheet, /<autoFilter ref="A1:E4"\/>/);
  assert.match(sheet, /<col min="2" max="2" width="50"/);
  assert.match(
    sheet,
    /<dataValidation type="list" allowBlank="1" showErrorMessage="1"[^>]*sqref="D2:D1000"><formula1>&quot;Not started,On track,Complete&quot;<\/formula1>/,
  );
  // The due date is a number (an Excel date) with a date format, not text.
  assert.match(sheet, /<c r="C2" s="\d+"><v>46203<\/v><\/c>/);
  assert.match(parts.get('xl/styles.xml') ?? '', /formatCode="dd\/mm\/yyyy"/);
  assert.match(parts.get('docProps/core.xml') ?? '', /<dc:title>Tracker for the tests<\/dc:title>/);
  assert.match(
    parts.get('docProps/core.xml') ?? '',
    /<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-04T00:00:00Z<\/dcterms:created>/,
  );
});

test('the same description writes the same XML twice', async () => {
  const first = await docxParts(await writeWorkbook(spec));
  const second = await docxParts(await writeWorkbook(spec));
  assert.deepEqual([...first.keys()], [...second.keys()]);
  for (const [name, xml] of first) assert.equal(second.get(name), xml, `${name} differs between two writes`);
});

test('a description a spreadsheet cannot hold is refused, naming where', async () => {
  const table = spec.sheets[1];
  assert.ok(table?.kind === 'table');
  const withRows = (rows: typeof table.rows): WorkbookSpec => ({ ...spec, sheets: [{ ...table, rows }] });
  await assert.rejects(
    writeWorkbook(withRows([['1', 'x', '2026-02-30', 'On track', 1]])),
    refusal(/row 2, column 3: "2026-02-30" is not a date/),
  );
  await assert.rejects(
    writeWorkbook(withRows([['1', 'x', null, 'Late', 1]])),
    refusal(/row 2, column 4: "Late" is not one of Not started, On track, Complete/),
  );
  await assert.rejects(
    writeWorkbook(withRows([['1', 'x', null, null, 'many']])),
    refusal(/a number column takes numbers/),
  );
  await assert.rejects(writeWorkbook(withRows([['1', 'x', null, null, Number.NaN]])), refusal(/NaN is not a number/));
  await assert.rejects(writeWorkbook(withRows([['1', 'x', null, null, 1, 'extra']])), refusal(/6 cells for 5 columns/));
  await assert.rejects(writeWorkbook(withRows([['1', 'x'.repeat(40_000)]])), refusal(/longer than 32767/));
  await assert.rejects(
    writeWorkbook({ ...spec, sheets: [{ ...table, name: 'Actions: all' }] }),
    refusal(/Sheet name "Actions: all" is not allowed/),
  );
  await assert.rejects(
    writeWorkbook({ ...spec, sheets: [table, { ...table, name: 'ACTIONS' }] }),
    refusal(/Two sheets are named "ACTIONS"/),
  );
  await assert.rejects(writeWorkbook({ ...spec, sheets: [] }), refusal(/at least one sheet/));
  await assert.rejects(
    writeWorkbook({
      ...spec,
      sheets: [{ ...table, columns: [{ header: 'S', width: 5, allowed: ['A, or B'] }], rows: [] }],
    }),
    refusal(/may not contain a comma/),
  );
  await assert.rejects(writeWorkbook({ ...spec, created: 'yesterday' }), refusal(/"yesterday" is not a date/));
});

async function edited(edit: (sheetXml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await writeWorkbook(spec));
  const name = 'xl/worksheets/sheet2.xml';
  zip.file(name, edit((await zip.file(name)?.async('string')) ?? ''));
  return zip.generateAsync({ type: 'nodebuffer' });
}

test('what a person may have typed reads as plain values: formula results, and a cell holding an error is refused by its address', async () => {
  const withFormula = await edited((xml) =>
    xml.replace(/<c r="E2"[^>]*>.*?<\/c>/, '<c r="E2"><f>40+2.5</f><v>42.5</v></c>'),
  );
  assert.deepEqual((await readWorkbook(withFormula))[1]?.rows[1], [
    '1.1',
    'Write the threshold guidance again, with partners',
    '2026-06-30',
    'On track',
    42.5,
  ]);
  const withError = await edited((xml) => xml.replace(/<c r="E2"[^>]*>.*?<\/c>/, '<c r="E2" t="e"><v>#REF!</v></c>'));
  await assert.rejects(readWorkbook(withError), refusal(/Sheet "Actions", cell E2 holds the error #REF!/));
});

test('a file that is not a workbook, or is over the limits, is refused plainly', async () => {
  await assert.rejects(readWorkbook(Buffer.alloc(0)), refusal(/The file is empty/));
  await assert.rejects(readWorkbook(Buffer.from('Ref,Action\n1,Do it\n')), refusal(/not an Excel workbook/));
  const zip = new JSZip();
  zip.file('hello.txt', 'not a workbook');
  await assert.rejects(readWorkbook(await zip.generateAsync({ type: 'nodebuffer' })), refusal(/holds no worksheets/));
  const bytes = await writeWorkbook(spec);
  await assert.rejects(
    readWorkbook(bytes.subarray(0, Math.floor(bytes.length / 2))),
    refusal(/could not be read as an Excel workbook/),
  );
  await assert.rejects(readWorkbook(bytes, { maxBytes: 100, maxRows: 10, maxColumns: 10 }), refusal(/larger than/));
  await assert.rejects(
    readWorkbook(bytes, { maxBytes: 1e7, maxRows: 3, maxColumns: 10 }),
    refusal(/Sheet "About" has more than 3 rows/),
  );
  await assert.rejects(
    readWorkbook(bytes, { maxBytes: 1e7, maxRows: 10, maxColumns: 4 }),
    refusal(/Sheet "Actions" has more than 4 columns/),
  );
});
