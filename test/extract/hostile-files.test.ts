/**
 * Issue 15: files built to hurt the reader (bombs, huge page counts, slow pages, pipes, devices,
 * link loops, joined reports). Each fails alone, quickly, with a plain message; the files are built
 * here, small on disk.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import type { ExtractionResult } from '../../src/domain/index.ts';
import { extractFile, extractFiles, extractReport, findReportFiles } from '../../src/extract/index.ts';
import { makeInflateBomb, makeManyPages, makeSlowPages } from '../helpers/make-hostile-pdf.ts';
import { makePdf } from '../helpers/make-pdf.ts';
import { ilacsReportPages, ilacsReportPdf } from '../helpers/report-pdfs.ts';

let folder: string;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'csci-hostile-'));
});
after(async () => rm(folder, { recursive: true, force: true }));

const plainPdf = (): Uint8Array => makePdf([[{ text: 'Minutes of a meeting, not a report', y: 100 }]]);

function codeOf(result: ExtractionResult | undefined): string {
  return result && 'error' in result ? result.error.code : 'read';
}

async function collect(files: string[], options: Parameters<typeof extractFiles>[1]): Promise<ExtractionResult[]> {
  const results: ExtractionResult[] = [];
  for await (const result of extractFiles(files, options)) results.push(result);
  return results;
}

test(
  'a compressed-stream bomb fails alone as too-large, and the reader goes on to the next file',
  { timeout: 120_000 },
  async () => {
    const bomb = join(folder, 'bomb.pdf');
    const next = join(folder, 'after-bomb.pdf');
    await writeFile(bomb, await makeInflateBomb(400)); // about 400 KB on disk, 400 MB inflated
    await writeFile(next, plainPdf());
    const [bombResult, nextResult] = await collect([bomb, next], { workers: 1 });
    assert.equal(codeOf(bombResult), 'too-large');
    assert.match(JSON.stringify(bombResult), /more than 64 MB of decoded data/);
    assert.equal(codeOf(nextResult), 'unsupported-report', 'the file after the bomb is read by a fresh worker');
  },
);

test('a PDF of more pages than any report fails as too-large before its pages are read', async () => {
  const result = await extractReport(makeManyPages(2_000), 'many-pages.pdf');
  assert.equal(codeOf(result), 'too-large');
  assert.match(JSON.stringify(result), /2,000 pages, more than the 500/);
});

test('a slow file fails alone at its deadline, and results come out as files finish', { timeout: 60_000 }, async () => {
  const slow = join(folder, 'slow.pdf');
  const quick = join(folder, 'quick.pdf');
  await writeFile(slow, await makeSlowPages(200)); // about a second a page
  await writeFile(quick, plainPdf());
  // Each slow page decodes 8 MB that lives until the worker's next collection: the decoded-data cap
  // is raised here so that the deadline, not that cap, is what stops the file (the bomb test has the cap).
  const results = await collect([slow, quick], {
    workers: 2,
    order: 'finished',
    limits: { deadlineMs: 4_000, decodedMemoryMb: 1_024 },
  });
  assert.deepEqual(
    results.map((result) => relative(folder, result.file)),
    ['quick.pdf', 'slow.pdf'],
  );
  assert.equal(codeOf(results[1]), 'unreadable-file');
  assert.match(JSON.stringify(results[1]), /took longer than 4 s, the limit for one file/);
});

test('a named pipe is refused without waiting for a writer', { timeout: 20_000 }, async () => {
  const fifo = join(folder, 'pipe.pdf');
  execFileSync('mkfifo', [fifo]);
  const result = await extractFile(fifo);
  assert.equal(codeOf(result), 'unreadable-file');
  assert.match(JSON.stringify(result), /named pipe \(FIFO\), not a regular file/);
});

test('a device such as /dev/zero is refused before reading', { timeout: 20_000 }, async () => {
  const result = await extractFile('/dev/zero');
  assert.equal(codeOf(result), 'unreadable-file');
  assert.match(JSON.stringify(result), /character device, not a regular file/);
});

test('a file far larger than any report is refused unread', async () => {
  const huge = join(folder, 'huge.pdf');
  await writeFile(huge, '%PDF-1.4\n');
  await truncate(huge, 60 * 1_048_576); // sparse: nothing written to disk
  const result = await extractFile(huge);
  assert.equal(codeOf(result), 'too-large');
  assert.match(JSON.stringify(result), /60 MB, more than the 50 MB a report can plausibly be/);
});

test(
  'symbolic links to PDFs and folders are followed, a link loop is walked once, a broken link is listed with its reason',
  { timeout: 60_000 },
  async () => {
    const root = join(folder, 'links');
    const outside = join(folder, 'outside');
    await mkdir(join(root, 'real'), { recursive: true });
    await mkdir(join(outside, 'folder'), { recursive: true });
    await writeFile(join(root, 'real', 'a.pdf'), plainPdf());
    await writeFile(join(outside, 'b.pdf'), plainPdf());
    await writeFile(join(outside, 'folder', 'c.pdf'), plainPdf());
    await symlink(join(outside, 'b.pdf'), join(root, 'linked-file.pdf'));
    await symlink(join(outside, 'folder'), join(root, 'linked-folder'));
    await symlink(root, join(root, 'real', 'loop'));
    await symlink(join(outside, 'missing.pdf'), join(root, 'broken.pdf'));
    const files = await findReportFiles([root]);
    assert.deepEqual(
      files.map((file) => relative(root, file)),
      ['broken.pdf', 'linked-file.pdf', join('linked-folder', 'c.pdf'), join('real', 'a.pdf')],
    );
    const results = await collect(files, { workers: 1 });
    assert.deepEqual(results.map(codeOf), [
      'unreadable-file',
      'unsupported-report',
      'unsupported-report',
      'unsupported-report',
    ]);
    assert.match(JSON.stringify(results[0]), /symbolic link whose target is missing/);
  },
);

test('a file that joins two inspections’ reports is refused as several-reports, naming the pages', async () => {
  const first = ilacsReportPages({
    council: 'Anyshire County Council',
    dates: '3 to 14 June 2024',
    lead: 'Pat Example',
  });
  const second = ilacsReportPages({
    council: 'Otherton City Council',
    dates: '9 to 20 September 2024',
    lead: 'Sam Sample',
  });
  const joined = await extractReport(makePdf([...first, ...second]), 'joined.pdf');
  assert.equal(codeOf(joined), 'several-reports');
  assert.match(JSON.stringify(joined), /holds 2 inspection reports \(beginning on pages 1, 3\)/);
  const alone = await extractReport(
    ilacsReportPdf({ council: 'Anyshire County Council', dates: '3 to 14 June 2024', lead: 'Pat Example' }),
    'alone.pdf',
  );
  assert.equal(codeOf(alone), 'read', JSON.stringify(alone));
});
