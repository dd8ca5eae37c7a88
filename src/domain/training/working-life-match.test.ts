import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_OFFERS, GOLDEN_TEACHERS } from './working-life-match.golden.ts';
import {
  type ConceptParents,
  conceptRelation,
  matchOffer,
  matchOffers,
  type OfferFacts,
  rankingFigures,
  type TeacherFacts,
} from './working-life-match.ts';

/** The value-chain taxonomy the demo and the golden set use. */
const parents: ConceptParents = new Map(
  (
    JSON.parse(
      fs.readFileSync(new URL('../../../data/reference/value-chain.json', import.meta.url), 'utf8'),
    ) as { concepts: { id: string; parent: string | null }[] }
  ).concepts.map((c) => [c.id, c.parent]),
);

/** The baseline in the same run: exact shared concepts only, no taxonomy, no region. */
function baselineRanking(teacher: TeacherFacts, offers: OfferFacts[]): string[] {
  return offers
    .filter((o) => o.isActive && o.booked < o.capacity)
    .map((o) => ({ id: o.id, shared: o.conceptIds.filter((c) => teacher.conceptIds.includes(c)).length }))
    .filter((o) => o.shared > 0)
    .sort((a, b) => b.shared - a.shared)
    .map((o) => o.id);
}

const K = 3;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('golden set: teachers to host offers', () => {
  const rows = GOLDEN_TEACHERS.map((g) => {
    const relevance = new Map(Object.entries(g.relevant));
    const ranked = matchOffers(g.teacher, GOLDEN_OFFERS, parents, g.wanted ? { wanted: g.wanted } : {}).map(
      (m) => m.offerId,
    );
    return {
      teacher: g.teacher.id,
      ranked,
      match: rankingFigures(ranked, relevance, K),
      baseline: rankingFigures(baselineRanking(g.teacher, GOLDEN_OFFERS), relevance, K),
    };
  });
  const figure = (pick: (r: (typeof rows)[number]) => number) => mean(rows.map(pick));
  const summary = {
    ndcg: figure((r) => r.match.ndcg),
    precision: figure((r) => r.match.precision),
    recall: figure((r) => r.match.recall),
    baselineNdcg: figure((r) => r.baseline.ndcg),
    baselinePrecision: figure((r) => r.baseline.precision),
    baselineRecall: figure((r) => r.baseline.recall),
  };

  it('prints the figures per teacher and on average', () => {
    const f = (n: number) => n.toFixed(2);
    const lines = rows.map(
      (r) =>
        `  ${r.teacher.padEnd(22)} nDCG@${K} ${f(r.match.ndcg)} P@${K} ${f(r.match.precision)} R@${K} ${f(r.match.recall)}` +
        `   baseline ${f(r.baseline.ndcg)} ${f(r.baseline.precision)} ${f(r.baseline.recall)}   ${r.ranked.slice(0, K).join(', ')}`,
    );
    console.log(
      [
        `working-life match, ${rows.length} teachers × ${GOLDEN_OFFERS.length} offers:`,
        ...lines,
        `  mean: nDCG@${K} ${f(summary.ndcg)}, precision@${K} ${f(summary.precision)}, recall@${K} ${f(summary.recall)}` +
          ` (exact-concept baseline: ${f(summary.baselineNdcg)}, ${f(summary.baselinePrecision)}, ${f(summary.baselineRecall)})`,
      ].join('\n'),
    );
    expect(rows).toHaveLength(GOLDEN_TEACHERS.length);
  });

  it('ranks the relevant hosts first: mean nDCG@3 ≥ 0.85, recall@3 ≥ 0.8', () => {
    expect(summary.ndcg).toBeGreaterThanOrEqual(0.85);
    expect(summary.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('beats matching on exact shared concepts alone', () => {
    expect(summary.ndcg).toBeGreaterThan(summary.baselineNdcg);
    expect(summary.recall).toBeGreaterThan(summary.baselineRecall);
  });

  it('proposes a relevant host first for every teacher, a best-judged one for nine of ten', () => {
    const tops = GOLDEN_TEACHERS.map(
      (g) => g.relevant[rows.find((r) => r.teacher === g.teacher.id)!.ranked[0]!],
    );
    expect(tops.every((relevance) => relevance !== undefined)).toBe(true);
    expect(tops.filter((relevance) => relevance === 2).length).toBeGreaterThanOrEqual(9);
  });

  it('never proposes an inactive or full offer, or one outside the wanted dates', () => {
    for (const r of rows) {
      expect(r.ranked).not.toContain('basf-harjavalta');
      expect(r.ranked).not.toContain('polar-night-energy');
    }
    expect(rows.find((r) => r.teacher === 't-vamk-bess')!.ranked).not.toContain('wartsila');
  });
});

const teacher = (overrides: Partial<TeacherFacts> = {}): TeacherFacts => ({
  id: 't',
  regionId: 'kokkola',
  conceptIds: ['recycling.hydromet'],
  languages: ['fi'],
  ...overrides,
});
const offer = (overrides: Partial<OfferFacts> = {}): OfferFacts => ({
  id: 'o',
  organisationId: 'o',
  regionId: 'kokkola',
  conceptIds: ['recycling.hydromet'],
  languages: ['fi'],
  capacity: 1,
  availableFrom: null,
  availableTo: null,
  isActive: true,
  booked: 0,
  ...overrides,
});

describe('reasons and scores', () => {
  it('gives full credit for the same concept, less for broader, narrower and sibling ones', () => {
    expect(conceptRelation('recycling.hydromet', 'recycling.hydromet', parents)?.code).toBe(
      'competence_exact',
    );
    expect(conceptRelation('recycling.hydromet', 'recycling', parents)).toEqual({
      credit: 0.6,
      code: 'competence_broader',
    });
    expect(conceptRelation('app.stationary', 'app.stationary.grid-bess', parents)?.code).toBe(
      'competence_narrower',
    );
    expect(conceptRelation('recycling.hydromet', 'recycling.black-mass', parents)).toEqual({
      credit: 0.4,
      code: 'competence_related',
    });
    expect(conceptRelation('recycling.hydromet', 'refining.hydromet', parents)).toBeNull();
    // Top-level concepts share no parent: not siblings.
    expect(conceptRelation('raw', 'recycling', parents)).toBeNull();
  });

  it('says why an offer fits, with the numbers as params', () => {
    const m = matchOffer(
      teacher({ languages: ['fi', 'sv'] }),
      offer({ languages: ['sv', 'en'], capacity: 3, booked: 1 }),
      parents,
    );
    expect(m).toEqual({
      offerId: 'o',
      score: 100,
      eligible: true,
      reasons: [
        { code: 'competence_exact', params: { conceptId: 'recycling.hydromet' } },
        { code: 'region_same', params: { regionId: 'kokkola' } },
        { code: 'language_common', params: { languages: 'sv' } },
        { code: 'places_free', params: { free: 2, capacity: 3 } },
      ],
      unmet: [],
    });
  });

  it('ranks the same region above a neighbouring one above any other', () => {
    const offers = [
      offer({ id: 'far', regionId: 'kuopio' }),
      offer({ id: 'near', regionId: 'vaasa' }),
      offer({ id: 'same', regionId: 'kokkola' }),
    ];
    const results = matchOffers(teacher(), offers, parents);
    expect(results.map((r) => [r.offerId, r.score])).toEqual([
      ['same', 100],
      ['near', 88],
      ['far', 75],
    ]);
    expect(results[1]!.reasons).toContainEqual({ code: 'region_neighbour', params: { regionId: 'vaasa' } });
    expect(results[2]!.unmet).toEqual([{ code: 'region_other', params: { regionId: 'kuopio' } }]);
  });

  it('excludes offers without a shared competence or language, closed, full or outside the dates, and says why', () => {
    const results = matchOffers(
      teacher(),
      [
        offer({ id: 'topic', conceptIds: ['cam.lfp'] }),
        offer({ id: 'language', languages: ['sv'] }),
        offer({ id: 'closed', isActive: false }),
        offer({ id: 'full', capacity: 2, booked: 2 }),
        offer({ id: 'dates', availableFrom: '2027-01-01', availableTo: '2027-03-31' }),
        offer({ id: 'ok', availableFrom: '2027-04-01', availableTo: null }),
      ],
      parents,
      { wanted: { from: '2027-05-01', to: '2027-06-30' }, includeExcluded: true },
    );
    expect(results.map((r) => [r.offerId, r.eligible])).toEqual([
      ['ok', true],
      ['closed', false],
      ['full', false],
      ['dates', false],
      ['language', false],
      ['topic', false],
    ]);
    const unmet = (id: string) => results.find((r) => r.offerId === id)!.unmet.map((u) => u.code);
    expect(unmet('topic')).toEqual(['competence_none']);
    expect(unmet('language')).toEqual(['language_none']);
    expect(unmet('closed')).toEqual(['offer_closed']);
    expect(unmet('full')).toEqual(['places_full']);
    expect(unmet('dates')).toEqual(['dates_outside']);
    expect(matchOffers(teacher(), [offer({ id: 'topic', conceptIds: ['cam.lfp'] })], parents)).toEqual([]);
  });

  it('asks for goals when the teacher has none, and gives half credit for an unstated language', () => {
    const m = matchOffer(teacher({ conceptIds: [], languages: [] }), offer(), parents);
    expect(m.eligible).toBe(false);
    expect(m.unmet.map((u) => u.code)).toEqual(['goals_missing', 'language_unstated']);
    expect(m.score).toBe(Math.round(100 * (0.25 + 0.15 * 0.5)));
  });
});

describe('ranking figures', () => {
  it('is 1 for the ideal order and lower when the relevant one comes late', () => {
    const relevance = new Map([
      ['a', 2],
      ['b', 1],
    ]);
    expect(rankingFigures(['a', 'b', 'c'], relevance, 3)).toEqual({ ndcg: 1, precision: 2 / 3, recall: 1 });
    const late = rankingFigures(['c', 'b', 'a'], relevance, 3);
    expect(late.ndcg).toBeLessThan(0.8);
    expect(rankingFigures(['c'], relevance, 3)).toMatchObject({ ndcg: 0, precision: 0, recall: 0 });
  });
});
