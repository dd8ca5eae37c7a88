import { describe, expect, it } from 'vitest';
import { mergeProblem, planMerge } from './merge.ts';

describe('mergeProblem', () => {
  it('refuses merging into itself, a merged source and a merged target', () => {
    expect(mergeProblem({ id: 'a', status: 'new' }, { id: 'a', status: 'new' })).toMatch(/itself/);
    expect(mergeProblem({ id: 'a', status: 'merged' }, { id: 'b', status: 'new' })).toMatch(/already/);
    expect(mergeProblem({ id: 'a', status: 'new' }, { id: 'b', status: 'merged' })).toMatch(/target/);
    expect(mergeProblem({ id: 'a', status: 'validated' }, { id: 'b', status: 'common' })).toBeNull();
  });
});

describe('planMerge', () => {
  it('moves only the supporters and followers the target does not have yet, each once', () => {
    const plan = planMerge(
      { supporters: ['ann', 'bob', 'bob'], followers: ['ann', 'cid'] },
      { supporters: ['bob', 'dan'], followers: ['ann'] },
    );
    expect(plan).toEqual({ supporters: ['ann'], followers: ['cid'] });
  });
});
