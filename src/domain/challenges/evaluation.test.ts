import { describe, expect, it } from 'vitest';
import { rankByScore, type ScoredCriterion, scoreProblems, summariseEvaluations } from './evaluation.ts';

const criterion = (id: string, weight = 1, maxScore = 5, active = true): ScoredCriterion => ({
  id,
  weight,
  maxScore,
  active,
});

describe('summariseEvaluations', () => {
  it('is the weighted mean of criterion means normalised to 0–100', () => {
    const criteria = [criterion('a', 1, 5), criterion('b', 3, 10)];
    // a: mean 4 of 5 = 0.8; b: mean 5 of 10 = 0.5 → (1·0.8 + 3·0.5) / 4 = 0.575
    const summary = summariseEvaluations(criteria, [{ scores: { a: 5, b: 4 } }, { scores: { a: 3, b: 6 } }]);
    expect(summary).toEqual({ score: 57.5, evaluatorCount: 2, perCriterion: { a: 4, b: 5 } });
  });

  it('leaves out criteria nobody scored instead of counting them as zero', () => {
    const summary = summariseEvaluations([criterion('a'), criterion('b')], [{ scores: { a: 5 } }]);
    expect(summary.score).toBe(100);
    expect(summary.perCriterion).toEqual({ a: 5 });
  });

  it('ignores inactive and unknown criteria, and has no score without any score', () => {
    const criteria = [criterion('a'), criterion('old', 1, 5, false)];
    expect(summariseEvaluations(criteria, [{ scores: { a: 0, old: 5, gone: 5 } }]).score).toBe(0);
    expect(summariseEvaluations(criteria, [{ scores: { old: 5 } }])).toEqual({
      score: null,
      evaluatorCount: 0,
      perCriterion: {},
    });
    expect(summariseEvaluations(criteria, []).score).toBeNull();
  });

  it('caps scores above a lowered maxScore so the score stays within 0–100', () => {
    expect(summariseEvaluations([criterion('a', 1, 3)], [{ scores: { a: 5 } }]).score).toBe(100);
  });

  it('shows a zero-weight criterion’s mean without letting it move the score', () => {
    const summary = summariseEvaluations([criterion('a'), criterion('z', 0)], [{ scores: { a: 5, z: 0 } }]);
    expect(summary.score).toBe(100);
    expect(summary.perCriterion.z).toBe(0);
  });
});

describe('rankByScore', () => {
  it('orders by score, then by the number of evaluators, and leaves out the unscored', () => {
    const criteria = [criterion('a')];
    const evaluations: Record<string, { scores: Record<string, number> }[]> = {
      low: [{ scores: { a: 1 } }],
      top: [{ scores: { a: 5 } }],
      tieOne: [{ scores: { a: 3 } }],
      tieTwo: [{ scores: { a: 3 } }, { scores: { a: 3 } }],
      none: [],
    };
    const ranked = rankByScore(criteria, Object.keys(evaluations), (id) => evaluations[id]!);
    expect(ranked.map((r) => [r.item, r.summary.score])).toEqual([
      ['top', 100],
      ['tieTwo', 60],
      ['tieOne', 60],
      ['low', 20],
    ]);
  });
});

describe('scoreProblems', () => {
  it('accepts whole numbers within each active criterion’s scale', () => {
    const criteria = [criterion('a'), criterion('b', 1, 10), criterion('off', 1, 5, false)];
    expect(scoreProblems(criteria, { a: 0, b: 10 })).toEqual([]);
    expect(scoreProblems(criteria, { a: 6, b: 2.5, off: 1, nope: 1 }).map((p) => p.path[1])).toEqual([
      'a',
      'b',
      'off',
      'nope',
    ]);
  });
});
