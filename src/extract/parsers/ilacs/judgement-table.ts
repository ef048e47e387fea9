/**
 * The ILACS judgement table ("Judgement | Grade") read by position: row labels on the left, grade
 * cells in the Grade column. Grade cells may wrap ("Requires improvement / to be good"), sit a few
 * points above or below their label, and the table may run onto the next page. Pure.
 */
import type { Grade, JudgementArea } from '../../../domain/index.ts';
import type { Line } from '../../lines.ts';
import type { TextRun } from '../../pdf-text.reader.ts';
import { joinRuns } from '../../lines.ts';
import { parseGrade, plain } from '../common.ts';

export type IlacsArea = Extract<JudgementArea, 'overall' | 'leadership' | 'helpAndProtection' | 'childrenInCare' | 'careLeavers'>;

export interface JudgementRow {
  readonly label: string;
  readonly area: IlacsArea | undefined;
  /** True for ILACS-2018's joint row "children in care and care leavers". */
  readonly combinedCareRow: boolean;
  /** The grade cell's text as printed, wrapped parts joined. */
  readonly gradeText: string;
  /** Undefined when the cell is empty or says "Not judged". */
  readonly grade: Grade | undefined;
}

const ROW_START = /^(the impact of leaders|the experiences and progress|experiences and progress|overall effectiveness|impact of leaders)/i;
/** Label lines further apart than this (points) belong to different rows or to the text after the table. */
const WRAP_GAP = 20;
/** Grade runs start at the Grade heading's left edge; allow for small misalignment. */
const COLUMN_SLACK = 8;

interface RowBuilder {
  labelParts: string[];
  page: number;
  top: number;
  bottom: number;
  gradeParts: { page: number; y: number; text: string }[];
}

/** Finds the table's heading row: the cells "Judgement" and "Grade". */
function isHeading(line: Line): boolean {
  return /^judgements?\s+grades?$/i.test(plain(line.text));
}

function gradeRunX(line: Line): number | undefined {
  return line.runs.find((run) => /^grades?$/i.test(run.text.trim()))?.x;
}

/** The rows of the first judgement table in the report, or [] when there is none. */
export function readJudgementTable(lines: readonly Line[]): JudgementRow[] {
  const headingIndex = lines.findIndex(isHeading);
  if (headingIndex < 0) return [];
  let gradeX = gradeRunX(lines[headingIndex]!) ?? Infinity;
  const rows: RowBuilder[] = [];
  const strayGrades: { page: number; y: number; text: string }[] = [];
  let lastLabel: { page: number; y: number } | undefined = { page: lines[headingIndex]!.page, y: lines[headingIndex]!.y };

  for (const line of lines.slice(headingIndex + 1)) {
    if (isHeading(line)) {
      gradeX = gradeRunX(line) ?? gradeX;
      continue;
    }
    const labelRuns: TextRun[] = [];
    const gradeRuns: TextRun[] = [];
    for (const run of line.runs) {
      if (!run.text.trim()) continue;
      (run.x >= gradeX - COLUMN_SLACK ? gradeRuns : labelRuns).push(run);
    }
    const label = joinRuns(labelRuns).replace(/\s+/g, ' ').trim();
    const grade = joinRuns(gradeRuns).replace(/\s+/g, ' ').trim();
    const current = rows[rows.length - 1];
    const newPage = lastLabel !== undefined && line.page !== lastLabel.page;
    if (label && ROW_START.test(plain(label))) {
      rows.push({ labelParts: [label], page: line.page, top: line.y, bottom: line.y, gradeParts: [] });
      lastLabel = { page: line.page, y: line.y };
    } else if (label) {
      const continues = current && !newPage && line.page === current.page && line.y - current.bottom <= WRAP_GAP;
      if (!continues) break;
      current.labelParts.push(label);
      current.bottom = line.y;
      lastLabel = { page: line.page, y: line.y };
    } else if (!grade) {
      continue;
    }
    if (grade) strayGrades.push({ page: line.page, y: line.y, text: grade });
  }
  for (const part of strayGrades) nearestRow(rows, part)?.gradeParts.push(part);
  return rows.map(finishRow);
}

/** The row whose label lines are nearest the grade fragment (zero when it sits beside them). */
function nearestRow(rows: readonly RowBuilder[], part: { page: number; y: number }): RowBuilder | undefined {
  let best: RowBuilder | undefined;
  let bestDistance = Infinity;
  for (const row of rows) {
    if (row.page !== part.page) continue;
    const distance = part.y < row.top ? row.top - part.y : part.y > row.bottom ? part.y - row.bottom : 0;
    if (distance < bestDistance) {
      best = row;
      bestDistance = distance;
    }
  }
  return best;
}

function finishRow(row: RowBuilder): JudgementRow {
  const label = row.labelParts.join(' ').replace(/\s+/g, ' ').trim();
  const gradeText = row.gradeParts
    .sort((a, b) => a.y - b.y)
    .map((part) => part.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const { area, combinedCareRow } = areaOfLabel(label);
  // Some files put a row's label and grade in one run; the labels themselves never name a grade.
  const cell = gradeText || label;
  return { label, area, combinedCareRow, gradeText, grade: /not\s+judged/i.test(cell) ? undefined : parseGrade(cell) };
}

/** Which judgement a row label names, in any ILACS version's wording. */
export function areaOfLabel(label: string): { area: IlacsArea | undefined; combinedCareRow: boolean } {
  const text = plain(label).toLowerCase();
  if (/overall effectiveness/.test(text)) return { area: 'overall', combinedCareRow: false };
  if (/impact of leaders/.test(text)) return { area: 'leadership', combinedCareRow: false };
  if (/help and protection|need help/.test(text)) return { area: 'helpAndProtection', combinedCareRow: false };
  if (/children in care and care leavers|children in care and leaving care/.test(text)) return { area: 'childrenInCare', combinedCareRow: true };
  if (/children in care|looked after/.test(text)) return { area: 'childrenInCare', combinedCareRow: false };
  if (/care leavers|care-experienced|leaving care/.test(text)) return { area: 'careLeavers', combinedCareRow: false };
  return { area: undefined, combinedCareRow: false };
}
