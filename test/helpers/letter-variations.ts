/**
 * Test support: a focused-visit letter built from its facts, in the shape Ofsted's letters are
 * printed (invented council, people and wording), with the ways real letters vary as options: where
 * the opening paragraph and the items wrap, which bullet and dash glyphs the lists use, where a page
 * breaks inside the lists, and running headers and footers. Property tests check the facts read
 * back do not change.
 */
import type { PdfPage, TextRun } from '../../src/extract/pdf-text.reader.ts';
import { buildReportText, type ReportText } from '../../src/extract/report-text.ts';
import { run } from './positioned-text.ts';
import { wrapWords } from './sif-report.ts';

export interface LetterItem {
  readonly text: string;
  /** Second-level points printed under the item with a dash; read as part of it. */
  readonly subPoints: readonly string[];
}

export interface LetterFacts {
  /** As printed: "3 March 2024". */
  readonly letterDate: string;
  /** As printed in the opening sentence: "6 and 7 February 2024". */
  readonly visitDays: string;
  readonly inspectors: readonly string[];
  readonly priorityActions: readonly LetterItem[];
  readonly improvements: readonly LetterItem[];
}

export interface LetterVariation {
  /** Characters of the opening paragraph on one printed line (the visit's dates wrap where it falls). */
  readonly openingWidth: number;
  /** Characters of an item on one printed line. */
  readonly itemWidth: number;
  /** The glyph before each item. */
  readonly bullet: string;
  /** The glyph before each second-level point. */
  readonly dash: string;
  /** The body breaks onto a new page after this many printed lines of the lists. */
  readonly pageBreakAfter: number;
  /** A running header and a "Page n of m" footer on every page. */
  readonly furniture: boolean;
}

/** What the reader should give for an item: the item and its points joined by spaces. */
export function itemText(item: LetterItem): string {
  return [item.text, ...item.subPoints].join(' ');
}

const LINE = 14.5;
const PARAGRAPH_GAP = 29;
const PAGE_TOP = 80;
const PAGE_FOOT = 760;
const LEFT = 72;
const TEXT_INDENT = 86;

interface PrintedLine {
  readonly x: number;
  readonly text: string;
  /** A paragraph or an item starts here: a paragraph's gap above it. */
  readonly opens: boolean;
}

function paragraph(lines: readonly string[]): PrintedLine[] {
  return lines.map((text, index) => ({ x: LEFT, text, opens: index === 0 }));
}

function listItem(item: LetterItem, variation: LetterVariation): PrintedLine[] {
  const [first = '', ...rest] = wrapWords(item.text, variation.itemWidth);
  const lines: PrintedLine[] = [
    { x: LEFT, text: `${variation.bullet} ${first}`, opens: true },
    ...rest.map((text) => ({ x: TEXT_INDENT, text, opens: false })),
  ];
  for (const point of item.subPoints) {
    const [head = '', ...wraps] = wrapWords(point, variation.itemWidth - 4);
    lines.push(
      { x: TEXT_INDENT, text: `${variation.dash} ${head}`, opens: false },
      ...wraps.map((text) => ({ x: TEXT_INDENT + 10, text, opens: false })),
    );
  }
  return lines;
}

/** The letter's text, laid out on pages, as the reader gets it from a PDF. */
export function focusedVisitLetter(facts: LetterFacts, variation: LetterVariation): ReportText {
  const [firstInspectors, last] = [facts.inspectors.slice(0, -1), facts.inspectors.at(-1)];
  const names = firstInspectors.length > 0 ? `${firstInspectors.join(', ')} and ${last}` : (last ?? '');
  const opening = `This letter summarises the findings of the focused visit to Exampleshire children’s services on ${facts.visitDays}. His Majesty’s Inspectors for this visit were ${names}.`;
  const front: PrintedLine[] = [
    ...paragraph(['Ofsted', 'Civic Quay T 0300 000 0000']),
    ...paragraph([facts.letterDate]),
    ...paragraph([
      'Pat Example',
      'Director of children’s services',
      'Exampleshire County Council',
      'County Hall',
      'EX1 1AA',
    ]),
    ...paragraph(['Dear Pat Example']),
    ...paragraph(['Focused visit to Exampleshire children’s services']),
    ...paragraph(wrapWords(opening, variation.openingWidth)),
    ...paragraph(
      wrapWords('Inspectors looked at the local authority’s arrangements for care leavers.', variation.openingWidth),
    ),
    ...paragraph(['Headline findings']),
    ...paragraph(
      wrapWords(
        'Care leavers mostly get help from workers who know them well and keep in touch.',
        variation.openingWidth,
      ),
    ),
  ];
  const lists: PrintedLine[] = [
    ...(facts.priorityActions.length > 0
      ? [
          ...paragraph(['Areas for priority action']),
          ...facts.priorityActions.flatMap((item) => listItem(item, variation)),
        ]
      : []),
    ...paragraph(['What needs to improve in this area of social work practice']),
    ...facts.improvements.flatMap((item) => listItem(item, variation)),
  ];
  const closing: PrintedLine[] = [
    ...paragraph(['Main findings']),
    ...paragraph(['Workers keep in touch with care leavers and visit them where they live.']),
    ...paragraph([
      'Ofsted will take the findings from this focused visit into account when planning',
      'your next inspection or visit.',
    ]),
    ...paragraph(['Yours sincerely']),
    ...paragraph([facts.inspectors[0] ?? '', 'His Majesty’s Inspector']),
  ];

  const pages: TextRun[][] = [[]];
  let y = PAGE_TOP;
  const newPage = (): void => {
    pages.push([]);
    y = PAGE_TOP;
  };
  const print = (line: PrintedLine): void => {
    if (line.opens && y > PAGE_TOP) y += PARAGRAPH_GAP - LINE;
    if (y > PAGE_FOOT) newPage();
    pages.at(-1)!.push(run(line.text, line.x, y));
    y += LINE;
  };
  front.forEach(print);
  newPage();
  lists.forEach((line, index) => {
    if (index === variation.pageBreakAfter && index > 0) newPage();
    print(line);
  });
  closing.forEach(print);

  const pdfPages: PdfPage[] = pages.map((runs, index) => ({
    number: index + 1,
    width: 595,
    height: 842,
    runs: [
      ...runs,
      ...(variation.furniture
        ? [
            run('Exampleshire focused visit', LEFT, 40, 150, 9),
            run(`Page ${index + 1} of ${pages.length}`, 480, 810, 60, 9),
          ]
        : [run(String(index + 1), 513, 817, 6, 12)]),
    ],
  }));
  return buildReportText(pdfPages);
}
