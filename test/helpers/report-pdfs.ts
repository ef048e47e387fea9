/** Small report-shaped PDFs for tests, in Ofsted's layout with invented wording. */
import { makePdf, type PdfTextLine } from './make-pdf.ts';

export interface IlacsFixture {
  readonly council: string;
  /** As printed after "Inspection dates:". */
  readonly dates: string;
  readonly lead: string;
}

/** The two pages of a short ILACS-2023 report: front page with the judgement table, then what needs to improve. */
export function ilacsReportPages(fixture: IlacsFixture): PdfTextLine[][] {
  const front: PdfTextLine[] = [
    { text: `Inspection of ${fixture.council} local authority`, y: 156, size: 20 },
    { text: 'children\u2019s services', y: 187, size: 20 },
    { text: `Inspection dates: ${fixture.dates}`, y: 216 },
    { text: `Lead inspector: ${fixture.lead}, His Majesty\u2019s Inspector`, y: 243 },
    { text: 'Judgement', x: 77, y: 282 },
    { text: 'Grade', x: 303, y: 282 },
    { text: 'The impact of leaders on social work', x: 77, y: 315 },
    { text: 'Good', x: 303, y: 315 },
    { text: 'practice with children and families', x: 77, y: 329 },
    { text: 'The experiences and progress of', x: 77, y: 356 },
    { text: 'Good', x: 303, y: 356 },
    { text: 'children who need help and protection', x: 77, y: 371 },
    { text: 'The experiences and progress of', x: 77, y: 398 },
    { text: 'Good', x: 303, y: 398 },
    { text: 'children in care', x: 77, y: 412 },
    { text: 'The experiences and progress of care', x: 77, y: 439 },
    { text: 'Good', x: 303, y: 439 },
    { text: 'leavers', x: 77, y: 454 },
    { text: 'Overall effectiveness', x: 77, y: 481 },
    { text: 'Good', x: 303, y: 481 },
    { text: `Children in ${fixture.council} get steady help from a stable workforce.`, y: 516 },
  ];
  const second: PdfTextLine[] = [
    { text: 'What needs to improve?', y: 108 },
    { text: '\u2022 How quickly plans for children in care are reviewed.', y: 134 },
    { text: 'The experiences and progress of children in care: good', y: 180 },
    { text: 'Most children live with carers who know them well.', y: 204 },
  ];
  return [front, second];
}

export function ilacsReportPdf(fixture: IlacsFixture): Uint8Array {
  return makePdf(ilacsReportPages(fixture));
}
