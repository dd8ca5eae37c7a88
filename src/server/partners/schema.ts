import { z } from 'zod';
import { CandidateSchema } from '../projects/consortium-schema.ts';

const Key = z
  .string()
  .min(1)
  .max(250)
  .regex(/^(registry|cordis):\S+$/, 'A candidate key: registry:<organisation id> or cordis:<organisationID>');

export const PartnerFiltersSchema = z.object({
  countries: z
    .array(z.string().regex(/^[A-Za-z]{2}$/, 'A two-letter country code'))
    .max(60)
    .optional()
    .describe('ISO 3166-1 alpha-2; CORDIS EL and UK are read as GR and GB'),
  types: z
    .array(z.string().min(1).max(60))
    .max(30)
    .optional()
    .describe('Registry types (company, university …) or CORDIS activity types (PRC, HES, REC, PUB, OTH)'),
  sme: z.boolean().optional(),
});

export const PartnerSearchSchema = z
  .object({
    challengeId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('Start from a challenge: its text and concepts'),
    text: z.string().max(5000).optional().describe('Free text in fi, sv or en'),
    topic: z
      .string()
      .min(1)
      .max(120)
      .optional()
      .describe('A call topic id, e.g. HORIZON-CL5-2024-D2-01-03 (a prefix matches its sub-topics)'),
    conceptIds: z.array(z.string().min(1).max(200)).max(50).optional(),
    chosen: z.array(Key).max(50).optional().describe('Partners already chosen: left out, and judged against'),
    projectId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('A project: its partners are the chosen ones, its concepts part of the query'),
    filters: PartnerFiltersSchema.optional(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .refine((b) => Boolean(b.challengeId || b.text?.trim() || b.topic || b.conceptIds?.length || b.projectId), {
    message: 'Give a challenge, a text, a call topic, concepts or a project',
  });

/** The candidate as the consortium builder shows it (one schema for both routes). */
export const PartnerCandidateSchema = CandidateSchema;

const ProjectRefSchema = z.object({
  id: z.string(),
  acronym: z.string(),
  title: z.string(),
  year: z.number().int().nullable(),
});

export const PartnerReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('text'), params: z.object({ words: z.array(z.string()) }) }),
  z.object({ code: z.literal('concepts'), params: z.object({ conceptIds: z.array(z.string()) }) }),
  z.object({
    code: z.literal('trackRecord'),
    params: z.object({
      projects: z.number().int(),
      coordinated: z.number().int(),
      ecContributionEur: z.number(),
      best: ProjectRefSchema.nullable(),
    }),
  }),
  z.object({ code: z.literal('topic'), params: z.object({ topic: z.string() }) }),
  z.object({ code: z.literal('complementarity'), params: z.object({ stageIds: z.array(z.string()) }) }),
]);

export const PartnerSearchResultSchema = z.object({
  results: z.array(
    z.object({
      candidate: PartnerCandidateSchema,
      score: z.number().describe('0–1'),
      parts: z.object({
        text: z.number(),
        concepts: z.number(),
        trackRecord: z.number(),
        complementarity: z.number(),
      }),
      reasons: z.array(PartnerReasonSchema),
    }),
  ),
  total: z.number().int().describe('Candidates with any relevance that pass the filters'),
  query: z.object({
    conceptIds: z.array(z.string()).describe('The value-chain concepts searched for, strongest first'),
    chosen: z
      .array(z.object({ key: z.string(), name: z.string() }))
      .describe('The chosen partners with their names (the key when not known or not readable)'),
  }),
});
