import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readSimilarityGolden,
  shippedSimilarityContext,
} from '../../../../test/support/similarity-context.ts';
import { goldenFeatures } from '../golden/golden-similarity.ts';
import { clusterQuality } from './cluster-quality.ts';
import {
  createSimilarityEngine,
  DEFAULT_SIMILARITY_PARAMS,
  pairSimilarity,
  type SimilarityEngine,
  type SimilarityParams,
} from './engine.ts';
import { type ChallengeFeatures, extractFeatures, parseFormula } from './features.ts';
import { averageLinkage } from './linkage.ts';
import { explainSimilarity } from './reasons.ts';

const context = shippedSimilarityContext();
const golden = readSimilarityGolden().items;
const features = goldenFeatures(context, golden);
const byId = new Map(features.map((f) => [f.id, f]));
const keys = (f: ChallengeFeatures, kind?: string) =>
  f.features.filter((x) => !kind || x.kind === kind).map((x) => x.key);

const challenge = (id: string, language: 'fi' | 'sv' | 'en', title: string, description: string) =>
  extractFeatures(context, { id, language, title, description });

describe('challenge features', () => {
  it('reads chemical formulas, not acronyms, as formulas', () => {
    expect(parseFormula('LiFePO4')).toEqual(['Li', 'Fe', 'P', 'O']);
    expect(parseFormula('Li2CO3')).toEqual(['Li', 'C', 'O']);
    expect(parseFormula('NiSO4')).toEqual(['Ni', 'S', 'O']);
    expect(parseFormula('BESS')).toBeNull();
    expect(parseFormula('CAM')).toBeNull();
    expect(parseFormula('Cyanex')).toBeNull();
    expect(parseFormula('Li')).toBeNull();
  });

  it('finds the same language-independent terms in Finnish, Swedish and English text', () => {
    const fi = challenge(
      'a',
      'fi',
      'NMC811-esiaste',
      'Li2CO3:n ja LiFePO4:n puhtaus, BMS:n data, 30 MW:n varasto, 4,2 V.',
    );
    const en = challenge(
      'b',
      'en',
      'NCM811 precursor',
      'Purity of Li2CO3 and LiFePO4, BMS data, a 30 MW storage, 4.2 V.',
    );
    const terms = ['t:nmc811', 't:li2co3', 't:lifepo4', 't:bms', 't:30mw', 't:4.2v'];
    expect(keys(fi)).toEqual(expect.arrayContaining(terms));
    expect(keys(en)).toEqual(expect.arrayContaining(terms));
  });

  it('leaves out acronyms that name no problem, and Swedish "Ni" as a pronoun', () => {
    const f = challenge('c', 'sv', 'Ett EU-projekt på TRL 4', 'Ni som arbetar med återvinning: hör av er.');
    expect(keys(f)).not.toEqual(expect.arrayContaining(['t:eu']));
    expect(keys(f)).not.toContain('t:trl');
    expect(keys(f)).not.toContain('x:nickel');
    const metals = challenge('d', 'sv', 'Metaller', 'Lösningen innehåller Ni, Co och Mn.');
    expect(keys(metals)).toEqual(expect.arrayContaining(['x:nickel', 'x:cobalt', 'x:manganese']));
  });

  it('maps element symbols and element names in any language to one lexicon entry', () => {
    const symbols = challenge('e', 'en', 'Impurities', 'Remove Al and Cu from the solution.');
    const fi = challenge('f', 'fi', 'Epäpuhtaudet', 'Alumiini ja kupari pitää poistaa liuoksesta.');
    for (const key of ['x:aluminium', 'x:copper', 'x:impurity']) {
      expect(keys(symbols)).toContain(key);
      expect(keys(fi)).toContain(key);
    }
  });

  it('gives ancestors of a tagged concept a share of its weight, marked as not direct', () => {
    const f = byId.get('t-bmleach-fi')!;
    const child = f.features.find(
      (x) => x.key === 'c:recycling.hydromet' || x.key === 'c:recycling.black-mass',
    );
    const parent = f.features.find((x) => x.key === 'c:recycling');
    expect(child?.direct).toBe(true);
    expect(parent).toBeDefined();
    expect(parent!.weight).toBeLessThan(child!.weight);
  });
});

describe('similarity of two challenges', () => {
  it('scores a cross-language paraphrase above a near miss with the same concepts', () => {
    const leachFi = byId.get('t-bmleach-fi')!;
    const leachSv = byId.get('t-bmleach-sv')!;
    const sieving = byId.get('t-bmsieve-en')!;
    const paraphrase = pairSimilarity(leachFi, leachSv);
    expect(paraphrase).toBeGreaterThan(DEFAULT_SIMILARITY_PARAMS.mergeThreshold);
    expect(paraphrase).toBeGreaterThan(pairSimilarity(leachFi, sieving));
    expect(pairSimilarity(leachSv, leachFi)).toBe(paraphrase);
  });

  it('explains itself: shared concepts, shared terms, and the languages crossed', () => {
    const reasons = explainSimilarity(byId.get('t-bmleach-fi')!, byId.get('t-bmleach-sv')!);
    const concepts = reasons.find((r) => r.kind === 'concepts');
    const terms = reasons.find((r) => r.kind === 'terms');
    expect(concepts && 'conceptIds' in concepts && concepts.conceptIds).toEqual(
      expect.arrayContaining(['recycling.black-mass']),
    );
    expect(terms && 'terms' in terms && terms.terms.length).toBeGreaterThan(0);
    expect(reasons).toContainEqual({ kind: 'cross_language', from: 'fi', to: 'sv' });
  });

  it('gives a challenge without any signal in common with another a score of 0', () => {
    const a = challenge('g', 'fi', 'Akkukennojen formointi', 'Formoinnin energiankulutus on suuri.');
    const b = challenge('h', 'sv', 'Vattenrening', 'Rening av avloppsvatten vid gruvan.');
    expect(pairSimilarity(a, b)).toBe(0);
  });
});

describe('average linkage on the threshold graph', () => {
  it('does not chain: a–b–c–d with nothing between a and d stays two groups', () => {
    const edges = [
      { a: 0, b: 1, score: 500_000, strong: true },
      { a: 1, b: 2, score: 500_000, strong: true },
      { a: 2, b: 3, score: 500_000, strong: true },
    ];
    expect(averageLinkage(4, edges, 300_000)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('lets a member in when it is similar to enough of the group', () => {
    const edges = [
      { a: 0, b: 1, score: 800_000, strong: true },
      { a: 0, b: 2, score: 450_000, strong: true },
      { a: 1, b: 2, score: 400_000, strong: false },
    ];
    expect(averageLinkage(3, edges, 300_000)).toEqual([[0, 1, 2]]);
  });

  it('merges groups only across a strong link, however similar they are on average', () => {
    const edges = [
      { a: 0, b: 1, score: 900_000, strong: true },
      { a: 1, b: 2, score: 900_000, strong: false },
    ];
    expect(averageLinkage(3, edges, 300_000)).toEqual([[0, 1], [2]]);
  });
});

describe('the index and the clusters', () => {
  // The links by brute force: every pair scored directly, each challenge keeps its best K.
  function expectedLinks(all: ChallengeFeatures[], params: SimilarityParams) {
    const linked = new Map<string, number>();
    for (const a of all) {
      const mine = all
        .filter((b) => b.id !== a.id)
        .map((b) => [b.id, pairSimilarity(a, b, params)] as const)
        .filter(([, score]) => score >= params.edgeThreshold)
        .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
        .slice(0, params.maxNeighbours);
      for (const [b, score] of mine) linked.set(a.id < b ? `${a.id} ${b}` : `${b} ${a.id}`, score);
    }
    return [...linked].sort(([x], [y]) => (x < y ? -1 : 1));
  }
  const found = (engine: SimilarityEngine) =>
    engine
      .links()
      .map(([a, b, s]) => [`${a} ${b}`, s / 1_000_000] as const)
      .sort(([x], [y]) => (x < y ? -1 : 1));

  it('links exactly the pairs the direct score puts at or above the edge threshold, each keeping its best', () => {
    for (const maxNeighbours of [DEFAULT_SIMILARITY_PARAMS.maxNeighbours, 2]) {
      const params = {
        ...DEFAULT_SIMILARITY_PARAMS,
        maxNeighbours,
        mutualNeighbours: Math.min(3, maxNeighbours),
      };
      const engine = createSimilarityEngine(params);
      engine.rebuild(features);
      const expected = expectedLinks(features, params);
      expect(found(engine)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(20);
    }
  });

  const snapshot = (engine: SimilarityEngine) => ({
    clusters: engine
      .clusters()
      .map((c) => c.members.join(' '))
      .sort(),
    links: engine.links(),
  });

  it('gives the same links and clusters after inserts, changes and removals in any order as a full recompute', () => {
    const ids = features.map((f) => f.id);
    fc.assert(
      fc.property(
        fc.constantFrom(DEFAULT_SIMILARITY_PARAMS.maxNeighbours, 2, 3),
        fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }),
        fc.subarray(ids, { maxLength: 12 }),
        fc.subarray(ids, { maxLength: 8 }),
        (maxNeighbours, order, removed, changed) => {
          const params = {
            ...DEFAULT_SIMILARITY_PARAMS,
            maxNeighbours,
            mutualNeighbours: Math.min(3, maxNeighbours),
          };
          const incremental = createSimilarityEngine(params);
          for (const id of order) incremental.upsert(byId.get(id)!);
          for (const id of removed) incremental.remove(id);
          // A change: the same challenge rewritten with another one's text.
          const rewritten = new Map<string, ChallengeFeatures>();
          changed.forEach((id, i) => {
            const source = features[(ids.indexOf(id) + 7 + i) % features.length]!;
            const next = { ...source, id };
            rewritten.set(id, next);
            incremental.upsert(next);
          });
          const final = new Map(features.filter((f) => !removed.includes(f.id)).map((f) => [f.id, f]));
          for (const [id, f] of rewritten) final.set(id, f);
          const full = createSimilarityEngine(params);
          full.rebuild([...final.values()]);
          expect(found(full)).toEqual(expectedLinks([...final.values()], params));
          expect(snapshot(incremental)).toEqual(snapshot(full));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('lists the neighbours of a challenge best first, and finds them for one not indexed', () => {
    const engine = createSimilarityEngine();
    engine.rebuild(features.filter((f) => f.id !== 't-bmleach-sv'));
    const fromIndex = engine.similarTo(byId.get('t-bmleach-sv')!);
    expect(fromIndex[0]?.[0]).toMatch(/^t-bmleach-/);
    const scores = fromIndex.map(([, s]) => s);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    engine.upsert(byId.get('t-bmleach-sv')!);
    expect(engine.neighbours('t-bmleach-sv')).toEqual(fromIndex);
  });
});

describe('cluster quality', () => {
  it('counts pairs and agrees with the adjusted Rand index on known cases', () => {
    const truth = new Map([
      ['a', 'x'],
      ['b', 'x'],
      ['c', 'y'],
      ['d', 'y'],
    ]);
    expect(clusterQuality(truth, truth).adjustedRand).toBe(1);
    const split = clusterQuality(truth, new Map([['a', 'p']]));
    expect(split).toMatchObject({ precision: 1, recall: 0, predictedPairs: 0, truePairs: 2 });
    const lumped = clusterQuality(
      truth,
      new Map([
        ['a', 'p'],
        ['b', 'p'],
        ['c', 'p'],
        ['d', 'p'],
      ]),
    );
    expect(lumped.precision).toBeCloseTo(2 / 6);
    expect(lumped.recall).toBe(1);
    expect(lumped.adjustedRand).toBe(0);
  });
});
