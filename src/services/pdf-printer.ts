/**
 * HTML to PDF through Debian's Chromium (playwright-core, never a downloaded browser): A4, tagged
 * (so the PDF has a structure tree for screen readers), with an outline from the headings, the
 * council's name and the date in each page's header and "Page N of M" in its footer. When
 * Chromium is not installed it says so with a typed error instead of failing somewhere inside.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { DomainError } from '../errors.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export class PdfPrinterUnavailableError extends DomainError {
  constructor(executablePath: string, detail?: string) {
    super(
      'pdf-printer-unavailable',
      `Writing a PDF needs Chromium at ${executablePath}, and it ${detail ? `could not be started (${detail})` : 'is not installed'}. Install Debian's chromium package (apt-get install chromium), or write the paper as .docx or .html instead.`,
      503,
    );
    this.name = 'PdfPrinterUnavailableError';
  }
}

export interface PdfPrintOptions {
  readonly executablePath?: string;
  /** Shown at the top of every page: the council's name (left) and the date (right). */
  readonly header: { readonly council: string; readonly date: string };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Whether the printer can run here (for callers that offer PDF only when it can). */
export function pdfPrinterAvailable(executablePath = DEFAULT_CHROMIUM): boolean {
  return existsSync(executablePath);
}

export async function printHtmlToPdf(html: string, options: PdfPrintOptions): Promise<Buffer> {
  const executablePath = options.executablePath ?? DEFAULT_CHROMIUM;
  if (!existsSync(executablePath)) throw new PdfPrinterUnavailableError(executablePath);
  let browser;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    throw new PdfPrinterUnavailableError(executablePath, (error as Error).message.split('\n')[0]);
  }
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    // The page is self-contained: nothing is fetched from anywhere.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const small = 'font-family: Arial, sans-serif; font-size: 8pt; color: #505a5f; width: 100%; margin: 0 20mm;';
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${small} display: flex; justify-content: space-between;"><span>${escapeHtml(options.header.council)}</span><span>${escapeHtml(options.header.date)}</span></div>`,
      footerTemplate: `<div style="${small} text-align: center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
      margin: { top: '22mm', bottom: '20mm', left: '20mm', right: '20mm' },
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
