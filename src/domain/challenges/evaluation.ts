import { z } from 'zod';

/**
 * Evaluators score challenges on criteria admins configure. A challenge's score is the weighted
 * mean of its criterion means, each normalised by the criterion's maxScore, on 0–100.
 * Inactive criteria are ignored; a criterion nobody scored yet is left out of the mean (it
 * neither pulls the score down nor up); a challenge nobody scored has no score (null).
 */
export type ScoredCriterion = { id: string; weight: number; maxScore: number; active: boolean };
export type Scores = Record<string, number>;
export type EvaluationSummary = {
  score: number | null;
  /** Evaluators with at least one score on an active criterion. */
  evaluatorCount: number;
  /** criterion id → mean score (on the criterion's own scale), for criteria someone scored. */
  perCriterion: Record<string, number>;
};

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function summariseEvaluations(
  criteria: readonly ScoredCriterion[],
  evaluations: readonly { scores: Scores }[],
): EvaluationSummary {
  const active = criteria.filter((c) => c.active && c.maxScore > 0);
  const perCriterion: Record<string, number> = {};
  let weighted = 0;
  let weights = 0;
  for (const c of active) {
    const given = evaluations
      .map((e) => e.scores[c.id])
      .filter((s): s is number => typeof s === 'number' && Number.isFinite(s));
    if (given.length === 0) continue;
    // A maxScore lowered after scoring caps the old scores instead of exceeding 100.
    const mean = given.reduce((sum, s) => sum + Math.min(Math.max(s, 0), c.maxScore), 0) / given.length;
    perCriterion[c.id] = round(mean, 2);
    if (c.weight > 0) {
      weighted += (c.weight * mean) / c.maxScore;
      weights += c.weight;
    }
  }
  const evaluatorCount = evaluations.filter((e) =>
    active.some((c) => typeof e.scores[c.id] === 'number'),
  ).length;
  return { score: weights > 0 ? round((100 * weighted) / weights, 1) : null, evaluatorCount, perCriterion };
}

/** Evaluated items, best score first (more evaluators, then the given order, break ties). */
export function rankByScore<T>(
  criteria: readonly ScoredCriterion[],
  items: readonly T[],
  evaluationsOf: (item: T) => readonly { scores: Scores }[],
): { item: T; summary: EvaluationSummary & { score: number } }[] {
  const ranked: { item: T; summary: EvaluationSummary & { score: number }; at: number }[] = [];
  items.forEach((item, at) => {
    const summary = summariseEvaluations(criteria, evaluationsOf(item));
    if (summary.score !== null) ranked.push({ item, summary: { ...summary, score: summary.score }, at });
  });
  ranked.sort(
    (a, b) =>
      b.summary.score - a.summary.score || b.summary.evaluatorCount - a.summary.evaluatorCount || a.at - b.at,
  );
  return ranked.map(({ item, summary }) => ({ item, summary }));
}

/** Scores an evaluator may save: whole numbers from 0 to maxScore, on active criteria only. */
export function scoreProblems(
  criteria: readonly ScoredCriterion[],
  scores: Scores,
): { path: (string | number)[]; message: string }[] {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const problems: { path: (string | number)[]; message: string }[] = [];
  for (const [id, score] of Object.entries(scores)) {
    const c = byId.get(id);
    if (!c?.active) problems.push({ path: ['scores', id], message: 'Not an active evaluation criterion' });
    else if (!Number.isInteger(score) || score < 0 || score > c.maxScore)
      problems.push({ path: ['scores', id], message: `A whole number from 0 to ${c.maxScore}` });
  }
  return problems;
}

export const EvaluationInputSchema = z.object({
  scores: z.record(z.string().min(1).max(100), z.number()).default({}),
  /** Private to the evaluator who writes it. */
  note: z.string().trim().max(5_000).default(''),
});

const label = z.string().trim().min(1).max(200);
const description = z.string().trim().max(1_000);

export const CriterionInputSchema = z.object({
  label: z.object({ fi: label, sv: label, en: label }),
  description: z.object({ fi: description, sv: description, en: description }).partial().optional(),
  weight: z.number().min(0).max(100).default(1),
  maxScore: z.number().int().min(1).max(100).default(5),
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().default(true),
});
export type CriterionInput = z.infer<typeof CriterionInputSchema>;

export const CriterionPatchSchema = z
  .object({
    label: z.object({ fi: label, sv: label, en: label }).partial(),
    description: z.object({ fi: description, sv: description, en: description }).partial(),
    weight: z.number().min(0).max(100),
    maxScore: z.number().int().min(1).max(100),
    position: z.number().int().min(0).max(10_000),
    active: z.boolean(),
  })
  .partial();
export type CriterionPatch = z.infer<typeof CriterionPatchSchema>;
