import { z } from 'zod';
import { LocalizedSchema } from '../common-schemas.ts';

/** Municipality names are official in Finnish and Swedish only. */
export const MunicipalityNameSchema = z.object({ fi: z.string(), sv: z.string() });

export const MunicipalitySchema = z.object({
  code: z.string().describe('Statistics Finland municipality number (3 digits)'),
  name: MunicipalityNameSchema,
});

export const RegionSchema = z.object({
  id: z.string(),
  code: z.string().describe('Statistics Finland maakunta code of the region'),
  nuts3: z.string().describe('NUTS 2024 level-3 code'),
  name: LocalizedSchema,
  maakunta: z.object({ code: z.string(), name: LocalizedSchema }),
  specialisation: z.object({ stated: LocalizedSchema, conceptIds: z.array(z.string()) }),
  organisationCount: z.number().int(),
});

export const RegionDetailSchema = RegionSchema.extend({
  specialisation: z.object({
    stated: LocalizedSchema,
    conceptIds: z.array(z.string()),
    concepts: z
      .array(z.object({ id: z.string(), level: z.number().int(), labels: LocalizedSchema }))
      .describe('The stated concepts with their labels, in the order stated'),
  }),
  organisationCount: z
    .number()
    .int()
    .describe('Organisations of the region the caller may see (visitors: public ones)'),
  municipalities: z.array(MunicipalitySchema).describe('The municipalities that make up the network region'),
  mainMunicipality: z
    .string()
    .nullable()
    .describe('Code of the main city, where unlocated organisations are shown'),
  sources: z.array(z.string()),
});

export const SpecialisationQuerySchema = z.object({
  maxLevel: z.coerce
    .number()
    .int()
    .min(1)
    .max(3)
    .default(2)
    .describe('Deepest value-chain level included: 1 = stages, 2 = the default'),
});

export const SpecialisationEntrySchema = z.object({
  conceptId: z.string(),
  labels: LocalizedSchema,
  lq: z
    .number()
    .nullable()
    .describe(
      'Location quotient: (region count / region competences at this level) / (network count / network competences at this level); null when undefined',
    ),
  count: z
    .number()
    .int()
    .describe('Organisations of the region with a competence in the concept or a narrower one'),
  level: z.number().int(),
  parentId: z.string().nullable(),
  share: z.number(),
  networkCount: z.number().int(),
  networkShare: z.number(),
  fewData: z.boolean().describe('count below 3: read the LQ as a hint only'),
  stated: z.boolean().describe("The concept is one of the region's stated specialisation concepts"),
});

export const MatrixQuerySchema = z.object({
  level: z.coerce
    .number()
    .int()
    .min(1)
    .max(2)
    .default(1)
    .describe('1 = value-chain stages, 2 = their sub-stages'),
});

export const MatrixSchema = z.object({
  level: z.number().int(),
  regions: z.array(
    z.object({
      id: z.string(),
      name: LocalizedSchema,
      organisationCount: z.number().int().describe('Organisations of the region the caller may see'),
    }),
  ),
  rows: z.array(
    z.object({
      conceptId: z.string(),
      parentId: z.string().nullable(),
      labels: LocalizedSchema,
      counts: z
        .record(z.string(), z.number().int())
        .describe('Region id → organisations of the region with a competence in the concept (rolled up)'),
      total: z.number().int(),
    }),
  ),
});

export const MapPointSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  municipality: MunicipalitySchema,
  lon: z.number(),
  lat: z.number(),
  placedBy: z
    .enum(['municipality', 'region'])
    .describe(
      "'region': the organisation names no known municipality and is shown at its region's main city",
    ),
  stages: z
    .array(z.string())
    .describe('Level-1 value-chain concepts of its competences; the first is that of its core competence'),
});

export const EcosystemMapSchema = z.object({
  regions: z.array(
    z.object({
      id: z.string(),
      name: LocalizedSchema,
      municipalities: z.array(MunicipalitySchema),
      mainMunicipality: z.string().nullable().describe('Code of the main city'),
      organisations: z.array(MapPointSchema),
    }),
  ),
  outside: z
    .array(MapPointSchema)
    .describe('Organisations outside the network regions, placed by municipality'),
  unplaced: z
    .number()
    .int()
    .describe('Organisations the caller may see that have neither a region nor a known municipality'),
});

export type MapPoint = z.infer<typeof MapPointSchema>;
export type EcosystemMap = z.infer<typeof EcosystemMapSchema>;
