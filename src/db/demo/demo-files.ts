import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ORGANISATION_TYPES } from '../../domain/registry/organisation.ts';

/** The shipped reference and demo data (see data/README.md for provenance). */
export const DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));

const Localized = z.object({ fi: z.string(), sv: z.string(), en: z.string() });

const RegionsFileSchema = z.object({
  regions: z.array(
    z.object({
      id: z.string(),
      city_region: Localized,
      maakunta: z.object({ code: z.string(), fi: z.string(), sv: z.string(), en: z.string() }),
      nuts3: z.object({ nuts2024: z.string() }),
      specialisation: z.object({
        stated: z.string(),
        stated_i18n: Localized.optional(),
        concept_ids: z.array(z.string()),
      }),
      municipalities: z.array(z.object({ code: z.string(), fi: z.string(), sv: z.string() })).optional(),
      source: z.array(z.string()),
    }),
  ),
});

const ValueChainFileSchema = z.object({
  concepts: z.array(
    z.object({
      id: z.string(),
      parent: z.string().nullable(),
      level: z.number().int(),
      labels: Localized,
      alt_labels: z
        .object({
          fi: z.array(z.string()).optional(),
          sv: z.array(z.string()).optional(),
          en: z.array(z.string()).optional(),
        })
        .optional(),
      source: z.array(z.string()),
    }),
  ),
});

const DemoOrganisationsSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    type: z.enum(ORGANISATION_TYPES),
    maakuntaCode: z.string().nullable(),
    regionId: z.string().nullable(),
    municipality: z.string().nullable(),
    businessId: z.string().nullable(),
    website: z.string().nullable(),
    valueChainIds: z.array(z.string()),
    description: Localized,
    sources: z.array(z.string()),
  }),
);

export type RegionsFile = z.infer<typeof RegionsFileSchema>;
export type ValueChainFile = z.infer<typeof ValueChainFileSchema>;
export type DemoOrganisations = z.infer<typeof DemoOrganisationsSchema>;

function readJson<T>(schema: z.ZodType<T>, relative: string): T {
  const file = path.join(DATA_DIR, relative);
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not valid: ${parsed.error.message}`);
  return parsed.data;
}

export function readDemoFiles() {
  return {
    regions: readJson(RegionsFileSchema, 'reference/regions.json'),
    valueChain: readJson(ValueChainFileSchema, 'reference/value-chain.json'),
    organisations: readJson(DemoOrganisationsSchema, 'demo/organisations.json'),
  };
}
