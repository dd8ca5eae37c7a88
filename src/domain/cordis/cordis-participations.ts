import type { ImportField, ImportKindDefinition, RowResult } from '../imports/import-kind.ts';
import { normaliseVatNumber } from './cordis-values.ts';
import { CORDIS_MAX_BYTES, field, L, MAX_TEXT, RowChecker } from './cordis-rows.ts';

/**
 * CORDIS organization.csv (one row per participation), pure part: its fields, a row's rules, and
 * the plan that folds the rows into organisations and participations. Kept apart from the other
 * CORDIS files (cordis-import.ts) because it is read in a thread of its own (decision 017),
 * which should not load what it does not need (the text tagger of project.csv).
 */

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

function sameOrganisation(a: CordisParticipationRow, b: CordisParticipationRow): boolean {
  return (
    a.name === b.name &&
    a.vatNumber === b.vatNumber &&
    a.shortName === b.shortName &&
    a.sme === b.sme &&
    a.activityType === b.activityType &&
    a.country === b.country &&
    a.city === b.city &&
    a.url === b.url
  );
}

/** The coordinator's role wins when one organisation appears twice in one project. */
const ROLE_RANK: Record<string, number> = { coordinator: 3, participant: 2, beneficiary: 2, partner: 1 };

const sum = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
const rank = (role: string) => ROLE_RANK[role.toLowerCase()] ?? 0;

/**
 * One participation from two listings of it, `earlier` first in the file: the higher role (the
 * earlier on a tie), the amounts added up, active if either is, else the later's say. Folding
 * a participation's rows in any grouping gives the same (a file read in two parts: decision 017).
 */
export function mergeParticipations(
  earlier: CordisParticipationRecord,
  later: Pick<CordisParticipationRecord, 'role' | 'ecContribution' | 'totalCost' | 'active'>,
): CordisParticipationRecord {
  return {
    projectId: earlier.projectId,
    organisationId: earlier.organisationId,
    role: rank(later.role) > rank(earlier.role) ? later.role : earlier.role,
    ecContribution: sum(earlier.ecContribution, later.ecContribution),
    totalCost: sum(earlier.totalCost, later.totalCost),
    active: earlier.active === true || later.active === true ? true : (later.active ?? earlier.active),
  };
}

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
    // An organisation's rows mostly repeat its details: keeping the first of equal rows lets
    // the others die young (a million rows kept one by one cost seconds of garbage collection).
    const last = this.lastRowOf.get(r.organisationId);
    if (last === undefined || !sameOrganisation(last, r)) this.lastRowOf.set(r.organisationId, r);
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

  projectIds(): string[] {
    return [...this.byProject.keys()];
  }

  organisationIds(): string[] {
    return [...this.lastRowOf.keys()];
  }

  /** The participations in `projects`, with their values merged so far. */
  participationsIn(projects: Iterable<string>): CordisParticipationRecord[] {
    const found: CordisParticipationRecord[] = [];
    for (const projectId of projects) {
      for (const [organisationId, at] of this.byProject.get(projectId) ?? []) {
        found.push(this.kept(at, projectId, organisationId));
      }
    }
    return found;
  }

  /** The organisations, but for those in `excluding` (listed again later in the file). */
  organisations(excluding?: ReadonlySet<string>): CordisOrganisationRecord[] {
    const rows = excluding
      ? [...this.lastRowOf.values()].filter((r) => !excluding.has(r.organisationId))
      : this.lastRowOf.values();
    return Array.from(rows, (r) => ({
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
    return mergeParticipations(this.kept(at, r.projectId, r.organisationId), r);
  }

  /** A participation as kept in the typed arrays. */
  private kept(at: number, projectId: string, organisationId: string): CordisParticipationRecord {
    const ec = this.ec[at]!;
    const tc = this.tc[at]!;
    const active = this.active[at]!;
    return {
      projectId,
      organisationId,
      role: this.roleNames[this.roles[at]!]!,
      ecContribution: Number.isNaN(ec) ? null : ec,
      totalCost: Number.isNaN(tc) ? null : tc,
      active: active === -1 ? null : active === 1,
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
