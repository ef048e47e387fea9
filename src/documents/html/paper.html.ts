/**
 * A paper's HTML print view (Nunjucks): the same content as its Word document, as one standalone
 * page with its print style sheet inlined (with the page's CSP nonce when served). Pure: the template
 * and the style sheet are in this module, nothing is read.
 */
import nunjucks from 'nunjucks';
import type { PaperContent } from '../paper-content.ts';
import { PAPER_CSS } from './paper.css.ts';
import { PAPER_TEMPLATE } from './paper.template.ts';

export interface PaperHtmlOptions {
  /** The nonce the page's content security policy allows the inline style sheet with. */
  readonly styleNonce?: string;
  readonly iconHref?: string;
  /** Links to the same paper in other formats, shown on screen only. */
  readonly downloads?: readonly { readonly text: string; readonly href: string }[];
}

let template: nunjucks.Template | undefined;

export function writePaperHtml(content: PaperContent, options: PaperHtmlOptions = {}): string {
  if (!template) {
    const environment = new nunjucks.Environment(null, { autoescape: true, trimBlocks: true, lstripBlocks: true });
    environment.addFilter('base64', (bytes: Uint8Array) =>
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    );
    template = nunjucks.compile(PAPER_TEMPLATE, environment);
  }
  return template.render({
    content,
    stylesheet: PAPER_CSS,
    styleNonce: options.styleNonce ?? '',
    iconHref: options.iconHref ?? '',
    downloads: options.downloads ?? [],
  });
}
