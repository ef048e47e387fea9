/**
 * Where things are in a SIF report's body: the local authority's recommendations, the LSCB part and
 * its recommendations, the inspection team and the "Previous Ofsted inspections" notes. Pure.
 */
import type { Line } from '../../lines.ts';
import { plain } from '../common.ts';
import { cleanText, isContentsEntry, isLargerThanBody } from './sif-lines.ts';

const LA_LIST_HEADING = /^(?:recommendations|what (?:does )?the local authority needs? to (?:do to )?improve\??)$/i;
const LSCB_LIST_HEADING =
  /^(?:recommendations|what does the (?:lscb|board|local safeguarding children board) need to improve\??|priority actions|priority and immediate actions?|areas for improvement:?)$/i;
const LSCB_SECTION_HEADING =
  /^(?:section 2:? .*(?:safeguarding|lscb)|(?:the )?local safeguarding children board \(lscb\)$|(?:the )?effectiveness of the (?:local safeguarding children board|lscb)$)/i;

/** The section's title without "(LSCB)": a heading only when set larger than the body. */
const LSCB_SECTION_TITLE = /^(?:the )?local safeguarding children board$/i;

function isHeading(line: Line, pattern: RegExp): boolean {
  return !isContentsEntry(line) && pattern.test(cleanText(line));
}

/** Pages that hold the table of contents: their entries repeat the headings without being them. */
export function contentsPages(lines: readonly Line[]): Set<number> {
  return new Set(lines.filter((line) => /^\s*contents\s*$/i.test(line.text)).map((line) => line.page));
}

/** The index where the LSCB's part of a combined report starts, or -1. */
export function findLscbSection(lines: readonly Line[], body: number): number {
  const contents = contentsPages(lines);
  // The first page carries a summary of the LSCB judgement, not the section.
  return lines.findIndex(
    (line) =>
      line.page > 1 &&
      !contents.has(line.page) &&
      (isHeading(line, LSCB_SECTION_HEADING) || (isLargerThanBody(line, body) && isHeading(line, LSCB_SECTION_TITLE))),
  );
}

/** The heading of the local authority's recommendations, before the LSCB part; -1 when none. */
export function findLaListHeading(lines: readonly Line[], lscbSection: number): number {
  const end = lscbSection >= 0 ? lscbSection : lines.length;
  const contents = contentsPages(lines);
  return lines.findIndex(
    (line, index) => index < end && line.page > 1 && !contents.has(line.page) && isHeading(line, LA_LIST_HEADING),
  );
}

/** The heading of the LSCB's recommendations inside its part (from `from`); -1 when none. */
export function findLscbListHeading(lines: readonly Line[], from: number): number {
  const contents = contentsPages(lines);
  return lines.findIndex(
    (line, index) => index > from && !contents.has(line.page) && isHeading(line, LSCB_LIST_HEADING),
  );
}

/**
 * The label of the lead inspector, with the qualifiers some reports print ("Lead inspector on site:",
 * "Lead inspector (on site):"): the on-site lead is the lead inspector.
 */
const LEAD_LABEL = /^lead inspectors?(?:\s*\(?\s*on[- ]site\s*\)?)?\s*(?::\s*(.*)|$)/i;
/** Another role's label printed beside the lead's on the same line ("Report author: ..."). */
const OTHER_ROLE = /\s+(?:report author|author|deputy lead inspector|team inspectors?|inspectors?|senior hmi)\s*:.*$/i;

/** "Lead inspector: Jane Smith, HMI" → "Jane Smith"; two leads are joined with "; ". */
export function readLeadInspector(lines: readonly Line[]): string | null {
  for (const [index, line] of lines.entries()) {
    if (!/^\s*lead inspector/i.test(line.text)) continue;
    const match = LEAD_LABEL.exec(cleanText(line));
    if (!match) continue;
    // The name may stand on the next line when the label is alone on its own.
    const next = lines[index + 1];
    const text = (match[1] ?? (next && next.page === line.page ? cleanText(next) : '')).replace(OTHER_ROLE, '');
    const names = text
      .split(/\s*(?:;|\band\b|&)\s*/)
      .map(personName)
      .filter((name) => name.length > 0);
    if (names.length > 0) return names.join('; ');
  }
  return null;
}

/** A name without the role that follows it: ", HMI", " Senior HMI", " (HMI)", ", Her Majesty's Inspector". */
function personName(text: string): string {
  return plain(text)
    .replace(/\s*\(.*?\)\s*/g, ' ')
    .split(',')[0]!
    .replace(/\s+(?:senior\s+)?(?:hmi|shmi|oi|her majesty['’]s inspector)\.?$/i, '')
    .replace(/[.\s]+$/, '')
    .trim();
}

/**
 * The notes on earlier inspections ("Previous Ofsted inspections"): the lines after that heading, up
 * to the next heading-like line at the left margin.
 */
export function previousInspectionsText(lines: readonly Line[]): string {
  const start = lines.findIndex((line) => /^previous ofsted inspections?$/i.test(cleanText(line)));
  if (start < 0) return '';
  const headingX = lines[start]!.x;
  const parts: string[] = [];
  for (const line of lines.slice(start + 1, start + 30)) {
    const text = cleanText(line);
    if (line.x <= headingX + 1 && text.length < 60 && !/[.,;:]$/.test(text) && !/^[\uf000-\uf0ff\u2022]/.test(text))
      break;
    parts.push(text);
  }
  return parts.join(' ');
}
