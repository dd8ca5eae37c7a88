import type { Localized } from '../i18n/localized.ts';
import type { ImportField, RowError, RowResult } from '../imports/import-kind.ts';
import {
  cordisCountryToIso,
  isCordisId,
  type Parsed,
  parseCordisAmount,
  parseCordisBoolean,
  parseCordisDate,
} from './cordis-values.ts';

/**
 * What the CORDIS import kinds share: file size limits, field definitions, and the checker of a
 * row's cells (formats in cordis-values.ts). organization.csv is cordis-participations.ts, the
 * other three files cordis-import.ts.
 */

/** Large enough for a whole framework programme's file (H2020 organization.csv ≈ 100 MB). */
export const CORDIS_MAX_BYTES = 250 * 1024 * 1024;
export const CORDIS_SMALL_MAX_BYTES = 50 * 1024 * 1024;

export const MAX_TEXT = 500;
export const MAX_LONG_TEXT = 20_000;

export function field(key: string, required: boolean, label: Localized, aliases: string[] = []): ImportField {
  return { key, label, required, aliases: [key, ...aliases] };
}

export const L = (fi: string, sv: string, en: string): Localized => ({ fi, sv, en });

/**
 * Collects a row's problems with the field they are about; the runner names the column.
 * A class, not closures: a million-row file makes a million of these.
 */
export class RowChecker {
  /** null while the row has no problem: most rows have none, and a million rows make a million checkers. */
  errors: RowError[] | null = null;
  constructor(
    private readonly record: Record<string, string>,
    private readonly row: number,
  ) {}

  fail(key: string, code: string, message: string, params?: Record<string, string | number>): void {
    this.errors ??= [];
    this.errors.push({
      row: this.row,
      column: null,
      field: key,
      code,
      message,
      ...(params ? { params } : {}),
    });
  }

  cell(key: string): string {
    return this.record[key] ?? '';
  }

  text(key: string, max = MAX_TEXT, required = false): string {
    const value = this.cell(key).trim();
    if (required && value === '') this.fail(key, 'required', `${key} is missing`);
    else if (value.length > max)
      this.fail(key, 'too_long', `${key} is longer than ${max} characters`, { max });
    return value;
  }

  id(key: string, required = true): string {
    const value = this.cell(key).trim();
    if (value === '') {
      if (required) this.fail(key, 'required', `${key} is missing`);
    } else if (!isCordisId(value))
      this.fail(key, 'invalid', `${key} "${value.slice(0, 40)}" is not a CORDIS id (digits)`);
    return value;
  }

  amount(key: string): number | null {
    return this.parsed(key, parseCordisAmount(this.cell(key)), 'an amount (e.g. 1234567,5)');
  }

  date(key: string): string | null {
    return this.parsed(key, parseCordisDate(this.cell(key)), 'a date (YYYY-MM-DD)');
  }

  bool(key: string): boolean | null {
    return this.parsed(key, parseCordisBoolean(this.cell(key)), 'true or false', 'not_boolean');
  }

  country(key: string): string | null {
    return this.parsed(key, cordisCountryToIso(this.cell(key)), 'a two-letter country code');
  }

  private parsed<T>(key: string, result: Parsed<T>, what: string, code = 'invalid'): T | null {
    if (result.ok) return result.value;
    const value = this.cell(key).slice(0, 40);
    this.fail(key, code, `${key} "${value}" is not ${what}`, { value });
    return null;
  }
}

export function result<T>(errors: RowError[] | null, value: () => T): RowResult<T> {
  return errors ? { ok: false, errors } : { ok: true, value: value() };
}
