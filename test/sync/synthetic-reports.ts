/** Small PDFs in the shape of an ILACS report and of a focused-visit letter, with invented wording. */
import { makePdf, type PdfTextLine } from '../helpers/make-pdf.ts';

export function ilacsReportPdf(
  council: string,
  onSite: { readonly days: string },
  overall: 'Good' | 'Inadequate' | 'Outstanding' = 'Good',
): Uint8Array {
  const front: PdfTextLine[] = [
    { text: `Inspection of ${council} local authority`, y: 156, size: 20 },
    { text: 'children\u2019s services', y: 187, size: 20 },
    { text: `Inspection dates: ${onSite.days}`, y: 216 },
    { text: 'Lead inspector: Pat Example, His Majesty\u2019s Inspector', y: 243 },
    { text: 'Judgement', x: 77, y: 282 },
    { text: 'Grade', x: 303, y: 282 },
    { text: 'The impact of leaders on social work', x: 77, y: 315 },
    { text: overall, x: 303, y: 315 },
    { text: 'practice with children and families', x: 77, y: 329 },
    { text: 'The experiences and progress of', x: 77, y: 356 },
    { text: 'Requires improvement', x: 303, y: 356 },
    { text: 'children who need help and protection', x: 77, y: 371 },
    { text: 'to be good', x: 303, y: 371 },
    { text: 'The experiences and progress of', x: 77, y: 398 },
    { text: 'Good', x: 303, y: 398 },
    { text: 'children in care', x: 77, y: 412 },
    { text: 'The experiences and progress of care', x: 77, y: 439 },
    { text: 'Outstanding', x: 303, y: 439 },
    { text: 'leavers', x: 77, y: 454 },
    { text: 'Overall effectiveness', x: 77, y: 481 },
    { text: overall, x: 303, y: 481 },
    { text: `Children in ${council} are helped by a settled and capable workforce.`, y: 516 },
  ];
  const second: PdfTextLine[] = [
    { text: 'What needs to improve?', y: 108 },
    { text: '\u2022 The timeliness of assessments for children who are referred again.', y: 134 },
    { text: '\u2022 The quality of supervision for social workers.', y: 170 },
  ];
  return makePdf([front, second]);
}

/** A letter under a letter's listing label whose text the reader does not recognise (kept as "not read yet"). */
export function unreadableLetterPdf(council: string, date: string): Uint8Array {
  return makePdf([
    [
      { text: `A note to ${council} about a visit`, y: 120, size: 16 },
      { text: `This note was written after a visit on ${date}.`, y: 160 },
    ],
  ]);
}
