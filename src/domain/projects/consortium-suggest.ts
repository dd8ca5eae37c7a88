import {
  countryMap,
  countryStanding,
  entityUnits,
  type CountryStanding,
  type EligibilityActionType,
  MIN_ENTITIES,
  meetsMinimum,
  type ProgrammeCountry,
  type ProgrammePart,
} from './eligibility.ts';
import type { PartnerCandidate } from './partner-candidate.ts';

/**
 * The consortium builder (docs/decisions/013): choose a SET of candidates that covers the
 * value-chain stages a project needs, under the constraints (size, must-include, at most N per
 * country, at least N SMEs, network regions that must take part), eligible for the instrument
 * (rules.md §1.1), maximising first the number of needed stages covered, then the summed
 * relevance minus a cost per member (a partner must bring more relevance than the cost of one
 * more partner to manage, so sets stay as small as the need allows) and a small diversity penalty
 * (per pair of members from the same country).
 *
 * `suggestConsortia` is a depth-first branch and bound over subsets in relevance order: every
 * node is a candidate consortium; a node's subtree is cut when an upper bound of what any
 * superset could reach (stages still coverable with the slots left; the best relevances left)
 * cannot beat the k-th best found. Constraints that only get harder as members are added (size,
 * per-country cap) cut at once; those that only get easier (eligibility, SMEs, regions) are
 * checked per node. A node and a time budget keep big pools bounded (then `complete` is false and
 * the best sets found so far are returned).
 * `exhaustiveConsortia` enumerates every subset: the reference the property tests compare with.
 * Pure: no I/O.
 */
export type SuggestConstraints = {
  stageIds: readonly string[];
  size: { min: number; max: number };
  mustInclude?: readonly string[];
  maxPerCountry?: number | null;
  minSmes?: number | null;
  regionIds?: readonly string[];
};

/** The Horizon Europe rules to meet; actionType null = no minimum (national and other instruments). */
export type SuggestEligibility = {
  actionType: EligibilityActionType | null;
  programmePart: ProgrammePart;
  date: string;
  countries: readonly ProgrammeCountry[];
};

export type ConsortiumScore = {
  /** Needed stages covered. */
  coverage: number;
  /** Summed relevance minus the diversity penalty. */
  value: number;
};

export type TradeOff = { code: TradeOffCode; params: Record<string, number | string | string[]> };
export type TradeOffCode =
  | 'best'
  | 'missing_stages'
  | 'lower_value'
  | 'swap'
  | 'sole_provider'
  | 'countries'
  | 'smes'
  | 'regions'
  | 'same_country_pairs'
  | 'search_incomplete';

export type SuggestedConsortium = {
  members: PartnerCandidate[];
  covered: string[];
  missing: string[];
  score: ConsortiumScore;
  relevance: number;
  penalty: number;
  tradeOffs: TradeOff[];
};

export type SuggestResult = {
  consortia: SuggestedConsortium[];
  /** False when the node budget ran out before the search space was exhausted. */
  complete: boolean;
  nodes: number;
  /** Why nothing can be suggested, when a constraint cannot be met whatever the choice. */
  infeasible: string | null;
};

export const DIVERSITY_PENALTY = 0.05;
/** What one more member costs in relevance (0–1): below it, a partner that adds no stage is left out. */
export const MEMBER_COST = 0.25;
export const DEFAULT_NODE_BUDGET = 300_000;
/** Wall-clock budget of one search (an interactive request); checked every 1,024 nodes. */
export const DEFAULT_TIME_BUDGET_MS = 800;
const EPS = 1e-9;

export function compareScores(a: ConsortiumScore, b: ConsortiumScore): number {
  if (a.coverage !== b.coverage) return a.coverage - b.coverage;
  if (Math.abs(a.value - b.value) > EPS) return a.value - b.value;
  return 0;
}

type Prepared = {
  pool: PartnerCandidate[];
  forced: number[];
  stageBits: number[];
  countryOf: number[];
  standing: CountryStanding[];
  needed: string[];
};

/** Stages as bit masks: at most 31 needed stages (the value chain has 13). */
function prepare(
  candidates: readonly PartnerCandidate[],
  c: SuggestConstraints,
  e: SuggestEligibility,
): Prepared {
  const needed = [...new Set(c.stageIds)].slice(0, 31);
  const bit = new Map(needed.map((s, i) => [s, 1 << i]));
  const seen = new Set<string>();
  const unique = candidates.filter((x) => !seen.has(x.key) && seen.add(x.key));
  const must = new Set(c.mustInclude ?? []);
  const pool = [
    ...unique.filter((x) => must.has(x.key)),
    ...unique
      .filter((x) => !must.has(x.key))
      .sort((a, b) => b.relevance - a.relevance || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  ];
  const countryIds = new Map<string, number>();
  const countries = countryMap(e.countries);
  return {
    pool,
    forced: pool.flatMap((x, i) => (must.has(x.key) ? [i] : [])),
    stageBits: pool.map((x) => x.stageIds.reduce((m, s) => m | (bit.get(s) ?? 0), 0)),
    countryOf: pool.map((x) => {
      const k = x.country.toUpperCase();
      if (!countryIds.has(k)) countryIds.set(k, countryIds.size);
      return countryIds.get(k)!;
    }),
    standing: pool.map((x) => countryStanding(countries, x.country, e.programmePart, e.date)),
    needed,
  };
}

const popcount = (x: number) => {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
};

/** Everything a node needs to be judged, for both solvers. */
function judge(p: Prepared, members: readonly number[], c: SuggestConstraints, e: SuggestEligibility) {
  let mask = 0;
  let relevance = 0;
  let smes = 0;
  const perCountry = new Map<number, number>();
  for (const i of members) {
    mask |= p.stageBits[i]!;
    relevance += p.pool[i]!.relevance;
    if (p.pool[i]!.isSme) smes++;
    perCountry.set(p.countryOf[i]!, (perCountry.get(p.countryOf[i]!) ?? 0) + 1);
  }
  let pairs = 0;
  for (const n of perCountry.values()) pairs += (n * (n - 1)) / 2;
  const penalty = DIVERSITY_PENALTY * pairs;
  const regions = new Set(members.map((i) => p.pool[i]!.regionId));
  const ok =
    members.length >= c.size.min &&
    members.length <= c.size.max &&
    (c.maxPerCountry == null || [...perCountry.values()].every((n) => n <= c.maxPerCountry!)) &&
    (c.minSmes == null || smes >= c.minSmes) &&
    (c.regionIds ?? []).every((r) => regions.has(r)) &&
    isEligible(p, members, e);
  const value = relevance - penalty - MEMBER_COST * members.length;
  return { ok, mask, relevance, penalty, score: { coverage: popcount(mask), value } };
}

function isEligible(p: Prepared, members: readonly number[], e: SuggestEligibility): boolean {
  if (e.actionType === null) return true;
  const units = entityUnits(
    members.map((i) => ({
      country: p.pool[i]!.country,
      legalEntityGroup: p.pool[i]!.legalEntityGroup,
      standing: p.standing[i]!,
    })),
  );
  return meetsMinimum(units, MIN_ENTITIES[e.actionType], e.actionType !== 'CSA');
}

type Found = { members: number[]; score: ConsortiumScore; relevance: number; penalty: number; mask: number };

/** Keeps the k best, best first (a later tie does not displace an earlier one). */
class TopK {
  readonly items: Found[] = [];
  constructor(private readonly k: number) {}
  worst(): ConsortiumScore | null {
    return this.items.length < this.k ? null : this.items[this.items.length - 1]!.score;
  }
  offer(f: Found) {
    const w = this.worst();
    if (w && compareScores(f.score, w) <= 0) return;
    let at = this.items.length;
    while (at > 0 && compareScores(f.score, this.items[at - 1]!.score) > 0) at--;
    this.items.splice(at, 0, f);
    if (this.items.length > this.k) this.items.pop();
  }
}

function preconditions(p: Prepared, c: SuggestConstraints): string | null {
  if (c.size.min > c.size.max) return 'size_range';
  const missing = (c.mustInclude ?? []).filter((k) => !p.pool.some((x) => x.key === k));
  if (missing.length > 0) return 'unknown_must_include';
  if (p.forced.length > c.size.max) return 'must_include_exceeds_size';
  if (c.maxPerCountry != null) {
    const counts = new Map<number, number>();
    for (const i of p.forced) counts.set(p.countryOf[i]!, (counts.get(p.countryOf[i]!) ?? 0) + 1);
    if ([...counts.values()].some((n) => n > c.maxPerCountry!)) return 'must_include_exceeds_country_cap';
  }
  return null;
}

export function suggestConsortia(
  candidates: readonly PartnerCandidate[],
  c: SuggestConstraints,
  e: SuggestEligibility,
  options: { k?: number; nodeBudget?: number; timeBudgetMs?: number } = {},
): SuggestResult {
  const k = Math.max(1, options.k ?? 3);
  const budget = options.nodeBudget ?? DEFAULT_NODE_BUDGET;
  const deadline = performance.now() + (options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  const p = prepare(candidates, c, e);
  const infeasible = preconditions(p, c);
  if (infeasible) return { consortia: [], complete: true, nodes: 0, infeasible };

  const n = p.pool.length;
  const free = Array.from({ length: n - p.forced.length }, (_, i) => i + p.forced.length);
  const top = new TopK(k);
  const members = [...p.forced];
  const perCountry = new Int32Array(n + 1);
  for (const i of p.forced) perCountry[p.countryOf[i]!]!++;
  const cap = c.maxPerCountry ?? Number.POSITIVE_INFINITY;
  const neededCount = p.needed.length;
  let nodes = 0;
  let complete = true;

  // Suffix unions of stage masks, for the coverage bound.
  const suffixMask = new Int32Array(free.length + 1);
  for (let j = free.length - 1; j >= 0; j--) suffixMask[j] = suffixMask[j + 1]! | p.stageBits[free[j]!]!;

  const visit = (start: number) => {
    if (nodes++ >= budget || ((nodes & 1023) === 0 && performance.now() > deadline)) {
      complete = false;
      return;
    }
    const j0 = judge(p, members, c, e);
    if (j0.ok)
      top.offer({
        members: [...members],
        score: j0.score,
        relevance: j0.relevance,
        penalty: j0.penalty,
        mask: j0.mask,
      });
    const slots = c.size.max - members.length;
    if (slots <= 0 || start >= free.length) return;
    // Upper bound of any superset: stages coverable by what is left within the slots left;
    // relevance above the member cost of the best `slots` left (the pool is in relevance order);
    // penalty never falls.
    const gains: number[] = [];
    for (let j = start; j < free.length; j++) {
      const g = popcount(p.stageBits[free[j]!]! & ~j0.mask);
      if (g > 0) gains.push(g);
    }
    gains.sort((a, b) => b - a);
    const coverageBound = Math.min(
      neededCount,
      popcount(j0.mask | suffixMask[start]!),
      j0.score.coverage + gains.slice(0, slots).reduce((s, g) => s + g, 0),
    );
    let valueBound = j0.score.value;
    for (let j = start; j < Math.min(free.length, start + slots); j++)
      valueBound += Math.max(0, p.pool[free[j]!]!.relevance - MEMBER_COST);
    const worst = top.worst();
    if (worst && compareScores({ coverage: coverageBound, value: valueBound }, worst) <= 0) return;
    for (let j = start; j < free.length && complete; j++) {
      const i = free[j]!;
      if (perCountry[p.countryOf[i]!]! >= cap) continue;
      perCountry[p.countryOf[i]!]!++;
      members.push(i);
      visit(j + 1);
      members.pop();
      perCountry[p.countryOf[i]!]!--;
    }
  };
  visit(0);

  const consortia = top.items.map((f) => present(p, f));
  explain(consortia, p, complete);
  return { consortia, complete, nodes, infeasible: null };
}

/** Every subset with the must-include members: the reference for tests (small pools only). */
export function exhaustiveConsortia(
  candidates: readonly PartnerCandidate[],
  c: SuggestConstraints,
  e: SuggestEligibility,
  k = 3,
): SuggestResult {
  const p = prepare(candidates, c, e);
  const infeasible = preconditions(p, c);
  if (infeasible) return { consortia: [], complete: true, nodes: 0, infeasible };
  const free = p.pool.map((_, i) => i).filter((i) => !p.forced.includes(i));
  if (free.length > 20) throw new Error('exhaustiveConsortia is for small pools');
  const top = new TopK(k);
  let nodes = 0;
  for (let subset = 0; subset < 1 << free.length; subset++) {
    nodes++;
    const members = [...p.forced, ...free.filter((_, b) => subset & (1 << b))];
    const j = judge(p, members, c, e);
    if (j.ok)
      top.offer({ members, score: j.score, relevance: j.relevance, penalty: j.penalty, mask: j.mask });
  }
  const consortia = top.items.map((f) => present(p, f));
  explain(consortia, p, true);
  return { consortia, complete: true, nodes, infeasible: null };
}

function present(p: Prepared, f: Found): SuggestedConsortium {
  const covered = p.needed.filter((_, b) => f.mask & (1 << b));
  return {
    members: f.members.map((i) => p.pool[i]!),
    covered,
    missing: p.needed.filter((s) => !covered.includes(s)),
    score: f.score,
    relevance: f.relevance,
    penalty: f.penalty,
    tradeOffs: [],
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Why each consortium is what it is, and what it gives up against the best one. */
function explain(consortia: SuggestedConsortium[], p: Prepared, complete: boolean) {
  const best = consortia[0];
  for (const [index, s] of consortia.entries()) {
    const t: TradeOff[] = [];
    if (index === 0) t.push({ code: 'best', params: { covered: s.covered.length, needed: p.needed.length } });
    if (s.missing.length > 0) t.push({ code: 'missing_stages', params: { stages: s.missing } });
    if (best && index > 0) {
      const delta = round(best.score.value - s.score.value);
      if (delta > 0) t.push({ code: 'lower_value', params: { delta } });
      const bestKeys = new Set(best.members.map((m) => m.key));
      const keys = new Set(s.members.map((m) => m.key));
      t.push({
        code: 'swap',
        params: {
          out: best.members.filter((m) => !keys.has(m.key)).map((m) => m.name),
          in: s.members.filter((m) => !bestKeys.has(m.key)).map((m) => m.name),
        },
      });
    }
    for (const m of s.members) {
      const sole = m.stageIds.filter(
        (st) => s.covered.includes(st) && !s.members.some((o) => o !== m && o.stageIds.includes(st)),
      );
      if (sole.length > 0) t.push({ code: 'sole_provider', params: { name: m.name, stages: sole } });
    }
    const countries = [...new Set(s.members.map((m) => m.country.toUpperCase()))].sort();
    t.push({ code: 'countries', params: { count: countries.length, countries } });
    t.push({ code: 'smes', params: { count: s.members.filter((m) => m.isSme).length } });
    const regions = [...new Set(s.members.flatMap((m) => (m.regionId ? [m.regionId] : [])))].sort();
    if (regions.length > 0) t.push({ code: 'regions', params: { regions } });
    if (s.penalty > 0)
      t.push({ code: 'same_country_pairs', params: { count: Math.round(s.penalty / DIVERSITY_PENALTY) } });
    if (!complete) t.push({ code: 'search_incomplete', params: {} });
    s.tradeOffs = t;
  }
}

/** Which of the needed stages a set of members covers (for swap-and-see). */
export function stageCoverage(
  members: readonly { stageIds: readonly string[] }[],
  stageIds: readonly string[],
): { covered: string[]; missing: string[] } {
  const have = new Set(members.flatMap((m) => m.stageIds));
  const needed = [...new Set(stageIds)];
  return { covered: needed.filter((s) => have.has(s)), missing: needed.filter((s) => !have.has(s)) };
}
