/**
 * Every table on the public pages as a download: one helper. A page builds its tables as data
 * (`DownloadTable`), links each with `downloadLinks`, and answers `?download=<table>&format=csv`
 * with `sendDownload`. Each file carries, on every row, the date the table is as at, the basis its
 * figures use and Ofsted's attribution under the Open Government Licence.
 */
import type { FastifyReply } from 'fastify';
import { todayIso } from '../calendar/index.ts';
import { paths } from '../paths.ts';
import { ATTRIBUTION, tableXlsx, type Cell, type DownloadContext, type DownloadTable } from '../services/index.ts';

export type { DownloadTable };

export const DOWNLOAD_FORMATS = ['csv', 'xlsx'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // Quote when needed, and stop spreadsheet formula injection from any text that starts with = + - @.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The table with as_at, basis and source columns on every row, as CSV (CRLF line ends). */
export function tableCsv(table: DownloadTable, context: DownloadContext): string {
  const lines = [[...table.columns, 'as_at', 'basis', 'source'].map(csvCell).join(',')];
  for (const row of table.rows) lines.push([...row, context.asAt, context.basis, ATTRIBUTION].map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The download asked for in the query, if any: `?download=<table id>&format=csv`. */
export function requestedDownload(query: unknown): { readonly id: string; readonly format: DownloadFormat } | null {
  if (typeof query !== 'object' || query === null) return null;
  const { download, format } = query as Record<string, unknown>;
  if (typeof download !== 'string' || download === '') return null;
  const chosen = DOWNLOAD_FORMATS.find((candidate) => candidate === (format ?? 'csv'));
  return chosen ? { id: download, format: chosen } : null;
}

/** Answers with the table as a file; an unknown table is a 404. */
export async function sendDownload(
  reply: FastifyReply,
  tables: readonly DownloadTable[],
  wanted: { readonly id: string; readonly format: DownloadFormat },
  context: DownloadContext,
): Promise<FastifyReply> {
  const table = tables.find((candidate) => candidate.id === wanted.id);
  if (!table)
    return reply.code(404).type('text/plain; charset=utf-8').send(`There is no table “${wanted.id}” on this page.\n`);
  if (wanted.format === 'xlsx') {
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', `attachment; filename="${table.id}-${context.asAt}.xlsx"`)
      .send(await tableXlsx(table, context, todayIso()));
  }
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${table.id}-${context.asAt}.csv"`)
    .send(tableCsv(table, context));
}

/** The links to a table's downloads, keeping the page's own query (its date and filters). */
export function downloadHrefs(
  path: string,
  query: Record<string, string | undefined>,
  id: string,
): Record<DownloadFormat, string> {
  return Object.fromEntries(
    DOWNLOAD_FORMATS.map((format) => [format, paths.withQuery(path, { ...query, download: id, format })]),
  ) as Record<DownloadFormat, string>;
}
