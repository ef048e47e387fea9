/**
 * Excel workbooks from a plain description, and back into plain rows. The ONLY module that imports
 * `exceljs` (lint enforces it): its maintenance is uncertain, so everything else speaks in the plain
 * types below and this file can be replaced alone. Pure: description in, bytes out; bytes in, rows out.
 *
 * Written: table sheets (a bold header row, frozen, with an autofilter, column widths, dates as real
 * Excel dates, drop-down lists as data validation) and cover sheets (a title, then key/value rows).
 * Read: every sheet as rows of cell values (text, numbers, booleans, dates as ISO strings, empty as
 * null), `rows[i]` being the sheet's row i + 1, so a reader can name the row a problem is on.
 */
import ExcelJS from 'exceljs';
import { ValidationError } from '../errors.ts';

/** A cell's value. Dates are ISO strings: `YYYY-MM-DD` (a time, when there is one: `YYYY-MM-DDTHH:MM:SS`). */
export type CellValue = string | number | boolean | null;

export interface ColumnSpec {
  readonly header: string;
  /** The column's width in characters. */
  readonly width: number;
  /** `date`: the values are ISO dates (`YYYY-MM-DD`) and are stored as Excel dates. Default: as each value is. */
  readonly type?: 'text' | 'number' | 'date';
  /** A drop-down list of the values a cell may take (list data validation; a blank is allowed). */
  readonly allowed?: readonly string[];
  /** Wrap long text in the column's cells. */
  readonly wrap?: boolean;
}

export interface TableSheetSpec {
  readonly kind: 'table';
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly (readonly CellValue[])[];
}

export interface CoverSheetSpec {
  readonly kind: 'cover';
  readonly name: string;
  readonly title: string;
  /** Key/value rows under the title (and a blank row). */
  readonly entries: readonly (readonly [string, CellValue])[];
}

export type SheetSpec = TableSheetSpec | CoverSheetSpec;

export interface WorkbookSpec {
  /** The document's title (its properties). */
  readonly title: string;
  /** When it was made: an ISO date or date-time, for the document's properties (so the same input gives the same file). */
  readonly created: string;
  readonly sheets: readonly SheetSpec[];
}

export interface ReadSheet {
  readonly name: string;
  /** `rows[i]` is the sheet's row i + 1; every row has the sheet's width; trailing empty rows are left out. */
  readonly rows: readonly (readonly CellValue[])[];
}

export interface ReadLimits {
  /** Files larger than this are refused before they are opened. */
  readonly maxBytes: number;
  /** Sheets with more rows (or columns) than this are refused. */
  readonly maxRows: number;
  readonly maxColumns: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 10_000, maxColumns: 200 };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;
/** Excel's own limits. */
const MAX_SHEET_NAME = 31;
const MAX_CELL_TEXT = 32_767;
const MAX_LIST_FORMULA = 255;
/** New rows typed under the data keep the drop-down list up to this row. */
const VALIDATION_ROWS = 1000;
const DATE_FORMAT = 'dd/mm/yyyy';
/** Points per line of 11-point text: rows holding wrapped text are given a height for their lines, which LibreOffice does not work out itself. */
const LINE_HEIGHT = 15;
const HEADER_FILL = 'FFE8E8E8';

function invalid(message: string): ValidationError {
  return new ValidationError(message, 'invalid-spreadsheet');
}

function isoToDate(text: string, where: string): Date {
  const match = ISO_DATE.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== text)
    throw invalid(`${where}: "${text}" is not a date (YYYY-MM-DD).`);
  return date;
}

function dateToIso(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function checkSheetNames(sheets: readonly SheetSpec[]): void {
  if (sheets.length === 0) throw invalid('A workbook needs at least one sheet.');
  const seen = new Set<string>();
  for (const sheet of sheets) {
    if (sheet.name.trim() === '' || sheet.name.length > MAX_SHEET_NAME || SHEET_NAME_FORBIDDEN.test(sheet.name)) {
      throw invalid(
        `Sheet name "${sheet.name}" is not allowed (1-${MAX_SHEET_NAME} characters, none of [ ] : * ? / \\).`,
      );
    }
    const key = sheet.name.toLowerCase();
    if (seen.has(key)) throw invalid(`Two sheets are named "${sheet.name}".`);
    seen.add(key);
  }
}

function cellValue(value: CellValue, column: ColumnSpec | undefined, where: string): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'number' && !Number.isFinite(value))
    throw invalid(`${where}: ${value} is not a number a spreadsheet can hold.`);
  if (typeof value === 'string' && value.length > MAX_CELL_TEXT)
    throw invalid(`${where}: text longer than ${MAX_CELL_TEXT} characters.`);
  if (column?.allowed && !column.allowed.includes(String(value)))
    throw invalid(`${where}: "${value}" is not one of ${column.allowed.join(', ')}.`);
  if (column?.type === 'date') {
    if (typeof value !== 'string') throw invalid(`${where}: a date column takes ISO dates (YYYY-MM-DD).`);
    return isoToDate(value, where);
  }
  if (column?.type === 'number' && typeof value !== 'number') throw invalid(`${where}: a number column takes numbers.`);
  return value;
}

function listFormula(allowed: readonly string[], where: string): string {
  if (allowed.length === 0) throw invalid(`${where}: a drop-down list needs at least one value.`);
  for (const value of allowed)
    if (value.includes(',') || value.includes('"'))
      throw invalid(`${where}: a drop-down value may not contain a comma or a double quote ("${value}").`);
  const formula = `"${allowed.join(',')}"`;
  if (formula.length > MAX_LIST_FORMULA)
    throw invalid(`${where}: the drop-down list is longer than Excel allows (${MAX_LIST_FORMULA} characters).`);
  return formula;
}

/** exceljs keeps a sheet's data validations by address; its type declarations leave the collection out. */
interface WithDataValidations {
  readonly dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/** The lines a value takes in a wrapped column of `width` characters. */
function linesOf(value: CellValue, width: number): number {
  if (typeof value !== 'string' || value === '') return 1;
  return value
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil((line.length * 1.1) / Math.max(1, width - 1))), 0);
}

function fitHeight(
  row: ExcelJS.Row,
  values: readonly CellValue[],
  widths: readonly { width: number; wrap: boolean }[],
): void {
  const lines = Math.max(
    1,
    ...values.map((value, index) => (widths[index]?.wrap ? linesOf(value, widths[index]?.width ?? 10) : 1)),
  );
  if (lines > 1) row.height = Math.min(409, lines * LINE_HEIGHT);
}

function addTableSheet(workbook: ExcelJS.Workbook, spec: TableSheetSpec): void {
  if (spec.columns.length === 0) throw invalid(`Sheet "${spec.name}" has no columns.`);
  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    // Printed landscape, as wide as the page, the header row on every page.
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
  const widths = spec.columns.map((column) => ({ width: column.width, wrap: column.wrap ?? false }));
  sheet.columns = spec.columns.map((column) => ({
    width: column.width,
    style: {
      alignment: { vertical: 'top', wrapText: column.wrap ?? false },
      ...(column.type === 'date' ? { numFmt: DATE_FORMAT } : {}),
    },
  }));
  const header = sheet.addRow(spec.columns.map((column) => column.header));
  fitHeight(
    header,
    spec.columns.map((column) => column.header),
    widths.map((width) => ({ ...width, wrap: true })),
  );
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
  spec.rows.forEach((row, index) => {
    const rowNumber = index + 2;
    if (row.length > spec.columns.length)
      throw invalid(`Sheet "${spec.name}", row ${rowNumber}: ${row.length} cells for ${spec.columns.length} columns.`);
    const added = sheet.addRow(
      row.map((value, column) =>
        cellValue(value, spec.columns[column], `Sheet "${spec.name}", row ${rowNumber}, column ${column + 1}`),
      ),
    );
    fitHeight(added, row, widths);
  });
  const lastRow = spec.rows.length + 1;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastRow, column: spec.columns.length } };
  spec.columns.forEach((column, index) => {
    if (!column.allowed) return;
    const letter = sheet.getColumn(index + 1).letter;
    const formula = listFormula(column.allowed, `Sheet "${spec.name}", column "${column.header}"`);
    (sheet as unknown as WithDataValidations).dataValidations.add(
      `${letter}2:${letter}${Math.max(lastRow, VALIDATION_ROWS)}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: column.header,
        error: `Choose one of: ${column.allowed.join(', ')}.`,
      },
    );
  });
}

function addCoverSheet(workbook: ExcelJS.Workbook, spec: CoverSheetSpec): void {
  const sheet = workbook.addWorksheet(spec.name, {
    pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const keyWidth = Math.min(40, Math.max(12, ...spec.entries.map(([key]) => key.length + 2)));
  sheet.columns = [
    { width: keyWidth, style: { alignment: { vertical: 'top' } } },
    { width: 70, style: { alignment: { wrapText: true, vertical: 'top', horizontal: 'left' } } },
  ];
  const title = sheet.addRow([spec.title]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([]);
  spec.entries.forEach(([key, value], index) => {
    const row = sheet.addRow([key, cellValue(value, undefined, `Sheet "${spec.name}", row ${index + 3}`)]);
    row.getCell(1).font = { bold: true };
    fitHeight(
      row,
      [key, value],
      [
        { width: keyWidth, wrap: false },
        { width: 70, wrap: true },
      ],
    );
  });
}

/** The workbook described, as .xlsx bytes. A description Excel could not hold is an `invalid-spreadsheet` error. */
export async function writeWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  checkSheetNames(spec.sheets);
  const created = new Date(ISO_DATE.test(spec.created) ? `${spec.created}T00:00:00Z` : spec.created);
  if (Number.isNaN(created.getTime())) throw invalid(`"${spec.created}" is not a date for the workbook's properties.`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'csc-inspections';
  workbook.lastModifiedBy = 'csc-inspections';
  workbook.title = spec.title;
  workbook.created = created;
  workbook.modified = created;
  for (const sheet of spec.sheets) {
    if (sheet.kind === 'table') addTableSheet(workbook, sheet);
    else addCoverSheet(workbook, sheet);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function plainValue(value: ExcelJS.CellValue, where: string): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToIso(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) throw invalid(`${where} holds the error ${value.error}.`);
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : plainValue(value.text as ExcelJS.CellValue, where);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) return null;
    if (typeof result === 'object' && result !== null && 'error' in result)
      throw invalid(`${where} holds the error ${(result as { error: string }).error}.`);
    return plainValue(result as ExcelJS.CellValue, where);
  }
  throw invalid(`${where} holds a value that is not text, a number or a date.`);
}

/** Every sheet of an .xlsx file as plain rows. Anything that is not a readable workbook within the limits is an `invalid-spreadsheet` error. */
export async function readWorkbook(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<ReadSheet[]> {
  if (bytes.byteLength === 0) throw invalid('The file is empty.');
  if (bytes.byteLength > limits.maxBytes)
    throw invalid(`The file is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB.`);
  // An .xlsx file is a zip archive: "PK\x03\x04".
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04)
    throw invalid('The file is not an Excel workbook (.xlsx).');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch (error) {
    throw invalid(
      `The file could not be read as an Excel workbook (.xlsx): ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  if (workbook.worksheets.length === 0)
    throw invalid('The file holds no worksheets: it is not an Excel workbook (.xlsx).');
  return workbook.worksheets.map((sheet) => {
    const rowCount = sheet.actualRowCount === 0 ? 0 : (sheet.lastRow?.number ?? 0);
    const columnCount = sheet.actualColumnCount === 0 ? 0 : sheet.columnCount;
    if (rowCount > limits.maxRows) throw invalid(`Sheet "${sheet.name}" has more than ${limits.maxRows} rows.`);
    if (columnCount > limits.maxColumns)
      throw invalid(`Sheet "${sheet.name}" has more than ${limits.maxColumns} columns.`);
    const rows: CellValue[][] = [];
    for (let number = 1; number <= rowCount; number += 1) {
      const row = sheet.getRow(number);
      const values: CellValue[] = [];
      for (let column = 1; column <= columnCount; column += 1)
        values.push(
          plainValue(row.getCell(column).value, `Sheet "${sheet.name}", cell ${row.getCell(column).address}`),
        );
      rows.push(values);
    }
    while (rows.length > 0 && rows.at(-1)!.every((value) => value === null)) rows.pop();
    return { name: sheet.name, rows };
  });
}
