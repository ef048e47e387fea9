import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinRuns, lineCells, pageLines } from './lines.ts';
import type { TextRun } from './pdf-text.reader.ts';

function run(text: string, x: number, y: number, width = text.length * 5): TextRun {
  return { text, x, y, width, height: 11, bold: false };
}

test('runs on the same baseline form one line, left to right', () => {
  const lines = pageLines({
    number: 1,
    width: 595,
    height: 842,
    runs: [run('Grade', 300, 100), run('Judgement', 72, 100.5), run('Below', 72, 130)],
  });
  assert.deepEqual(
    lines.map((line) => line.text),
    ['Judgement Grade', 'Below'],
  );
});

test('adjacent runs with no gap join without a space, separate words get one', () => {
  assert.equal(joinRuns([run('chil', 72, 100, 20), run('dren', 92, 100, 20)]), 'children');
  assert.equal(joinRuns([run('care', 72, 100, 20), run('leavers', 96, 100, 35)]), 'care leavers');
});

test('wide gaps split a line into cells', () => {
  const [line] = pageLines({
    number: 1,
    width: 595,
    height: 842,
    runs: [run('Overall effectiveness', 72, 100, 100), run('Good', 300, 100, 25)],
  });
  assert.deepEqual(lineCells(line!), [
    { x: 72, text: 'Overall effectiveness' },
    { x: 300, text: 'Good' },
  ]);
});
