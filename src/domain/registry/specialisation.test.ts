import { describe, expect, it } from 'vitest';
import {
  buildValueChainMatrix,
  type CompetenceHolder,
  computeSpecialisation,
  countConceptsByRegion,
  createConceptTree,
  FEW_DATA_COUNT,
  rollUpConcepts,
  topLevelConcepts,
} from './specialisation.ts';

// Two stages, a and b, with narrower concepts a.x, a.y and b.z.
const tree = createConceptTree([
  { id: 'a', parentId: null, level: 1 },
  { id: 'a.x', parentId: 'a', level: 2 },
  { id: 'a.y', parentId: 'a', level: 2 },
  { id: 'b', parentId: null, level: 1 },
  { id: 'b.z', parentId: 'b', level: 2 },
]);

// r1: one organisation in a.x and a.y, one in b.
// r2: one in a.x, one in b.z, one in b.z and b (counted once for b).
const holders: CompetenceHolder[] = [
  { regionId: 'r1', conceptIds: ['a.x', 'a.y'] },
  { regionId: 'r1', conceptIds: ['b'] },
  { regionId: 'r2', conceptIds: ['a.x'] },
  { regionId: 'r2', conceptIds: ['b.z'] },
  { regionId: 'r2', conceptIds: ['b.z', 'b'] },
];
const counts = countConceptsByRegion(tree, holders);

const byConcept = (regionId: string, maxLevel = 2) =>
  new Map(computeSpecialisation(tree, counts, regionId, { maxLevel }).map((e) => [e.conceptId, e]));

describe('roll-up', () => {
  it('counts a competence for its concept and every ancestor, once per organisation', () => {
    expect([...rollUpConcepts(tree, ['a.x', 'a.y'])].sort()).toEqual(['a', 'a.x', 'a.y']);
    expect(counts.get('r1')?.get('a')).toBe(1); // a.x and a.y belong to one organisation
    expect(counts.get('r2')?.get('b')).toBe(2); // b.z twice, b once more by the same organisation
    expect(counts.get('r2')?.get('b.z')).toBe(2);
  });

  it('ignores concept ids it does not know and survives a cycle in bad data', () => {
    expect([...rollUpConcepts(tree, ['nope', 'b.z'])].sort()).toEqual(['b', 'b.z']);
    const cyclic = createConceptTree([
      { id: 'p', parentId: 'q', level: 1 },
      { id: 'q', parentId: 'p', level: 2 },
    ]);
    expect(cyclic.lineage('p')).toEqual(['p', 'q']);
  });

  it('names the value-chain stages of an organisation in the order of its competences', () => {
    expect(topLevelConcepts(tree, ['b.z', 'a.x', 'b', 'unknown'])).toEqual(['b', 'a']);
  });
});

describe('location quotient', () => {
  // Level 1: r1 has a 1, b 1 (total 2); r2 a 1, b 2 (total 3); network a 2, b 3 (total 5).
  // Level 2: r1 a.x 1, a.y 1 (total 2); r2 a.x 1, b.z 2 (total 3); network a.x 2, a.y 1, b.z 2 (5).
  it('divides the region share by the network share, per level', () => {
    const r1 = byConcept('r1');
    expect(r1.get('a')?.lq).toBeCloseTo(1 / 2 / (2 / 5)); // 1.25
    expect(r1.get('b')?.lq).toBeCloseTo(1 / 2 / (3 / 5)); // 0.833
    expect(r1.get('a.y')?.lq).toBeCloseTo(1 / 2 / (1 / 5)); // 2.5
    expect(r1.get('b.z')?.lq).toBe(0);
    const r2 = byConcept('r2');
    expect(r2.get('b')?.lq).toBeCloseTo(2 / 3 / (3 / 5)); // 1.111
    expect(r2.get('b.z')?.lq).toBeCloseTo(2 / 3 / (2 / 5)); // 1.667
    expect(r2.get('a')).toMatchObject({ count: 1, networkCount: 2, share: 1 / 3, networkShare: 2 / 5 });
  });

  it('has a network-share-weighted mean of exactly 1 on each level', () => {
    for (const region of ['r1', 'r2']) {
      for (const level of [1, 2]) {
        const entries = [...byConcept(region).values()].filter((e) => e.level === level);
        const mean = entries.reduce((sum, e) => sum + e.networkShare * (e.lq ?? 0), 0);
        expect(mean).toBeCloseTo(1);
      }
    }
  });

  it('sorts by LQ, then count, then taxonomy order, and stops at maxLevel', () => {
    const r1 = computeSpecialisation(tree, counts, 'r1', { maxLevel: 2 });
    expect(r1.map((e) => e.conceptId)).toEqual(['a.y', 'a', 'a.x', 'b', 'b.z']);
    const stages = computeSpecialisation(tree, counts, 'r1', { maxLevel: 1 });
    expect(stages.map((e) => e.conceptId)).toEqual(['a', 'b']);
  });

  it('gives an empty region counts of 0 and no LQ instead of dividing by zero', () => {
    const empty = computeSpecialisation(tree, counts, 'r3', { maxLevel: 2 });
    expect(empty).toHaveLength(5);
    for (const entry of empty) expect(entry).toMatchObject({ count: 0, share: 0, lq: null, fewData: true });
  });

  it('gives no LQ on a level where the region has no competences', () => {
    const onlyStages = countConceptsByRegion(tree, [...holders, { regionId: 'r4', conceptIds: ['a'] }]);
    const r4 = new Map(
      computeSpecialisation(tree, onlyStages, 'r4', { maxLevel: 2 }).map((e) => [e.conceptId, e]),
    );
    expect(r4.get('a')?.lq).toBeCloseTo(1 / (3 / 6));
    expect(r4.get('a.x')).toMatchObject({ count: 0, lq: null });
  });

  it('flags counts below the small-count threshold', () => {
    const many = countConceptsByRegion(
      tree,
      Array.from({ length: FEW_DATA_COUNT }, () => ({ regionId: 'r', conceptIds: ['a.x'] })),
    );
    const entries = new Map(
      computeSpecialisation(tree, many, 'r', { maxLevel: 2 }).map((e) => [e.conceptId, e]),
    );
    expect(entries.get('a.x')?.fewData).toBe(false);
    expect(entries.get('a.y')?.fewData).toBe(true);
    expect(byConcept('r2').get('b')?.fewData).toBe(true);
  });
});

describe('value-chain × region matrix', () => {
  it('counts organisations per stage and region, with row totals, in the given order', () => {
    const rows = buildValueChainMatrix(tree, counts, ['r2', 'r1', 'r9'], 1, ['b', 'a', 'a.x']);
    expect(rows).toEqual([
      { conceptId: 'b', counts: { r2: 2, r1: 1, r9: 0 }, total: 3 },
      { conceptId: 'a', counts: { r2: 1, r1: 1, r9: 0 }, total: 2 },
    ]);
  });
});
