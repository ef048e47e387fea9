/**
 * Letters after ungraded visits: focused visits (ILACS, 2018 onwards), monitoring visits (after an
 * inadequate judgement) and joint targeted area inspections, recognised by their titles. What they
 * share is read the same way: the letter's date, the visit's days, who visited and signed, what was
 * looked at, and the bulleted improvement and priority-action lists. Pure.
 */
import type { LetterKind, LetterWarning, VisitLetter } from '../../domain/index.ts';
import { ExtractionError } from '../extraction-error.ts';
import type { Line } from '../lines.ts';
import type { ReportText } from '../report-text.ts';
import { plain } from './common.ts';
import { readFocus, themeOf } from './letters/focus.ts';
import {
  councilFromSummary,
  councilFromTitle,
  findSummary,
  FOCUSED_VISIT_TITLE,
  JTAI_TITLE,
  MONITORING_VISIT_TITLE,
  readInspectors,
  readLetterDate,
  readNamedLead,
  readSignatory,
  readTitle,
  readVisitDates,
  yearOf,
} from './letters/front-matter.ts';
import { paragraphsOf, type Paragraph } from './letters/paragraphs.ts';
import { findHeading, headingOf, readSectionItems } from './letters/sections.ts';

export type ParsedLetter = Omit<VisitLetter, 'file'>;

/** Lines of the first page the title is looked for in (the address block comes first). */
const TITLE_SEARCH_LINES = 40;
/** A visit longer than this many days, or a letter this long after it, is worth a second look. */
const LONGEST_VISIT_DAYS = 14;
const LONGEST_DAYS_TO_LETTER = 120;
const DAY_MS = 86_400_000;

function firstPage(text: ReportText): Line[] {
  const first = text.lines[0]?.page ?? 1;
  return text.lines.filter((line) => line.page === first);
}

/** The letter's kind from its title, or undefined when the first page is no such letter. */
export function letterKindOf(text: ReportText): LetterKind | undefined {
  const top = firstPage(text)
    .slice(0, TITLE_SEARCH_LINES)
    .map((line) => plain(line.text));
  if (top.some((line) => FOCUSED_VISIT_TITLE.test(line))) return 'focused-visit';
  if (top.some((line) => MONITORING_VISIT_TITLE.test(line))) return 'monitoring-visit';
  if (top.some((line) => JTAI_TITLE.test(line))) return 'jtai';
  const opening = top.join(' ');
  if (/summarises the findings of (?:a|the) focused visit/i.test(opening)) return 'focused-visit';
  if (/summarises the findings of (?:a|the) monitoring visit/i.test(opening)) return 'monitoring-visit';
  if (/joint targeted area inspection/i.test(opening)) return 'jtai';
  return undefined;
}

export const visitLetterParser = {
  name: 'visit-letter',
  recognises: (text: ReportText): boolean => letterKindOf(text) !== undefined,
  parse: parseVisitLetter,
};

export function parseVisitLetter(text: ReportText): ParsedLetter {
  const kind = letterKindOf(text);
  if (!kind)
    throw new ExtractionError(
      'unsupported-report',
      'The first page has no focused visit, monitoring visit or joint targeted area inspection title.',
    );
  const page = firstPage(text);
  const paragraphs = paragraphsOf(text.lines);
  const summary =
    findSummary(paragraphs) ??
    paragraphs.find(
      (paragraph) => /\b(?:visit|inspection)\b.*\d{4}/i.test(paragraph.text) && !/^dear\b/i.test(paragraph.text),
    );
  const letterDate = readLetterDate(page);
  const visit = summary ? readVisitDates(summary.text, yearOf(letterDate)) : undefined;
  if (!visit)
    throw new ExtractionError(
      'unsupported-report',
      `The ${kind} letter gives no visit dates that could be read ("... visit to ... on 1 and 2 October 2019").`,
    );
  const title = readTitle(page);
  const localAuthority =
    (title ? councilFromTitle(title) : undefined) ?? (summary ? councilFromSummary(summary.text) : undefined);
  if (!localAuthority)
    throw new ExtractionError(
      'unsupported-report',
      `The ${kind} letter names no council that could be read in its title or opening sentence.`,
    );

  const summaryText = summary?.text ?? '';
  const inspectors = readInspectors(summaryText);
  const leadInspector = readNamedLead(summaryText) ?? readSignatory(text.lines) ?? null;
  const opening = openingParagraphs(paragraphs, summary);
  const focus = readFocus(opening) ?? null;
  const recommendations = readSectionItems(text.lines, 'improvements');
  const priorityActions = readSectionItems(text.lines, 'priority-actions');
  const letter: ParsedLetter = {
    kind,
    localAuthority,
    letterDate: letterDate ?? null,
    visitStart: visit.start,
    visitEnd: visit.end,
    published: null,
    inspectors,
    leadInspector,
    focus,
    theme: kind === 'focused-visit' ? themeOf(focus ?? undefined) : null,
    covidContext: opening.some((paragraph) => saysVisitWasInCovidContext(paragraph.text)),
    recommendations,
    priorityActions,
    warnings: [],
  };
  return { ...letter, warnings: letterWarnings(letter, text.lines) };
}

/** From the summary to the first section heading: where the letter says what was looked at and how. */
function openingParagraphs(paragraphs: readonly Paragraph[], summary: Paragraph | undefined): Paragraph[] {
  const start = summary ? paragraphs.indexOf(summary) : 0;
  const rest = paragraphs.slice(Math.max(start, 0));
  const end = rest.findIndex((paragraph, index) => index > 0 && headingOf(paragraph.lines[0]!.text) !== undefined);
  return end < 0 ? rest : rest.slice(0, end);
}

/** A sentence of the opening that ties COVID-19 to how the visit itself was carried out. */
export function saysVisitWasInCovidContext(paragraph: string): boolean {
  return plain(paragraph)
    .split(/(?<=\.)\s+/)
    .some(
      (sentence) =>
        /\bcovid|coronavirus|pandemic/i.test(sentence) &&
        /\b(?:this|the) visit\b|\binspection\b|\binspectors?\b|methodology|delivery model/i.test(sentence),
    );
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS;
}

/** The letter's invariants; each one that fails is a warning to check the letter by hand. */
export function letterWarnings(letter: ParsedLetter, lines: readonly Line[]): LetterWarning[] {
  const warnings: LetterWarning[] = [];
  const warn = (code: string, message: string): void => {
    warnings.push({ code, message });
  };
  if (!letter.letterDate) warn('no-letter-date', 'The letter prints no date of its own that could be read.');
  else if (letter.letterDate < letter.visitEnd)
    warn(
      'letter-before-visit',
      `The letter is dated ${letter.letterDate}, before the visit ended (${letter.visitEnd}): one of the printed dates is probably a typo.`,
    );
  else if (daysBetween(letter.visitEnd, letter.letterDate) > LONGEST_DAYS_TO_LETTER)
    warn('letter-long-after-visit', `The letter is dated more than ${LONGEST_DAYS_TO_LETTER} days after the visit.`);
  if (daysBetween(letter.visitStart, letter.visitEnd) > LONGEST_VISIT_DAYS)
    warn(
      'long-visit',
      `The visit runs from ${letter.visitStart} to ${letter.visitEnd}, longer than a visit usually lasts: check the printed dates.`,
    );
  if (letter.inspectors.length === 0) warn('no-inspectors', 'No inspectors could be read from the opening paragraph.');
  if (!letter.leadInspector) warn('no-lead-inspector', 'No lead inspector or signatory could be read.');
  else if (letter.inspectors.length > 0 && !letter.inspectors.includes(letter.leadInspector))
    warn(
      'lead-not-among-inspectors',
      `The signatory ${letter.leadInspector} is not among the inspectors named as visiting.`,
    );
  if (letter.kind === 'focused-visit') {
    if (!letter.focus)
      warn(
        'no-focus',
        'The letter names no area of practice looked at ("arrangements for ..."); the theme is taken as other.',
      );
    const improvementHeading = findHeading(lines, 'improvements');
    if (improvementHeading < 0) warn('no-improvement-section', 'The letter has no "What needs to improve" section.');
    else if (letter.recommendations.length === 0)
      warn('improvements-as-prose', 'The "What needs to improve" section has no bulleted items (written as prose?).');
  }
  if (findHeading(lines, 'priority-actions') >= 0 && letter.priorityActions.length === 0)
    warn(
      'priority-actions-as-prose',
      'The "Areas for priority action" section has no bulleted items (written as prose?).',
    );
  for (const item of [...letter.recommendations, ...letter.priorityActions]) {
    if (item.length < 12) warn('short-item', `A list item is unusually short: "${item}".`);
  }
  return warnings;
}
