/** A focused-visit letter as a real PDF, in the letters' shape (invented council staff and sentences). */
import { makePdf, type PdfTextLine } from './make-pdf.ts';

function lay(top: number, paragraphs: readonly (readonly string[])[]): PdfTextLine[] {
  const lines: PdfTextLine[] = [];
  let y = top;
  for (const paragraph of paragraphs) {
    for (const text of paragraph) {
      const wrap = text.startsWith('  ');
      lines.push({ text: wrap ? text.trim() : text, x: wrap ? 86 : 72, y, size: 11 });
      y += 14;
    }
    y += 14;
  }
  return lines;
}

/** A letter to Norfolk dated `letterDate` ("3 March 2024"), visited on `visitDays` ("6 and 7 February 2024"). */
export function focusedVisitLetterPdf(
  letterDate = '3 March 2024',
  visitDays = '6 and 7 February 2024',
  improvement = 'The quality of written plans, so that families know what must change.',
): Uint8Array {
  return makePdf([
    lay(100, [
      [letterDate],
      ['Pat Example', 'Director of children’s services'],
      ['Dear Pat Example'],
      ['Focused visit to Norfolk children’s services'],
      [
        'This letter summarises the findings of the focused visit to Norfolk children’s services',
        `on ${visitDays}. His Majesty’s Inspectors for this visit were Robin Sample and Alex`,
        'Placeholder.',
      ],
      ['Inspectors looked at the local authority’s arrangements for care leavers.'],
      ['Headline findings'],
      ['Care leavers mostly get help from workers who know them well.'],
      ['Areas for priority action'],
      ['• The suitability of the homes care leavers are offered.'],
      ['What needs to improve in this area of social work practice'],
      [`• ${improvement}`],
      ['• Management oversight of pathway plans.'],
      ['Main findings'],
      ['Workers keep in touch with care leavers.'],
      ['Yours sincerely'],
      ['Robin Sample', 'His Majesty’s Inspector'],
    ]),
  ]);
}
