/**
 * Letters written for the tests in the shape of Ofsted's (invented councils, people and sentences):
 * an address block, a title, an opening paragraph, headed sections with bulleted lists, a signature.
 */
import type { PdfPage, TextRun } from '../../src/extract/pdf-text.reader.ts';
import type { ReportText } from '../../src/extract/report-text.ts';
import { report, run } from './positioned-text.ts';

type Row = TextRun;

function row(y: number, x: number, text: string): TextRun {
  return run(text, x, y);
}

const LINE = 14.5;
const GAP = 29;

/** Lays out paragraphs (arrays of lines) down a page from `top`; a line "• ..." is a bullet, "  ..." its wrap. */
export function page(top: number, ...paragraphs: readonly (readonly string[])[]): Row[] {
  const rows: Row[] = [];
  let y = top;
  for (const paragraph of paragraphs) {
    for (const text of paragraph) {
      const wrap = text.startsWith('  ');
      rows.push(row(y, wrap ? 86 : 72, wrap ? text.trim() : text.replace(/^• /, '\u25fc ')));
      y += LINE;
    }
    y += GAP - LINE;
  }
  return rows;
}

export function letter(...pages: Row[][]): ReportText {
  const pdfPages: PdfPage[] = pages.map((runs, index) => ({
    number: index + 1,
    width: 595,
    height: 842,
    runs: [...runs, run(String(index + 1), 513, 817, 6, 20)],
  }));
  return report(...pdfPages);
}

export const ADDRESS: readonly (readonly string[])[] = [
  ['Ofsted', 'Civic Quay T 0300 000 0000'],
  ['3 March 2024'],
  ['Pat Example', 'Director of children’s services', 'Exampleshire County Council', 'County Hall', 'EX1 1AA'],
  ['Dear Pat Example'],
];

export function focusedVisit(): ReportText {
  return letter(
    page(
      60,
      ...ADDRESS,
      ['Focused visit to Exampleshire children’s services'],
      [
        'This letter summarises the findings of the focused visit to Exampleshire children’s',
        'services on 6 and 7 February 2024. His Majesty’s Inspectors for this visit were Robin',
        'Sample and Alex Placeholder.',
      ],
      [
        'Inspectors looked at the local authority’s arrangements for children in need and',
        'those subject to a child protection plan.',
      ],
      [
        'This visit was carried out in line with the inspection of local authority children’s',
        'services (ILACS) framework.',
      ],
      ['Headline findings'],
      ['Children in Exampleshire mostly get help at the right time from workers who know', 'them well.'],
    ),
    page(
      80,
      ['Areas for priority action'],
      ['The local authority needs to take swift and decisive action to address:'],
      [
        '• The timeliness of visits to children whose plans say they must be seen often,',
        '  so that risk is reviewed.',
      ],
      ['• Management oversight of plans that drift.'],
      ['What needs to improve in this area of social work practice'],
      ['• The quality of written plans, so that families know what must change and by', '  when.'],
      [
        '• The use of family history in assessments:',
        '  \u2013 chronologies kept up to date',
        '  \u2013 earlier concerns weighed.',
      ],
      ['Main findings'],
      ['• Workers see children regularly and record what children say.'],
      [
        'Ofsted will take the findings from this focused visit into account when planning your',
        'next inspection or visit.',
      ],
      ['Yours sincerely'],
      ['Robin Sample', 'His Majesty’s Inspector'],
    ),
  );
}
