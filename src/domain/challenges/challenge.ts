import { z } from 'zod';
import type { UserActor } from '../auth/roles.ts';

/**
 * A research or industry challenge as people write it (PRODUCT.md, module 3): the input
 * schemas that validate the API, the status lifecycle, and the rules for concepts and scope.
 */
export const CHALLENGE_LANGUAGES = ['fi', 'sv', 'en'] as const;
export const CHALLENGE_STATUSES = ['new', 'validated', 'common', 'in_project', 'merged', 'rejected'] as const;
/** short < 2 years, medium 2–5 years, long > 5 years. */
export const HORIZONS = ['short', 'medium', 'long'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

export const MAX_TITLE = 300;
export const MAX_DESCRIPTION = 10_000;
export const MAX_COMMENT = 5_000;
/** The tagger's best concepts kept as suggestions. */
export const MAX_SUGGESTED_CONCEPTS = 8;

const text = (max: number) => z.string().trim().max(max);
const trl = z.number().int().min(1).max(9).nullable();
const id = z.string().min(1).max(100);

const ChallengeFields = z.object({
  title: text(MAX_TITLE).min(3),
  description: text(MAX_DESCRIPTION).min(10),
  language: z.enum(CHALLENGE_LANGUAGES),
  regionId: z.string().max(64).nullable(),
  organisationId: id.nullable(),
  /** The concepts a person confirmed; without them, the tagger's suggestions. */
  conceptIds: z
    .array(id)
    .max(30)
    .transform((ids) => [...new Set(ids)]),
  trlNow: trl,
  trlWanted: trl,
  horizon: z.enum(HORIZONS).nullable(),
  isPublic: z.boolean(),
});

function trlOrder(value: { trlNow?: number | null; trlWanted?: number | null }, ctx: z.RefinementCtx) {
  const problem = trlProblem(value.trlNow ?? null, value.trlWanted ?? null);
  if (problem) ctx.addIssue({ code: 'custom', path: ['trlWanted'], message: problem });
}

export const ChallengeInputSchema = ChallengeFields.partial()
  .required({ title: true, description: true, language: true })
  .superRefine(trlOrder);
export type ChallengeInput = z.infer<typeof ChallengeInputSchema>;

export const ChallengePatchSchema = ChallengeFields.partial()
  .extend({ status: z.enum(CHALLENGE_STATUSES).optional() })
  .superRefine(trlOrder);
export type ChallengePatch = z.infer<typeof ChallengePatchSchema>;

export const CommentInputSchema = z.object({ body: text(MAX_COMMENT).min(1) });
export const MergeInputSchema = z.object({ targetId: id });

/** The TRL wanted is where the work should get to: never below where it is now. */
export function trlProblem(now: number | null, wanted: number | null): string | null {
  return now !== null && wanted !== null && wanted < now
    ? 'The TRL wanted cannot be below the TRL now'
    : null;
}

/**
 * The lifecycle: new → validated → common → in_project, rejected from any open status and
 * back to new. `merged` is reached only by merging (it keeps the row as a redirect).
 */
const TRANSITIONS: Record<ChallengeStatus, readonly ChallengeStatus[]> = {
  new: ['validated', 'rejected'],
  validated: ['new', 'common', 'rejected'],
  common: ['validated', 'in_project', 'rejected'],
  in_project: ['common'],
  rejected: ['new'],
  merged: [],
};

export function statusChangeProblem(from: ChallengeStatus, to: ChallengeStatus): string | null {
  if (from === to) return null;
  if (to === 'merged') return 'A challenge is merged by merging it into another (POST …/merge)';
  if (from === 'merged') return 'A merged challenge cannot change status';
  if (!TRANSITIONS[from].includes(to)) return `A challenge cannot go from ${from} to ${to}`;
  return null;
}

/** Statuses a project idea can take a challenge from (it then goes to in_project). */
export function projectStatusProblem(status: ChallengeStatus): string | null {
  if (status === 'merged') return 'A merged challenge cannot join a project; use the one it was merged into';
  if (status === 'rejected') return 'A rejected challenge cannot join a project';
  return null;
}

/** The tagger's results (best first) as suggested concept ids. */
export function suggestedConcepts(results: readonly { conceptId: string }[]): string[] {
  return results.slice(0, MAX_SUGGESTED_CONCEPTS).map((r) => r.conceptId);
}

/**
 * The concepts after an edit. Concepts a person gives are kept as given. When the text changed
 * and the concepts were still the tagger's own suggestions, they follow the new suggestions;
 * a set a person corrected stays as it is.
 */
export function nextConceptIds(
  before: { conceptIds: readonly string[]; suggestedConceptIds: readonly string[] },
  newSuggestions: string[] | null,
  given: string[] | undefined,
): string[] {
  if (given) return given;
  if (!newSuggestions) return [...before.conceptIds];
  return sameSet(before.conceptIds, before.suggestedConceptIds) ? newSuggestions : [...before.conceptIds];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
}

/**
 * Whether the actor may file a challenge under this organisation: members for their own,
 * coordinators for organisations of their region, admins for any; anyone for none.
 */
export function organisationScopeProblem(
  actor: UserActor,
  organisation: { id: string; regionId: string | null } | null,
): string | null {
  if (!organisation || actor.role === 'admin') return null;
  if (actor.role === 'coordinator' && organisation.regionId === actor.regionId) return null;
  if (actor.organisationId === organisation.id) return null;
  return actor.role === 'coordinator'
    ? 'Coordinators file challenges for organisations of their own region'
    : 'Members file challenges for their own organisation';
}
