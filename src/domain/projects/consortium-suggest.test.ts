import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareScores,
  exhaustiveConsortia,
  type SuggestConstraints,
  type SuggestEligibility,
  stageCoverage,
  suggestConsortia,
} from './consortium-suggest.ts';
import type { ProgrammeCountry } from './eligibility.ts';
import type { PartnerCandidate } from './partner-candidate.ts';

const country = (
  countryCode: string,
  status: ProgrammeCountry['status'],
  scope: ProgrammeCountry['scope'] = 'full',
): ProgrammeCountry => ({
  countryCode,
  name: countryCode,
  status,
  scope,
  fromDate: null,
  toDate: null,
  transitional: false,
});
const COUNTRIES = [
  country('FI', 'member_state'),
  country('SE', 'member_state'),
  country('DE', 'member_state'),
  country('NO', 'associated'),
  country('CA', 'associated', 'pillar2'),
];
const STAGES = ['raw', 'refining', 'cam', 'cell', 'pack', 'recycling'];
const he = (actionType: SuggestEligibility['actionType']): SuggestEligibility => ({
  actionType,
  programmePart: 'pillar2',
  date: '2026-03-01',
  countries: COUNTRIES,
});

function candidate(key: string, props: Partial<PartnerCandidate> = {}): PartnerCandidate {
  return {
    key,
    kind: 'registry',
    organisationId: key,
    cordisOrganisationId: null,
    name: key,
    country: 'FI',
    type: 'company',
    isSme: false,
    isNonProfit: false,
    regionId: null,
    stageIds: [],
    relevance: 0.5,
    legalEntityGroup: null,
    ...props,
  };
}

const arbCandidate = (i: number) =>
  fc
    .record({
      country: fc.constantFrom('FI', 'SE', 'DE', 'NO', 'CA', 'US'),
      isSme: fc.boolean(),
      regionId: fc.constantFrom(null, 'kokkola', 'vaasa'),
      stageIds: fc.subarray(STAGES, { maxLength: 3 }),
      relevance: fc.double({ min: 0, max: 1, noNaN: true }),
      legalEntityGroup: fc.constantFrom(null, null, null, 'g1', 'g2'),
    })
    .map((props) => candidate(`c${i}`, props));

const arbCase = fc.integer({ min: 1, max: 11 }).chain((n) =>
  fc.record({
    candidates: fc.tuple(...Array.from({ length: n }, (_, i) => arbCandidate(i))),
    stageIds: fc.subarray(STAGES, { minLength: 1 }),
    min: fc.integer({ min: 0, max: 4 }),
    span: fc.integer({ min: 0, max: 4 }),
    mustInclude: fc.subarray(
      Array.from({ length: n }, (_, i) => `c${i}`),
      { maxLength: Math.min(2, n) },
    ),
    maxPerCountry: fc.constantFrom(null, 1, 2),
    minSmes: fc.constantFrom(null, 0, 1, 2),
    regionIds: fc.constantFrom([], ['kokkola'], ['kokkola', 'vaasa']),
    actionType: fc.constantFrom<SuggestEligibility['actionType']>('RIA', 'IA', 'CSA', null),
    k: fc.integer({ min: 1, max: 4 }),
  }),
);

describe('consortium builder', () => {
  it('chooses a set that covers the need, not the top-k by relevance', () => {
    const pool = [
      candidate('cam-a', { stageIds: ['cam'], relevance: 0.95, country: 'FI' }),
      candidate('cam-b', { stageIds: ['cam'], relevance: 0.9, country: 'SE' }),
      candidate('cam-c', { stageIds: ['cam'], relevance: 0.85, country: 'DE' }),
      candidate('cell', { stageIds: ['cell'], relevance: 0.3, country: 'SE' }),
      candidate('recycler', { stageIds: ['recycling'], relevance: 0.2, country: 'NO' }),
    ];
    const c: SuggestConstraints = { stageIds: ['cam', 'cell', 'recycling'], size: { min: 3, max: 3 } };
    const { consortia, complete } = suggestConsortia(pool, c, he('RIA'));
    expect(complete).toBe(true);
    expect(consortia[0]!.members.map((m) => m.key).sort()).toEqual(['cam-a', 'cell', 'recycler']);
    expect(consortia[0]!.missing).toEqual([]);
    expect(consortia[0]!.tradeOffs.map((t) => t.code)).toContain('sole_provider');
  });

  it('never proposes an ineligible consortium for RIA', () => {
    const pool = [
      candidate('fi1', { stageIds: ['cam'], relevance: 0.9 }),
      candidate('fi2', { stageIds: ['cell'], relevance: 0.9 }),
      candidate('fi3', { stageIds: ['pack'], relevance: 0.9 }),
      candidate('us', { stageIds: ['recycling'], relevance: 0.9, country: 'US' }),
    ];
    const r = suggestConsortia(
      pool,
      { stageIds: ['cam', 'cell', 'pack'], size: { min: 1, max: 4 } },
      he('RIA'),
    );
    expect(r.consortia).toEqual([]);
    // National instrument: no minimum, the Finnish trio is fine.
    const national = suggestConsortia(
      pool,
      { stageIds: ['cam', 'cell', 'pack'], size: { min: 1, max: 3 } },
      he(null),
    );
    expect(national.consortia[0]!.members.map((m) => m.key).sort()).toEqual(['fi1', 'fi2', 'fi3']);
  });

  it('honours must-include, per-country cap, SMEs and regions', () => {
    const pool = [
      candidate('a', { stageIds: ['cam'], relevance: 0.9, country: 'FI' }),
      candidate('b', { stageIds: ['cam'], relevance: 0.8, country: 'FI', isSme: true }),
      candidate('c', { stageIds: ['cell'], relevance: 0.7, country: 'SE', regionId: 'vaasa' }),
      candidate('d', { stageIds: ['cell'], relevance: 0.6, country: 'DE' }),
      candidate('e', { stageIds: ['recycling'], relevance: 0.1, country: 'NO' }),
    ];
    const r = suggestConsortia(
      pool,
      {
        stageIds: ['cam', 'cell'],
        size: { min: 3, max: 3 },
        mustInclude: ['e'],
        maxPerCountry: 1,
        minSmes: 1,
        regionIds: ['vaasa'],
      },
      he('RIA'),
    );
    expect(r.consortia[0]!.members.map((m) => m.key).sort()).toEqual(['b', 'c', 'e']);
    expect(
      suggestConsortia(pool, { stageIds: ['cam'], size: { min: 1, max: 2 }, mustInclude: ['zzz'] }, he(null))
        .infeasible,
    ).toBe('unknown_must_include');
  });

  it('returns k distinct consortia, best first, with what each gives up', () => {
    const pool = ['FI', 'SE', 'DE', 'NO'].map((c, i) =>
      candidate(`p${i}`, { country: c, stageIds: [STAGES[i]!], relevance: 0.9 - i * 0.1 }),
    );
    const { consortia } = suggestConsortia(
      pool,
      { stageIds: STAGES.slice(0, 4), size: { min: 3, max: 3 } },
      he('RIA'),
      { k: 3 },
    );
    expect(consortia).toHaveLength(3);
    expect(
      new Set(
        consortia.map((c) =>
          c.members
            .map((m) => m.key)
            .sort()
            .join(),
        ),
      ).size,
    ).toBe(3);
    for (let i = 1; i < consortia.length; i++)
      expect(compareScores(consortia[i - 1]!.score, consortia[i]!.score)).toBeGreaterThanOrEqual(0);
    expect(consortia[1]!.tradeOffs.find((t) => t.code === 'swap')!.params).toMatchObject({
      out: ['p2'],
      in: ['p3'],
    });
    expect(consortia[1]!.tradeOffs.find((t) => t.code === 'missing_stages')!.params.stages).toEqual(['cam']);
  });

  it('is optimal on small random cases: the same k best scores as an exhaustive search', () => {
    fc.assert(
      fc.property(arbCase, (x) => {
        const c: SuggestConstraints = {
          stageIds: x.stageIds,
          size: { min: x.min, max: x.min + x.span },
          mustInclude: x.mustInclude,
          maxPerCountry: x.maxPerCountry,
          minSmes: x.minSmes,
          regionIds: x.regionIds,
        };
        const fast = suggestConsortia(x.candidates, c, he(x.actionType), { k: x.k });
        const slow = exhaustiveConsortia(x.candidates, c, he(x.actionType), x.k);
        expect(fast.complete).toBe(true);
        expect(fast.infeasible).toBe(slow.infeasible);
        expect(fast.consortia.map((s) => s.score.coverage)).toEqual(
          slow.consortia.map((s) => s.score.coverage),
        );
        for (const [i, s] of fast.consortia.entries())
          expect(s.score.value).toBeCloseTo(slow.consortia[i]!.score.value, 6);
        // It prunes: fewer nodes than the 2^n subsets on anything but tiny pools.
        return fast.nodes <= Math.max(slow.nodes, 1) * 2;
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });

  it('stays within its node budget on a big pool and says so', () => {
    const pool = Array.from({ length: 150 }, (_, i) =>
      candidate(`b${i}`, {
        country: ['FI', 'SE', 'DE', 'NO'][i % 4]!,
        stageIds: [STAGES[i % STAGES.length]!],
        relevance: ((i * 37) % 100) / 100,
      }),
    );
    const started = performance.now();
    const r = suggestConsortia(pool, { stageIds: STAGES, size: { min: 3, max: 8 } }, he('RIA'), {
      k: 3,
      nodeBudget: 50_000,
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(r.consortia[0]!.missing).toEqual([]);
    expect(r.nodes).toBeLessThanOrEqual(50_001);
  });

  it('stage coverage for swap-and-see', () => {
    expect(
      stageCoverage([{ stageIds: ['cam'] }, { stageIds: ['cell', 'x'] }], ['cam', 'pack', 'cell']),
    ).toEqual({
      covered: ['cam', 'cell'],
      missing: ['pack'],
    });
  });
});
