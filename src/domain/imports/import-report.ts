import type { FileProblem } from './file-problems.ts';
import type { ImportSummary, RowError } from './import-kind.ts';

/** At most this many row errors are stored and shown; the report says how many more there were. */
export const MAX_REPORTED_ERRORS = 1000;

export type ImportFailureCode =
  | 'rows_rejected'
  | 'file'
  | 'interrupted'
  | 'internal'
  | 'not_allowed'
  | 'user_gone'
  | 'unknown_kind'
  | 'mapping'
  | 'conflict';

/**
 * What an import ended with (or is doing): the `report` of its row. Failed imports stored
 * nothing; their report says why, row by row where rows were the reason.
 */
export type ImportReport = {
  phase?: 'validating' | 'saving';
  summary?: ImportSummary;
  failure?: { code: ImportFailureCode; message: string };
  fileError?: FileProblem;
  errors?: RowError[];
  errorCount?: number;
  moreErrors?: number;
};

/** Row errors in file order (then column), capped at MAX_REPORTED_ERRORS. */
export function buildRowErrorReport(errors: RowError[], headers: string[] = []): ImportReport {
  const columnIndex = (column: string | null) => (column === null ? -1 : headers.indexOf(column));
  const sorted = [...errors].sort((a, b) => a.row - b.row || columnIndex(a.column) - columnIndex(b.column));
  const shown = sorted.slice(0, MAX_REPORTED_ERRORS);
  const rows = new Set(errors.map((e) => e.row)).size;
  const report: ImportReport = {
    failure: {
      code: 'rows_rejected',
      message: `${rows} ${rows === 1 ? 'row has' : 'rows have'} problems (${errors.length} in all); nothing was imported`,
    },
    errors: shown,
    errorCount: errors.length,
  };
  if (sorted.length > shown.length) report.moreErrors = sorted.length - shown.length;
  return report;
}

/** A file that could not be read (not a table, an unclosed quote …): nothing was imported. */
export function fileProblemReport(problem: FileProblem): ImportReport {
  return { failure: { code: 'file', message: problem.message }, fileError: problem };
}
