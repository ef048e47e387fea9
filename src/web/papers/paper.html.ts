/**
 * A paper's HTML print view (Nunjucks, views/papers/paper.njk): the same content as its Word
 * document, as one standalone page. In the web app it links the print style sheet; written to a
 * file or printed to PDF, the style sheet is inlined so the file stands alone.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type nunjucks from 'nunjucks';
import type { PaperContent } from '../../documents/index.ts';
import { createNunjucks } from '../nunjucks-setup.ts';
import { paths } from '../paths.ts';

const STYLESHEET_FILE = join(dirname(dirname(fileURLToPath(import.meta.url))), 'assets', 'paper.css');
export const PAPER_STYLESHEET_HREF = `${paths.appAssets}/paper.css`;

export interface PaperHtmlOptions {
  /** Inline the style sheet (files and PDF), or link it (the web app, under its CSP). */
  readonly standalone: boolean;
  /** Links to the same paper in other formats, shown on screen only. */
  readonly downloads?: readonly { readonly text: string; readonly href: string }[];
}

let environment: nunjucks.Environment | undefined;
let stylesheet: string | undefined;

export function renderPaperHtml(content: PaperContent, options: PaperHtmlOptions): string {
  environment ??= createNunjucks();
  if (options.standalone) stylesheet ??= readFileSync(STYLESHEET_FILE, 'utf8');
  return environment.render('papers/paper.njk', {
    content,
    inlineStyles: options.standalone ? stylesheet : null,
    stylesheetHref: PAPER_STYLESHEET_HREF,
    downloads: options.downloads ?? [],
  });
}
