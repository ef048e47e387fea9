import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cells, page, report, run, table2023, textLine } from '../../../helpers/positioned-text.ts';
import { areaOfLabel, readJudgementTable } from '../../../../src/extract/parsers/ilacs/judgement-table.ts';

function gradesOf(rows: ReturnType<typeof readJudgementTable>) {
  return rows.map((row) => [row.area, row.grade ?? null]);
}

test('each grade sits beside the first line of its wrapped label', () => {
  const rows = readJudgementTable(
    report(
      page(
        1,
        [run('Judgement', 77, 282), run('Grade', 303, 282)],
        ...table2023({
          leaders: 'Good',
          help: 'Outstanding',
          care: 'Good',
          leavers: 'Requires improvement to be good',
          overall: 'Good',
        }),
      ),
    ).lines,
  );
  assert.deepEqual(gradesOf(rows), [
    ['leadership', 'good'],
    ['helpAndProtection', 'outstanding'],
    ['childrenInCare', 'good'],
    ['careLeavers', 'requires_improvement'],
    ['overall', 'good'],
  ]);
  assert.equal(rows[2]!.label, 'The experiences and progress of children in care');
});

test('grade cells wrapped over two lines and set between the label lines (the 2018 layout)', () => {
  const rows = readJudgementTable(
    report(
      page(
        1,
        [run('Judgement', 79, 310), run('Grade', 395, 310)],
        cells('The impact of leaders on social work practice with children', 345, 'Requires improvement', 395, 79),
        cells('and families', 359, 'to be good', 395, 79),
        cells('The experiences and progress of children who need help and', 388, undefined, 395, 79),
        [run('Inadequate', 395, 395)],
        cells('protection', 402, undefined, 395, 79),
        cells('The experiences and progress of children in care and care', 431, undefined, 395, 79),
        [run('Good', 395, 438)],
        cells('leavers', 444, undefined, 395, 79),
        [run('Requires improvement', 395, 474)],
        cells('Overall effectiveness', 481, undefined, 395, 79),
        [run('to be good', 395, 487)],
        textLine('Services for children in Anytown have improved since the last inspection, but', 522, 79),
      ),
    ).lines,
  );
  assert.deepEqual(gradesOf(rows), [
    ['leadership', 'requires_improvement'],
    ['helpAndProtection', 'inadequate'],
    ['childrenInCare', 'good'],
    ['overall', 'requires_improvement'],
  ]);
  assert.equal(rows[2]!.combinedCareRow, true);
  assert.equal(rows[3]!.gradeText, 'Requires improvement to be good');
});

test('rows in an unusual order are named by their labels, not their places', () => {
  const rows = readJudgementTable(
    report(
      page(
        1,
        [run('Judgement', 71, 235), run('Grade', 376, 235)],
        cells('The experiences and progress of children who need', 274, 'Inadequate', 376, 71),
        cells('help and protection', 288, undefined, 376, 71),
        cells('The experiences and progress of children in care and', 327, 'Good', 376, 71),
        cells('care leavers', 342, undefined, 376, 71),
        cells('The impact of leaders on social work practice with', 381, 'Requires improvement to be good', 376, 71),
        cells('children and families', 395, undefined, 376, 71),
        cells('Overall effectiveness', 434, 'Inadequate', 376, 71),
      ),
    ).lines,
  );
  assert.deepEqual(gradesOf(rows), [
    ['helpAndProtection', 'inadequate'],
    ['childrenInCare', 'good'],
    ['leadership', 'requires_improvement'],
    ['overall', 'inadequate'],
  ]);
});

test('a "Not judged" cell leaves its area ungraded, and lower-case grades are read', () => {
  const rows = readJudgementTable(
    report(
      page(
        1,
        [run('Judgement', 77, 282), run('Grade', 303, 282)],
        ...table2023({
          leaders: 'good',
          help: 'requires improvement to be good',
          care: 'Not judged',
          leavers: 'outstanding',
          overall: 'good',
        }),
      ),
    ).lines,
  );
  assert.deepEqual(gradesOf(rows), [
    ['leadership', 'good'],
    ['helpAndProtection', 'requires_improvement'],
    ['childrenInCare', null],
    ['careLeavers', 'outstanding'],
    ['overall', 'good'],
  ]);
});

test('a table with no heading row is found from its first row label and its grade column', () => {
  const rows = readJudgementTable(
    report(
      page(
        1,
        textLine('Inspection dates: 6 to 17 May 2024', 216),
        ...table2023({ leaders: 'Good', help: 'Good', care: 'Good', leavers: 'Good', overall: 'Good' }),
      ),
    ).lines,
  );
  assert.equal(rows.length, 5);
  assert.ok(rows.every((row) => row.grade === 'good'));
});

test('a table split across pages keeps the row broken by the page end', () => {
  const rows = readJudgementTable(
    report(
      page(
        1,
        [run('Judgement', 77, 700), run('Grade', 303, 700)],
        cells('The impact of leaders on social work', 733, 'Good'),
        cells('practice with children and families', 747),
        cells('The experiences and progress of', 774),
      ),
      page(
        2,
        cells('children who need help and protection', 100, 'Inadequate'),
        cells('Overall effectiveness', 127, 'Inadequate'),
        textLine('The local authority has not acted quickly enough on the weaknesses found in 2021.', 160),
      ),
    ).lines,
  );
  assert.deepEqual(gradesOf(rows), [
    ['leadership', 'good'],
    ['helpAndProtection', 'inadequate'],
    ['overall', 'inadequate'],
  ]);
});

test('a report without a judgement table gives no rows', () => {
  assert.deepEqual(
    readJudgementTable(
      report(page(1, textLine('Inspection of services for children in need of help and protection', 150))).lines,
    ),
    [],
  );
});

test('row labels name areas in every version’s wording', () => {
  assert.deepEqual(areaOfLabel('The impact of leaders on practice with children and families'), {
    area: 'leadership',
    combinedCareRow: false,
  });
  assert.deepEqual(areaOfLabel('The experiences and progress of children in care and care leavers'), {
    area: 'childrenInCare',
    combinedCareRow: true,
  });
  assert.deepEqual(areaOfLabel('The experiences and progress of care leavers'), {
    area: 'careLeavers',
    combinedCareRow: false,
  });
  assert.deepEqual(areaOfLabel('Something else'), { area: undefined, combinedCareRow: false });
});
