/**
 * Industrial sites: the fields an investor compares (land, utilities and their price, port,
 * rail, permits, services, tenants) and the one schema that validates a form, the API and an
 * import. Pure: no I/O.
 */
import { z } from 'zod';
import type { Localized } from '../i18n/localized.ts';
import { localizedPart, text } from './fields.ts';
import { slugifyOrganisationName, WebsiteSchema } from '../registry/organisation.ts';

export const SITE_STATUSES = ['operating', 'developing', 'planned'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

/** In order: a site that has a later status also has every earlier one. */
export const PERMIT_STATUSES = ['none', 'zoned', 'eia_done', 'environmental_permit', 'seveso_ready'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

export function permitRank(status: string): number {
  const rank = PERMIT_STATUSES.indexOf(status as PermitStatus);
  return rank < 0 ? 0 : rank;
}

export const UTILITY_KINDS = [
  'electricity',
  'steam',
  'process_water',
  'cooling_water',
  'demineralised_water',
  'wastewater_treatment',
  'industrial_gases',
  'natural_gas',
  'hydrogen',
  'district_heat',
] as const;
export type UtilityKind = (typeof UTILITY_KINDS)[number];

/** The unit a utility's capacity and price are given in unless the site says otherwise. */
export const UTILITY_UNITS: Record<UtilityKind, { capacity: string | null; price: string | null }> = {
  electricity: { capacity: 'MW', price: '€/MWh' },
  steam: { capacity: 't/h', price: '€/t' },
  process_water: { capacity: 'm³/h', price: '€/m³' },
  cooling_water: { capacity: 'm³/h', price: '€/m³' },
  demineralised_water: { capacity: 'm³/h', price: '€/m³' },
  wastewater_treatment: { capacity: 'm³/d', price: '€/m³' },
  industrial_gases: { capacity: null, price: null },
  natural_gas: { capacity: 'MW', price: '€/MWh' },
  hydrogen: { capacity: 't/a', price: '€/kg' },
  district_heat: { capacity: 'MW', price: '€/MWh' },
};

export const UTILITY_LABELS: Record<UtilityKind, Localized> = {
  electricity: { fi: 'Sähkö', sv: 'El', en: 'Electricity' },
  steam: { fi: 'Höyry', sv: 'Ånga', en: 'Steam' },
  process_water: { fi: 'Prosessivesi', sv: 'Processvatten', en: 'Process water' },
  cooling_water: { fi: 'Jäähdytysvesi', sv: 'Kylvatten', en: 'Cooling water' },
  demineralised_water: {
    fi: 'Täyssuolanpoistettu vesi',
    sv: 'Avjoniserat vatten',
    en: 'Demineralised water',
  },
  wastewater_treatment: { fi: 'Jätevedenkäsittely', sv: 'Avloppsvattenrening', en: 'Wastewater treatment' },
  industrial_gases: { fi: 'Teollisuuskaasut', sv: 'Industrigaser', en: 'Industrial gases' },
  natural_gas: { fi: 'Maakaasu', sv: 'Naturgas', en: 'Natural gas' },
  hydrogen: { fi: 'Vety', sv: 'Vätgas', en: 'Hydrogen' },
  district_heat: { fi: 'Kaukolämpö', sv: 'Fjärrvärme', en: 'District heat' },
};

const nonNegative = (max: number) => z.number().finite().min(0).max(max);

export const SitePlotSchema = z.object({
  id: text(100).min(1),
  areaHa: nonNegative(100_000),
  zoning: text(300).nullable(),
  available: z.boolean(),
});

export const SiteUtilitySchema = z.object({
  kind: z.enum(UTILITY_KINDS),
  capacity: nonNegative(1e9).nullable(),
  /** Defaults to the kind's usual unit (UTILITY_UNITS). */
  capacityUnit: text(20).nullable().optional(),
  price: nonNegative(1e7).nullable(),
  priceUnit: text(20).nullable().optional(),
  note: text(500).nullable().optional(),
});
export type SiteUtilityInput = z.infer<typeof SiteUtilitySchema>;

export const SiteContactSchema = z.object({
  name: text(200).min(1),
  title: text(200).nullable().optional(),
  email: z.string().trim().max(254).pipe(z.email()).nullable().optional(),
  phone: text(40).nullable().optional(),
});

const siteFields = {
  name: text(300).min(2),
  operatorOrganisationId: z.string().min(1).max(100).nullable().optional(),
  regionId: z.string().min(1).max(64).nullable().optional(),
  municipality: text(120).nullable().optional(),
  lat: z.number().finite().min(-90).max(90).nullable().optional(),
  lon: z.number().finite().min(-180).max(180).nullable().optional(),
  status: z.enum(SITE_STATUSES).optional(),
  description: localizedPart(5000).optional(),
  totalAreaHa: nonNegative(1_000_000).nullable().optional(),
  availableAreaHa: nonNegative(1_000_000).nullable().optional(),
  plots: z.array(SitePlotSchema).max(200).optional(),
  utilities: z.array(SiteUtilitySchema).max(30).optional(),
  portName: text(200).nullable().optional(),
  fairwayDepthM: nonNegative(50).nullable().optional(),
  portDistanceKm: nonNegative(10_000).nullable().optional(),
  /** null: the site does not state it ("not stated" on a form), which is not the same as no. */
  rail: z.boolean().nullable().optional(),
  chemicalsHandling: z.boolean().nullable().optional(),
  /** null: not stated; `none` is a stated "no permits yet". */
  permitStatus: z.enum(PERMIT_STATUSES).nullable().optional(),
  permitNote: text(1000).nullable().optional(),
  readyInMonths: nonNegative(600).nullable().optional(),
  sharedServices: z.array(text(200).min(1)).max(100).optional(),
  tenants: z.array(text(300).min(1)).max(200).optional(),
  tenantOrganisationIds: z.array(z.string().min(1).max(100)).max(200).optional(),
  contacts: z.array(SiteContactSchema).max(50).optional(),
  sources: z.array(WebsiteSchema).max(50).optional(),
  isPublic: z.boolean().optional(),
};

type SiteShape = {
  lat?: number | null;
  lon?: number | null;
  totalAreaHa?: number | null;
  availableAreaHa?: number | null;
  utilities?: { kind: string }[];
  plots?: { id: string }[];
};

/** Rules across fields, for a whole site and for a change to one. */
function checkSite(site: SiteShape, ctx: z.RefinementCtx): void {
  const hasLat = site.lat !== undefined && site.lat !== null;
  const hasLon = site.lon !== undefined && site.lon !== null;
  if (hasLat !== hasLon) {
    ctx.addIssue({
      code: 'custom',
      path: [hasLat ? 'lon' : 'lat'],
      message: 'Give both latitude and longitude, or neither',
    });
  }
  if (
    typeof site.totalAreaHa === 'number' &&
    typeof site.availableAreaHa === 'number' &&
    site.availableAreaHa > site.totalAreaHa
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['availableAreaHa'],
      message: 'The available area is larger than the total area',
    });
  }
  const kinds = (site.utilities ?? []).map((u) => u.kind);
  const repeated = kinds.find((k, i) => kinds.indexOf(k) !== i);
  if (repeated) {
    ctx.addIssue({
      code: 'custom',
      path: ['utilities'],
      message: `The utility "${repeated}" is listed twice`,
    });
  }
  const plotIds = (site.plots ?? []).map((p) => p.id);
  const plot = plotIds.find((id, i) => plotIds.indexOf(id) !== i);
  if (plot) ctx.addIssue({ code: 'custom', path: ['plots'], message: `The plot id "${plot}" is used twice` });
}

export const SiteInputSchema = z.object(siteFields).superRefine(checkSite);
export type SiteInput = z.infer<typeof SiteInputSchema>;

/** A change: latitude and longitude change together. */
export const SitePatchSchema = z
  .object(siteFields)
  .partial()
  .superRefine((patch, ctx) => {
    if ((patch.lat === undefined) !== (patch.lon === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [patch.lat === undefined ? 'lat' : 'lon'],
        message: 'Change latitude and longitude together',
      });
    }
    checkSite(patch, ctx);
  });
export type SitePatch = z.infer<typeof SitePatchSchema>;

/** A stored utility: units filled in from the kind when the site gave none. */
export type SiteUtility = {
  kind: string;
  capacity: number | null;
  capacityUnit: string | null;
  price: number | null;
  priceUnit: string | null;
  note?: string;
};

export function normaliseUtility(u: SiteUtilityInput): SiteUtility {
  const units = UTILITY_UNITS[u.kind];
  return {
    kind: u.kind,
    capacity: u.capacity,
    capacityUnit: u.capacityUnit ?? units.capacity,
    price: u.price,
    priceUnit: u.priceUnit ?? units.price,
    ...(u.note ? { note: u.note } : {}),
  };
}

/** Everything matching and comparison read from a site. */
export type SiteFacts = {
  id: string;
  name: string;
  regionId: string | null;
  status: string;
  totalAreaHa: number | null;
  availableAreaHa: number | null;
  plots: { id: string; areaHa: number; zoning: string | null; available: boolean }[];
  utilities: SiteUtility[];
  fairwayDepthM: number | null;
  portDistanceKm: number | null;
  /** null: not stated by the site — "not published", never "no". */
  rail: boolean | null;
  chemicalsHandling: boolean | null;
  permitStatus: string | null;
  readyInMonths: number | null;
  sharedServices: string[];
  tenants: string[];
};

/** Land free for a newcomer: the stated available area, else the plots marked available. */
export function availableLandHa(site: Pick<SiteFacts, 'availableAreaHa' | 'plots'>): number | null {
  if (site.availableAreaHa !== null) return site.availableAreaHa;
  const free = site.plots.filter((p) => p.available);
  return free.length ? free.reduce((sum, p) => sum + p.areaHa, 0) : null;
}

export function findUtility(site: Pick<SiteFacts, 'utilities'>, kind: UtilityKind): SiteUtility | undefined {
  return site.utilities.find((u) => u.kind === kind);
}

/** A stable id from a name (the registry's slug), so a re-imported site keeps its address. */
export const slugifySiteName = slugifyOrganisationName;

/** JSON with object keys sorted: equal values give equal text, as jsonb reorders keys. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const nameCollator = new Intl.Collator('fi', { sensitivity: 'base', numeric: true });

/** Sites in Finnish name order (then by id): the order of lists and of equal match scores. */
export function sortSitesByName<T extends { id: string; name: string }>(sites: readonly T[]): T[] {
  return [...sites].sort((a, b) => nameCollator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}
