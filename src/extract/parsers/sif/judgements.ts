/**
 * SIF judgements: the overall headline and the numbered table on the first page ("1. Children who
 * need help and protection | Requires improvement"), whose grade cells may wrap over several lines
 * above and below the row's label, and the LSCB statement ("The Local Safeguarding Children Board is
 * good"). Pure.
 */
import type { Grade, JudgementArea, Judgements } from '../../../domain/index.ts';
import { lineCells, type Line } from '../../lines.ts';
import { parseGrade, plain } from '../common.ts';
import { cleanText } from './sif-lines.ts';

/** The table's row labels, whole, as SIF prints them (numbering stripped; the in-care label may wrap). */
const ROW_LABELS: readonly [RegExp, JudgementArea][] = [
  [/^overall effectiveness$/i, 'overall'],
  [/^(?:the )?(?:experiences and progress of )?children who need help and protection$/i, 'helpAndProtection'],
  [
    /^(?:the )?(?:experiences and progress of )?children looked after and achieving(?: permanence)?$/i,
    'childrenInCare',
  ],
  [/^adoption performance$/i, 'adoption'],
  [/^(?:the )?experiences and progress of care leavers$/i, 'careLeavers'],
  [/^leadership,? management and governance$/i, 'leadership'],
];

/** A cell that holds only grade words: a grade cell, or one line of a wrapped one. */
const GRADE_WORDS = /^(?:requires?|improvement|to|be|good|inadequate|outstanding|not|judged|\s|\.)+$/i;

const HEADLINE = /^(?:children['’]s services\b|the overall judgement is\b|overall effectiveness\b)/i;

export type { Judgements };

interface Row {
  readonly area: JudgementArea;
  readonly line: Line;
  /** Middle of the label, which may wrap onto a second line. */
  readonly centre: number;
}

/** The label part of a table line: its cells other than grade cells, numbering stripped. */
function labelOf(line: Line): string {
  return plain(
    lineCells(line)
      .filter((cell, index) => index === 0 || !GRADE_WORDS.test(cell.text))
      .map((cell) => cell.text)
      .join(' '),
  ).replace(/^\d(?:\.\d)?\.?\s*/, '');
}

/** The area a whole label names; prose that merely starts with a label's words does not count. */
function areaOf(label: string): JudgementArea | undefined {
  return ROW_LABELS.find(([pattern]) => pattern.test(label))?.[1];
}

/** The line that carries on a wrapped label: just below, indented at least as far, not a grade cell. */
function labelContinuation(lines: readonly Line[], index: number): Line | undefined {
  const line = lines[index]!;
  return lines
    .slice(index + 1)
    .filter((next) => next.y > line.y + 1 && next.y - line.y < line.height * 1.6)
    .find((next) => next.x >= line.x && !GRADE_WORDS.test(lineCells(next)[0]?.text ?? ''));
}

function gradeCells(line: Line, minX: number): { y: number; text: string }[] {
  return lineCells(line)
    .filter((cell) => cell.x >= minX && GRADE_WORDS.test(cell.text))
    .map((cell) => ({ y: line.y, text: cell.text }));
}

/** The table's rows in page order, the first of each area; a label may wrap onto the next line. */
function tableRows(lines: readonly Line[]): Row[] {
  const seen = new Set<JudgementArea>();
  const rows: Row[] = [];
  lines.forEach((line, index) => {
    const label = labelOf(line);
    const next = labelContinuation(lines, index);
    const wrapped = next ? areaOf(`${label} ${labelOf(next)}`) : undefined;
    const area = wrapped ?? areaOf(label);
    if (!area || seen.has(area)) return;
    seen.add(area);
    rows.push({ area, line, centre: wrapped && next ? (line.y + next.y) / 2 : line.y });
  });
  return rows;
}

export interface JudgementTable {
  /** The grades printed; areas printed "Not judged" are left out. */
  readonly judgements: Judgements;
  /** Every area the table has a row for, judged or not. */
  readonly areas: ReadonlySet<JudgementArea>;
}

/** Reads the numbered judgement table of one page. */
export function readJudgementTable(page: readonly Line[]): JudgementTable {
  const lines = [...page].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows = tableRows(lines);
  const areas = new Set(rows.map((row) => row.area));
  if (rows.length === 0) return { judgements: {}, areas };
  // Grade cells stand well to the right of where the labels start.
  const labelLeft = Math.min(...rows.map((row) => row.line.x));
  const minX = labelLeft + 150;
  const top = rows[0]!.centre - 30;
  const bottom = rows[rows.length - 1]!.centre + 30;
  const cells = lines.filter((line) => line.y >= top && line.y <= bottom).flatMap((line) => gradeCells(line, minX));
  const texts = new Map<JudgementArea, string[]>();
  for (const cell of cells) {
    let nearest = rows[0]!;
    for (const row of rows) if (Math.abs(row.centre - cell.y) < Math.abs(nearest.centre - cell.y)) nearest = row;
    texts.set(nearest.area, [...(texts.get(nearest.area) ?? []), cell.text]);
  }
  const judgements: Judgements = {};
  for (const row of rows) {
    const text = (texts.get(row.area) ?? []).join(' ');
    if (/not\s+judged/i.test(text)) continue;
    const grade = parseGrade(text);
    if (grade) judgements[row.area] = grade;
  }
  return { judgements, areas };
}

/**
 * The overall judgement from the headline: "Children's services in X are good", "The overall
 * judgement is requires improvement", wrapped over up to three lines.
 */
export function readHeadline(page: readonly Line[], localAuthority: string): Grade | undefined {
  const lines = [...page].sort((a, b) => a.y - b.y || a.x - b.x);
  const start = lines.findIndex((line) => HEADLINE.test(cleanText(line)));
  if (start < 0) return undefined;
  const first = lines[start]!;
  const parts = [cleanText(first)];
  let previous = first;
  for (const line of lines.slice(start + 1)) {
    if (line.height < first.height * 0.8) continue;
    if (line.y - previous.y > first.height * 1.6 || /^\d/.test(line.text) || parts.length >= 3) break;
    parts.push(cleanText(line));
    previous = line;
  }
  let text = parts.join(' ');
  if (localAuthority) text = text.split(localAuthority).join(' ');
  // Only what follows the subject states the grade: "... are good", "... is that children's services require improvement".
  const verdict = /\b(?:is|are|were|require|requires)\b[\s\S]*$/i.exec(
    text.replace(/^children['’]s services in\s+/i, ''),
  );
  return parseGrade(verdict ? verdict[0] : text);
}

/**
 * "The Local Safeguarding Children Board is good", "The effectiveness of the LSCB requires improvement",
 * "The effectiveness of the Anytown Safeguarding Children Board (ASCB) is good": the board, then its grade.
 */
const LSCB_STATEMENT =
  /^(?:the )?(?:judgement for )?(?:the )?(?:effectiveness of )?(?:the )?(?:local safeguarding children(?:['’]s)?(?: board)?|lscb|(?:[\w'’.-]+ ){1,4}safeguarding children(?:['’]s)? board)(?: \([a-z]+\))?\s+(?:is\s+|are\s+)?(?:judged\s+(?:to\s+be\s+)?)?(requires?\s+improvement|good|inadequate|outstanding)\b/i;

/** The first statement of the LSCB judgement in the lines (each joined with the next), and where it stands. */
export function findLscbStatement(lines: readonly Line[]): { index: number; grade: Grade } | undefined {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const text = cleanText(line);
    if (!/safeguarding children|lscb/i.test(text) && !/^(?:the )?(?:judgement|effectiveness)/i.test(text)) continue;
    const next = lines[index + 1];
    const joined =
      next && next.page === line.page && next.y - line.y < line.height * 2 ? `${text} ${cleanText(next)}` : text;
    const match = LSCB_STATEMENT.exec(joined);
    const grade = match ? parseGrade(match[1]!) : undefined;
    if (grade) return { index, grade };
  }
  return undefined;
}

/** The LSCB judgement from the first statement of it in the lines. */
export function readLscbJudgement(lines: readonly Line[]): Grade | undefined {
  return findLscbStatement(lines)?.grade;
}
