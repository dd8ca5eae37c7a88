import { z } from 'zod';
import { CHALLENGE_LANGUAGES, CHALLENGE_STATUSES } from '../../domain/challenges/challenge.ts';
import { LANGUAGES } from '../../domain/i18n/localized.ts';
import { LocalizedSchema } from '../common-schemas.ts';

const filterId = z.string().min(1).max(100);

export const SimilarQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

const SimilarReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('concepts'), conceptIds: z.array(z.string()) }),
  z.object({ kind: z.literal('terms'), terms: z.array(z.string()) }),
  z.object({
    kind: z.literal('cross_language'),
    from: z.enum(CHALLENGE_LANGUAGES),
    to: z.enum(CHALLENGE_LANGUAGES),
  }),
]);

export const SimilarChallengesSchema = z.array(
  z.object({
    challenge: z.object({
      id: z.string(),
      title: z.string(),
      language: z.enum(CHALLENGE_LANGUAGES),
      regionId: z.string().nullable(),
      organisationId: z.string().nullable(),
      status: z.enum(CHALLENGE_STATUSES),
    }),
    /** 0–1. */
    score: z.number(),
    reasons: z.array(SimilarReasonSchema),
  }),
);

export const CommonQuerySchema = z.object({
  region: filterId.optional(),
  concept: filterId.optional(),
});

export const ClusterParamsSchema = z.object({ clusterId: z.string().min(1).max(120) });

export const CommonChallengeSchema = z.object({
  clusterId: z.string(),
  regions: z.array(z.string()),
  challenges: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      language: z.enum(CHALLENGE_LANGUAGES),
      regionId: z.string().nullable(),
      organisationId: z.string().nullable(),
      organisationName: z.string().nullable(),
      status: z.enum(CHALLENGE_STATUSES),
    }),
  ),
  concepts: z.array(z.object({ id: z.string(), label: LocalizedSchema })),
  /** Mean similarity of the challenges shown, 0–1. */
  cohesion: z.number(),
  languages: z.array(z.enum(CHALLENGE_LANGUAGES)),
});
export type CommonChallengeOut = z.infer<typeof CommonChallengeSchema>;

export const CommonExportQuerySchema = CommonQuerySchema.extend({
  format: z.enum(['xlsx', 'pdf']).default('xlsx'),
  clusterId: z.string().min(1).max(120).optional(),
  /** The language of the file's headings (the challenges stay in the language they were written in). */
  lang: z.enum(LANGUAGES).default('en'),
});
