/**
 * Builds small PDFs for tests: pages of text lines in Helvetica at given positions, optionally with
 * an /Encrypt dictionary whose password nobody knows. Written by hand so tests need no PDF tool.
 */
export interface PdfTextLine {
  readonly text: string;
  /** Points from the left edge. */
  readonly x?: number;
  /** Points from the top edge. */
  readonly y: number;
  readonly size?: number;
}

export interface MakePdfOptions {
  /** Adds a standard-security-handler /Encrypt dictionary with a user password that is not empty. */
  readonly encrypted?: boolean;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;

/** WinAnsiEncoding codes of the few non-ASCII characters reports use. */
const WIN_ANSI: Readonly<Record<string, number>> = {
  '\u2019': 0x92,
  '\u2018': 0x91,
  '\u201c': 0x93,
  '\u201d': 0x94,
  '\u2022': 0x95,
  '\u2013': 0x96,
  '\u2014': 0x97,
};

function escapePdfString(text: string): string {
  return text
    .replace(/[\\()]/g, (char) => `\\${char}`)
    .replace(/[^\x20-\x7e]/g, (char) => (WIN_ANSI[char] ? `\\${WIN_ANSI[char].toString(8)}` : '?'));
}

export function makePdf(pages: readonly (readonly PdfTextLine[])[], options: MakePdfOptions = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pageTree = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageIds: number[] = [];
  for (const lines of pages) {
    const stream = lines
      .map(
        (line) =>
          `BT /F1 ${line.size ?? 11} Tf ${line.x ?? 72} ${PAGE_HEIGHT - line.y} Td (${escapePdfString(line.text)}) Tj ET`,
      )
      .join('\n');
    const content = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R >>`;
  objects[pageTree - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const encrypt = options.encrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'5a'.repeat(32)}> /U <${'c3'.repeat(32)}> >>`)
    : undefined;

  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  const id = '<0123456789abcdef0123456789abcdef>';
  body += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [${id} ${id}]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
