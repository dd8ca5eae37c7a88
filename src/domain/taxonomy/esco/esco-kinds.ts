/**
 * The four ESCO import kinds, pure part: their fields (the official column names, so no
 * mapping step is needed), row validation and cross-row checks. The database part — merge
 * into stored concepts, one transaction — is in src/db/queries/concepts.ts
 * (commitEsco… functions); the job runner joins the two through the import kind registry.
 */
import type { ImportField, ImportKindDefinition, RowError, RowResult } from '../../imports/import-kind.ts';
import type { Localized } from '../../i18n/localized.ts';
import { type EscoImportKind, escoLanguageFromFileName, toKennoLanguage } from './esco-csv.ts';
import {
  type EscoBroaderRow,
  type EscoConceptKind,
  type EscoConceptRow,
  type EscoOccupationSkillRow,
  duplicateConceptErrors,
  validateEscoBroaderRow,
  validateEscoConceptRow,
  validateEscoOccupationSkillRow,
} from './esco-records.ts';

/**
 * What an ESCO kind knows about the upload: its file name carries the language. `null` when
 * the name is not known while rows are validated; the commit then reads it from the import.
 */
export type EscoImportContext = { fileName: string | null };

/** 50 MB: skills_en.csv of ESCO 1.2 is about 11 MB, occupationSkillRelations about 13 MB. */
export const ESCO_MAX_BYTES = 50 * 1024 * 1024;

function column(
  name: string,
  required: boolean,
  label: Localized = { fi: name, sv: name, en: name },
): ImportField {
  return { key: name, label, required, aliases: [name, name.toLowerCase()] };
}

const URI_LABEL = { fi: 'Käsitteen URI', sv: 'Begreppets URI', en: 'Concept URI' };
const PREF_LABEL = { fi: 'Ensisijainen nimitys', sv: 'Föredragen benämning', en: 'Preferred label' };
const ALT_LABELS = {
  fi: 'Vaihtoehtoiset nimitykset',
  sv: 'Alternativa benämningar',
  en: 'Alternative labels',
};
const DESCRIPTION = { fi: 'Kuvaus', sv: 'Beskrivning', en: 'Description' };
const LANGUAGE = { fi: 'Kieli', sv: 'Språk', en: 'Language' };

const CONCEPT_COMMON: ImportField[] = [
  column('conceptType', false),
  column('conceptUri', true, URI_LABEL),
  column('preferredLabel', true, PREF_LABEL),
  column('altLabels', false, ALT_LABELS),
  column('hiddenLabels', false),
  column('status', false),
  column('modifiedDate', false),
  column('scopeNote', false),
  column('definition', false),
  column('inScheme', false),
  column('description', false, DESCRIPTION),
  { key: 'language', label: LANGUAGE, required: false, aliases: ['language', 'lang', 'languageCode'] },
];

/** The language of a concept row: its own column, else the file name (`skills_sv.csv`). */
export function resolveEscoLanguage(
  value: EscoConceptRow,
  context: EscoImportContext,
  row: number,
): RowResult<EscoConceptRow> {
  if (value.language || context.fileName === null) return { ok: true, value };
  const fromName = escoLanguageFromFileName(context.fileName);
  const language = toKennoLanguage(fromName);
  if (language) return { ok: true, value: { ...value, language } };
  const error: RowError = fromName
    ? {
        row,
        column: null,
        message: `The file is in language "${fromName}"; Kenno keeps ESCO in Finnish, Swedish and English (_fi, _sv, _en files)`,
        code: 'esco_language_unsupported',
        params: { language: fromName },
      }
    : {
        row,
        column: null,
        message:
          'The language is not known: keep the official file name (e.g. occupations_fi.csv) or add a language column',
        code: 'esco_language_unknown',
      };
  return { ok: false, errors: [error] };
}

function conceptKind(
  kind: EscoImportKind,
  conceptKind: EscoConceptKind,
  title: Localized,
  extra: ImportField[],
): ImportKindDefinition<EscoConceptRow, EscoImportContext> {
  return {
    kind,
    title,
    fields: [...CONCEPT_COMMON, ...extra],
    maxBytes: ESCO_MAX_BYTES,
    delimiter: ',',
    validateRow(record, row, context) {
      const result = validateEscoConceptRow(conceptKind, record, row);
      return result.ok ? resolveEscoLanguage(result.value, context, row) : result;
    },
    validateAll: (values) => duplicateConceptErrors(values),
  };
}

export const escoOccupationsKind = conceptKind(
  'esco-occupations',
  'occupation',
  {
    fi: 'ESCO-ammatit (occupations_*.csv)',
    sv: 'ESCO-yrken (occupations_*.csv)',
    en: 'ESCO occupations (occupations_*.csv)',
  },
  [
    column('iscoGroup', false),
    column('regulatedProfessionNote', false),
    column('code', false),
    column('naceCode', false),
  ],
);

export const escoSkillsKind = conceptKind(
  'esco-skills',
  'skill',
  {
    fi: 'ESCO-taidot (skills_*.csv)',
    sv: 'ESCO-färdigheter (skills_*.csv)',
    en: 'ESCO skills (skills_*.csv)',
  },
  [column('skillType', false), column('reuseLevel', false)],
);

export const escoOccupationSkillsKind: ImportKindDefinition<EscoOccupationSkillRow, EscoImportContext> = {
  kind: 'esco-occupation-skills',
  title: {
    fi: 'ESCO-ammattien taidot (occupationSkillRelations*.csv)',
    sv: 'ESCO-yrkenas färdigheter (occupationSkillRelations*.csv)',
    en: 'ESCO occupation–skill relations (occupationSkillRelations*.csv)',
  },
  fields: [
    column('occupationUri', true),
    column('occupationLabel', false),
    column('relationType', true),
    column('skillType', false),
    column('skillUri', true),
    column('skillLabel', false),
  ],
  maxBytes: ESCO_MAX_BYTES,
  delimiter: ',',
  validateRow: (record, row) => validateEscoOccupationSkillRow(record, row),
};

export const escoBroaderRelationsKind: ImportKindDefinition<EscoBroaderRow, EscoImportContext> = {
  kind: 'esco-broader-relations',
  title: {
    fi: 'ESCO-hierarkia (broaderRelations*Pillar*.csv)',
    sv: 'ESCO-hierarki (broaderRelations*Pillar*.csv)',
    en: 'ESCO hierarchy (broaderRelations*Pillar*.csv)',
  },
  fields: [
    column('conceptType', false),
    column('conceptUri', true),
    column('broaderType', false),
    column('broaderUri', true),
  ],
  maxBytes: ESCO_MAX_BYTES,
  delimiter: ',',
  validateRow: (record, row) => validateEscoBroaderRow(record, row),
};

/** Validates a whole parsed ESCO table with a kind, as the job runner does (used by tests and
 * by the commit helpers when the runner is not involved). */
export function validateEscoTable<T>(
  kind: ImportKindDefinition<T, EscoImportContext>,
  records: { row: number; record: Record<string, string> }[],
  context: EscoImportContext,
): { values: { row: number; value: T }[]; errors: RowError[] } {
  const values: { row: number; value: T }[] = [];
  const errors: RowError[] = [];
  for (const { row, record } of records) {
    const result = kind.validateRow(record, row, context);
    if (result.ok) values.push({ row, value: result.value });
    else errors.push(...result.errors);
  }
  if (!errors.length && kind.validateAll) errors.push(...kind.validateAll(values, context));
  return { values, errors };
}
