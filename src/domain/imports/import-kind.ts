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
  /** Cells the parser refused (an XLSX formula, a value under no header …), reported with
   * the rows' own errors. */
  problems?: RowError[];
};

export type ImportField = {
  key: string;
  label: Localized;
  required: boolean;
  /** Header names (any case, any language) that map to this field without asking. */
  aliases: string[];
  /** What the cells may contain, shown next to the field in the mapping step. */
  hint?: Localized;
};

/**
 * One problem of one row. `column` names the file's own column (its header) so a person can
 * find the cell; `code` and `params` let the web app say it in Finnish, Swedish or English,
 * `message` says it in English for scripts.
 */
export type RowError = {
  row: number;
  column: string | null;
  message: string;
  /** The target field, when the problem is about a mapped field. */
  field?: string;
  code?: string;
  params?: Record<string, string | number>;
};

/**
 * A value an upload names besides the file and its mapping — e.g. the survey round answers are
 * imported into — sent as the multipart field `params` (JSON: key → text).
 */
export type ImportParam = { key: string; label: Localized; required: boolean; hint?: Localized };

export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: RowError[] };

export type ImportSummary = { created: number; updated: number; unchanged: number; [extra: string]: number };

/** `C` is the reference data a kind validates against (regions, the importing user …), loaded
 * once before validation so that `validateRow` stays pure. */
export type ImportKindDefinition<T, C = undefined> = {
  kind: string;
  title: Localized;
  /** Values the upload must name besides the file (none for most kinds). */
  params?: ImportParam[];
  /** Target fields a person maps columns to. Kinds with a fixed published layout (ESCO,
   * CORDIS) list the official column names as aliases and need no mapping step. */
  fields: ImportField[];
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** CSV delimiter when the format fixes one (CORDIS: ';'); otherwise detected. */
  delimiter?: string;
  /** Coordinators may import this kind (rows outside their region are row errors); admins
   * may import every kind. */
  coordinatorsMayImport?: boolean;
  /** Validates one mapped record; `row` is the file's row number for the report. */
  validateRow(record: Record<string, string>, row: number, context: C): RowResult<T>;
  /** Checks across rows (duplicates, references between rows). */
  validateAll?(values: { row: number; value: T }[], context: C): RowError[];
};
