/**
 * Property tests: the facts of an ILACS-2023 report do not change with the ways real reports vary in
 * print (grade cells wrapped at any word, "What needs to improve" items wrapped at any width and
 * split by a page break, bullet glyphs, running headers and footers).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { GRADE_WORDING, GRADES, isVisitLetter, type Grade } from '../../../../src/domain/index.ts';
import { parseReportText } from '../../../../src/extract/extract-report.ts';
import type { TextRun } from '../../../../src/extract/pdf-text.reader.ts';
import { cells, page, report, run, textLine } from '../../../helpers/positioned-text.ts';
import { splitWords, wrapWords } from '../../../helpers/sif-report.ts';

const ROWS = [
  ['leadership', ['The impact of leaders on social work', 'practice with children and families']],
  ['helpAndProtection', ['The experiences and progress of', 'children who need help and protection']],
  ['childrenInCare', ['The experiences and progress of', 'children in care']],
  ['careLeavers', ['The experiences and progress of care', 'leavers']],
  ['overall', ['Overall effectiveness']],
] as const;
type Area = (typeof ROWS)[number][0];

const WORDS = [
  'the quality of',
  'plans',
  'management oversight',
  'of children’s',
  'records',
  'for care leavers',
  'timely',
  'and',
  'assessments',
];
const item = fc
  .array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 20 })
  .map((words) => `The ${words.join(' ')} in every team.`);
const grade = fc.constantFrom(...GRADES);
const lines = fc.integer({ min: 1, max: 4 });

function frontPage(grades: Readonly<Record<Area, Grade>>, gradeLines: Readonly<Record<Area, number>>): TextRun[][] {
  const rows: TextRun[][] = [
    textLine('Inspection of Anyshire local authority', 156),
    textLine('children’s services', 187),
    textLine('Inspection dates: 6 to 17 May 2024', 216),
    textLine('Lead inspector: Jo Example, His Majesty’s Inspector', 243),
    [run('Judgement', 77, 282), run('Grade', 303, 282)],
  ];
  let y = 300;
  for (const [area, label] of ROWS) {
    y += 15;
    const gradeParts = splitWords(GRADE_WORDING[grades[area]], gradeLines[area]);
    const height = Math.max(label.length, gradeParts.length);
    for (let index = 0; index < height; index++) {
      const labelPart = label[index];
      const gradePart = gradeParts[index];
      const lineY = y + index * 14;
      if (labelPart !== undefined) rows.push(cells(labelPart, lineY, gradePart));
      else if (gradePart !== undefined) rows.push([run(gradePart, 303, lineY)]);
    }
    y += (height - 1) * 14 + 12;
  }
  rows.push(
    textLine('Children in Anyshire are helped by a settled workforce and by leaders who', y + 35),
    textLine('know their services.', y + 50),
  );
  return rows;
}

test('the facts read from an ILACS report do not change with wrapped grade cells, wrapped items, page breaks, bullets or furniture', () => {
  fc.assert(
    fc.property(
      fc.record({
        leadership: grade,
        helpAndProtection: grade,
        childrenInCare: grade,
        careLeavers: grade,
        overall: grade,
      }),
      fc.record({
        leadership: lines,
        helpAndProtection: lines,
        childrenInCare: lines,
        careLeavers: lines,
        overall: lines,
      }),
      fc.array(item, { minLength: 1, maxLength: 6 }),
      fc.record({
        width: fc.integer({ min: 40, max: 90 }),
        breakAfter: fc.integer({ min: 1, max: 30 }),
        bullet: fc.constantFrom('◼', '\uf06e', '\u2022', '\u25aa'),
        furniture: fc.boolean(),
      }),
      (grades, gradeLines, items, varied) => {
        const pages: TextRun[][][] = [frontPage(grades, gradeLines), [textLine('What needs to improve?', 108)]];
        let y = 108;
        let printed = 0;
        for (const text of items) {
          y += 12;
          for (const [index, part] of wrapWords(text, varied.width).entries()) {
            if (printed++ === varied.breakAfter) {
              pages.push([]);
              y = 90;
            }
            y += 14.5;
            pages[pages.length - 1]!.push(
              index === 0 ? [run(varied.bullet, 72, y, 5), run(part, 89, y)] : textLine(part, y, 89),
            );
          }
        }
        pages[pages.length - 1]!.push(
          textLine('The experiences and progress of children who need help and', y + 40),
          textLine('protection: good', y + 56),
        );
        const withFurniture = pages.map((rows, index) =>
          varied.furniture
            ? [textLine('Anyshire: inspection of children’s services', 40), ...rows, textLine(`${index + 1}`, 810, 290)]
            : rows,
        );
        const read = parseReportText(
          report(...withFurniture.map((rows, index) => page(index + 1, ...rows))),
          'x/2024-07-01.pdf',
        );
        assert.ok(!('error' in read) && !isVisitLetter(read), JSON.stringify(read));
        assert.equal(read.version, 'ILACS-2023');
        assert.deepEqual(
          [read.inspectionStart, read.inspectionEnd, read.leadInspector],
          ['2024-05-06', '2024-05-17', 'Jo Example'],
        );
        assert.deepEqual(read.judgements, { ...grades });
        assert.deepEqual(read.recommendations, items);
        assert.deepEqual(read.warnings, []);
      },
    ),
    { numRuns: 150 },
  );
});
