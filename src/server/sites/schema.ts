import { z } from 'zod';
import { SiteRequirementsSchema } from '../../domain/sites/site-matching.ts';
import { LocalizedSchema } from '../common-schemas.ts';

export const SiteListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  region: z.string().max(64).optional(),
});

export const SiteSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  regionId: z.string().nullable(),
  municipality: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  status: z.string(),
  totalAreaHa: z.number().nullable(),
  /** Free land: the stated available area, else the sum of the plots marked available. */
  availableAreaHa: z.number().nullable(),
  fairwayDepthM: z.number().nullable(),
  /** null: the site does not state it ("not published"), unlike false: it says no. */
  rail: z.boolean().nullable(),
  chemicalsHandling: z.boolean().nullable(),
  /** null: not stated; `none`: stated, no permits yet. */
  permitStatus: z.string().nullable(),
  utilityKinds: z.array(z.string()),
  isPublic: z.boolean(),
});
export type SiteSummary = z.infer<typeof SiteSummarySchema>;

export const SiteListSchema = z.object({ items: z.array(SiteSummarySchema) });

const PlotSchema = z.object({
  id: z.string(),
  areaHa: z.number(),
  zoning: z.string().nullable(),
  available: z.boolean(),
});
const UtilitySchema = z.object({
  kind: z.string(),
  capacity: z.number().nullable(),
  capacityUnit: z.string().nullable(),
  price: z.number().nullable(),
  priceUnit: z.string().nullable(),
  note: z.string().optional(),
});
const ContactSchema = z.object({
  name: z.string(),
  title: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
});

export const SiteSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The operator organisation, when the caller may see it. */
  operatorOrganisationId: z.string().nullable(),
  operatorName: z.string().nullable(),
  regionId: z.string().nullable(),
  municipality: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  status: z.string(),
  description: LocalizedSchema,
  totalAreaHa: z.number().nullable(),
  /** As the site states it; see `plots` for what is free plot by plot. */
  availableAreaHa: z.number().nullable(),
  plots: z.array(PlotSchema),
  utilities: z.array(UtilitySchema),
  portName: z.string().nullable(),
  fairwayDepthM: z.number().nullable(),
  portDistanceKm: z.number().nullable(),
  /** null: not stated by the site, unlike false. */
  rail: z.boolean().nullable(),
  chemicalsHandling: z.boolean().nullable(),
  /** null: not stated; `none`: stated, no permits yet. */
  permitStatus: z.string().nullable(),
  permitNote: z.string().nullable(),
  readyInMonths: z.number().nullable(),
  sharedServices: z.array(z.string()),
  tenants: z.array(z.string()),
  /** Tenants that are organisations of the registry the caller may see. */
  tenantOrganisationIds: z.array(z.string()),
  contacts: z.array(ContactSchema),
  sources: z.array(z.string()),
  isPublic: z.boolean(),
  canEdit: z.boolean(),
});
export type Site = z.infer<typeof SiteSchema>;

export const CompareQuerySchema = z.object({
  ids: z
    .string()
    .max(450)
    .transform((value) =>
      value
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().min(1).max(100))
        .min(2, 'Compare at least 2 sites')
        .max(4, 'Compare at most 4 sites')
        .refine((ids) => new Set(ids).size === ids.length, 'A site is listed twice'),
    ),
});

const ComparisonValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

export const ComparisonSchema = z.object({
  sites: z.array(SiteSummarySchema),
  rows: z.array(
    z.object({
      /** totalAreaHa, availableAreaHa, availablePlots, utility.<kind>, utility.<kind>.capacity,
       * utility.<kind>.price, fairwayDepthM, portDistanceKm, rail, chemicalsHandling,
       * permitStatus, readyInMonths, status, tenants, sharedServices. */
      key: z.string(),
      unit: z.string().nullable(),
      values: z.array(ComparisonValueSchema),
      best: z.array(z.number().int()),
    }),
  ),
});

export const MatchRequestSchema = z.object({
  requirements: SiteRequirementsSchema,
  /** Also list the sites that miss a hard requirement, after the others, with what they miss. */
  includeExcluded: z.boolean().optional(),
});

const ParamsSchema = z.record(z.string(), z.union([z.number(), z.string()]));

export const MatchResultSchema = z.array(
  z.object({
    siteId: z.string(),
    name: z.string(),
    score: z.number().int().min(0).max(100),
    eligible: z.boolean(),
    reasons: z.array(z.object({ key: z.string(), code: z.string(), params: ParamsSchema })),
    unmet: z.array(z.object({ key: z.string(), hard: z.boolean(), code: z.string(), params: ParamsSchema })),
  }),
);
