import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractFiles, findReportFiles } from '../../src/extract/index.ts';
import { makePdf } from '../helpers/make-pdf.ts';

test('worker threads give one result per file, in the order of the input, and report progress', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'csci-workers-'));
  try {
    const names = ['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf', 'e.pdf', 'f.pdf'];
    await Promise.all(
      names.map((name, index) =>
        writeFile(join(folder, name), index % 2 ? '' : makePdf([[{ text: `Not a report ${index}`, y: 100 }]])),
      ),
    );
    const files = await findReportFiles([folder]);
    const progress: number[] = [];
    const results = [];
    for await (const result of extractFiles(files, { workers: 2, onProgress: (done) => progress.push(done) }))
      results.push(result);
    assert.deepEqual(
      results.map((result) => result.file),
      files,
    );
    assert.deepEqual(
      results.map((result) => ('error' in result ? result.error.code : 'ok')),
      ['unsupported-report', 'empty-file', 'unsupported-report', 'empty-file', 'unsupported-report', 'empty-file'],
    );
    assert.deepEqual(progress, [1, 2, 3, 4, 5, 6]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
