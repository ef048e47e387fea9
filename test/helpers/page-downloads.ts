/** Reading a page's table downloads in route tests: the links the page gives, and each file's rows. */
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { readWorkbook } from '../../src/documents/index.ts';

export const OGL_ATTRIBUTION =
  'Ofsted inspection reports, Crown copyright, reused under the Open Government Licence v3.0';

/** The download links of one table on the page (`?download=<id>&format=...`), CSV and XLSX. */
export function downloadLinksOf(html: string, id: string): { csv: string | undefined; xlsx: string | undefined } {
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)]
    .map((match) => (match[1] ?? '').replace(/&amp;/g, '&'))
    .filter((href) => new URLSearchParams(href.split('?')[1] ?? '').get('download') === id);
  return {
    csv: hrefs.find((href) => href.endsWith('format=csv')),
    xlsx: hrefs.find((href) => href.endsWith('format=xlsx')),
  };
}

/** The CSV at the address, as objects by column name (the file must be a 200 text/csv attachment). */
export async function csvRows(app: FastifyInstance, url: string): Promise<Record<string, string>[]> {
  const response = await app.inject(url);
  assert.equal(response.statusCode, 200, url);
  assert.match(String(response.headers['content-type']), /^text\/csv/, url);
  assert.match(String(response.headers['content-disposition']), /^attachment; filename=".+\.csv"$/, url);
  return parse(response.body, { columns: true }) as Record<string, string>[];
}

/** The workbook at the address: its About sheet as "label: value" lines, and the table sheet's rows. */
export async function xlsxTable(
  app: FastifyInstance,
  url: string,
): Promise<{ about: string[]; rows: (string | number | null)[][] }> {
  const response = await app.inject(url);
  assert.equal(response.statusCode, 200, url);
  assert.match(String(response.headers['content-disposition']), /^attachment; filename=".+\.xlsx"$/, url);
  const sheets = await readWorkbook(response.rawPayload);
  assert.equal(sheets[0]?.name, 'About', url);
  return {
    about: (sheets[0]?.rows ?? []).map((row) => row.filter((cell) => cell !== null).join(': ')),
    rows: (sheets[1]?.rows ?? []) as (string | number | null)[][],
  };
}
