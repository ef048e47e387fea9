/**
 * The ILACS judgement table ("Judgement | Grade") read by position: row labels on the left, grade
 * cells in the Grade column. Grade cells may wrap ("Requires improvement / to be good"), sit a few
 * points above or below their label, and the table may run onto the next page. Pure.
 */
import type { Grade, JudgementArea } from '../../../domain/index.ts';
import { joinRuns, type Line } from '../../lines.ts';
import type { TextRun } from '../../pdf-text.reader.ts';
import { parseGrade, plain } from '../common.ts';

export type IlacsArea = Extract<
  JudgementArea,
  'overall' | 'leadership' | 'helpAndProtection' | 'childrenInCare' | 'careLeavers'
>;

export interface JudgementRow {
  readonly label: string;
  readonly area: IlacsArea | undefined;
  /** True for ILACS-2018's joint row "children in care and care leavers". */
  readonly combinedCareRow: boolean;
  /** The grade cell's text as printed, wrapped parts joined. */
  readonly gradeText: string;
  /** Undefined when the cell is empty or says "Not judged". */
  readonly grade: Grade | undefined;
  /** The cell says "Not judged". */
  readonly notJudged: boolean;
}

const ROW_START = /^(?:the )?(?:impact of leaders|experiences (?:and progress )?of|overall effectiveness)/i;
/** Label lines further apart than this (points) belong to different rows or to the text after the table. */
const WRAP_GAP = 20;
/** Grade runs start at the Grade heading's left edge; allow for small misalignment. */
const COLUMN_SLACK = 8;

/** Where a row's label lines stand on one page (a row split by a page break has two spans). */
interface Span {
  readonly page: number;
  readonly top: number;
  bottom: number;
}

interface RowBuilder {
  labelParts: string[];
  spans: Span[];
  gradeParts: { page: number; y: number; text: string }[];
}

/** Finds the table's heading row: the cells "Judgement" and "Grade". */
function isHeading(line: Line): boolean {
  return /^judgements?\s+grades?$/i.test(plain(line.text));
}

function gradeRunX(line: Line): number | undefined {
  return line.runs.find((run) => /^grades?$/i.test(run.text.trim()))?.x;
}

const GRADE_WORD = /^(outstanding|good|requires|inadequate|not\s+judged)\b/i;
/** How far below the first row a table without a heading row is looked for. */
const HEADLESS_TABLE_LINES = 20;

/**
 * Where the table starts and where its Grade column begins: at the "Judgement | Grade" heading, or,
 * when a report prints no heading row, at the first row label, with the column at the leftmost
 * grade word standing well right of the labels.
 */
function locateTable(lines: readonly Line[]): { start: number; gradeX: number } | undefined {
  const headingIndex = lines.findIndex(isHeading);
  if (headingIndex >= 0) {
    const gradeX = gradeRunX(lines[headingIndex]!);
    return gradeX === undefined ? undefined : { start: headingIndex + 1, gradeX };
  }
  const firstRow = lines.findIndex((line) => ROW_START.test(plain(line.text)));
  if (firstRow < 0) return undefined;
  const labelX = lines[firstRow]!.x;
  const gradeXs = lines
    .slice(firstRow, firstRow + HEADLESS_TABLE_LINES)
    .filter((line) => line.page === lines[firstRow]!.page)
    .flatMap((line) =>
      line.runs.filter((run) => run.x > labelX + 100 && GRADE_WORD.test(run.text.trim())).map((run) => run.x),
    );
  return gradeXs.length > 0 ? { start: firstRow, gradeX: Math.min(...gradeXs) } : undefined;
}

/** The rows of the first judgement table in the report, or [] when there is none. */
export function readJudgementTable(lines: readonly Line[]): JudgementRow[] {
  const table = locateTable(lines);
  if (!table) return [];
  let gradeX = table.gradeX;
  const rows: RowBuilder[] = [];
  const strayGrades: { page: number; y: number; text: string }[] = [];
  const startLine = lines[table.start - 1] ?? lines[table.start]!;
  let lastLabel = { page: startLine.page, y: startLine.y };

  for (const line of lines.slice(table.start)) {
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
    const span = current?.spans[current.spans.length - 1];
    const newPage = line.page !== lastLabel.page;
    if (label && ROW_START.test(plain(label))) {
      rows.push({ labelParts: [label], spans: [{ page: line.page, top: line.y, bottom: line.y }], gradeParts: [] });
      lastLabel = { page: line.page, y: line.y };
    } else if (label) {
      // A label wraps onto the next line close below, or onto the top of the next page when the
      // page breaks inside the row (then the line stays within the label column, unlike prose).
      const wrapsOnPage = current && span && !newPage && line.page === span.page && line.y - span.bottom <= WRAP_GAP;
      const wrapsOverPage =
        current &&
        span &&
        newPage &&
        line.page === span.page + 1 &&
        labelRuns.every((run) => run.x + run.width < gradeX - COLUMN_SLACK);
      if (!current || (!wrapsOnPage && !wrapsOverPage)) break;
      if (wrapsOverPage) current.spans.push({ page: line.page, top: line.y, bottom: line.y });
      else span!.bottom = line.y;
      current.labelParts.push(label);
      lastLabel = { page: line.page, y: line.y };
    } else if (!grade) {
      continue;
    }
    if (grade) strayGrades.push({ page: line.page, y: line.y, text: grade });
  }
  for (const part of strayGrades) nearestRow(rows, part)?.gradeParts.push(part);
  return rows.map(finishRow);
}

/**
 * The row whose label lines are nearest the grade fragment (zero when it sits beside them). A
 * fragment on a page with no row label belongs to a row split from it by the page break: the last
 * earlier row still without a grade.
 */
function nearestRow(rows: readonly RowBuilder[], part: { page: number; y: number }): RowBuilder | undefined {
  const onPage = (row: RowBuilder) => row.spans.filter((span) => span.page === part.page);
  if (!rows.some((row) => onPage(row).length > 0)) {
    return [...rows].reverse().find((row) => row.spans[0]!.page < part.page && row.gradeParts.length === 0);
  }
  let best: RowBuilder | undefined;
  let bestDistance = Infinity;
  for (const row of rows) {
    for (const span of onPage(row)) {
      const distance = part.y < span.top ? span.top - part.y : part.y > span.bottom ? part.y - span.bottom : 0;
      if (distance < bestDistance) {
        best = row;
        bestDistance = distance;
      }
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
  const notJudged = /not\s+judged/i.test(cell);
  return { label, area, combinedCareRow, gradeText, grade: notJudged ? undefined : parseGrade(cell), notJudged };
}

/** Which judgement a row label names, in any ILACS version's wording. */
export function areaOfLabel(label: string): { area: IlacsArea | undefined; combinedCareRow: boolean } {
  const text = plain(label).toLowerCase();
  if (/overall effectiveness/.test(text)) return { area: 'overall', combinedCareRow: false };
  if (/impact of leaders/.test(text)) return { area: 'leadership', combinedCareRow: false };
  if (/help and protection|need help/.test(text)) return { area: 'helpAndProtection', combinedCareRow: false };
  if (/children in care and care leavers|children in care and leaving care/.test(text))
    return { area: 'childrenInCare', combinedCareRow: true };
  if (/children in care|looked after/.test(text)) return { area: 'childrenInCare', combinedCareRow: false };
  if (/care leavers|care-experienced|leaving care/.test(text)) return { area: 'careLeavers', combinedCareRow: false };
  return { area: undefined, combinedCareRow: false };
}
