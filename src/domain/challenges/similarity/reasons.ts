/**
 * Why two challenges are similar, in the terms of the API: the concepts they share (directly, or
 * a concept in one and a narrower one in the other), the terms they share (formulas, acronyms,
 * quantities, lexicon words and — in one language — shared words, as written in the first
 * challenge), and whether the match crosses languages.
 */
import type { ChallengeFeatures, Feature, SimilarityLanguage } from './features.ts';

export type SimilarityReason =
  | { kind: 'concepts'; conceptIds: string[] }
  | { kind: 'terms'; terms: string[] }
  | { kind: 'cross_language'; from: SimilarityLanguage; to: SimilarityLanguage };

const MAX_CONCEPTS = 6;
const MAX_TERMS = 8;

export function explainSimilarity(a: ChallengeFeatures, b: ChallengeFeatures): SimilarityReason[] {
  const other = new Map(b.features.map((f) => [f.key, f]));
  const shared: Array<{ mine: Feature; theirs: Feature; weight: number }> = [];
  for (const mine of a.features) {
    const theirs = other.get(mine.key);
    if (!theirs || (!mine.direct && !theirs.direct)) continue;
    shared.push({ mine, theirs, weight: mine.weight * theirs.weight });
  }
  shared.sort((x, y) => y.weight - x.weight || (x.mine.key < y.mine.key ? -1 : 1));
  const reasons: SimilarityReason[] = [];
  const concepts = shared.filter((s) => s.mine.kind === 'concept').map((s) => s.mine.surface);
  if (concepts.length) reasons.push({ kind: 'concepts', conceptIds: concepts.slice(0, MAX_CONCEPTS) });
  const terms: string[] = [];
  const seen = new Set<string>();
  // Language-independent terms first, then shared words (only ever within one language).
  for (const kind of ['specific', 'word'] as const) {
    for (const s of shared) {
      if (s.mine.kind !== kind) continue;
      const key = s.mine.surface.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      terms.push(s.mine.surface);
    }
  }
  if (terms.length) reasons.push({ kind: 'terms', terms: terms.slice(0, MAX_TERMS) });
  if (a.language !== b.language) reasons.push({ kind: 'cross_language', from: a.language, to: b.language });
  return reasons;
}
