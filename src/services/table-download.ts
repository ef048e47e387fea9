/**
 * A public page's table as a file: the plain shape the web builds, and its Excel workbook (through
 * src/documents/spreadsheet.ts, the one module that writes XLSX). Every file says the date its
 * table is as at, the basis of its figures and Ofsted's attribution under the OGL.
 */
import { writeWorkbook, type CellValue } from '../documents/index.ts';

export const ATTRIBUTION = 'Ofsted inspection reports, Crown copyright, reused under the Open Government Licence v3.0';
export const OGL_URL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

export type Cell = string | number | null;

export interface DownloadTable {
  /** The table's id in `?download=` and the start of the file name. */
  readonly id: string;
  /** What the table is, in words (the workbook's title). */
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** What every file says about the figures. */
export interface DownloadContext {
  readonly asAt: string;
  /** How the figures are counted, in words (for example "latest inspection published by the date"). */
  readonly basis: string;
}

/** Excel's sheet names: 31 characters at most, none of [ ] : * ? / \. */
function sheetName(id: string): string {
  return id.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'table';
}

/** The table as a workbook: a cover sheet (title, as at, basis, source, licence) and the table itself. */
export async function tableXlsx(table: DownloadTable, context: DownloadContext, created: string): Promise<Buffer> {
  const widths = table.columns.map((column, index) =>
    Math.min(60, Math.max(column.length, ...table.rows.map((row) => String(row[index] ?? '').length)) + 2),
  );
  return writeWorkbook({
    title: table.title,
    created,
    sheets: [
      {
        kind: 'cover',
        name: 'About',
        title: table.title,
        entries: [
          ['As at', context.asAt],
          ['Basis', context.basis],
          ['Source', ATTRIBUTION],
          ['Licence', OGL_URL],
        ],
      },
      {
        kind: 'table',
        name: sheetName(table.id),
        columns: table.columns.map((header, index) => ({ header, width: widths[index] ?? 12 })),
        rows: table.rows.map((row) => row.map((cell): CellValue => cell)),
      },
    ],
  });
}
