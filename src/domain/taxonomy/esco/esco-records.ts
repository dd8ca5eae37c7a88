/**
 * One ESCO CSV row, validated into a typed record. Pure; no I/O. Each function takes a
 * record keyed by the official column names (see esco-csv.ts) and the row number for the
 * report, and returns either the value or every problem of that row.
 */
import type { RowError, RowResult } from '../../imports/import-kind.ts';
import type { Language } from '../../i18n/localized.ts';
import { ESCO_CONCEPT_URI } from '../schemes/concept-record.ts';
import { splitEscoList, toKennoLanguage } from './esco-csv.ts';

export type EscoConceptKind = 'occupation' | 'skill';

export type EscoConceptRow = {
  kind: EscoConceptKind;
  uri: string;
  /** From a language column when the file has one; else from the file name at commit. */
  language: Language | null;
  preferredLabel: string;
  altLabels: string[];
  hiddenLabels: string[];
  status: string;
  description: string;
  definition: string;
  scopeNote: string;
  /** Occupations: the ESCO code (e.g. 8212.3.1), an extension of the ISCO-08 code. */
  code: string | null;
  iscoGroup: string | null;
  skillType: string | null;
  reuseLevel: string | null;
  modifiedDate: string | null;
};

export type EscoOccupationSkillRow = {
  occupationUri: string;
  skillUri: string;
  relationType: 'essential' | 'optional';
  skillType: string | null;
};

export type EscoBroaderRow = {
  conceptType: string;
  conceptUri: string;
  broaderType: string;
  broaderUri: string;
};

const ANY_ESCO_URI = /^http:\/\/data\.europa\.eu\/esco\/[A-Za-z-]+\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_LABEL = 1000;
const MAX_TEXT = 20_000;

function cell(record: Record<string, string>, name: string): string {
  return (record[name] ?? '').trim();
}

/** A `language`-like column, when a file has one (the official files do not). */
function languageColumn(record: Record<string, string>): string | null {
  for (const key of ['language', 'lang', 'languageCode']) {
    if (key in record && record[key]!.trim()) return record[key]!.trim();
  }
  return null;
}

export function escoUriKind(uri: string): EscoConceptKind | null {
  const match = ESCO_CONCEPT_URI.exec(uri);
  return match ? (match[1] as EscoConceptKind) : null;
}

export function validateEscoConceptRow(
  kind: EscoConceptKind,
  record: Record<string, string>,
  row: number,
): RowResult<EscoConceptRow> {
  const errors: RowError[] = [];
  const uri = cell(record, 'conceptUri');
  if (!uri) errors.push({ row, column: 'conceptUri', message: 'The concept URI is missing' });
  else if (escoUriKind(uri) !== kind)
    errors.push({
      row,
      column: 'conceptUri',
      message: `Not an ESCO ${kind} URI (http://data.europa.eu/esco/${kind}/…): ${uri.slice(0, 200)}`,
    });
  const conceptType = cell(record, 'conceptType');
  const expectedType = kind === 'occupation' ? 'Occupation' : 'KnowledgeSkillCompetence';
  if (conceptType && conceptType !== expectedType)
    errors.push({
      row,
      column: 'conceptType',
      message: `Expected conceptType ${expectedType}, found ${conceptType.slice(0, 100)}`,
    });
  const preferredLabel = cell(record, 'preferredLabel').replace(/\s+/g, ' ');
  if (!preferredLabel)
    errors.push({ row, column: 'preferredLabel', message: 'The preferred label is missing' });
  else if (preferredLabel.length > MAX_LABEL)
    errors.push({ row, column: 'preferredLabel', message: `Longer than ${MAX_LABEL} characters` });
  const altLabels = splitEscoList(record.altLabels);
  if (altLabels.some((l) => l.length > MAX_LABEL))
    errors.push({
      row,
      column: 'altLabels',
      message: `An alternative label is longer than ${MAX_LABEL} characters`,
    });
  const rawLanguage = languageColumn(record);
  const language = rawLanguage === null ? null : toKennoLanguage(rawLanguage);
  if (rawLanguage !== null && language === null)
    errors.push({
      row,
      column: 'language',
      message: `Language ${rawLanguage.slice(0, 20)} is not fi, sv or en`,
    });
  const description = cell(record, 'description');
  const definition = cell(record, 'definition');
  if (description.length > MAX_TEXT || definition.length > MAX_TEXT)
    errors.push({ row, column: 'description', message: `Longer than ${MAX_TEXT} characters` });
  if (errors.length) return { ok: false, errors };
  const optional = (name: string) => cell(record, name) || null;
  return {
    ok: true,
    value: {
      kind,
      uri,
      language,
      preferredLabel,
      altLabels,
      hiddenLabels: splitEscoList(record.hiddenLabels),
      status: cell(record, 'status'),
      description,
      definition,
      scopeNote: cell(record, 'scopeNote'),
      code: kind === 'occupation' ? optional('code') : null,
      iscoGroup: kind === 'occupation' ? optional('iscoGroup') : null,
      skillType: kind === 'skill' ? optional('skillType') : null,
      reuseLevel: kind === 'skill' ? optional('reuseLevel') : null,
      modifiedDate: optional('modifiedDate'),
    },
  };
}

export function validateEscoOccupationSkillRow(
  record: Record<string, string>,
  row: number,
): RowResult<EscoOccupationSkillRow> {
  const errors: RowError[] = [];
  const occupationUri = cell(record, 'occupationUri');
  const skillUri = cell(record, 'skillUri');
  const relationType = cell(record, 'relationType').toLowerCase();
  if (escoUriKind(occupationUri) !== 'occupation')
    errors.push({ row, column: 'occupationUri', message: 'Not an ESCO occupation URI' });
  if (escoUriKind(skillUri) !== 'skill')
    errors.push({ row, column: 'skillUri', message: 'Not an ESCO skill URI' });
  if (relationType !== 'essential' && relationType !== 'optional')
    errors.push({ row, column: 'relationType', message: 'relationType must be essential or optional' });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      occupationUri,
      skillUri,
      relationType: relationType as 'essential' | 'optional',
      skillType: cell(record, 'skillType') || null,
    },
  };
}

export function validateEscoBroaderRow(
  record: Record<string, string>,
  row: number,
): RowResult<EscoBroaderRow> {
  const errors: RowError[] = [];
  const conceptUri = cell(record, 'conceptUri');
  const broaderUri = cell(record, 'broaderUri');
  if (!ANY_ESCO_URI.test(conceptUri)) errors.push({ row, column: 'conceptUri', message: 'Not an ESCO URI' });
  if (!ANY_ESCO_URI.test(broaderUri)) errors.push({ row, column: 'broaderUri', message: 'Not an ESCO URI' });
  if (conceptUri && conceptUri === broaderUri)
    errors.push({ row, column: 'broaderUri', message: 'A concept cannot be broader than itself' });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      conceptType: cell(record, 'conceptType'),
      conceptUri,
      broaderType: cell(record, 'broaderType'),
      broaderUri,
    },
  };
}

/** Cross-row check: one URI appears once per language file. */
export function duplicateConceptErrors(values: { row: number; value: EscoConceptRow }[]): RowError[] {
  const first = new Map<string, number>();
  const errors: RowError[] = [];
  for (const { row, value } of values) {
    const key = `${value.uri} ${value.language ?? ''}`;
    const seen = first.get(key);
    if (seen !== undefined)
      errors.push({ row, column: 'conceptUri', message: `The same concept is already on row ${seen}` });
    else first.set(key, row);
  }
  return errors;
}
