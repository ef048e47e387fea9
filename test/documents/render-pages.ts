/**
 * For the tests that let a person look: a .docx converted to PDF by LibreOffice (headless, with its
 * own profile so parallel runs do not collide), and the first pages of a PDF as PNGs (pdftoppm),
 * all under artifacts/papers/. Each says why it cannot run when its program is missing.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { pdfPrinterAvailable } from '../../src/services/pdf-printer.ts';

const run = promisify(execFile);
export const ARTIFACTS_DIR = new URL('../../artifacts/papers/', import.meta.url).pathname;

async function found(program: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${program}`]);
    return true;
  } catch {
    return false;
  }
}

export const libreofficeMissing: string | false = (await found('libreoffice'))
  ? false
  : 'needs LibreOffice (apt-get install libreoffice-writer); .ci/run installs it';
export const pdftoppmMissing: string | false = (await found('pdftoppm'))
  ? false
  : 'needs pdftoppm (apt-get install poppler-utils)';
export const chromiumMissing: string | false = pdfPrinterAvailable()
  ? false
  : 'needs Chromium at /usr/bin/chromium (apt-get install chromium)';

/** LibreOffice's PDF of the document (.docx, or .xlsx with `extension`), written beside it under artifacts/papers/. */
export async function convertWithLibreOffice(
  name: string,
  docx: Buffer,
  extension: 'docx' | 'xlsx' = 'docx',
): Promise<{ pdfPath: string; pdf: Buffer }> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const docxPath = join(ARTIFACTS_DIR, `${name}.${extension}`);
  writeFileSync(docxPath, docx);
  const profile = mkdtempSync(join(tmpdir(), 'csci-lo-'));
  try {
    await run(
      'libreoffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        ARTIFACTS_DIR,
        docxPath,
      ],
      { timeout: 180_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdfPath = join(ARTIFACTS_DIR, `${basename(docxPath, `.${extension}`)}.pdf`);
  return { pdfPath, pdf: readFileSync(pdfPath) };
}

/** PNGs of the first `pages` pages: artifacts/papers/<name>-1.png, -2.png. */
export async function renderFirstPages(name: string, pdfPath: string, pages = 2): Promise<string[]> {
  const prefix = join(ARTIFACTS_DIR, name);
  await run('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', String(pages), pdfPath, prefix], { timeout: 60_000 });
  return Array.from({ length: pages }, (_, index) => `${prefix}-${index + 1}.png`);
}

/** What pdfinfo says of a PDF (pages, tagged), for checks. */
export async function pdfInfo(pdfPath: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [pdfPath]);
  return Object.fromEntries(
    stdout.split('\n').flatMap((line) => {
      const at = line.indexOf(':');
      return at > 0 ? [[line.slice(0, at).trim(), line.slice(at + 1).trim()]] : [];
    }),
  );
}

/** The PDF's text, as pdftotext reads it. */
export async function pdfText(pdfPath: string): Promise<string> {
  return (await run('pdftotext', ['-layout', pdfPath, '-'])).stdout;
}
