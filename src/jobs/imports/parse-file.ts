import type ExcelJS from 'exceljs';
import { checkHeaders } from '../../domain/imports/column-mapping.ts';
import { type CsvNewline, readCsvBatches } from '../../domain/imports/csv-records.ts';
import { columnLetter, type FileProblem, fileProblem } from '../../domain/imports/file-problems.ts';
import type { RowError } from '../../domain/imports/import-kind.ts';
import { decodeUtf8Text, detectDelimiter } from '../../domain/imports/text-encoding.ts';

/**
 * Reads an uploaded file into a table of strings: CSV (UTF-8 only, delimiter detected unless
 * the kind fixes it) or XLSX (the first worksheet). The type is decided by the bytes, not by
 * the file name. Row numbers are the ones a spreadsheet shows, the header row being 1.
 */
export type ImportFileType = 'csv' | 'xlsx';

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

/** Data rows of a file, a batch at a time: `rowNumbers[i]` is the spreadsheet's number of rows[i]. */
export type TableBatch = { rows: string[][]; rowNumbers: number[]; fraction: number };

/** `records`: the number of the file's last record, empty ones and the header included. */
export type ReadResult =
  | { ok: true; rowCount: number; records: number }
  | { ok: false; problem: FileProblem };

/**
 * A file opened for import: its header row, and its data rows read batch by batch, so that a
 * file of a million rows is checked as it is read instead of all its cells staying in memory.
 * Empty rows are skipped, rows are cut or padded to the named columns (empty cells as ''). A
 * problem of the whole file that only its rows show (a value under no header, no data rows, a
 * CSV quote never closed) ends `read` with that problem; the caller stores nothing then.
 */
export type ImportFile = {
  headers: string[];
  delimiter: string | null;
  /** Cells the parser refused (an XLSX formula …), known when the file is opened. */
  problems: RowError[];
  /** Visits every data row once; call it once. `fraction` is how much of the file is read. */
  read(visit: (batch: TableBatch) => void | Promise<void>): Promise<ReadResult>;
};

export type OpenResult = { ok: true; file: ImportFile } | { ok: false; problem: FileProblem };

/**
 * The later part of a CSV file read in two parts (reader/): its records are data under the
 * file's `headers`, numbered from 1, read with the line breaks of the file's start. The headers
 * come from the first part's thread: the part is decoded while they are on their way.
 */
export type CsvPart = { headers: Promise<string[]>; newline: CsvNewline };

export async function openImportFile(
  bytes: Uint8Array,
  type: ImportFileType,
  options: { delimiter?: string; part?: CsvPart } = {},
): Promise<OpenResult> {
  return type === 'csv' ? openCsvFile(bytes, options.delimiter, options.part) : openXlsxFile(bytes);
}

/** Raw records as the file holds them; `rowNumbers` when they are not `first`, `first + 1` … */
type RawBatch = { records: string[][]; first: number; rowNumbers?: number[]; fraction: number };

async function openCsvFile(bytes: Uint8Array, fixedDelimiter?: string, part?: CsvPart): Promise<OpenResult> {
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
  function* batches(): Generator<RawBatch | FileProblem> {
    for (const batch of readCsvBatches(text, delimiter, undefined, part?.newline)) {
      if (batch.ok) {
        yield { records: batch.records, first: batch.first, fraction: batch.fraction };
        continue;
      }
      const what =
        batch.code === 'quote_not_closed'
          ? 'a quoted cell is not closed (a " is missing)'
          : 'a quoted cell has text after its closing "';
      yield fileProblem('csv_syntax', `Line ${batch.line}: ${what}. Check the quotes on that line.`, {
        line: batch.line,
      });
    }
  }
  return openTable(batches(), [], delimiter, part ? await part.headers : undefined);
}

function isEmptyRecord(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i]!.trim() !== '') return false;
  return true;
}
const isProblem = (item: RawBatch | FileProblem): item is FileProblem => !('records' in item);

/**
 * The table of raw records: the first non-empty row is the header, empty rows are skipped,
 * columns beyond the last named one are not columns. Reads on until the header is found.
 */
function openTable(
  source: Iterator<RawBatch | FileProblem>,
  cellProblems: CellProblem[],
  delimiter: string | null,
  givenHeaders?: string[],
): OpenResult {
  let header: { cells: string[]; row: number } | null = givenHeaders ? { cells: givenHeaders, row: 0 } : null;
  let pending: RawBatch | null = null;
  if (givenHeaders) {
    const next = source.next();
    if (next.done)
      return { ok: false, problem: fileProblem('no_rows', 'This part of the file has no rows.') };
    if (isProblem(next.value)) return { ok: false, problem: next.value };
    pending = next.value;
  }
  while (!header) {
    const next = source.next();
    if (next.done) return { ok: false, problem: fileProblem('empty', 'The file is empty.') };
    if (isProblem(next.value)) return { ok: false, problem: next.value };
    const batch = next.value;
    const at = batch.records.findIndex((cells) => !isEmptyRecord(cells));
    if (at < 0) continue;
    header = { cells: batch.records[at]!, row: batch.rowNumbers?.[at] ?? batch.first + at };
    pending = {
      records: batch.records.slice(at + 1),
      first: batch.first + at + 1,
      ...(batch.rowNumbers ? { rowNumbers: batch.rowNumbers.slice(at + 1) } : {}),
      fraction: batch.fraction,
    };
  }
  const written = header.cells.map((c) => c.trim());
  // Columns beyond the last named one that hold nothing are not columns.
  let named = written.length;
  while (named > 0 && written[named - 1] === '') named--;
  if (named === 0) {
    return {
      ok: false,
      problem: fileProblem('no_header', 'The first row has no column names (a header row is needed).'),
    };
  }
  const headers = written.slice(0, named);
  const headerRow = header.row;
  const columns = new TableColumns(headers);
  const problems: RowError[] = cellProblems.map((p) => ({
    row: p.row,
    column: p.row === headerRow ? columnLetter(p.column) : headers[p.column - 1] || columnLetter(p.column),
    code: p.code,
    message: p.message,
  }));
  let used = false;
  const read = async (visit: (batch: TableBatch) => void | Promise<void>): Promise<ReadResult> => {
    if (used) throw new Error('An import file is read once');
    used = true;
    let rowCount = 0;
    let records = headerRow;
    for (let batch = pending, next = source.next(); batch; ) {
      const last = batch.records.length - 1;
      if (last >= 0) records = batch.rowNumbers?.[last] ?? batch.first + last;
      const rows: string[][] = [];
      const rowNumbers: number[] = [];
      for (let i = 0; i < batch.records.length; i++) {
        const cells = batch.records[i]!;
        if (isEmptyRecord(cells)) continue;
        columns.see(cells);
        rows.push(fitRow(cells, named));
        rowNumbers.push(batch.rowNumbers?.[i] ?? batch.first + i);
      }
      rowCount += rows.length;
      if (rows.length) await visit({ rows, rowNumbers, fraction: batch.fraction });
      if (next.done) break;
      if (isProblem(next.value)) return { ok: false, problem: next.value };
      batch = next.value;
      next = source.next();
    }
    const problem = columns.problem();
    if (problem) return { ok: false, problem };
    if (rowCount === 0) {
      return {
        ok: false,
        problem: fileProblem('no_rows', 'The file has a header row but no data rows under it.'),
      };
    }
    return { ok: true, rowCount, records };
  };
  return { ok: true, file: { headers, delimiter, problems, read } };
}

/**
 * checkHeaders over every row without keeping them: a value in a column without a name, or a
 * name given twice — whichever column is leftmost is reported.
 */
class TableColumns {
  private readonly unnamed: number[];
  private firstUnnamedWithValue = Number.POSITIVE_INFINITY;

  constructor(private readonly headers: string[]) {
    this.unnamed = headers.flatMap((h, i) => (h === '' ? [i] : []));
  }

  see(cells: string[]): void {
    if (this.unnamed.length === 0 && cells.length <= this.headers.length) return;
    for (const i of this.unnamed) {
      if (i < this.firstUnnamedWithValue && (cells[i] ?? '').trim() !== '') this.firstUnnamedWithValue = i;
    }
    for (let i = this.headers.length; i < cells.length && i < this.firstUnnamedWithValue; i++) {
      if (cells[i]!.trim() !== '') this.firstUnnamedWithValue = i;
    }
  }

  problem(): FileProblem | null {
    const unnamed = this.firstUnnamedWithValue;
    if (unnamed === Number.POSITIVE_INFINITY) return checkHeaders({ headers: this.headers, rows: [] });
    const width = Math.max(this.headers.length, unnamed + 1);
    const headers = Array.from({ length: width }, (_, i) => this.headers[i] ?? '');
    return checkHeaders({ headers, rows: [headers.map((_, i) => (i === unnamed ? 'x' : ''))] });
  }
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

async function openXlsxFile(bytes: Uint8Array): Promise<OpenResult> {
  // Loaded when a workbook comes: it takes most of a second to load, and a reader thread
  // (reader/) given a CSV file never needs it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
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
  const records: string[][] = [];
  const rowNumbers: number[] = [];
  const problems: CellProblem[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const read = readCell(cell, Excel.ValueType);
      if ('problem' in read) problems.push({ row: rowNumber, column, ...read.problem });
      cells[column - 1] = read.text;
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    records.push(cells);
    rowNumbers.push(rowNumber);
  });
  // The workbook is read whole: its rows are one batch.
  return openTable([{ records, first: 1, rowNumbers, fraction: 1 }][Symbol.iterator](), problems, null);
}

type CellRead = { text: string } | { text: string; problem: { code: string; message: string } };

/** One XLSX cell as text: shared and inline strings, rich text, numbers, dates as ISO. */
function readCell(cell: ExcelJS.Cell, types: typeof ExcelJS.ValueType): CellRead {
  // The cells a merged area covers besides its first are empty, as in Excel's own CSV export.
  if (cell.isMerged && cell.master !== cell) return { text: '' };
  const value = cell.value;
  switch (cell.type) {
    case types.Null:
    case types.Merge:
      return { text: '' };
    case types.Formula:
      return { text: '', problem: { code: 'formula', message: FORMULA_MESSAGE } };
    case types.Error: {
      const shown = (value as ExcelJS.CellErrorValue).error;
      return { text: '', problem: { code: 'error_value', message: `The cell shows the error ${shown}` } };
    }
    case types.Date:
      return { text: isoDate(value as Date) };
    case types.Boolean:
      return { text: value ? 'true' : 'false' };
    case types.Number:
      return { text: String(value) };
    case types.RichText:
      return { text: (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('') };
    case types.Hyperlink: {
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
