import type { ImportField, ImportKindDefinition, RowError, RowResult } from '../imports/import-kind.ts';
import { tagText, type TagIndex } from '../taxonomy/tagging.ts';
import { splitTopics } from './cordis-values.ts';

/**
 * The four CORDIS import kinds, pure part: the official open-data layout of the Publications
 * Office (cordis-HORIZONprojects-csv.zip / -xlsx.zip, and the same for H2020 and FP7):
 * `project.csv`, `organization.csv` (one row per participation), `topics.csv`, `euroSciVoc.csv`.
 * Field keys are the official column names, so the mapping step maps every column by itself.
 * Cell formats: see cordis-values.ts. Rows are validated here — organization.csv in
 * cordis-participations.ts — and the database half is src/jobs/imports/kinds/cordis.ts.
 */

import {
  CORDIS_MAX_BYTES,
  CORDIS_SMALL_MAX_BYTES,
  field,
  L,
  MAX_LONG_TEXT,
  result,
  RowChecker,
} from './cordis-rows.ts';

// ─── project.csv ─────────────────────────────────────────────────────────────────────────

export const CORDIS_PROJECT_FIELDS: ImportField[] = [
  field('id', true, L('Projektin tunnus', 'Projekt-id', 'Project ID'), ['projectID']),
  field('acronym', false, L('Lyhenne', 'Akronym', 'Acronym')),
  field('status', false, L('Tila', 'Status', 'Status')),
  field('title', true, L('Otsikko', 'Titel', 'Title')),
  field('startDate', false, L('Alkaa', 'Börjar', 'Start date')),
  field('endDate', false, L('Päättyy', 'Slutar', 'End date')),
  field('totalCost', false, L('Kokonaiskustannus', 'Totalkostnad', 'Total cost')),
  field('ecMaxContribution', false, L('EU-rahoitus enintään', 'Högsta EU-bidrag', 'EC max contribution')),
  field('legalBasis', false, L('Oikeusperusta', 'Rättslig grund', 'Legal basis')),
  field('topics', false, L('Aiheet', 'Ämnen', 'Topics')),
  field('ecSignatureDate', false, L('Allekirjoitettu', 'Undertecknat', 'EC signature date')),
  field('frameworkProgramme', false, L('Puiteohjelma', 'Ramprogram', 'Framework programme')),
  field('masterCall', false, L('Pääteema', 'Huvudutlysning', 'Master call')),
  field('subCall', false, L('Haku', 'Utlysning', 'Sub call')),
  field('fundingScheme', false, L('Rahoitusmuoto', 'Finansieringsform', 'Funding scheme')),
  field('objective', false, L('Tavoite', 'Mål', 'Objective')),
  field('keywords', false, L('Avainsanat', 'Nyckelord', 'Keywords')),
];

export type CordisProjectRow = {
  id: string;
  acronym: string;
  title: string;
  status: string | null;
  topics: string[];
  frameworkProgramme: string | null;
  legalBasis: string | null;
  masterCall: string | null;
  subCall: string | null;
  fundingScheme: string | null;
  startDate: string | null;
  endDate: string | null;
  ecMaxContribution: number | null;
  totalCost: number | null;
  objective: string;
  keywords: string;
  conceptIds: string[];
};

export type CordisProjectContext = { tagIndex: TagIndex | null };

/** Value-chain concepts of a project: the tagger over its title, keywords and objective. */
export function tagCordisProject(
  index: TagIndex | null,
  title: string,
  keywords: string,
  objective: string,
): string[] {
  if (!index) return [];
  const text = [title, keywords, objective].filter(Boolean).join('.\n');
  return [...new Set(tagText(index, text, 'en').map((t) => t.conceptId))].sort();
}

export function validateCordisProject(
  record: Record<string, string>,
  row: number,
  context: CordisProjectContext,
): RowResult<CordisProjectRow> {
  const c = new RowChecker(record, row);
  const id = c.id('id');
  const acronym = c.text('acronym', 100);
  const title = c.text('title', 1000, true);
  const status = c.text('status', 40);
  const topics = c.text('topics', 2000);
  const optional = (key: string, max = 200) => c.text(key, max) || null;
  const frameworkProgramme = optional('frameworkProgramme', 40);
  const legalBasis = optional('legalBasis');
  const masterCall = optional('masterCall');
  const subCall = optional('subCall');
  const fundingScheme = optional('fundingScheme');
  const objective = c.text('objective', MAX_LONG_TEXT);
  const keywords = c.text('keywords', 2000);
  const startDate = c.date('startDate');
  const endDate = c.date('endDate');
  c.date('ecSignatureDate');
  if (startDate && endDate && endDate < startDate)
    c.fail('endDate', 'invalid', `endDate ${endDate} is before startDate ${startDate}`);
  const ecMaxContribution = c.amount('ecMaxContribution');
  const totalCost = c.amount('totalCost');
  return result(c.errors, () => ({
    id,
    acronym,
    title,
    status: status || null,
    topics: splitTopics(topics),
    frameworkProgramme,
    legalBasis,
    masterCall,
    subCall,
    fundingScheme,
    startDate,
    endDate,
    ecMaxContribution,
    totalCost,
    objective,
    keywords,
    conceptIds: tagCordisProject(context.tagIndex, title, keywords, objective),
  }));
}

/** The same project twice in one file is a mistake of the file (project.csv lists each once). */
function duplicateRows<T>(
  values: { row: number; value: T }[],
  key: (v: T) => string,
  fieldKey: string,
): RowError[] {
  const first = new Map<string, number>();
  const errors: RowError[] = [];
  for (const { row, value } of values) {
    const k = key(value);
    const other = first.get(k);
    if (other === undefined) first.set(k, row);
    else
      errors.push({
        row,
        column: null,
        field: fieldKey,
        code: 'duplicate_id',
        message: `The same ${fieldKey} is also on row ${other}`,
        params: { otherRow: other },
      });
  }
  return errors;
}

export const cordisProjectsDefinition: ImportKindDefinition<CordisProjectRow, CordisProjectContext> = {
  kind: 'cordis-projects',
  title: L(
    'CORDIS: projektit (project.csv / .xlsx)',
    'CORDIS: projekt (project.csv / .xlsx)',
    'CORDIS: projects (project.csv / .xlsx)',
  ),
  fields: CORDIS_PROJECT_FIELDS,
  maxBytes: CORDIS_MAX_BYTES,
  delimiter: ';',
  validateRow: validateCordisProject,
  validateAll: (values) => duplicateRows(values, (v) => v.id, 'id'),
};

// ─── topics.csv ──────────────────────────────────────────────────────────────────────────

export type CordisTopicRow = { code: string; title: string };

export const cordisTopicsDefinition: ImportKindDefinition<CordisTopicRow, undefined> = {
  kind: 'cordis-topics',
  title: L('CORDIS: aiheet (topics.csv)', 'CORDIS: ämnen (topics.csv)', 'CORDIS: topics (topics.csv)'),
  fields: [
    field('projectID', false, L('Projektin tunnus', 'Projekt-id', 'Project ID')),
    field('topic', true, L('Aihe', 'Ämne', 'Topic'), ['code']),
    field('title', false, L('Otsikko', 'Titel', 'Title')),
  ],
  maxBytes: CORDIS_SMALL_MAX_BYTES,
  delimiter: ';',
  validateRow(record, row) {
    const c = new RowChecker(record, row);
    c.id('projectID', false);
    const code = c.text('topic', 200, true);
    const title = c.text('title', 2000);
    return result(c.errors, () => ({ code, title }));
  },
};

/** topics.csv lists a topic once per project: one row per code, the last non-empty title. */
export function planCordisTopics(rows: readonly CordisTopicRow[]): CordisTopicRow[] {
  const byCode = new Map<string, CordisTopicRow>();
  for (const r of rows) {
    const before = byCode.get(r.code);
    byCode.set(r.code, { code: r.code, title: r.title || before?.title || '' });
  }
  return [...byCode.values()];
}

// ─── euroSciVoc.csv ──────────────────────────────────────────────────────────────────────

export type CordisScivocRow = { projectId: string; code: string; path: string; title: string };

export const cordisEuroScivocDefinition: ImportKindDefinition<CordisScivocRow, undefined> = {
  kind: 'cordis-euroscivoc',
  title: L(
    'CORDIS: tieteenalat (euroSciVoc.csv)',
    'CORDIS: vetenskapsområden (euroSciVoc.csv)',
    'CORDIS: fields of science (euroSciVoc.csv)',
  ),
  fields: [
    field('projectID', true, L('Projektin tunnus', 'Projekt-id', 'Project ID')),
    field('euroSciVocCode', true, L('Koodi', 'Kod', 'Code')),
    field('euroSciVocPath', false, L('Polku', 'Sökväg', 'Path')),
    field('euroSciVocTitle', false, L('Nimi', 'Namn', 'Title')),
  ],
  maxBytes: CORDIS_SMALL_MAX_BYTES,
  delimiter: ';',
  validateRow(record, row) {
    const c = new RowChecker(record, row);
    const projectId = c.id('projectID');
    const code = c.text('euroSciVocCode', 200, true);
    if (code !== '' && !/^\/?[0-9]+(?:\/[0-9]+)*$/.test(code))
      c.fail(
        'euroSciVocCode',
        'invalid',
        `euroSciVocCode "${code.slice(0, 40)}" is not a code like /29/115/427`,
      );
    const path = c.text('euroSciVocPath', 1000);
    const title = c.text('euroSciVocTitle', 500);
    return result(c.errors, () => ({ projectId, code, path, title }));
  },
};

/** One classification per project and code (the last row's path and title). */
export function planCordisScivoc(rows: readonly CordisScivocRow[]): CordisScivocRow[] {
  return [...new Map(rows.map((r) => [`${r.projectId}\t${r.code}`, r])).values()];
}
