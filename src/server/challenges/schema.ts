import { z } from 'zod';
import { CHALLENGE_LANGUAGES, CHALLENGE_STATUSES, HORIZONS } from '../../domain/challenges/challenge.ts';
import { LocalizedSchema } from '../common-schemas.ts';

const filterId = z.string().min(1).max(100);

export const ChallengeListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  region: filterId.optional(),
  concept: filterId.optional(),
  status: z.enum(CHALLENGE_STATUSES).optional(),
  language: z.enum(CHALLENGE_LANGUAGES).optional(),
  organisation: filterId.optional(),
  /** Without it: best match first when searching, else newest first. */
  sort: z.enum(['newest', 'supports']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const RankingQuerySchema = z.object({
  region: filterId.optional(),
  status: z.enum(CHALLENGE_STATUSES).optional(),
  /** The best this many. */
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const ChallengeSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  language: z.enum(CHALLENGE_LANGUAGES),
  regionId: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  conceptIds: z.array(z.string()),
  status: z.enum(CHALLENGE_STATUSES),
  trlNow: z.number().int().nullable(),
  trlWanted: z.number().int().nullable(),
  horizon: z.enum(HORIZONS).nullable(),
  isPublic: z.boolean(),
  supportCount: z.number().int(),
  commentCount: z.number().int(),
  createdAt: z.string(),
  /** Set when this challenge was merged into another: its address then points there. */
  mergedIntoId: z.string().nullable(),
});

export const HistoryEntrySchema = z.object({
  at: z.string(),
  event: z.string(),
  actorName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** The challenge the event happened to: this one, or one merged into it. */
  challengeId: z.string(),
});

export const ChallengeSchema = ChallengeSummarySchema.extend({
  description: z.string(),
  /** What the tagger found in the title and description (conceptIds is what a person confirmed). */
  suggestedConceptIds: z.array(z.string()),
  createdByName: z.string().nullable(),
  supportedByMe: z.boolean(),
  followedByMe: z.boolean(),
  canEdit: z.boolean(),
  canModerate: z.boolean(),
  canEvaluate: z.boolean(),
  mergedFrom: z.array(z.object({ id: z.string(), title: z.string() })),
  history: z.array(HistoryEntrySchema),
});
export type Challenge = z.infer<typeof ChallengeSchema>;

export const ChallengePageSchema = z.object({
  items: z.array(ChallengeSummarySchema),
  total: z.number().int(),
});

export const SupportStateSchema = z.object({ supportCount: z.number().int(), supportedByMe: z.boolean() });
export const FollowStateSchema = z.object({ followedByMe: z.boolean() });

export const CommentSchema = z.object({
  id: z.string(),
  body: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});

export const CriterionSchema = z.object({
  id: z.string(),
  label: LocalizedSchema,
  description: LocalizedSchema,
  weight: z.number(),
  maxScore: z.number().int(),
  position: z.number().int(),
  active: z.boolean(),
});

const PerCriterionSchema = z.record(z.string(), z.number());

export const EvaluationSchema = z.object({
  criteria: z.array(CriterionSchema),
  /** The asking evaluator's own scores and private note; nobody else's note is ever sent. */
  mine: z.object({ scores: z.record(z.string(), z.number()), note: z.string() }).nullable(),
  summary: z.object({
    score: z.number().nullable(),
    evaluatorCount: z.number().int(),
    perCriterion: PerCriterionSchema,
  }),
});

export const RankingRowSchema = z.object({
  challenge: ChallengeSummarySchema,
  /** 0–100: weighted mean of the criterion means, each normalised by its maxScore. */
  score: z.number(),
  evaluatorCount: z.number().int(),
  perCriterion: PerCriterionSchema,
});
