import { z } from 'zod';

/** CORDIS ids are digits (project grant numbers, organisation PICs). */
export const CordisIdParamsSchema = z.object({ id: z.string().regex(/^\d{1,12}$/, 'a CORDIS id (digits)') });

export const RegistryIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

const LinkMethodSchema = z.enum(['business_id', 'vat', 'name_confirmed']);

export const CordisOrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  vatNumber: z.string().nullable(),
  sme: z.boolean().nullable(),
  activityType: z.string().nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  url: z.string().nullable(),
});

const RegistryRefSchema = z.object({ id: z.string(), name: z.string() });

const TrackRecordSummarySchema = z.object({
  projects: z.number(),
  coordinated: z.number(),
  ecContributionEur: z.number(),
  firstYear: z.number().nullable(),
  lastYear: z.number().nullable(),
  byProgramme: z.array(
    z.object({ frameworkProgramme: z.string(), projects: z.number(), ecContributionEur: z.number() }),
  ),
  concepts: z.array(z.object({ conceptId: z.string(), projects: z.number() })),
});

export const TrackRecordItemSchema = z.object({
  projectId: z.string(),
  acronym: z.string().nullable(),
  title: z.string().nullable(),
  role: z.string(),
  ecContributionEur: z.number().nullable(),
  totalCostEur: z.number().nullable(),
  active: z.boolean().nullable(),
  frameworkProgramme: z.string().nullable(),
  fundingScheme: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  topics: z.array(z.string()),
  conceptIds: z.array(z.string()),
});

export const CordisOrganisationProfileSchema = z.object({
  organisation: CordisOrganisationSchema,
  /** The linked registry organisation, when the caller may read it. */
  registry: RegistryRefSchema.extend({ linkMethod: LinkMethodSchema.nullable() }).nullable(),
  /** A name match waiting for a person, shown to those who may confirm it. */
  suggestion: RegistryRefSchema.nullable(),
  canManageLink: z.boolean(),
  summary: TrackRecordSummarySchema,
  trackRecord: z.array(TrackRecordItemSchema),
  /** Participations in all; `trackRecord` lists at most 500. */
  totalParticipations: z.number(),
});

export const CordisProjectSchema = z.object({
  project: z.object({
    id: z.string(),
    acronym: z.string(),
    title: z.string(),
    status: z.string().nullable(),
    frameworkProgramme: z.string().nullable(),
    legalBasis: z.string().nullable(),
    masterCall: z.string().nullable(),
    subCall: z.string().nullable(),
    fundingScheme: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    ecMaxContributionEur: z.number().nullable(),
    totalCostEur: z.number().nullable(),
    objective: z.string(),
    keywords: z.string(),
    conceptIds: z.array(z.string()),
    topics: z.array(z.object({ code: z.string(), title: z.string().nullable() })),
  }),
  participants: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      shortName: z.string().nullable(),
      country: z.string().nullable(),
      city: z.string().nullable(),
      activityType: z.string().nullable(),
      sme: z.boolean().nullable(),
      role: z.string(),
      ecContributionEur: z.number().nullable(),
      totalCostEur: z.number().nullable(),
      active: z.boolean().nullable(),
      /** Set when the participant is linked to a registry organisation the caller may read. */
      registryOrganisationId: z.string().nullable(),
    }),
  ),
  fieldsOfScience: z.array(z.object({ code: z.string(), path: z.string(), title: z.string() })),
});

export const LinkListQuerySchema = z.object({
  status: z.enum(['suggested', 'linked']).default('suggested'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const LinkItemSchema = z.object({
  cordisOrganisation: CordisOrganisationSchema.pick({
    id: true,
    name: true,
    shortName: true,
    vatNumber: true,
    city: true,
    country: true,
  }),
  participations: z.number(),
  registry: RegistryRefSchema.extend({ regionId: z.string().nullable(), businessId: z.string().nullable() }),
  status: z.enum(['suggested', 'linked']),
  linkMethod: LinkMethodSchema.nullable(),
});

export const LinkListSchema = z.object({ items: z.array(LinkItemSchema), total: z.number() });

export const LinkActionBodySchema = z.object({ action: z.enum(['confirm', 'reject', 'unlink']) });

export const LinkStateSchema = z.object({
  id: z.string(),
  registryOrganisationId: z.string().nullable(),
  linkMethod: LinkMethodSchema.nullable(),
  suggestedOrganisationId: z.string().nullable(),
});

export const RegistryCordisSchema = z.object({
  organisations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      linkMethod: LinkMethodSchema.nullable(),
      summary: TrackRecordSummarySchema,
    }),
  ),
  projects: z.array(TrackRecordItemSchema.extend({ cordisOrganisationId: z.string() })),
});
