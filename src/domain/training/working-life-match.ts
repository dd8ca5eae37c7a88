/**
 * Matching a teacher's development goals to host companies' working-life offers. Pure: no I/O.
 *
 * Score 0–100 = 60 % competence + 25 % region + 15 % language.
 * - Competence: for each of the teacher's goal concepts, the best credit any of the offer's
 *   concepts gives — the same concept 1, a broader or narrower concept of the same branch of
 *   the taxonomy (ancestor or descendant) 0.6, a sibling (same parent) 0.4 — averaged over
 *   the goals.
 * - Region: the offer's region is the teacher's 1, a neighbouring region 0.5 (regions whose
 *   maakunta share a land border), another 0.
 * - Language: a language both use 1; the offer states none 0.5.
 * An offer is eligible when it is active, shares at least some competence, shares a language
 * (when both state theirs), overlaps the wanted dates (when given) and has a free place.
 * Each result lists why it fits (`reasons`) and what it misses (`unmet`) as codes + params for
 * the web app to say in fi/sv/en.
 */

export type TeacherFacts = {
  id: string;
  regionId: string | null;
  conceptIds: readonly string[];
  languages: readonly string[];
};

export type OfferFacts = {
  id: string;
  organisationId: string;
  regionId: string | null;
  conceptIds: readonly string[];
  languages: readonly string[];
  capacity: number;
  availableFrom: string | null;
  availableTo: string | null;
  isActive: boolean;
  /** Planned or ongoing periods at this offer overlapping the wanted dates (all of them without dates). */
  booked: number;
};

/** The taxonomy as matching needs it: each concept's parent (null at the top). */
export type ConceptParents = ReadonlyMap<string, string | null>;

export type Window = { from: string | null; to: string | null };

export type MatchParams = Record<string, number | string>;
export type MatchReason = { code: string; params: MatchParams };
export type OfferMatch = {
  offerId: string;
  score: number;
  eligible: boolean;
  reasons: MatchReason[];
  unmet: MatchReason[];
};

export const WEIGHTS = { competence: 0.6, region: 0.25, language: 0.15 } as const;
export const CREDIT = { exact: 1, lineage: 0.6, sibling: 0.4 } as const;
export const REGION_CREDIT = { same: 1, neighbour: 0.5, other: 0 } as const;

/**
 * Network regions whose maakunta share a land border: Keski-Pohjanmaa–Pohjanmaa,
 * Keski-Pohjanmaa–Keski-Suomi, Pohjanmaa–Satakunta, Satakunta–Varsinais-Suomi,
 * Keski-Suomi–Pohjois-Savo, Etelä-Karjala–Kymenlaakso (Statistics Finland's map of regions).
 */
export const NEIGHBOURING_REGIONS: readonly (readonly [string, string])[] = [
  ['kokkola', 'vaasa'],
  ['kokkola', 'jyvaskyla'],
  ['vaasa', 'pori'],
  ['pori', 'turku'],
  ['jyvaskyla', 'kuopio'],
  ['lappeenranta', 'kymenlaakso'],
];

export function areNeighbours(a: string, b: string): boolean {
  return NEIGHBOURING_REGIONS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

function ancestors(id: string, parents: ConceptParents): string[] {
  const out: string[] = [];
  const seen = new Set([id]);
  for (let p = parents.get(id) ?? null; p !== null && !seen.has(p); p = parents.get(p) ?? null) {
    out.push(p);
    seen.add(p);
  }
  return out;
}

type Relation = { credit: number; code: string };

/** How an offer's concept relates to a teacher's goal concept, and the credit it gives. */
export function conceptRelation(goal: string, offered: string, parents: ConceptParents): Relation | null {
  if (goal === offered) return { credit: CREDIT.exact, code: 'competence_exact' };
  if (ancestors(goal, parents).includes(offered))
    return { credit: CREDIT.lineage, code: 'competence_broader' };
  if (ancestors(offered, parents).includes(goal))
    return { credit: CREDIT.lineage, code: 'competence_narrower' };
  const parent = parents.get(goal) ?? null;
  if (parent !== null && parent === (parents.get(offered) ?? null))
    return { credit: CREDIT.sibling, code: 'competence_related' };
  return null;
}

function competence(teacher: TeacherFacts, offer: OfferFacts, parents: ConceptParents) {
  const reasons: MatchReason[] = [];
  let total = 0;
  for (const goal of teacher.conceptIds) {
    let best: (Relation & { offered: string }) | null = null;
    for (const offered of offer.conceptIds) {
      const relation = conceptRelation(goal, offered, parents);
      if (relation && (!best || relation.credit > best.credit)) best = { ...relation, offered };
    }
    if (!best) continue;
    total += best.credit;
    reasons.push({
      code: best.code,
      params:
        best.code === 'competence_exact'
          ? { conceptId: goal }
          : { conceptId: goal, offerConceptId: best.offered },
    });
  }
  const satisfaction = teacher.conceptIds.length ? total / teacher.conceptIds.length : 0;
  return { satisfaction, reasons };
}

/** The days two ranges share; open ends reach as far as needed. */
function overlaps(offer: Window, wanted: Window): boolean {
  const startsBeforeEnd = !offer.from || !wanted.to || offer.from <= wanted.to;
  const endsAfterStart = !offer.to || !wanted.from || offer.to >= wanted.from;
  return startsBeforeEnd && endsAfterStart;
}

export function matchOffer(
  teacher: TeacherFacts,
  offer: OfferFacts,
  parents: ConceptParents,
  wanted: Window = { from: null, to: null },
): OfferMatch {
  const reasons: MatchReason[] = [];
  const unmet: MatchReason[] = [];
  let eligible = true;

  const comp = competence(teacher, offer, parents);
  if (comp.reasons.length) reasons.push(...comp.reasons);
  else {
    eligible = false;
    unmet.push({ code: teacher.conceptIds.length ? 'competence_none' : 'goals_missing', params: {} });
  }

  let region: number = REGION_CREDIT.other;
  if (teacher.regionId && offer.regionId === teacher.regionId) {
    region = REGION_CREDIT.same;
    reasons.push({ code: 'region_same', params: { regionId: offer.regionId } });
  } else if (teacher.regionId && offer.regionId && areNeighbours(teacher.regionId, offer.regionId)) {
    region = REGION_CREDIT.neighbour;
    reasons.push({ code: 'region_neighbour', params: { regionId: offer.regionId } });
  } else unmet.push({ code: 'region_other', params: { regionId: offer.regionId ?? '' } });

  let language = 0;
  const common = offer.languages.filter((l) => teacher.languages.includes(l));
  if (common.length) {
    language = 1;
    reasons.push({ code: 'language_common', params: { languages: common.join(', ') } });
  } else if (!offer.languages.length || !teacher.languages.length) {
    language = 0.5;
    unmet.push({ code: 'language_unstated', params: {} });
  } else {
    eligible = false;
    unmet.push({ code: 'language_none', params: { languages: offer.languages.join(', ') } });
  }

  if (!offer.isActive) {
    eligible = false;
    unmet.push({ code: 'offer_closed', params: {} });
  }
  if (wanted.from || wanted.to) {
    if (overlaps({ from: offer.availableFrom, to: offer.availableTo }, wanted))
      reasons.push({
        code: 'dates_fit',
        params: { from: offer.availableFrom ?? '', to: offer.availableTo ?? '' },
      });
    else {
      eligible = false;
      unmet.push({
        code: 'dates_outside',
        params: { from: offer.availableFrom ?? '', to: offer.availableTo ?? '' },
      });
    }
  }
  const free = Math.max(0, offer.capacity - offer.booked);
  if (free > 0) reasons.push({ code: 'places_free', params: { free, capacity: offer.capacity } });
  else {
    eligible = false;
    unmet.push({ code: 'places_full', params: { capacity: offer.capacity } });
  }

  const score = Math.round(
    100 * (WEIGHTS.competence * comp.satisfaction + WEIGHTS.region * region + WEIGHTS.language * language),
  );
  return { offerId: offer.id, score, eligible, reasons, unmet };
}

/**
 * The eligible offers for a teacher, best first (ties: the offer order given, which the
 * caller keeps stable); with `includeExcluded`, the others follow, best score first.
 */
export function matchOffers(
  teacher: TeacherFacts,
  offers: readonly OfferFacts[],
  parents: ConceptParents,
  options: { wanted?: Window; includeExcluded?: boolean } = {},
): OfferMatch[] {
  const results = offers.map((o) => matchOffer(teacher, o, parents, options.wanted));
  const eligible = results.filter((r) => r.eligible).sort((a, b) => b.score - a.score);
  if (!options.includeExcluded) return eligible;
  return [...eligible, ...results.filter((r) => !r.eligible).sort((a, b) => b.score - a.score)];
}

/** Ranking quality against graded relevance (0 = not relevant): nDCG@k, precision@k, recall@k. */
export function rankingFigures(ranked: readonly string[], relevance: ReadonlyMap<string, number>, k: number) {
  const gain = (id: string) => relevance.get(id) ?? 0;
  const dcg = (ids: readonly string[]) =>
    ids.slice(0, k).reduce((sum, id, i) => sum + (2 ** gain(id) - 1) / Math.log2(i + 2), 0);
  const ideal = [...relevance.entries()]
    .filter(([, g]) => g > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => id);
  const relevant = ideal.length;
  const hits = ranked.slice(0, k).filter((id) => gain(id) > 0).length;
  const idcg = dcg(ideal);
  return {
    ndcg: idcg === 0 ? 1 : dcg(ranked) / idcg,
    precision:
      Math.min(k, ranked.length) === 0 ? (relevant === 0 ? 1 : 0) : hits / Math.min(k, ranked.length),
    recall: relevant === 0 ? 1 : hits / Math.min(k, relevant),
  };
}
