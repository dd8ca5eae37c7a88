/**
 * The official ESCO CSV download (v1.x), read as tables of strings. Pure: text in, table out.
 *
 * Layout, checked against public copies of the release files:
 * - occupations_<lang>.csv: conceptType, conceptUri, iscoGroup, preferredLabel, altLabels,
 *   hiddenLabels, status, modifiedDate, regulatedProfessionNote, scopeNote, definition,
 *   inScheme, description, code (v1.2.0 as mirrored in github victoriano/future-of-work-data,
 *   data/raw/esco/1.2.0/occupations_en.csv; the same 14 columns in fi/sv/en are loaded by
 *   Opetushallitus/jod-yksilo scripts/init-local-env.sh). Some v1.2.x bundles add naceCode.
 * - skills_<lang>.csv: conceptType, conceptUri, skillType, reuseLevel, preferredLabel,
 *   altLabels, hiddenLabels, status, modifiedDate, scopeNote, definition, inScheme,
 *   description (Opetushallitus/jod-yksilo scripts/init-local-env.sh).
 * - occupationSkillRelations_<lang>.csv (v1.2): occupationUri, occupationLabel, relationType,
 *   skillType, skillUri, skillLabel; older releases: occupationUri, relationType, skillType,
 *   skillUri (no language suffix).
 * - broaderRelationsOccPillar_<lang>.csv and broaderRelationsSkillPillar_<lang>.csv:
 *   conceptType, conceptUri, broaderType, broaderUri (victoriano/future-of-work-data,
 *   data/raw/esco/1.2.0/).
 * Real files start with a UTF-8 byte-order mark, end lines with CRLF and hold lists (altLabels,
 * inScheme) as one value a line inside one quoted cell. Columns are read by name, so a release
 * that adds or reorders columns still imports.
 */
import { readCsvRecords } from '../../imports/csv-records.ts';
import type { ParsedTable } from '../../imports/import-kind.ts';
import { LANGUAGES, type Language } from '../../i18n/localized.ts';

export type EscoImportKind =
  | 'esco-occupations'
  | 'esco-skills'
  | 'esco-occupation-skills'
  | 'esco-broader-relations';

/** Parses an ESCO CSV file: BOM dropped, CRLF or LF, quoted multi-line cells, comma-separated. */
export function readEscoCsv(text: string): ParsedTable {
  const read = readCsvRecords(text.replace(/^\uFEFF/, ''), ',');
  if (!read.ok) throw new Error(`ESCO CSV line ${read.line}: ${read.code.replaceAll('_', ' ')}`);
  const records = read.records.filter((r) => !(r.length === 1 && r[0] === ''));
  const [header = [], ...rows] = records;
  return {
    headers: header.map((h) => h.replace(/^\uFEFF/, '').trim()),
    rows,
    // Record numbers as a spreadsheet shows them: the header is row 1.
    rowNumbers: rows.map((_, i) => i + 2),
  };
}

/** Turns each row into a record keyed by header name (missing cells become ''). */
export function tableRecords(table: ParsedTable): { row: number; record: Record<string, string> }[] {
  return table.rows.map((cells, i) => {
    const record: Record<string, string> = {};
    table.headers.forEach((header, j) => {
      record[header] = cells[j] ?? '';
    });
    return { row: table.rowNumbers[i] ?? i + 2, record };
  });
}

/** `occupations_fi.csv` → fi; any path, any case; null when the name carries no language. */
export function escoLanguageFromFileName(fileName: string | null | undefined): string | null {
  if (!fileName) return null;
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  // A browser's copy suffix ("occupations_fi (1).csv") is allowed.
  const match = /_([a-z]{2})(?:\s*\(\d+\))?\.csv$/i.exec(base);
  return match?.[1]?.toLowerCase() ?? null;
}

/** The language as one of Kenno's three, or null when it is another one or unknown. */
export function toKennoLanguage(value: string | null | undefined): Language | null {
  const v = value?.trim().toLowerCase();
  return v && (LANGUAGES as readonly string[]).includes(v) ? (v as Language) : null;
}

/** Which import kind an ESCO file name belongs to, or null for other files of the bundle. */
export function escoKindForFileName(fileName: string): EscoImportKind | null {
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).toLowerCase();
  const suffix = String.raw`(?:_[a-z]{2})?(?:\s*\(\d+\))?\.csv$`;
  if (new RegExp(`^occupations${suffix}`).test(base)) return 'esco-occupations';
  if (new RegExp(`^skills${suffix}`).test(base)) return 'esco-skills';
  if (new RegExp(`^occupationskillrelations${suffix}`).test(base)) return 'esco-occupation-skills';
  if (new RegExp(`^broaderrelations(?:occ|skill)pillar${suffix}`).test(base)) return 'esco-broader-relations';
  return null;
}

/** ESCO writes a list as one value a line inside one cell. */
export function splitEscoList(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell
    .split(/\r?\n|\r/)
    .map((v) => v.trim())
    .filter(Boolean);
}
