import Papa from 'papaparse';

/**
 * CSV text → records of strings, the one CSV reader of Kenno's imports (Papa Parse, decision
 * 017: about 2.5× faster than csv-parse on a 300 MB CORDIS file, with the same handling here).
 * - `""` inside a quoted cell is a quote; quoted cells may hold the delimiter and line breaks;
 * - a `"` inside an unquoted cell is text (`5" display`), as Excel reads it;
 * - every line is a record, empty ones too (as `['']`), so record numbers stay the spreadsheet's
 *   row numbers; the final line break ends the last record, it does not start an empty one;
 * - rows may have any number of cells;
 * - a quoted cell that is never closed, or has text after its closing quote, is an error with
 *   the line it starts on (1-based).
 * Records come in batches (`readCsvBatches`), so that a large file is checked as it is read
 * instead of all its cells staying in memory at once; `readCsvRecords` reads them all.
 */
export type CsvProblem = { ok: false; code: 'quote_not_closed' | 'text_after_quote'; line: number };

export type CsvRecords = { ok: true; records: string[][] } | CsvProblem;

/**
 * A batch of records: `first` is the 1-based number of `records[0]`, `fraction` how much of the
 * text has been read after it (0–1).
 */
export type CsvBatch = { ok: true; records: string[][]; first: number; fraction: number };

/**
 * Records per batch: small, so that a batch's cells die young. A batch is alive from its parse
 * until its last row is checked, and V8 copies what is alive at each minor collection: batches of
 * 10,000 records made a million-row file's reader spend twice as long collecting (decision 017).
 */
export const CSV_BATCH_RECORDS = 1_000;

export type CsvNewline = '\n' | '\r\n' | '\r';

/**
 * The records of `text` a batch at a time; a syntax problem is the last item. Line breaks are
 * guessed from the start of `text` unless `newline` is given (the later part of a file read in
 * two parts takes the guess made from the file's start: see guessCsvNewline).
 *
 * Each batch is parsed by Papa Parse's core `Parser`, not `Papa.parse`: the wrapper keeps each
 * call's records in objects V8 soon allocates straight into the old generation, so every batch's
 * cells outlived the next minor collections — a million-row file spent about 2 s more in garbage
 * collection that way (decision 017). The wrapper adds nothing used here: the delimiter and the
 * line breaks are given, the BOM is stripped by the caller, and there is no header or typing.
 */
export function* readCsvBatches(
  whole: string,
  delimiter: string,
  size = CSV_BATCH_RECORDS,
  given?: CsvNewline,
): Generator<CsvBatch | CsvProblem> {
  const text = withoutFinalLineBreak(whole);
  // Line breaks are guessed once, from the start of the file, and kept for every batch.
  const config: Papa.ParseConfig = {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    preview: size,
    // Fast mode (Papa's own choice for text without quotes) reports the cursor of a cut-off
    // parse one line too far.
    fastMode: false,
    newline: given ?? guessCsvNewline(text, delimiter),
  };
  let at = 0;
  let first = 1;
  while (at < text.length) {
    const input = at === 0 ? text : text.substring(at);
    const result: Papa.ParseResult<string[]> = new Papa.Parser(config).parse(input, 0, false);
    const problem = result.errors.find((e) => e.type === 'Quotes');
    if (problem) {
      const index = at + Math.max(0, Math.min(problem.index ?? 0, text.length - at));
      yield {
        ok: false,
        code: problem.code === 'InvalidQuotes' ? 'text_after_quote' : 'quote_not_closed',
        line: lineAt(text, index),
      };
      return;
    }
    const read = result.meta.cursor;
    at = read > 0 ? at + read : text.length;
    // A batch cut off right after the text's last line break leaves its empty last line unread.
    const emptyLast = result.meta.truncated && at === text.length && endsWithLineBreak(text);
    yield { ok: true, records: result.data, first, fraction: at / text.length };
    first += result.data.length;
    if (emptyLast) yield { ok: true, records: [['']], first, fraction: 1 };
  }
}

// The text's end is looked at, not matched by a regular expression, which tries every position.
const endsWithLineBreak = (text: string) => text.endsWith('\n') || text.endsWith('\r');

/** `text` without one final line break. */
function withoutFinalLineBreak(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  return endsWithLineBreak(text) ? text.slice(0, -1) : text;
}

/** The line break readCsvBatches takes for a text starting with `start` (Papa looks at its first 1 MB). */
export function guessCsvNewline(start: string, delimiter: string): CsvNewline {
  const result = Papa.parse<string[]>(start.substring(0, 1024 * 1024), {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    preview: 1,
    fastMode: false,
  });
  return result.meta.linebreak as CsvNewline;
}

export function readCsvRecords(text: string, delimiter: string): CsvRecords {
  const records: string[][] = [];
  for (const batch of readCsvBatches(text, delimiter)) {
    if (!batch.ok) return batch;
    for (const record of batch.records) records.push(record);
  }
  return { ok: true, records };
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
