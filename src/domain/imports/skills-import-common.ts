import type { Localized } from '../i18n/localized.ts';
import { businessIdFromVat } from '../registry/business-id.ts';
import { slugifyOrganisationName } from '../registry/organisation.ts';
import { normaliseHeaderName } from './column-mapping.ts';
import type { ImportField, RowError } from './import-kind.ts';

/**
 * What the skills imports (survey-responses, training-supply) share: fields, lookups of
 * employers, concepts and regions by what people write in a survey tool, and cell parsing.
 */

export function field(
  key: string,
  required: boolean,
  label: Localized,
  aliases: string[],
  hint?: Localized,
): ImportField {
  return hint ? { key, label, required, aliases, hint } : { key, label, required, aliases };
}

export type ErrorSink = (
  field: string,
  code: string,
  message: string,
  params?: Record<string, string | number>,
) => void;

/** A row's error collector: `fail(field, code, message)`, and which fields already failed. */
export function rowErrors(row: number): { errors: RowError[]; failed: Set<string>; fail: ErrorSink } {
  const errors: RowError[] = [];
  const failed = new Set<string>();
  const fail: ErrorSink = (key, code, message, params) => {
    failed.add(key);
    errors.push({ row, column: null, field: key, code, message, ...(params ? { params } : {}) });
  };
  return { errors, failed, fail };
}

export type NamedConcept = {
  id: string;
  labels: Localized;
  altLabels?: { fi: string[]; sv: string[]; en: string[] };
  notation?: string | null;
};

/**
 * Concepts found by what a survey tool's export holds: the id, the id without its scheme prefix
 * ("process-engineer-chemicals"), a label or alternative label in any language. A name two
 * concepts share finds neither (null marks it ambiguous).
 */
export function conceptIndex(concepts: readonly NamedConcept[]): Map<string, string | null> {
  const index = new Map<string, string | null>();
  const add = (text: string | null | undefined, id: string) => {
    const key = text ? normaliseHeaderName(text) : '';
    if (!key) return;
    const seen = index.get(key);
    if (seen === undefined) index.set(key, id);
    else if (seen !== id) index.set(key, null);
  };
  // Ids first: an id always wins over a label that happens to read the same.
  for (const c of concepts) add(c.id, c.id);
  for (const c of concepts) {
    add(c.id.replace(/^[a-z-]+\./, ''), c.id);
    for (const lang of ['fi', 'sv', 'en'] as const) {
      add(c.labels[lang], c.id);
      for (const alt of c.altLabels?.[lang] ?? []) add(alt, c.id);
    }
  }
  return index;
}

/** Normalised region id or fi/sv/en name → region id. */
export function regionIndex(regions: readonly { id: string; name: Localized }[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const region of regions)
    for (const name of [region.id, region.name.fi, region.name.sv, region.name.en]) {
      const key = normaliseHeaderName(name);
      if (key && !index.has(key)) index.set(key, region.id);
    }
  return index;
}

export type RegistryOrganisation = {
  id: string;
  name: string;
  nameEn: string | null;
  businessId: string | null;
  regionId: string | null;
};

export type OrganisationIndex = {
  byId: Map<string, RegistryOrganisation>;
  byBusinessId: Map<string, RegistryOrganisation>;
  byName: Map<string, RegistryOrganisation[]>;
};

/** A name as people write it: case, accents and the company form (Oy, Ab, Oyj, Ltd …) do not matter. */
export function organisationNameKey(name: string): string {
  return slugifyOrganisationName(name).replace(/-(oy-ab|oy|ab|oyj|abp|ltd|ry|rf|inc|plc|gmbh)$/, '');
}

export function organisationIndex(organisations: readonly RegistryOrganisation[]): OrganisationIndex {
  const byName = new Map<string, RegistryOrganisation[]>();
  for (const o of organisations)
    for (const name of new Set(
      [o.name, o.nameEn].filter((n): n is string => Boolean(n)).map(organisationNameKey),
    )) {
      if (!name) continue;
      byName.set(name, [...(byName.get(name) ?? []), o]);
    }
  return {
    byId: new Map(organisations.map((o) => [o.id, o])),
    byBusinessId: new Map(organisations.flatMap((o) => (o.businessId ? [[o.businessId, o] as const] : []))),
    byName,
  };
}

/**
 * The registry organisation a row names: by business ID (Y-tunnus) when given, else by its name
 * in Finnish or English (or its Kenno id). Failures are row errors on `nameField`/`businessIdField`.
 */
export function resolveOrganisation(
  index: OrganisationIndex,
  name: string,
  businessIdText: string,
  fail: ErrorSink,
  fields: { name: string; businessId: string },
): RegistryOrganisation | null {
  if (businessIdText) {
    const businessId = businessIdFromVat(businessIdText) ?? businessIdText;
    const found = index.byBusinessId.get(businessId);
    if (found) return found;
    if (!name) {
      fail(
        fields.businessId,
        'unknown_business_id',
        `No organisation of the registry has the business ID ${businessId}`,
        {
          value: businessId,
        },
      );
      return null;
    }
  }
  if (!name) {
    fail(fields.name, 'required', 'The organisation is missing');
    return null;
  }
  const byId = index.byId.get(name);
  if (byId) return byId;
  const candidates = index.byName.get(organisationNameKey(name)) ?? [];
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    fail(
      fields.name,
      'ambiguous_organisation',
      `Several organisations are named "${name}" (${candidates.map((c) => c.id).join(', ')}); add the business ID`,
      { value: name, ids: candidates.map((c) => c.id).join(', ') },
    );
    return null;
  }
  fail(
    fields.name,
    'unknown_organisation',
    `"${name}" is not an organisation of the registry; add it there first`,
    {
      value: name,
    },
  );
  return null;
}

/** A whole number of people ("12", "1 200"); '' is empty; anything else — "5+", "2,5", "-1" — is not. */
export function parseCount(text: string, max: number): number | null | 'invalid' {
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (compact === '') return null;
  if (!/^\d+$/.test(compact)) return 'invalid';
  const value = Number(compact);
  return value <= max ? value : 'invalid';
}

/** Items of a list cell: "a; b, c". */
export function splitList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[;,|\n]+/)
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

/** The concept a cell names, or an error for the field. */
export function resolveConcept(
  index: ReadonlyMap<string, string | null>,
  text: string,
  fail: ErrorSink,
  key: string,
  what: string,
): string | null {
  const found = index.get(normaliseHeaderName(text));
  if (found) return found;
  if (found === null)
    fail(key, 'ambiguous', `"${text}" names more than one ${what}; use its id`, { value: text });
  else fail(key, 'unknown', `"${text}" is not a ${what} of Kenno`, { value: text });
  return null;
}
