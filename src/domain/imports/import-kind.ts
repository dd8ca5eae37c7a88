import type { Localized } from '../i18n/localized.ts';

/**
 * The contract every import kind fulfils (organisations, esco-occupations, cordis-…, sites …).
 * Parsing a file gives a table of strings; a column mapping (target field → source column)
 * turns each row into a record; the kind validates every record (pure, no I/O) and, only
 * when no row has an error, its `commit` stores them all in one transaction.
 */
export type ParsedTable = {
  /** Header cells as written in the file (trimmed, BOM removed). */
  headers: string[];
  /** Data rows; `rowNumbers[i]` is the 1-based line/row number of rows[i] in the file. */
  rows: string[][];
  rowNumbers: number[];
};

export type ImportField = {
  key: string;
  label: Localized;
  required: boolean;
  /** Header names (any case, any language) that map to this field without asking. */
  aliases: string[];
};

export type RowError = { row: number; column: string | null; message: string };

export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: RowError[] };

export type ImportSummary = { created: number; updated: number; unchanged: number; [extra: string]: number };

export type ImportKindDefinition<T> = {
  kind: string;
  title: Localized;
  /** Target fields a person maps columns to. Kinds with a fixed published layout (ESCO,
   * CORDIS) list the official column names as aliases and need no mapping step. */
  fields: ImportField[];
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** CSV delimiter when the format fixes one (CORDIS: ';'); otherwise detected. */
  delimiter?: string;
  /** Validates one mapped record; `row` is the file's row number for the report. */
  validateRow(record: Record<string, string>, row: number): RowResult<T>;
  /** Checks across rows (duplicates, references between rows). */
  validateAll?(values: { row: number; value: T }[]): RowError[];
};
