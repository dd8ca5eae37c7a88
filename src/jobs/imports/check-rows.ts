import { rowMapper } from '../../domain/imports/column-mapping.ts';
import type { FileProblem } from '../../domain/imports/file-problems.ts';
import type { ImportKindDefinition, RowError } from '../../domain/imports/import-kind.ts';
import type { ImportFile } from './parse-file.ts';

/**
 * Progress is reported every this many rows (and the caller's handler may give the event loop a
 * turn) — or, in a larger file, at most PROGRESS_STEPS times: a write per 500 rows would cost a
 * million-row file 2,000 writes.
 */
export const PROGRESS_EVERY_ROWS = 500;
export const PROGRESS_STEPS = 200;

export type CheckedFile =
  | { ok: true; rowCount: number; records: number; errors: RowError[] }
  | { ok: false; problem: FileProblem };

export type CheckHandlers<T> = {
  /** A row that passed. */
  valid(row: number, value: T): void;
  /** A row that failed (its errors are in the result). */
  invalid?(): void;
  /** After each batch of rows (a CSV file is read CSV_BATCH_RECORDS records at a time). */
  afterBatch?(): void | Promise<void>;
  progress(done: number, total: number): void | Promise<void>;
};

/** An error's column: the field's mapped column when the rule named only the field. */
export function columnOf(mapping: Readonly<Record<string, string>>) {
  return (error: RowError): RowError =>
    error.column === null && error.field ? { ...error, column: mapping[error.field] ?? error.field } : error;
}

/**
 * Maps and validates every row of an opened file as it is read, batch by batch — in the import
 * runner, or in its reader thread (reader/). Errors carry their column; a cell the parser refused
 * (a formula) is reported once, not again as, say, "missing". `totalHint` is the upload's row
 * count: before the last batch, the total is that or what the file's size suggests.
 */
export async function checkFileRows<T, C>(
  file: ImportFile,
  definition: ImportKindDefinition<T, C>,
  mapping: Readonly<Record<string, string>>,
  context: C,
  handlers: CheckHandlers<T>,
  options: { totalHint: number; progressEvery?: number },
): Promise<CheckedFile> {
  const withColumn = columnOf(mapping);
  const errors: RowError[] = [...file.problems];
  const refused = new Set(file.problems.map((p) => `${p.row}\t${p.column}`));
  const mapRow = rowMapper(file.headers, mapping);
  let total = options.totalHint;
  let done = 0;
  let every = 0;
  const read = await file.read(async ({ rows, rowNumbers, fraction }) => {
    total = fraction >= 1 ? done + rows.length : Math.max(total, Math.round((done + rows.length) / fraction));
    every ||= options.progressEvery ?? Math.max(PROGRESS_EVERY_ROWS, Math.ceil(total / PROGRESS_STEPS));
    for (let i = 0; i < rows.length; i++) {
      const row = rowNumbers[i]!;
      const result = definition.validateRow(mapRow(rows[i]!), row, context);
      if (result.ok) handlers.valid(row, result.value);
      else {
        handlers.invalid?.();
        errors.push(...result.errors.map(withColumn).filter((e) => !refused.has(`${e.row}\t${e.column}`)));
      }
      done++;
      if (done % every === 0 && done < total) await handlers.progress(done, total);
    }
    await handlers.afterBatch?.();
  });
  if (!read.ok) return read;
  return { ok: true, rowCount: read.rowCount, records: read.records, errors };
}
