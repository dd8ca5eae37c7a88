import type { ChallengeStatus } from './challenge.ts';

/**
 * Merging a duplicate (the source) into the challenge that stays (the target): the source keeps
 * its row and history (status merged, mergedIntoId) so its address still answers; its
 * supporters and followers move to the target, each person once.
 */
export function mergeProblem(
  source: { id: string; status: ChallengeStatus },
  target: { id: string; status: ChallengeStatus },
): string | null {
  if (source.id === target.id) return 'A challenge cannot be merged into itself';
  if (source.status === 'merged') return 'This challenge has already been merged into another';
  if (target.status === 'merged')
    return 'The target has itself been merged; merge into the challenge it went to';
  return null;
}

export type Engaged = { supporters: readonly string[]; followers: readonly string[] };

/** The people whose support and follow move to the target: those it does not have yet. */
export function planMerge(source: Engaged, target: Engaged): { supporters: string[]; followers: string[] } {
  const missing = (from: readonly string[], into: readonly string[]) => {
    const have = new Set(into);
    return [...new Set(from)].filter((userId) => !have.has(userId));
  };
  return {
    supporters: missing(source.supporters, target.supporters),
    followers: missing(source.followers, target.followers),
  };
}
