import type { Localized } from '../i18n/localized.ts';
import type { ImportField, ImportKindDefinition, RowError, RowResult } from '../imports/import-kind.ts';
import { tagText, type TagIndex } from '../taxonomy/tagging.ts';
import {
  cordisCountryToIso,
  isCordisId,
  normaliseVatNumber,
  type Parsed,
  parseCordisAmount,
  parseCordisBoolean,
  parseCordisDate,
  splitTopics,
} from './cordis-values.ts';

/**
 * The four CORDIS import kinds, pure part: the official open-data layout of the Publications
 * Office (cordis-HORIZONprojects-csv.zip / -xlsx.zip, and the same for H2020 and FP7):
 * `project.csv`, `organization.csv` (one row per participation), `topics.csv`, `euroSciVoc.csv`.
 * Field keys are the official column names, so the mapping step maps every column by itself.
 * Cell formats: see cordis-values.ts. Rows are validated here; the database half is
 * src/jobs/imports/kinds/cordis.ts.
 */

/** Large enough for a whole framework programme's file (H2020 organization.csv ≈ 100 MB). */
export const CORDIS_MAX_BYTES = 250 * 1024 * 1024;
export const CORDIS_SMALL_MAX_BYTES = 50 * 1024 * 1024;

const MAX_TEXT = 500;
const MAX_LONG_TEXT = 20_000;

function field(key: string, required: boolean, label: Localized, aliases: string[] = []): ImportField {
  return { key, label, required, aliases: [key, ...aliases] };
}

const L = (fi: string, sv: string, en: string): Localized => ({ fi, sv, en });

/**
 * Collects a row's problems with the field they are about; the runner names the column.
 * A class, not closures: a million-row file makes a million of these.
 */
class RowChecker {
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

function result<T>(errors: RowError[] | null, value: () => T): RowResult<T> {
  return errors ? { ok: false, errors } : { ok: true, value: value() };
}

// ─── organization.csv ────────────────────────────────────────────────────────────────────

export const CORDIS_ORGANISATION_FIELDS: ImportField[] = [
  field('projectID', true, L('Projektin tunnus', 'Projekt-id', 'Project ID')),
  field(
    'organisationID',
    true,
    L('Organisaation tunnus (PIC)', 'Organisationens id (PIC)', 'Organisation ID (PIC)'),
    ['organizationID'],
  ),
  field('vatNumber', false, L('ALV-numero', 'Momsnummer', 'VAT number')),
  field('name', true, L('Nimi', 'Namn', 'Name')),
  field('shortName', false, L('Lyhyt nimi', 'Kortnamn', 'Short name')),
  field('SME', false, L('Pk-yritys', 'Små och medelstora företag', 'SME')),
  field('activityType', false, L('Toiminnan tyyppi', 'Verksamhetstyp', 'Activity type')),
  field('city', false, L('Kaupunki', 'Stad', 'City')),
  field('country', false, L('Maa', 'Land', 'Country')),
  field('organizationURL', false, L('Verkkosivu', 'Webbplats', 'Website'), ['organisationURL']),
  field('role', true, L('Rooli', 'Roll', 'Role')),
  field('ecContribution', false, L('EU-rahoitus', 'EU-bidrag', 'EC contribution')),
  field('netEcContribution', false, L('EU-rahoitus netto', 'EU-bidrag netto', 'Net EC contribution')),
  field('totalCost', false, L('Kokonaiskustannus', 'Totalkostnad', 'Total cost')),
  field(
    'endOfParticipation',
    false,
    L('Osallistuminen päättynyt', 'Deltagandet avslutat', 'End of participation'),
  ),
  field('active', false, L('Aktiivinen', 'Aktiv', 'Active')),
];

export type CordisParticipationRow = {
  projectId: string;
  organisationId: string;
  vatNumber: string | null;
  name: string;
  shortName: string | null;
  sme: boolean | null;
  activityType: string | null;
  city: string | null;
  /** ISO 3166 alpha-2 (EL → GR, UK → GB). */
  country: string | null;
  url: string | null;
  role: string;
  ecContribution: number | null;
  totalCost: number | null;
  active: boolean | null;
};

const ROLE = /^[A-Za-z][A-Za-z ]{0,39}$/;

export function validateCordisParticipation(
  record: Record<string, string>,
  row: number,
): RowResult<CordisParticipationRow> {
  const c = new RowChecker(record, row);
  const projectId = c.id('projectID');
  const organisationId = c.id('organisationID');
  const name = c.text('name', MAX_TEXT, true);
  const shortName = c.text('shortName');
  const vat = c.text('vatNumber', 40);
  const activityType = c.text('activityType', 40);
  const city = c.text('city', 200);
  const url = c.text('organizationURL', 1000);
  const role = c.text('role', 40, true);
  if (role !== '' && !ROLE.test(role))
    c.fail('role', 'invalid', `role "${role.slice(0, 40)}" is not a CORDIS role`);
  const country = c.country('country');
  const sme = c.bool('SME');
  const ecContribution = c.amount('ecContribution');
  c.amount('netEcContribution');
  const totalCost = c.amount('totalCost');
  const ended = c.bool('endOfParticipation');
  const active = c.bool('active');
  // No closure here, unlike the other files' rows: a million rows a file.
  if (c.errors) return { ok: false, errors: c.errors };
  const value: CordisParticipationRow = {
    projectId,
    organisationId,
    vatNumber: normaliseVatNumber(vat),
    name,
    shortName: shortName || null,
    sme,
    activityType: activityType || null,
    city: city || null,
    country,
    url: url || null,
    role,
    ecContribution,
    totalCost,
    active: active ?? (ended === true ? false : null),
  };
  return { ok: true, value };
}

export const cordisOrganisationsDefinition: ImportKindDefinition<CordisParticipationRow, undefined> = {
  kind: 'cordis-organizations',
  title: L(
    'CORDIS: osallistujat (organization.csv / .xlsx)',
    'CORDIS: deltagare (organization.csv / .xlsx)',
    'CORDIS: participants (organization.csv / .xlsx)',
  ),
  fields: CORDIS_ORGANISATION_FIELDS,
  maxBytes: CORDIS_MAX_BYTES,
  delimiter: ';',
  validateRow: (record, row) => validateCordisParticipation(record, row),
};

export type CordisOrganisationRecord = {
  id: string;
  vatNumber: string | null;
  name: string;
  shortName: string | null;
  sme: boolean | null;
  activityType: string | null;
  country: string | null;
  city: string | null;
  url: string | null;
};

export type CordisParticipationRecord = {
  projectId: string;
  organisationId: string;
  role: string;
  ecContribution: number | null;
  totalCost: number | null;
  active: boolean | null;
};

/** The coordinator's role wins when one organisation appears twice in one project. */
const ROLE_RANK: Record<string, number> = { coordinator: 3, participant: 2, beneficiary: 2, partner: 1 };

const sum = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

/**
 * Organisations and participations of an organization.csv, row by row as the file is read: an
 * organisation's details come from its last row in the file (the file lists participations; an
 * organisation appears once per project). An organisation listed twice in one project (a rare
 * case in the published data) is one participation: the higher role, the amounts added up.
 *
 * Built for a million rows: the participations not yet taken are the rows themselves; once
 * taken (`takePending`, to be written) only what a merge needs stays, in typed arrays — keeping
 * a million row objects alive cost seconds of garbage collection. A participation merged after
 * it was taken is kept, with its merged values, among the corrections.
 */
export class CordisParticipationPlan {
  private count = 0;
  private taken = 0;
  private pending: CordisParticipationRecord[] = [];
  private readonly corrected = new Map<number, CordisParticipationRecord>();
  private mergedCount = 0;
  // What a merge needs of each participation, by its index: role (as a code), amounts, active.
  private roles = new Uint16Array(1 << 16);
  private ec = new Float64Array(1 << 16);
  private tc = new Float64Array(1 << 16);
  private active = new Int8Array(1 << 16);
  private readonly roleNames: string[] = [];
  private readonly roleCodes = new Map<string, number>();
  // The row each organisation was last seen on; records are made once per organisation.
  private readonly lastRowOf = new Map<string, CordisParticipationRow>();
  // Project → organisation → its participation's index: no composite string key per row.
  private readonly byProject = new Map<string, Map<string, number>>();

  get duplicatesMerged(): number {
    return this.mergedCount;
  }

  get participationCount(): number {
    return this.count;
  }

  add(r: CordisParticipationRow): void {
    this.lastRowOf.set(r.organisationId, r);
    let inProject = this.byProject.get(r.projectId);
    if (!inProject) {
      inProject = new Map();
      this.byProject.set(r.projectId, inProject);
    }
    const at = inProject.get(r.organisationId);
    if (at === undefined) {
      inProject.set(r.organisationId, this.count);
      this.keep(this.count++, r);
      this.pending.push(r);
      return;
    }
    this.mergedCount++;
    const merged = this.merge(at, r);
    this.keep(at, merged);
    if (at >= this.taken) this.pending[at - this.taken] = merged;
    else this.corrected.set(at, merged);
  }

  /** The participations first seen since the last call, with their values merged so far. */
  takePending(): CordisParticipationRecord[] {
    const pending = this.pending;
    this.taken = this.count;
    this.pending = [];
    return pending;
  }

  /** Participations merged with a row read after they were taken: their final values. */
  corrections(): CordisParticipationRecord[] {
    return [...this.corrected.values()];
  }

  organisations(): CordisOrganisationRecord[] {
    return Array.from(this.lastRowOf.values(), (r) => ({
      id: r.organisationId,
      vatNumber: r.vatNumber,
      name: r.name,
      shortName: r.shortName,
      sme: r.sme,
      activityType: r.activityType,
      country: r.country,
      city: r.city,
      url: r.url,
    }));
  }

  private merge(at: number, r: CordisParticipationRow): CordisParticipationRecord {
    const rank = (role: string) => ROLE_RANK[role.toLowerCase()] ?? 0;
    const role = this.roleNames[this.roles[at]!]!;
    const ec = this.ec[at]!;
    const tc = this.tc[at]!;
    const active = this.active[at]!;
    return {
      projectId: r.projectId,
      organisationId: r.organisationId,
      role: rank(r.role) > rank(role) ? r.role : role,
      ecContribution: sum(Number.isNaN(ec) ? null : ec, r.ecContribution),
      totalCost: sum(Number.isNaN(tc) ? null : tc, r.totalCost),
      active: active === 1 || r.active === true ? true : (r.active ?? (active === -1 ? null : active === 1)),
    };
  }

  private keep(at: number, p: CordisParticipationRecord): void {
    if (at >= this.roles.length) this.grow();
    let code = this.roleCodes.get(p.role);
    if (code === undefined) {
      code = this.roleNames.push(p.role) - 1;
      this.roleCodes.set(p.role, code);
    }
    this.roles[at] = code;
    this.ec[at] = p.ecContribution ?? Number.NaN;
    this.tc[at] = p.totalCost ?? Number.NaN;
    this.active[at] = p.active === null ? -1 : p.active ? 1 : 0;
  }

  private grow(): void {
    const bigger = <A extends Uint16Array | Float64Array | Int8Array>(from: A, make: (n: number) => A): A => {
      const to = make(from.length * 2);
      to.set(from as never);
      return to;
    };
    this.roles = bigger(this.roles, (n) => new Uint16Array(n));
    this.ec = bigger(this.ec, (n) => new Float64Array(n));
    this.tc = bigger(this.tc, (n) => new Float64Array(n));
    this.active = bigger(this.active, (n) => new Int8Array(n));
  }
}

/** The plan of a whole file's rows at once. */
export function planCordisParticipations(rows: readonly CordisParticipationRow[]): {
  organisations: CordisOrganisationRecord[];
  participations: CordisParticipationRecord[];
  duplicatesMerged: number;
} {
  const plan = new CordisParticipationPlan();
  for (const r of rows) plan.add(r);
  return {
    organisations: plan.organisations(),
    participations: plan.takePending(),
    duplicatesMerged: plan.duplicatesMerged,
  };
}

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
