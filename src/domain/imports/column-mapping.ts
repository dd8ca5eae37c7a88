import { createHash } from 'node:crypto';
import { columnLetter, type FileProblem, fileProblem } from './file-problems.ts';
import type { ImportField, ParsedTable } from './import-kind.ts';
import { restoreNeutralisedCell } from './spreadsheet-cells.ts';

/** Target field key → the file's column (its header, as written). */
export type ColumnMapping = Record<string, string>;

/**
 * Header names compared the way a person reads them: case, diacritics, spaces and punctuation
 * do not matter, so "Y-tunnus", "y tunnus" and "YTUNNUS" are one name, and so are "Kävijä"
 * and "Kavija".
 */
export function normaliseHeaderName(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Identifies a header row regardless of column order, so a saved mapping is found again for
 * next month's file with the same columns. */
export function headerSignature(headers: string[]): string {
  const names = headers.map(normaliseHeaderName).filter(Boolean).sort();
  return createHash('sha256').update(names.join('\n')).digest('hex');
}

/** Header-row problems that make the table unreadable: a name used twice, data under no name. */
export function checkHeaders(table: Pick<ParsedTable, 'headers' | 'rows'>): FileProblem | null {
  const seen = new Map<string, number>();
  for (const [i, header] of table.headers.entries()) {
    if (header === '') {
      if (table.rows.some((row) => (row[i] ?? '').trim() !== '')) {
        const column = columnLetter(i + 1);
        return fileProblem(
          'unnamed_column',
          `Column ${column} has values but no header. Give every column a name in the first row.`,
          { column },
        );
      }
      continue;
    }
    const key = normaliseHeaderName(header) || header;
    const first = seen.get(key);
    if (first !== undefined) {
      const columns = `${columnLetter(first + 1)}, ${columnLetter(i + 1)}`;
      return fileProblem(
        'duplicate_header',
        `The header "${header}" appears twice (columns ${columns}). Every column needs a name of its own.`,
        { header, columns },
      );
    }
    seen.set(key, i);
  }
  return null;
}

/** For each field, the first header that is the field's key or one of its aliases. */
export function suggestColumnMapping(fields: ImportField[], headers: string[]): ColumnMapping {
  const byName = new Map<string, string>();
  for (const header of headers) {
    const key = normaliseHeaderName(header);
    if (key && !byName.has(key)) byName.set(key, header);
  }
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const field of fields) {
    for (const alias of [field.key, ...field.aliases]) {
      const header = byName.get(normaliseHeaderName(alias));
      if (header !== undefined && !used.has(header)) {
        mapping[field.key] = header;
        used.add(header);
        break;
      }
    }
  }
  return mapping;
}

export type MappingProblem = {
  field: string;
  code: 'unknown_field' | 'unknown_column' | 'required';
  message: string;
};

/** A mapping is usable when every field and column it names exists and every required field is mapped. */
export function checkColumnMapping(
  fields: ImportField[],
  headers: string[],
  mapping: ColumnMapping,
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const known = new Set(fields.map((f) => f.key));
  const columns = new Set(headers.filter(Boolean));
  for (const [field, column] of Object.entries(mapping)) {
    if (!known.has(field)) {
      problems.push({ field, code: 'unknown_field', message: `"${field}" is not a field of this import` });
    } else if (!columns.has(column)) {
      problems.push({ field, code: 'unknown_column', message: `The file has no column "${column}"` });
    }
  }
  for (const field of fields) {
    if (field.required && !mapping[field.key]) {
      problems.push({
        field: field.key,
        code: 'required',
        message: `The required field "${field.label.en}" (${field.key}) is not mapped to a column`,
      });
    }
  }
  return problems;
}

/** The required fields a mapping leaves out, for the message a person reads. */
export function missingRequiredFields(fields: ImportField[], mapping: ColumnMapping): string[] {
  return fields.filter((f) => f.required && !mapping[f.key]).map((f) => f.key);
}

/**
 * One record per row: field → trimmed cell text. An apostrophe that a Kenno export put in front
 * of a formula character is taken away again (see spreadsheet-cells.ts). The columns are looked
 * up once per file, not once per row.
 */
export function rowMapper(
  headers: string[],
  mapping: ColumnMapping,
): (row: string[]) => Record<string, string> {
  const mapped = Object.entries(mapping).filter(([, column]) => headers.includes(column));
  const fields = mapped.map(([field]) => field);
  const columns = mapped.map(([, column]) => headers.indexOf(column));
  // Every record has the same fields in the same order: copying an empty one, in a plain indexed
  // loop, is about three times faster than adding the fields one by one (a million rows per
  // CORDIS file).
  const empty: Record<string, string> = Object.fromEntries(Object.keys(mapping).map((f) => [f, '']));
  return (row) => {
    const record = { ...empty };
    for (let i = 0; i < fields.length; i++) {
      record[fields[i]!] = restoreNeutralisedCell((row[columns[i]!] ?? '').trim());
    }
    return record;
  };
}

/**
 * A file whose first row is already data — no column names at all — maps to nothing and would
 * only say "required fields missing". When a required field has no column and some header
 * looks like a value (a number, a business ID, a web address, an e-mail), say what is wrong.
 */
export function detectMissingHeaderRow(fields: ImportField[], headers: string[]): FileProblem | null {
  if (missingRequiredFields(fields, suggestColumnMapping(fields, headers)).length === 0) return null;
  const value = headers.find(
    (h) => /^[\d\s.,:/+-]*\d[\d\s.,:/+-]*$/.test(h) || /^https?:\/\/|^www\.|@/i.test(h),
  );
  if (value === undefined) return null;
  return fileProblem(
    'no_header',
    `The first row looks like data ("${value}"), not column names. Add a header row with a name for each column.`,
    { value },
  );
}

/**
 * A saved mapping applied to a file with the same header signature: its columns are found by
 * normalised name, since this month's file may write "Y-TUNNUS" where last month's had "Y-tunnus".
 * Null when a column is no longer there.
 */
export function adaptSavedMapping(saved: ColumnMapping, headers: string[]): ColumnMapping | null {
  const byName = new Map(headers.filter(Boolean).map((h) => [normaliseHeaderName(h), h]));
  const adapted: ColumnMapping = {};
  for (const [field, column] of Object.entries(saved)) {
    const header = byName.get(normaliseHeaderName(column));
    if (header === undefined) return null;
    adapted[field] = header;
  }
  return adapted;
}
