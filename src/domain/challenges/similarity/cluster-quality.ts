/**
 * How well predicted clusters match true ones: pairwise precision and recall (of the pairs put
 * together, how many belong together; of those that belong together, how many were put together)
 * and the adjusted Rand index (agreement over all pairs, 0 for chance, 1 for identical).
 */
export type ClusterQuality = {
  items: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
  adjustedRand: number;
};

const pairs = (n: number) => (n * (n - 1)) / 2;

/** `truth` and `predicted` map every item to a cluster label; singletons have labels of their own. */
export function clusterQuality(
  truth: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
): ClusterQuality {
  const ids = [...truth.keys()];
  const contingency = new Map<string, number>();
  const trueSizes = new Map<string, number>();
  const predictedSizes = new Map<string, number>();
  for (const id of ids) {
    const t = truth.get(id)!;
    const p = predicted.get(id) ?? `single:${id}`;
    const cell = `${t}\u0000${p}`;
    contingency.set(cell, (contingency.get(cell) ?? 0) + 1);
    trueSizes.set(t, (trueSizes.get(t) ?? 0) + 1);
    predictedSizes.set(p, (predictedSizes.get(p) ?? 0) + 1);
  }
  let correct = 0;
  for (const n of contingency.values()) correct += pairs(n);
  let truePairs = 0;
  for (const n of trueSizes.values()) truePairs += pairs(n);
  let predictedPairs = 0;
  for (const n of predictedSizes.values()) predictedPairs += pairs(n);
  const all = pairs(ids.length);
  const expected = all > 0 ? (truePairs * predictedPairs) / all : 0;
  const maximum = (truePairs + predictedPairs) / 2;
  const precision = predictedPairs > 0 ? correct / predictedPairs : 1;
  const recall = truePairs > 0 ? correct / truePairs : 1;
  return {
    items: ids.length,
    truePairs,
    predictedPairs,
    correctPairs: correct,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    adjustedRand: maximum === expected ? 1 : (correct - expected) / (maximum - expected),
  };
}
