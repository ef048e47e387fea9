import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makePdf } from '../helpers/make-pdf.ts';
import { readPdfText } from '../../src/extract/pdf-text.reader.ts';

test('reads each page with its text runs positioned from the top-left', async () => {
  const pages = await readPdfText(
    makePdf([
      [
        { text: 'Inspection dates: 1 to 5 May 2023', x: 72, y: 100 },
        { text: 'Good', x: 300, y: 200, size: 12 },
      ],
      [{ text: 'Second page', x: 72, y: 80 }],
    ]),
  );
  assert.equal(pages.length, 2);
  const [first, second] = pages;
  assert.deepEqual(
    first!.runs.map((run) => run.text),
    ['Inspection dates: 1 to 5 May 2023', 'Good'],
  );
  assert.equal(first!.runs[0]!.x, 72);
  assert.equal(first!.runs[0]!.y, 100);
  assert.equal(first!.runs[1]!.height, 12);
  assert.ok(first!.runs[0]!.width > 100);
  assert.equal(second!.number, 2);
  assert.equal(second!.runs[0]!.text, 'Second page');
});

test('accepts a Node Buffer as well as a Uint8Array', async () => {
  const pages = await readPdfText(Buffer.from(makePdf([[{ text: 'Buffer input', y: 90 }]])));
  assert.equal(pages[0]!.runs[0]!.text, 'Buffer input');
});
