/**
 * Test support: a whole SIF report built from its facts, in the shape SIF reports are printed
 * (invented wording), with the ways real reports vary as options: where the dates and grade cells
 * wrap, which bullet glyph the LSCB list uses, where a page break falls in a list, running headers.
 * Unit and property tests build fixtures with it and check that the facts read back do not change.
 */
import type { Grade } from '../../src/domain/index.ts';
import type { ReportText } from '../../src/extract/report-text.ts';
import { rowCells as cells, row, rowsReport as report, type Row } from './positioned-text.ts';

export const SIF_GRADE_WORDS: Readonly<Record<Grade, string>> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement to be good',
  inadequate: 'Inadequate',
};

/** The table's rows in print order: label, numbering x, label x. */
const TABLE_ROWS = [
  ['helpAndProtection', '1.', 'Children who need help and protection'],
  ['childrenInCare', '2.', 'Children looked after and achieving permanence'],
  ['adoption', '2.1', 'Adoption performance'],
  ['careLeavers', '2.2', 'Experiences and progress of care leavers'],
  ['leadership', '3.', 'Leadership, management and governance'],
] as const;

export type SifArea = (typeof TABLE_ROWS)[number][0];

export interface SifFacts {
  readonly localAuthority: string;
  /** As printed after "Inspection dates:". */
  readonly datesText: string;
  readonly published: string;
  readonly lead: string;
  readonly overall: Grade;
  readonly grades: Readonly<Record<SifArea, Grade>>;
  readonly lscb: Grade;
  readonly recommendations: readonly string[];
  readonly lscbRecommendations: readonly string[];
}

export interface SifVariation {
  /** Words of the dates text left on the label's line; the rest wraps onto the next line. */
  readonly datesWrapAt?: number;
  /** Lines each grade cell wraps over (1 to 4), per area. */
  readonly gradeLines?: Partial<Readonly<Record<SifArea, number>>>;
  /** Characters of an item on one printed line. */
  readonly lineWidth?: number;
  /** The LA list breaks onto a new page after this many printed lines. */
  readonly laPageBreakAfter?: number;
  /** The glyph before each LSCB item. */
  readonly bullet?: string;
  /** A running header and footer on every page. */
  readonly furniture?: boolean;
  /** The LSCB review as a separately paginated report joined after this one (its own title page and contents). */
  readonly joinedLscbReview?: boolean;
  /** How the team page labels the lead inspector. */
  readonly leadLabel?: 'plain' | 'on-site-beside-author' | 'on-site-below-author';
  /** The LA list in the early SIF shape: "Priority and immediate action" then "Areas for improvement", each introduced. */
  readonly listParts?: boolean;
  /** Item numbers printed on their own baseline, a little above the item's first line. */
  readonly loneNumbers?: boolean;
}

const BODY_LINE = 14.5;
const ITEM_GAP = 12;

/** Splits words into lines of at most `width` characters (a word longer than that stands alone). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && `${current} ${word}`.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

/** Splits a grade's words into `count` lines as evenly as the words allow. */
export function splitWords(text: string, count: number): string[] {
  const words = text.split(' ');
  const parts = Math.max(1, Math.min(count, words.length));
  const lines: string[] = [];
  let start = 0;
  for (let index = 0; index < parts; index++) {
    const end = Math.round(((index + 1) * words.length) / parts);
    lines.push(words.slice(start, end).join(' '));
    start = end;
  }
  return lines;
}

function titlePage(facts: SifFacts, variation: SifVariation): Row[] {
  const rows: Row[] = [
    row(120, 71, facts.localAuthority, 26),
    row(145, 71, 'Inspection of services for children in need of help and', 14.04),
    row(162, 71, 'protection, children looked after and care leavers', 14.04),
  ];
  if (!variation.joinedLscbReview) {
    rows.push(
      row(185, 71, 'and', 14.04),
      row(208, 71, 'Review of the effectiveness of the Local Safeguarding Children', 14.04),
      row(225, 71, 'Board', 14.04),
    );
  }
  const words = facts.datesText.split(' ');
  const wrapAt =
    variation.datesWrapAt === undefined ? words.length : Math.max(0, Math.min(words.length, variation.datesWrapAt));
  rows.push(row(250, 71, `Inspection dates: ${words.slice(0, wrapAt).join(' ')}`.trim(), 14.04));
  let y = 250;
  if (wrapAt < words.length) rows.push(row((y += 17), 71, words.slice(wrapAt).join(' '), 14.04));
  rows.push(row((y += 23), 71, `Report published: ${facts.published}`, 14.04));
  rows.push(
    row(
      (y += 40),
      77,
      `Children’s services in ${facts.localAuthority} are ${SIF_GRADE_WORDS[facts.overall].toLowerCase()}`,
      14.04,
    ),
  );
  y += 30;
  for (const [area, number, label] of TABLE_ROWS) {
    y += 30;
    const indent = number.includes('.') && number.length > 2 ? 124 : 77;
    const grade = splitWords(SIF_GRADE_WORDS[facts.grades[area]], variation.gradeLines?.[area] ?? 1);
    // A wrapped cell is centred on its row's label, each line 7 points from the next.
    const offsets = grade.map((_, index) => (index - (grade.length - 1) / 2) * 7);
    for (const [index, text] of grade.entries()) {
      const offset = offsets[index]!;
      if (Math.abs(offset) < 0.5) rows.push(cells(y, [indent, `${number} ${label}`], [394, text]));
      else rows.push(row(y + offset, 394, text));
    }
    if (!grade.some((_, index) => Math.abs(offsets[index]!) < 0.5)) rows.push(row(y, indent, `${number} ${label}`));
  }
  return rows;
}

/** Numbered items from `firstNumber`, wrapped, with a possible page break; returns the pages' rows. */
function listPages(heading: string, items: readonly string[], firstNumber: number, variation: SifVariation): Row[][] {
  const pages: Row[][] = [[row(105, 71, heading, 14.04)]];
  let y = 105 + 14;
  let printed = 0;
  const newPageIfDue = () => {
    if (printed === variation.laPageBreakAfter) {
      pages.push([]);
      y = 90;
    }
  };
  // The early shape: the first half of the items are priorities, the rest areas for improvement.
  const parts = variation.listParts
    ? new Map([
        [0, ['Priority and immediate action', 'The local authority should take the following action without delay:']],
        [
          Math.ceil(items.length / 2),
          ['Areas for improvement', 'The local authority and its partners should act on the following areas:'],
        ],
      ])
    : new Map<number, string[]>();
  for (const [index, item] of items.entries()) {
    for (const text of parts.get(index) ?? []) {
      newPageIfDue();
      y += ITEM_GAP + BODY_LINE;
      pages[pages.length - 1]!.push(row(y, 71, text));
      printed++;
    }
    y += ITEM_GAP;
    for (const [lineIndex, text] of wrapWords(item, variation.lineWidth ?? 70).entries()) {
      newPageIfDue();
      y += BODY_LINE;
      const page = pages[pages.length - 1]!;
      const number = `${firstNumber + index}.`;
      if (lineIndex > 0) page.push(row(y, 99, text));
      else if (variation.loneNumbers) page.push(row(y - 5, 71, number), row(y, 99, text));
      else page.push(cells(y, [71, number], [99, text]));
      printed++;
    }
  }
  pages[pages.length - 1]!.push(
    row(y + 40, 71, 'Summary for children and young people', 14.04),
    cells(y + 70, [71, '\uf06e'], [89, 'Social workers visit children often and know them well.']),
  );
  return pages;
}

function lscbPage(facts: SifFacts, variation: SifVariation): Row[] {
  const bullet = variation.bullet ?? '\uf06e';
  const rows: Row[] = [
    row(105, 71, 'The Local Safeguarding Children Board (LSCB)', 15.96),
    row(133, 77, `The Local Safeguarding Children Board is ${SIF_GRADE_WORDS[facts.lscb].toLowerCase()}`, 14.04),
    row(170, 77, 'The board knows its partners well and holds them to account.'),
    row(200, 71, 'Recommendations', 14.04),
  ];
  let y = 200 + 6;
  for (const item of facts.lscbRecommendations) {
    y += ITEM_GAP;
    for (const [index, text] of wrapWords(item, variation.lineWidth ?? 70).entries()) {
      y += BODY_LINE;
      rows.push(index === 0 ? cells(y, [71, bullet], [89, text]) : row(y, 89, text));
    }
  }
  // The next section's own bullets follow straight on.
  rows.push(
    row(y + 30, 71, 'Strengths'),
    cells(y + 57, [71, bullet], [89, 'The board is well chaired and meets its statutory duties.']),
  );
  return rows;
}

function teamPage(facts: SifFacts, variation: SifVariation): Row[] {
  const rows = [row(110, 71, 'Information about this inspection', 15.96), row(499, 71, 'The inspection team')];
  switch (variation.leadLabel ?? 'plain') {
    case 'plain':
      return [...rows, row(525, 71, `Lead inspector: ${facts.lead}, HMI`)];
    case 'on-site-beside-author':
      return [
        ...rows,
        cells(525, [71, `Lead inspector on site: ${facts.lead} HMI`], [330, 'Report author: John Sample HMI']),
      ];
    case 'on-site-below-author':
      return [
        ...rows,
        row(525, 71, 'Report author: John Sample HMI'),
        row(545, 71, `Lead inspector (on site): ${facts.lead}, Senior HMI`),
      ];
  }
}

/** The LSCB review as its own report: a title page, a contents page, then the review. */
function joinedReview(facts: SifFacts, variation: SifVariation): Row[][] {
  const title = [
    row(120, 71, `${facts.localAuthority} Safeguarding Children Board`, 26),
    row(145, 71, 'Review of the effectiveness of the Local Safeguarding Children', 14.04),
    row(162, 71, 'Board', 14.04),
    row(185, 71, `Inspection dates: ${facts.datesText}`, 14.04),
  ];
  const contents = [
    row(110, 71, 'Contents', 14.04),
    cells(140, [85, 'Recommendations'], [516, '3']),
    cells(165, [85, 'Strengths'], [516, '4']),
  ];
  return [title, contents, lscbPage(facts, variation)];
}

function withFurniture(pages: Row[][], facts: SifFacts): Row[][] {
  return pages.map((rows) => [
    row(40, 71, `${facts.localAuthority} inspection report`, 9),
    ...rows,
    row(800, 71, 'Ofsted: inspection of children’s services', 9),
  ]);
}

export function sifReport(facts: SifFacts, variation: SifVariation = {}): ReportText {
  const heading = variation.listParts ? 'What does the local authority need to improve?' : 'Recommendations';
  const front = [titlePage(facts, variation), ...listPages(heading, facts.recommendations, 1, variation)];
  const pages = variation.joinedLscbReview
    ? [...front, teamPage(facts, variation), ...joinedReview(facts, variation)]
    : [...front, lscbPage(facts, variation), teamPage(facts, variation)];
  return report(...(variation.furniture ? withFurniture(pages, facts) : pages));
}
