/**
 * ILACS reports (inspections of local authority children's services, 2018 onwards): front page,
 * judgement table and "What needs to improve". The version follows the judgements the report
 * prints; the kind follows the length of the (first) on-site period. Pure.
 */
import type { FrameworkVersion, InspectionKind, Judgements } from '../../domain/index.ts';
import type { Line } from '../lines.ts';
import type { ReportText } from '../report-text.ts';
import { ExtractionError } from '../extraction-error.ts';
import { parseDayMonthYear, plain, type DateRange } from './common.ts';
import { readLeadInspectors, readCouncilName, readOnSitePeriod } from './ilacs/front-page.ts';
import { readImprovements } from './ilacs/improvements.ts';
import { readJudgementHeadings, type HeadingGrade } from './ilacs/judgement-headings.ts';
import { readJudgementTable, type JudgementRow } from './ilacs/judgement-table.ts';
import type { ParsedReport, ReportParser } from './report-parser.ts';

/** Pages the front matter (title, dates, judgement table) is looked for on. */
const FRONT_PAGES = 2;
/** A short inspection is one week on site (Monday to Friday), a standard one two. */
const LONGEST_SHORT_INSPECTION_DAYS = 7;
/** Working days on site across a split period from which it counts as a standard inspection. */
const FEWEST_STANDARD_WORKING_DAYS = 9;
const DAY_MS = 86_400_000;

const SIF_OR_LSCB_TITLE =
  /inspection of services for children in need of help and protection|review of the effectiveness of the local safeguarding|looked after children services/i;

function frontLines(text: ReportText): Line[] {
  const firstPage = text.lines[0]?.page ?? 1;
  return text.lines.filter((line) => line.page < firstPage + FRONT_PAGES);
}

export const ilacsParser: ReportParser = {
  name: 'ilacs',

  recognises(text) {
    const front = frontLines(text);
    const joined = plain(front.map((line) => line.text).join(' '));
    if (SIF_OR_LSCB_TITLE.test(joined)) return false;
    if (!/inspection dates?\s*:/i.test(joined)) return false;
    const areas = new Set(readJudgementTable(front).map((row) => row.area));
    return areas.has('leadership') && areas.has('helpAndProtection') && areas.has('childrenInCare');
  },

  parse(text): ParsedReport {
    const front = frontLines(text);
    const period = readOnSitePeriod(front);
    if (!period)
      throw new ExtractionError(
        'unsupported-report',
        'The ILACS report prints no on-site dates that could be read ("Inspection dates: ...").',
      );
    const localAuthority = readCouncilName(front);
    if (!localAuthority)
      throw new ExtractionError(
        'unsupported-report',
        'The ILACS report’s title names no local authority that could be read.',
      );
    const tableRows = readJudgementTable(front);
    if (tableRows.length === 0)
      throw new ExtractionError('unsupported-report', 'The ILACS report has no judgement table that could be read.');
    const rows = withHeadingGrades(tableRows, readJudgementHeadings(bodyLines(text)));
    return {
      framework: 'ILACS',
      version: versionOf(rows),
      kind: kindOf(period.parts),
      localAuthority,
      inspectionStart: period.start,
      inspectionEnd: period.end,
      published: printedPublicationDate(front),
      leadInspector: readLeadInspectors(front),
      judgements: judgementsOf(rows),
      recommendations: readImprovements(text.lines),
      lscbRecommendations: [],
      reading: { notJudged: rows.flatMap((row) => (row.notJudged && row.area !== undefined ? [row.area] : [])) },
    };
  },
};

/** The report after its front page, where the judgement headings stand. */
function bodyLines(text: ReportText): Line[] {
  const firstPage = text.lines[0]?.page ?? 1;
  return text.lines.filter((line) => line.page > firstPage);
}

/**
 * Adds the body headings' grades for areas the table has no row or no readable grade for (a table
 * row that says "Not judged" stays unjudged).
 */
export function withHeadingGrades(rows: readonly JudgementRow[], headings: readonly HeadingGrade[]): JudgementRow[] {
  const settled = rows.filter((row) => row.grade !== undefined || row.notJudged);
  const open = rows.filter((row) => !settled.includes(row));
  const fromHeadings = headings
    .filter((heading) => !settled.some((row) => row.area === heading.area))
    .map((heading): JudgementRow => {
      const row = open.find((candidate) => candidate.area === heading.area);
      return {
        label: row?.label ?? '',
        area: heading.area,
        combinedCareRow: row?.combinedCareRow ?? heading.combinedCareRow,
        gradeText: heading.grade,
        grade: heading.grade,
        notJudged: false,
      };
    });
  const filled = new Set(fromHeadings.map((row) => row.area));
  return [...settled, ...open.filter((row) => !filled.has(row.area)), ...fromHeadings];
}

/** ILACS-2018 judges children in care and care leavers together; ILACS-2026 has no overall effectiveness. */
export function versionOf(rows: readonly JudgementRow[]): FrameworkVersion {
  if (rows.some((row) => row.combinedCareRow)) return 'ILACS-2018';
  const overall = rows.find((row) => row.area === 'overall');
  return overall ? 'ILACS-2023' : 'ILACS-2026';
}

/**
 * A short inspection is one week on site, a standard one two. A split period is standard when its
 * first part alone is longer than a week or its parts add up to nearly two weeks of working days
 * (a short inspection with a brief return visit stays short).
 */
export function kindOf(parts: readonly DateRange[]): InspectionKind {
  const [first] = parts;
  if (!first) throw new ExtractionError('unsupported-report', 'The ILACS report prints no on-site period.');
  if (calendarDays(first) > LONGEST_SHORT_INSPECTION_DAYS) return 'ilacs-standard';
  const workingDays = parts.reduce((total, part) => total + weekdays(part), 0);
  return workingDays >= FEWEST_STANDARD_WORKING_DAYS ? 'ilacs-standard' : 'ilacs-short';
}

function calendarDays(range: DateRange): number {
  return (Date.parse(range.end) - Date.parse(range.start)) / DAY_MS + 1;
}

function weekdays(range: DateRange): number {
  let count = 0;
  for (let time = Date.parse(range.start); time <= Date.parse(range.end); time += DAY_MS) {
    const day = new Date(time).getUTCDay();
    if (day !== 0 && day !== 6) count++;
  }
  return count;
}

export function judgementsOf(rows: readonly JudgementRow[]): Judgements {
  const judgements: Judgements = {};
  for (const row of rows) {
    if (row.area && row.grade && judgements[row.area] === undefined) judgements[row.area] = row.grade;
  }
  return judgements;
}

/** ILACS reports print no publication date as a rule; read one when a report does. */
function printedPublicationDate(lines: readonly Line[]): string | null {
  const line = lines.find((candidate) => /^(report )?published\s*:/i.test(plain(candidate.text)));
  return line ? (parseDayMonthYear(line.text) ?? null) : null;
}
