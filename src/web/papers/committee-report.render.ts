/** The committee report in each format councils use: Word (.docx), the HTML print view, and PDF printed from it. */
import { committeeReportContent, writePaperDocx, type CommitteeReportData } from '../../documents/index.ts';
import { renderPaperHtml } from './paper.html.ts';
import { printHtmlToPdf } from './pdf-printer.ts';

export const PAPER_FORMATS = ['docx', 'html', 'pdf'] as const;
export type PaperFormat = (typeof PAPER_FORMATS)[number];

export const PAPER_CONTENT_TYPES: Readonly<Record<PaperFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

export interface RenderedPaper {
  readonly format: PaperFormat;
  readonly contentType: string;
  readonly body: Buffer;
  /** A file name for downloads: "Derby-committee-report-2017-06-13.docx". */
  readonly fileName: string;
}

export function paperFileName(data: CommitteeReportData, format: PaperFormat): string {
  return `${data.council.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}-committee-report-${data.inspection.published}.${format}`;
}

export async function renderCommitteeReport(data: CommitteeReportData, format: PaperFormat, options: { readonly chromiumPath?: string } = {}): Promise<RenderedPaper> {
  const content = committeeReportContent(data);
  let body: Buffer;
  if (format === 'docx') body = await writePaperDocx(content);
  else if (format === 'html') body = Buffer.from(renderPaperHtml(content, { standalone: true }), 'utf8');
  else body = await printHtmlToPdf(renderPaperHtml(content, { standalone: true }), { header: content.header, executablePath: options.chromiumPath });
  return { format, contentType: PAPER_CONTENT_TYPES[format], body, fileName: paperFileName(data, format) };
}
