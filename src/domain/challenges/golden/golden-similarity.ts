/**
 * The similarity golden set (similarity-golden.json) and how a clustering is scored against it.
 * Pure: the caller reads the JSON files (the test, the tuning script, the benchmark).
 */
import { z } from 'zod';
import { clusterQuality, type ClusterQuality } from '../similarity/cluster-quality.ts';
import { createSimilarityEngine, type SimilarityParams } from '../similarity/engine.ts';
import { type ChallengeFeatures, extractFeatures, type SimilarityContext } from '../similarity/features.ts';

export const GoldenItemSchema = z.object({
  id: z.string(),
  cluster: z.string(),
  role: z.literal('distractor').optional(),
  near: z.string().optional(),
  split: z.enum(['dev', 'test']),
  language: z.enum(['fi', 'sv', 'en']),
  regionId: z.string(),
  title: z.string().min(3),
  description: z.string().min(40),
});
export const GoldenSetSchema = z.object({
  schema: z.literal('challenge-similarity-golden/v1'),
  items: z.array(GoldenItemSchema),
});
export type GoldenItem = z.infer<typeof GoldenItemSchema>;

export function goldenFeatures(
  context: SimilarityContext,
  items: readonly GoldenItem[],
): ChallengeFeatures[] {
  return items.map((item) =>
    extractFeatures(context, {
      id: item.id,
      language: item.language,
      title: item.title,
      description: item.description,
    }),
  );
}

/** Clusters the items on their own (nothing of the other half present) and scores the result. */
export function evaluateGolden(
  items: readonly GoldenItem[],
  features: readonly ChallengeFeatures[],
  params?: SimilarityParams,
): { quality: ClusterQuality; predicted: string[][] } {
  const engine = createSimilarityEngine(params);
  engine.rebuild(features);
  const predicted = engine.clusters().map((c) => [...c.members]);
  const labels = new Map<string, string>();
  predicted.forEach((members, i) => {
    for (const id of members) labels.set(id, `p${i}`);
  });
  const truth = new Map(items.map((i) => [i.id, i.cluster]));
  return { quality: clusterQuality(truth, labels), predicted };
}
