import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { runCli } from '../../src/cli/main.ts';
import { makePdf, type PdfTextLine } from '../helpers/make-pdf.ts';

/** A short ILACS-2023 report in the shape Ofsted prints, with invented wording. */
function ilacsReportPdf(): Uint8Array {
  const front: PdfTextLine[] = [
    { text: 'Inspection of Anyshire County Council local authority', y: 156, size: 20 },
    { text: 'children\u2019s services', y: 187, size: 20 },
    { text: 'Inspection dates: 3 to 14 June 2024', y: 216 },
    { text: 'Lead inspector: Pat Example, His Majesty\u2019s Inspector', y: 243 },
    { text: 'Judgement', x: 77, y: 282 },
    { text: 'Grade', x: 303, y: 282 },
    { text: 'The impact of leaders on social work', x: 77, y: 315 },
    { text: 'Good', x: 303, y: 315 },
    { text: 'practice with children and families', x: 77, y: 329 },
    { text: 'The experiences and progress of', x: 77, y: 356 },
    { text: 'Requires improvement', x: 303, y: 356 },
    { text: 'children who need help and protection', x: 77, y: 371 },
    { text: 'to be good', x: 303, y: 371 },
    { text: 'The experiences and progress of', x: 77, y: 398 },
    { text: 'Good', x: 303, y: 398 },
    { text: 'children in care', x: 77, y: 412 },
    { text: 'The experiences and progress of care', x: 77, y: 439 },
    { text: 'Outstanding', x: 303, y: 439 },
    { text: 'leavers', x: 77, y: 454 },
    { text: 'Overall effectiveness', x: 77, y: 481 },
    { text: 'Good', x: 303, y: 481 },
    { text: 'Children in Anyshire are helped by a settled and capable workforce.', y: 516 },
  ];
  const second: PdfTextLine[] = [
    { text: 'What needs to improve?', y: 108 },
    { text: '\u2022 The timeliness of assessments for children who are referred again within a', y: 134 },
    { text: 'year.', x: 89, y: 149 },
    { text: '\u2022 The quality of supervision for social workers.', y: 170 },
    { text: 'The experiences and progress of children who need help and', y: 210 },
    { text: 'protection: requires improvement to be good', y: 226 },
    { text: 'Most children get help at the right time.', y: 250 },
  ];
  return makePdf([front, second]);
}

let folder: string;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'csci-extract-'));
  await mkdir(join(folder, 'nested'));
  await writeFile(join(folder, 'nested', 'anyshire.pdf'), ilacsReportPdf());
  await writeFile(join(folder, 'empty.pdf'), '');
  await writeFile(join(folder, 'not-found.pdf'), '<!DOCTYPE html><html><body>Page not found</body></html>');
  await writeFile(join(folder, 'notes.txt'), 'not a pdf name, so not read');
});
after(async () => rm(folder, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await runCli(args, { stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

test('extract reads a folder recursively, one JSON line per PDF, and carries on past bad files', async () => {
  const { code, stdout, stderr } = await run(['extract', folder]);
  const lines = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.equal(lines.length, 3);
  const byName = new Map(lines.map((line) => [String(line.file).slice(folder.length + 1), line]));
  assert.deepEqual(byName.get('empty.pdf')?.error, { code: 'empty-file', message: 'The file is empty.' });
  assert.equal((byName.get('not-found.pdf')?.error as { code: string }).code, 'not-a-pdf');
  const report = byName.get(join('nested', 'anyshire.pdf'));
  assert.ok(report && !('error' in report), `the report was not read: ${JSON.stringify(report)}`);
  assert.equal(report.framework, 'ILACS');
  assert.equal(report.version, 'ILACS-2023');
  assert.equal(report.kind, 'ilacs-standard');
  assert.equal(report.inspectionStart, '2024-06-03');
  assert.equal(report.inspectionEnd, '2024-06-14');
  assert.equal(report.leadInspector, 'Pat Example');
  assert.deepEqual(report.judgements, {
    overall: 'good',
    leadership: 'good',
    helpAndProtection: 'requires_improvement',
    childrenInCare: 'good',
    careLeavers: 'outstanding',
  });
  assert.deepEqual(report.recommendations, [
    'The timeliness of assessments for children who are referred again within a year.',
    'The quality of supervision for social workers.',
  ]);
  assert.equal(code, 1, 'exits non-zero because two files failed');
  assert.match(stderr, /2 of 3 files could not be read/);
});

test('extract of one good file exits 0', async () => {
  const { code, stdout } = await run(['extract', join(folder, 'nested', 'anyshire.pdf')]);
  assert.equal(code, 0);
  assert.equal(JSON.parse(stdout).localAuthority, 'Anyshire County Council');
});

test('extract of a missing file gives an error line, not a crash', async () => {
  const { code, stdout } = await run(['extract', join(folder, 'no-such.pdf')]);
  assert.equal(code, 1);
  assert.equal(JSON.parse(stdout).error.code, 'unreadable-file');
});

test('extract with no arguments is a usage error', async () => {
  const { code, stderr } = await run(['extract']);
  assert.equal(code, 2);
  assert.match(stderr, /usage: csci extract/);
});
