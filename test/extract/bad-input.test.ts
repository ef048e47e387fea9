import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractReport } from '../../src/extract/index.ts';
import { makePdf } from '../helpers/make-pdf.ts';

const encoder = new TextEncoder();

async function errorCode(bytes: Uint8Array): Promise<string | undefined> {
  const result = await extractReport(bytes, 'input.pdf');
  return 'error' in result ? result.error.code : undefined;
}

test('an empty file is reported as empty-file', async () => {
  assert.equal(await errorCode(new Uint8Array()), 'empty-file');
});

test('an HTML page saved with a .pdf name is not-a-pdf, with a message that says so', async () => {
  const result = await extractReport(
    encoder.encode('<!DOCTYPE html>\n<html><head><title>Not found</title></head><body>Gone</body></html>'),
    'page.pdf',
  );
  assert.ok('error' in result);
  assert.equal(result.error.code, 'not-a-pdf');
  assert.match(result.error.message, /HTML/);
});

test('arbitrary bytes without the PDF signature are not-a-pdf', async () => {
  assert.equal(await errorCode(encoder.encode('PK\u0003\u0004 a zip file, perhaps')), 'not-a-pdf');
});

test('a PDF encrypted with an unknown password is encrypted-pdf', async () => {
  assert.equal(await errorCode(makePdf([[{ text: 'Secret', y: 100 }]], { encrypted: true })), 'encrypted-pdf');
});

test('a file with the PDF signature but no structure is corrupt-pdf', async () => {
  assert.equal(await errorCode(encoder.encode(`%PDF-1.7\n${'garbage '.repeat(500)}`)), 'corrupt-pdf');
});

test('a PDF cut off part-way is corrupt-pdf', async () => {
  const whole = makePdf([[{ text: 'Inspection of a local authority', y: 100 }], [{ text: 'Second page', y: 100 }]]);
  assert.equal(await errorCode(whole.subarray(0, Math.floor(whole.length / 3))), 'corrupt-pdf');
});

test('a readable PDF that is not an inspection report is unsupported-report', async () => {
  const pdf = makePdf([
    [
      { text: 'Minutes of the parish council meeting', y: 100 },
      { text: 'Held on 3 May 2019', y: 130 },
    ],
  ]);
  assert.equal(await errorCode(pdf), 'unsupported-report');
});

test('every failure names the file it came from', async () => {
  const result = await extractReport(new Uint8Array(), 'reports/empty.pdf');
  assert.equal(result.file, 'reports/empty.pdf');
});

test('the input bytes are left untouched by a failed read', async () => {
  const bytes = encoder.encode(`%PDF-1.7\n${'garbage '.repeat(50)}`);
  const before = Buffer.from(bytes).toString('hex');
  await extractReport(bytes, 'x.pdf');
  assert.equal(Buffer.from(bytes).toString('hex'), before);
});
