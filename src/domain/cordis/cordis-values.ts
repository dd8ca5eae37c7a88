import { businessIdFromVat, checkBusinessId } from '../registry/business-id.ts';

/**
 * Cell values of the CORDIS open-data files (project.csv, organization.csv, topics.csv,
 * euroSciVoc.csv and their XLSX editions), as the Publications Office writes them:
 * - every cell double-quoted, `;` between cells, `""` for an empty value;
 * - amounts with a decimal point *or* a decimal comma, even within one row
 *   (`"528340.97";"960619,95"`), never with thousands separators; XLSX editions hold them as text;
 * - dates `2023-09-01`, timestamps `2023-06-12 13:33:03` (XLSX date cells come as ISO);
 * - booleans `true` / `false` / empty;
 * - countries as EU codes: `EL` for Greece and `UK` for the United Kingdom, otherwise ISO 3166
 *   alpha-2 (and `XK` for Kosovo).
 */

/** CORDIS (EU interinstitutional) country codes that differ from ISO 3166-1 alpha-2. */
const EU_TO_ISO: Readonly<Record<string, string>> = { EL: 'GR', UK: 'GB' };

export type Parsed<T> = { ok: true; value: T } | { ok: false };

/** `EL` → `GR`, `UK` → `GB`, `fi` → `FI`; empty → null; anything but two letters is refused. */
export function cordisCountryToIso(value: string): Parsed<string | null> {
  // As the Publications Office writes them, without a new string for each (a million rows a file).
  if (value.length === 2 && isUpperAscii(value.charCodeAt(0)) && isUpperAscii(value.charCodeAt(1)))
    return { ok: true, value: EU_TO_ISO[value] ?? value };
  const code = value.trim().toUpperCase();
  if (code === '') return { ok: true, value: null };
  if (!/^[A-Z]{2}$/.test(code)) return { ok: false };
  return { ok: true, value: EU_TO_ISO[code] ?? code };
}

const isUpperAscii = (c: number) => c >= 65 && c <= 90;
const isDigit = (c: number) => c >= 48 && c <= 57;

const NUMBER = /^-?\d{1,15}(?:[.,]\d{1,6})?$/;
const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/**
 * An amount written as NUMBER says, read without a regular expression or a new string (three
 * amounts a row, a million rows a file); undefined for anything else. The digits make an exact
 * integer (at most 15 of them: below 2^53) and one division by an exact power of ten rounds it
 * once, as `Number` rounds the decimal text: the same double.
 */
function plainAmount(text: string): number | undefined {
  const length = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0; // '-'
  let digits = 0;
  let scaled = 0;
  let decimals = -1;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      scaled = scaled * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if ((c === 46 || c === 44) && decimals < 0 && digits > 0)
      decimals = 0; // '.' or ','
    else return undefined;
  }
  const integerDigits = decimals < 0 ? digits : digits - decimals;
  if (integerDigits === 0 || integerDigits > 15 || decimals === 0 || decimals > 6) return undefined;
  // More than 15 digits in all may not make an exact integer: Number reads those.
  if (digits > 15) return Number(text.replace(',', '.'));
  const amount = decimals > 0 ? scaled / POWERS_OF_TEN[decimals]! : scaled;
  return text.charCodeAt(0) === 45 ? -amount : amount;
}

/** An amount in euros: decimal point or comma, no grouping; empty → null. */
export function parseCordisAmount(value: string): Parsed<number | null> {
  const plain = plainAmount(value);
  if (plain !== undefined) return { ok: true, value: plain };
  const text = value.trim();
  if (text === '') return { ok: true, value: null };
  if (!NUMBER.test(text)) {
    // An XLSX number cell read back as text may be in exponent form (1.5e+6).
    if (/^-?\d+(?:\.\d+)?e[+-]?\d{1,2}$/i.test(text)) {
      const n = Number(text);
      return Number.isFinite(n) && Math.abs(n) < 1e15 ? { ok: true, value: n } : { ok: false };
    }
    return { ok: false };
  }
  return { ok: true, value: Number(text.includes(',') ? text.replace(',', '.') : text) };
}

/** `2023-09-01`, `2023-09-01 10:00:00` or an ISO timestamp → `2023-09-01`; empty → null. */
export function parseCordisDate(value: string): Parsed<string | null> {
  const text = value.trim();
  if (text === '') return { ok: true, value: null };
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text);
  if (!m) return { ok: false };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return { ok: false };
  return { ok: true, value: `${m[1]}-${m[2]}-${m[3]}` };
}

const TRUE_WORDS = new Set(['true', 'yes', '1', 'y']);
const FALSE_WORDS = new Set(['false', 'no', '0', 'n']);

/** `true` / `false` (also yes/no, 1/0); empty → null. */
export function parseCordisBoolean(value: string): Parsed<boolean | null> {
  // As the Publications Office writes them, without a new string for each.
  if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' };
  const text = value.trim().toLowerCase();
  if (text === '') return { ok: true, value: null };
  if (TRUE_WORDS.has(text)) return { ok: true, value: true };
  if (FALSE_WORDS.has(text)) return { ok: true, value: false };
  return { ok: false };
}

/** Project ids (grant agreement numbers) and organisation ids (PICs) are digits. */
export function isCordisId(value: string): boolean {
  if (value.length === 0 || value.length > 12) return false;
  for (let i = 0; i < value.length; i++) if (!isDigit(value.charCodeAt(i))) return false;
  return true;
}

/** A project's `topics` cell: one topic code, or several separated by `;` or `,`. */
export function splitTopics(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[;,]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** Upper-case letters and digits only: nothing to take out or raise. */
function isPlainVatNumber(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!isUpperAscii(c) && !isDigit(c)) return false;
  }
  return true;
}

/** The VAT number as CORDIS writes it, without spaces and dots, upper case; empty → null. */
export function normaliseVatNumber(value: string): string | null {
  if (value === '') return null;
  if (isPlainVatNumber(value)) return value;
  const text = value.replace(/[\s.]/g, '').toUpperCase();
  return text === '' ? null : text;
}

/**
 * The Finnish business ID (Y-tunnus) a CORDIS VAT cell stands for: `FI02459042` → `0245904-2`
 * (method `vat`); a cell that holds a business ID itself (`0245904-2`) → method `business_id`.
 */
export function finnishBusinessIdOf(
  vatNumber: string | null,
): { businessId: string; method: 'vat' | 'business_id' } | null {
  if (!vatNumber) return null;
  const fromVat = businessIdFromVat(vatNumber);
  if (fromVat) return { businessId: fromVat, method: 'vat' };
  const direct = checkBusinessId(vatNumber);
  return direct.ok ? { businessId: direct.value, method: 'business_id' } : null;
}

/** Legal-form words that do not tell two organisations apart ("Oy", "Ab", "Ltd" …). */
const LEGAL_FORMS = new Set([
  'oy',
  'oyj',
  'ab',
  'abp',
  'ltd',
  'limited',
  'inc',
  'ry',
  'rf',
  'ky',
  'tmi',
  'plc',
  'corp',
  'corporation',
  'company',
  'co',
  'gmbh',
  'sa',
  'the',
]);

/**
 * A name as compared for a link suggestion: diacritics, case, punctuation and legal forms do
 * not count, so "CENTRIA AMMATTIKORKEAKOULU OY" and "Centria-ammattikorkeakoulu" are one name.
 */
export function normaliseOrganisationName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !LEGAL_FORMS.has(w))
    .join('');
}
