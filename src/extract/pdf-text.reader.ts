/**
 * The only module that touches the PDF library: turns PDF bytes into positioned text runs.
 * Everything after this works on plain data and is pure. pdfjs is loaded on the first read, not on
 * import: a thread that only hands files to the reader's worker threads (the CLI's main thread)
 * never pays for loading it (about 0.5 CPU s and 90 MB).
 */
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ExtractionError } from './extraction-error.ts';
import { MAX_PAGES } from './read-limits.ts';

export interface TextRun {
  readonly text: string;
  /** Left edge in PDF points from the page's left. */
  readonly x: number;
  /** Baseline in points from the page's top (grows downwards, unlike PDF space). */
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly bold: boolean;
}

export interface PdfPage {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly runs: readonly TextRun[];
}

const PDF_MAGIC = '%PDF-';

/** Checks the bytes look like a PDF before the parser sees them. */
export function assertLooksLikePdf(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ExtractionError('empty-file', 'The file is empty.');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1024)));
  if (!head.includes(PDF_MAGIC)) {
    const looksHtml = /<!doctype html|<html/i.test(head);
    throw new ExtractionError(
      'not-a-pdf',
      looksHtml
        ? 'The file is an HTML page, not a PDF (perhaps a "not found" page saved under a .pdf name).'
        : 'The file is not a PDF: it does not start with the %PDF- signature.',
    );
  }
}

interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

type MessageListener = (this: InThreadPort, event: { data: unknown }) => void;

/**
 * The channel between pdfjs's document side and its parsing side, both in this thread. pdfjs's own
 * in-thread channel deep-copies every message (`structuredClone`: about 4% of reading time, all of
 * it on text content that nothing else holds); this one hands each message over as it is, still
 * asynchronously and in order. pdfjs may reassign the fields of a streamed chunk once it is sent
 * (a page's text content gets fresh `items` for the next chunk), so the message and its chunk are
 * copied one level deep: what they hold is never changed after sending.
 */
class InThreadPort {
  readonly #listeners = new Set<MessageListener>();
  postMessage(message: unknown): void {
    const event = { data: detach(message) };
    queueMicrotask(() => {
      for (const listener of this.#listeners) listener.call(this, event);
    });
  }
  addEventListener(type: string, listener: MessageListener): void {
    if (type === 'message') this.#listeners.add(listener);
  }
  removeEventListener(type: string, listener: MessageListener): void {
    if (type === 'message') this.#listeners.delete(listener);
  }
  terminate(): void {
    this.#listeners.clear();
  }
}

function detach(message: unknown): unknown {
  if (!isPlainObject(message)) return message;
  const copy: Record<string, unknown> = { ...message };
  for (const key of ['chunk', 'data']) if (isPlainObject(copy[key])) copy[key] = { ...copy[key] };
  return copy;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

type Pdfjs = typeof PdfjsModule;

let loaded: Promise<{ pdfjs: Pdfjs; worker: PDFWorker }> | undefined;
/** pdfjs, loaded once per thread, with one parsing side reused by every document read there. */
function loadPdfjs(): Promise<{ pdfjs: Pdfjs; worker: PDFWorker }> {
  loaded ??= (async () => {
    const [pdfjs, { WorkerMessageHandler }] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    const port = new InThreadPort();
    WorkerMessageHandler.initializeFromPort(port);
    const worker = pdfjs.PDFWorker.create({ port: port as unknown as Worker, verbosity: pdfjs.VerbosityLevel.ERRORS });
    return { pdfjs, worker };
  })();
  return loaded;
}

/** Loads pdfjs now rather than on the first read (a worker thread does so before it takes files). */
export async function preparePdfReader(): Promise<void> {
  await loadPdfjs();
}

/**
 * Reads every page's text runs. Throws ExtractionError for encrypted or corrupt files, and
 * `too-large` for a file of more pages than any report (before reading any page).
 */
export async function readPdfText(bytes: Uint8Array, maxPages = MAX_PAGES): Promise<PdfPage[]> {
  assertLooksLikePdf(bytes);
  const { pdfjs, worker } = await loadPdfjs();
  const { PasswordException, InvalidPDFException, VerbosityLevel } = pdfjs;
  const loadingTask = pdfjs.getDocument({
    // pdfjs refuses Node Buffers and may detach what it is given: hand it a private copy.
    data: new Uint8Array(bytes),
    worker,
    verbosity: VerbosityLevel.ERRORS,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    let document;
    try {
      document = await loadingTask.promise;
    } catch (error) {
      if (error instanceof PasswordException)
        throw new ExtractionError('encrypted-pdf', 'The PDF is encrypted with a password and cannot be read.');
      if (error instanceof InvalidPDFException)
        throw new ExtractionError('corrupt-pdf', `The PDF is damaged and cannot be read (${error.message}).`);
      throw new ExtractionError('corrupt-pdf', `The PDF cannot be opened: ${(error as Error).message}`);
    }
    if (document.numPages > maxPages) {
      throw new ExtractionError(
        'too-large',
        `The PDF has ${document.numPages.toLocaleString('en-GB')} pages, more than the ${maxPages} a report can plausibly have (the longest have about 70): perhaps several documents joined; it was not read.`,
      );
    }
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      // No Unicode normalisation: the parsers match on plain text (common.ts `plain`) and the corpora
      // read the same without it, and it is about 15% of pdfjs's text-extraction time.
      const content = await page.getTextContent({ disableNormalization: true });
      const boldFonts = new Set<string>();
      for (const [fontName, style] of Object.entries(content.styles)) {
        if (/bold|black|heavy|semibold/i.test(style.fontFamily ?? '')) boldFonts.add(fontName);
      }
      for (const fontName of new Set((content.items as RawTextItem[]).map((item) => item.fontName))) {
        if (boldFonts.has(fontName)) continue;
        try {
          const font = page.commonObjs.has(fontName)
            ? (page.commonObjs.get(fontName) as { name?: string; bold?: boolean })
            : undefined;
          if (font && (font.bold || /bold|black|heavy|semibold|,B\b/i.test(font.name ?? ''))) boldFonts.add(fontName);
        } catch {
          // a font pdfjs could not load is treated as regular weight
        }
      }
      const runs: TextRun[] = [];
      for (const item of content.items as RawTextItem[]) {
        if (typeof item.str !== 'string' || item.str.length === 0) continue;
        const [a, b, , d, e, f] = item.transform as [number, number, number, number, number, number];
        const size = Math.hypot(a, b) || Math.abs(d) || item.height;
        runs.push({
          text: item.str,
          x: round(e),
          y: round(height - f),
          width: round(item.width),
          height: round(size),
          bold: boldFonts.has(item.fontName),
        });
      }
      pages.push({ number, width, height, runs });
      page.cleanup();
    }
    return pages;
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    throw new ExtractionError('corrupt-pdf', `The PDF could not be read: ${(error as Error).message}`);
  } finally {
    await loadingTask.destroy();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
