/**
 * Hostile PDFs for the reader's limits, built small: a compressed content stream that inflates to
 * a given size (a "bomb"), a file of very many pages, and pages that are slow to read because each
 * holds millions of cheap drawing operators. Written by hand so tests need no PDF tool.
 */
import { once } from 'node:events';
import { createDeflate } from 'node:zlib';

const PAGE = '/MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>';
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/** A PDF from numbered object bodies (object 1 is the catalog), with a classic cross-reference table. */
function assemble(objects: readonly (string | Uint8Array)[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [encoder.encode('%PDF-1.4\n')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(length);
    for (const part of [
      encoder.encode(`${index + 1} 0 obj\n`),
      typeof object === 'string' ? encoder.encode(object) : object,
      encoder.encode('\nendobj\n'),
    ]) {
      parts.push(part);
      length += part.length;
    }
  });
  const table = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    encoder.encode(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

function streamObject(dictionary: string, data: Uint8Array): Uint8Array {
  return Buffer.concat([
    Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`),
    data,
    Buffer.from('\nendstream'),
  ]);
}

/** Deflates `repeat` copies of `unit` without ever holding them all in memory. */
async function deflateRepeated(unit: Uint8Array, repeat: number): Promise<Uint8Array> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  for (let count = 0; count < repeat; count++) {
    if (!deflate.write(unit)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(chunks);
}

/**
 * One page whose content stream inflates to `inflatedMb` MB of spaces (about 1 KB on disk per MB),
 * after a line of text.
 */
export async function makeInflateBomb(inflatedMb: number): Promise<Uint8Array> {
  const head = Buffer.from('BT /F1 11 Tf 72 700 Td (A page of nothing) Tj ET\n');
  const body = await deflateRepeated(Buffer.concat([head, Buffer.alloc(1_048_576 - head.length, 0x20)]), inflatedMb);
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    FONT,
    `<< /Type /Page /Parent 2 0 R ${PAGE} /Contents 5 0 R >>`,
    streamObject('/Filter /FlateDecode', body),
  ]);
}

/** `count` pages sharing one short content stream (about 60 bytes on disk per page). */
export function makeManyPages(count: number): Uint8Array {
  const firstPage = 5;
  const kids = Array.from({ length: count }, (_, index) => `${firstPage + index} 0 R`).join(' ');
  const page = `<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>`;
  return assemble([
    `<< /Type /Catalog /Pages 2 0 R >>`,
    `<< /Type /Pages /Kids [${kids}] /Count ${count} ${PAGE} >>`,
    FONT,
    streamObject('', Buffer.from('BT /F1 11 Tf 72 700 Td (A page) Tj ET')),
    ...Array.from({ length: count }, () => page),
  ]);
}

/**
 * `pages` pages that share one content stream of `operators` millions of no-op path operators
 * (small on disk: the stream is compressed), each page slow to read but light on memory.
 */
export async function makeSlowPages(pages: number, operators = 4): Promise<Uint8Array> {
  const unit = Buffer.from('n\n'.repeat(500_000));
  const body = await deflateRepeated(unit, operators * 2);
  const firstPage = 5;
  return assemble([
    `<< /Type /Catalog /Pages 2 0 R >>`,
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, index) => `${firstPage + index} 0 R`).join(' ')}] /Count ${pages} ${PAGE} >>`,
    FONT,
    streamObject('/Filter /FlateDecode', body),
    ...Array.from({ length: pages }, () => `<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>`),
  ]);
}
