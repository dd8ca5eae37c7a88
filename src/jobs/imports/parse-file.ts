import ExcelJS from 'exceljs';
import { checkHeaders } from '../../domain/imports/column-mapping.ts';
import { readCsvRecords } from '../../domain/imports/csv-records.ts';
import { columnLetter, type FileProblem, fileProblem } from '../../domain/imports/file-problems.ts';
import type { ParsedTable, RowError } from '../../domain/imports/import-kind.ts';
import { decodeUtf8Text, detectDelimiter } from '../../domain/imports/text-encoding.ts';

/**
 * Reads an uploaded file into a table of strings: CSV (UTF-8 only, delimiter detected unless
 * the kind fixes it) or XLSX (the first worksheet). The type is decided by the bytes, not by
 * the file name. Row numbers are the ones a spreadsheet shows, the header row being 1.
 */
export type ImportFileType = 'csv' | 'xlsx';

export type ParseResult =
  | { ok: true; table: ParsedTable; delimiter: string | null }
  | { ok: false; problem: FileProblem };

export const FORMULA_MESSAGE = 'Formulas are not accepted — paste values';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** CSV or XLSX by content; anything else is refused with what it seems to be. */
export function detectFileType(
  bytes: Uint8Array,
): { ok: true; type: ImportFileType } | { ok: false; problem: FileProblem } {
  if (bytes.length === 0) return { ok: false, problem: fileProblem('empty', 'The file is empty.') };
  if (startsWith(bytes, ZIP)) {
    const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
    if (head.includes('application/vnd.oasis.opendocument')) {
      return {
        ok: false,
        problem: fileProblem(
          'unsupported_type',
          'This is an OpenDocument file (.ods). Save it as an Excel workbook (.xlsx) or as CSV UTF-8.',
          { type: 'ods' },
        ),
      };
    }
    return { ok: true, type: 'xlsx' };
  }
  if (startsWith(bytes, OLE2)) {
    return {
      ok: false,
      problem: fileProblem(
        'old_xls',
        'This is an old Excel 97–2003 workbook (.xls). Save it as an Excel workbook (.xlsx) or as CSV UTF-8.',
      ),
    };
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) {
    return {
      ok: false,
      problem: fileProblem(
        'unsupported_type',
        'This is not a CSV or XLSX file. Upload a CSV (UTF-8) or XLSX file.',
      ),
    };
  }
  return { ok: true, type: 'csv' };
}

export async function parseImportFile(
  bytes: Uint8Array,
  type: ImportFileType,
  options: { delimiter?: string } = {},
): Promise<ParseResult> {
  return type === 'csv' ? parseCsvFile(bytes, options.delimiter) : parseXlsxFile(bytes);
}

type RawRow = { row: number; cells: string[] };

function parseCsvFile(bytes: Uint8Array, fixedDelimiter?: string): ParseResult {
  const decoded = decodeUtf8Text(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, problem: fileProblem('empty', 'The file is empty.') };
  // A NUL is never text (and PostgreSQL cannot store it): this is a binary file after all.
  if (text.includes('\u0000')) {
    return {
      ok: false,
      problem: fileProblem(
        'unsupported_type',
        'This is not a CSV or XLSX file. Upload a CSV (UTF-8) or XLSX file.',
      ),
    };
  }
  const delimiter = fixedDelimiter ?? detectDelimiter(text);
  const read = readCsvRecords(text, delimiter);
  if (!read.ok) {
    const what =
      read.code === 'quote_not_closed'
        ? 'a quoted cell is not closed (a " is missing)'
        : 'a quoted cell has text after its closing "';
    return {
      ok: false,
      problem: fileProblem('csv_syntax', `Line ${read.line}: ${what}. Check the quotes on that line.`, {
        line: read.line,
      }),
    };
  }
  const records = read.records;
  const rows = records.map((cells, i) => ({ row: i + 1, cells }));
  return buildTable(rows, [], delimiter);
}

/** Turns raw rows into a table: the first non-empty row is the header, empty rows are skipped. */
function buildTable(rawRows: RawRow[], cellProblems: CellProblem[], delimiter: string | null): ParseResult {
  const isEmpty = (r: RawRow) => r.cells.every((c) => c.trim() === '');
  const headerIndex = rawRows.findIndex((r) => !isEmpty(r));
  if (headerIndex < 0) return { ok: false, problem: fileProblem('empty', 'The file is empty.') };
  const headerRow = rawRows[headerIndex]!;
  const dataRows = rawRows.slice(headerIndex + 1).filter((r) => !isEmpty(r));
  // A loop, not Math.max(...rows): spreading a few hundred thousand rows overflows the stack.
  let width = headerRow.cells.length;
  for (const row of dataRows) if (row.cells.length > width) width = row.cells.length;
  const headers = Array.from({ length: width }, (_, i) => (headerRow.cells[i] ?? '').trim());
  // Columns beyond the last named one that hold nothing are not columns.
  let named = headers.length;
  while (named > 0 && headers[named - 1] === '') named--;
  const table: ParsedTable = {
    headers,
    rows: dataRows.map((r) => r.cells),
    rowNumbers: dataRows.map((r) => r.row),
  };
  const headerProblem = checkHeaders(table);
  if (headerProblem) return { ok: false, problem: headerProblem };
  if (named === 0) {
    return {
      ok: false,
      problem: fileProblem('no_header', 'The first row has no column names (a header row is needed).'),
    };
  }
  table.headers = headers.slice(0, named);
  table.rows = table.rows.map((cells) => fitRow(cells, named));
  if (table.rows.length === 0) {
    return {
      ok: false,
      problem: fileProblem('no_rows', 'The file has a header row but no data rows under it.'),
    };
  }
  const problems: RowError[] = cellProblems.map((p) => ({
    row: p.row,
    column:
      p.row === headerRow.row
        ? columnLetter(p.column)
        : table.headers[p.column - 1] || columnLetter(p.column),
    code: p.code,
    message: p.message,
  }));
  if (problems.length) table.problems = problems;
  return { ok: true, table, delimiter };
}

type CellProblem = { row: number; column: number; code: string; message: string };

/**
 * A row cut or padded to the named columns, empty cells as '' (a worksheet row has holes). A
 * CR left at the end of a line (a CRLF file read with LF line ends) is taken off the row's last
 * cell; CRs inside other cells are their text.
 */
function fitRow(cells: string[], width: number): string[] {
  const last = cells.length - 1;
  if (last >= 0 && cells[last]?.endsWith('\r')) cells[last] = cells[last]!.slice(0, -1);
  const fitted = cells.length === width ? cells : cells.slice(0, width);
  for (let i = 0; i < width; i++) if (fitted[i] === undefined) fitted[i] = '';
  return fitted;
}

async function parseXlsxFile(bytes: Uint8Array): Promise<ParseResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its argument as the old (pre-generic) Buffer.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return {
      ok: false,
      problem: fileProblem(
        'not_xlsx',
        'The file is a ZIP archive but not an Excel workbook (.xlsx) that can be read. Save it again as .xlsx or as CSV UTF-8.',
      ),
    };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    return { ok: false, problem: fileProblem('no_worksheet', 'The workbook has no worksheet.') };
  }
  const rows: RawRow[] = [];
  const problems: CellProblem[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const read = readCell(cell);
      if ('problem' in read) problems.push({ row: rowNumber, column, ...read.problem });
      cells[column - 1] = read.text;
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows.push({ row: rowNumber, cells });
  });
  return buildTable(rows, problems, null);
}

type CellRead = { text: string } | { text: string; problem: { code: string; message: string } };

/** One XLSX cell as text: shared and inline strings, rich text, numbers, dates as ISO. */
function readCell(cell: ExcelJS.Cell): CellRead {
  // The cells a merged area covers besides its first are empty, as in Excel's own CSV export.
  if (cell.isMerged && cell.master !== cell) return { text: '' };
  const value = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return { text: '' };
    case ExcelJS.ValueType.Formula:
      return { text: '', problem: { code: 'formula', message: FORMULA_MESSAGE } };
    case ExcelJS.ValueType.Error: {
      const shown = (value as ExcelJS.CellErrorValue).error;
      return { text: '', problem: { code: 'error_value', message: `The cell shows the error ${shown}` } };
    }
    case ExcelJS.ValueType.Date:
      return { text: isoDate(value as Date) };
    case ExcelJS.ValueType.Boolean:
      return { text: value ? 'true' : 'false' };
    case ExcelJS.ValueType.Number:
      return { text: String(value) };
    case ExcelJS.ValueType.RichText:
      return { text: (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('') };
    case ExcelJS.ValueType.Hyperlink: {
      const link = value as ExcelJS.CellHyperlinkValue;
      const text = link.text as unknown;
      if (typeof text === 'string') return { text };
      if (text && typeof text === 'object' && 'richText' in text)
        return { text: (text as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('') };
      return { text: link.hyperlink ?? '' };
    }
    default:
      return { text: typeof value === 'string' ? value : value == null ? '' : String(value) };
  }
}

/** A date without a time of day is a date (2025-03-01); otherwise the full ISO timestamp. */
function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}
