/**
 * The similarity index and the common-challenge clusters, kept current one challenge at a time.
 *
 * Scores. Each kind of feature (concepts, specific terms, words) is a vector scaled to unit length
 * over its direct features and quantised to integers (QUANTUM per unit). The similarity of two
 * challenges is the weighted mean of the per-kind dot products over the kinds either of them has
 * (words only within one language), in millionths. Products of two ancestor-only entries are left
 * out: siblings under one parent get no credit from it, a parent named in one challenge and a
 * child in the other get half. Integer arithmetic makes every score independent of the order in
 * which features or challenges were added.
 *
 * Candidates. An inverted index (feature → challenges, split into direct and ancestor-only
 * entries) accumulates all dot products of one challenge at once, so a query costs the total
 * length of its features' postings and sees every pair with a score above 0.
 *
 * The graph. Each challenge keeps its `maxNeighbours` most similar challenges at or above
 * `edgeThreshold` (ties by id); two challenges are linked when either keeps the other. This bounds
 * the graph at ~maxNeighbours edges per challenge however many challenges share a topic, and it is
 * still a function of the set of challenges alone.
 *
 * Clusters. Average linkage (linkage.ts) merges groups while their mean similarity is at least
 * `mergeThreshold`, across strong links only: a link at `mergeThreshold` or above between two
 * challenges that are among each other's `mutualNeighbours` most similar. Clusters never cross the
 * connected components of strong links, so each component is clustered on its own: a new, changed
 * or removed challenge re-clusters only the components it touches, with the same result as a full
 * recomputation. Mutual nearest neighbours keep those components small even where thousands of
 * challenges share a topic.
 */
import type { ChallengeFeatures, FeatureKind, SimilarityLanguage } from './features.ts';
import { averageLinkage, type LinkageEdge } from './linkage.ts';

export type SimilarityParams = {
  /** Weight of each kind of feature in the mean. */
  weights: Record<FeatureKind, number>;
  /** Pairs at or above this are listed as similar (GET …/similar). */
  similarThreshold: number;
  /** Pairs at or above this may be linked in the graph the clusters come from. */
  edgeThreshold: number;
  /** Groups merge while the mean similarity of their cross pairs is at least this. */
  mergeThreshold: number;
  /** How many most-similar challenges each challenge links to. */
  maxNeighbours: number;
  /**
   * A link is strong — groups may merge across it — when it is at or above `mergeThreshold` and
   * each challenge is among the other's `mutualNeighbours` most similar.
   */
  mutualNeighbours: number;
};

/**
 * Chosen on the dev half of the golden set by scripts/tune-challenge-similarity.ts:
 * the weights by pair average precision; the thresholds as the highest edge threshold whose
 * adjusted Rand index is within 0.01 of the best (0.964 against 0.966), because the work of a
 * recomputation grows with the pairs above it. Similar challenges are listed from 0.3 on.
 * maxNeighbours and mutualNeighbours bound the work of one change (see the top of this file).
 */
export const DEFAULT_SIMILARITY_PARAMS: SimilarityParams = {
  weights: { concept: 0.35, specific: 0.2, word: 0.45 },
  similarThreshold: 0.3,
  edgeThreshold: 0.45,
  mergeThreshold: 0.45,
  maxNeighbours: 20,
  mutualNeighbours: 3,
};

export const SCORE_SCALE = 1_000_000;
const QUANTUM = 1000;
const KIND_INDEX: Record<FeatureKind, number> = { concept: 0, specific: 1, word: 2 };
const LANGUAGE_INDEX: Record<SimilarityLanguage, number> = { fi: 0, sv: 1, en: 2 };

type Item = {
  slot: number;
  id: string;
  language: number;
  /** Feature numbers, quantised weights, kind and direct flag, in parallel. */
  fids: Int32Array;
  q: Int32Array;
  kinds: Uint8Array;
  direct: Uint8Array;
  has: [boolean, boolean, boolean];
  features: ChallengeFeatures;
};

/** A growable pair of typed arrays: the slots that have a feature and their weights for it. */
type Postings = { slots: Int32Array; q: Int32Array; length: number };

function newPostings(): Postings {
  return { slots: new Int32Array(4), q: new Int32Array(4), length: 0 };
}

function pushPosting(list: Postings, slot: number, q: number) {
  if (list.length === list.slots.length) {
    const slots = new Int32Array(list.slots.length * 2);
    slots.set(list.slots);
    const qs = new Int32Array(list.q.length * 2);
    qs.set(list.q);
    list.slots = slots;
    list.q = qs;
  }
  list.slots[list.length] = slot;
  list.q[list.length] = q;
  list.length++;
}

function removePosting(list: Postings, slot: number) {
  const at = list.slots.subarray(0, list.length).indexOf(slot);
  if (at < 0) return;
  const last = list.length - 1;
  list.slots[at] = list.slots[last]!;
  list.q[at] = list.q[last]!;
  list.length--;
}
/** A neighbour: [score in millionths, slot]. */
type Neighbour = [number, number];

export type ClusterView = { readonly members: readonly string[] };

export type SimilarityEngine = ReturnType<typeof createSimilarityEngine>;

export function createSimilarityEngine(params: SimilarityParams = DEFAULT_SIMILARITY_PARAMS) {
  const weights = [params.weights.concept, params.weights.specific, params.weights.word];
  const edgeAt = Math.round(params.edgeThreshold * SCORE_SCALE);
  const similarAt = Math.round(params.similarThreshold * SCORE_SCALE);
  const mergeAt = Math.round(params.mergeThreshold * SCORE_SCALE);
  const K = params.maxNeighbours;
  const mutual = params.mutualNeighbours;
  if (mergeAt < edgeAt) throw new Error('mergeThreshold must not be below edgeThreshold');
  if (K < 1 || mutual < 1 || mutual > K) throw new Error('need 1 ≤ mutualNeighbours ≤ maxNeighbours');

  const featureIds = new Map<string, number>();
  const directPostings: Postings[] = [];
  const ancestorPostings: Postings[] = [];
  const items: (Item | null)[] = [];
  const freeSlots: number[] = [];
  const slotOf = new Map<string, number>();
  /** slot → its kept neighbours, best first; slot → the slots that keep it. */
  const kept: Neighbour[][] = [];
  const keptBy: Set<number>[] = [];
  /** slot → linked slot → score: kept either way. */
  const links: Map<number, number>[] = [];
  /** slot → its strong component; component → members. */
  const componentOf: number[] = [];
  const components = new Map<number, number[]>();
  let nextComponent = 0;
  /** slot → its cluster (an array of member slots, sorted by id). */
  const clusterOf: (number[] | null)[] = [];
  const clustersOf = new Map<number, number[][]>();
  /** Bumped on every change of the clusters, so callers can cache what they derive. */
  let revision = 0;

  // Accumulators, one per kind, and per-slot facts the hot loops read, grown with the slots:
  // which kinds a challenge has (bits), its language, and the score a new neighbour must beat.
  // One row of four per slot: the three dot products and the stamp of the query that last
  // touched it, side by side so one touch reads and writes one cache line.
  let acc = new Int32Array(0);
  let capacity = 0;
  let kindBits = new Uint8Array(0);
  let languageOf = new Uint8Array(0);
  let entryScore = new Int32Array(0);
  let stamp = 0;

  function grow<T extends Int32Array | Uint8Array | Float64Array>(a: T, size: number): T {
    const next = new (a.constructor as new (n: number) => T)(size);
    next.set(a as never);
    return next;
  }

  function ensureCapacity(n: number) {
    if (capacity >= n) return;
    const size = Math.max(n, capacity * 2, 64);
    acc = grow(acc, size * 4);
    capacity = size;
    kindBits = grow(kindBits, size);
    languageOf = grow(languageOf, size);
    entryScore = grow(entryScore, size);
  }

  function featureId(key: string): number {
    let id = featureIds.get(key);
    if (id === undefined) {
      id = featureIds.size;
      featureIds.set(key, id);
      directPostings.push(newPostings());
      ancestorPostings.push(newPostings());
    }
    return id;
  }

  function quantise(features: ChallengeFeatures, slot: number): Item {
    const vector = quantisedVector(features);
    return {
      slot,
      id: features.id,
      language: vector.language,
      fids: Int32Array.from(vector.entries, (e) => featureId(e.key)),
      q: Int32Array.from(vector.entries, (e) => e.q),
      kinds: Uint8Array.from(vector.entries, (e) => e.kind),
      direct: Uint8Array.from(vector.entries, (e) => (e.direct ? 1 : 0)),
      has: vector.has,
      features,
    };
  }

  // The last query's results and the challenges it touched, in reusable buffers (a dense topic
  // gives thousands per query).
  let touchedSlots = new Int32Array(64);
  let foundScore = new Int32Array(64);
  let foundSlot = new Int32Array(64);

  /** Every indexed challenge with a score ≥ `at` to `item` (not itself), as tuples. */
  function query(item: Item, at = edgeAt): Neighbour[] {
    const n = scanQuery(item, at);
    const out: Neighbour[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = [foundScore[i]!, foundSlot[i]!];
    return out;
  }

  /** The same into foundScore/foundSlot; returns how many. */
  function scanQuery(item: Item, at: number): number {
    ensureCapacity(items.length + 1);
    stamp++;
    if (stamp === 2 ** 31 - 1) {
      for (let i = 3; i < acc.length; i += 4) acc[i] = 0;
      stamp = 1;
    }
    if (touchedSlots.length < items.length + 1) touchedSlots = new Int32Array(Math.max(64, items.length * 2));
    const touched = touchedSlots;
    let touchedCount = 0;
    const a = acc;
    const now = stamp;
    for (let i = 0; i < item.fids.length; i++) {
      const f = item.fids[i]!;
      const q = item.q[i]!;
      const k = item.kinds[i]!;

      // Ancestor-only entries count only against a challenge that names the concept itself.
      for (let pass = 0; pass < (item.direct[i] ? 2 : 1); pass++) {
        const list = pass === 0 ? directPostings[f]! : ancestorPostings[f]!;
        const slots = list.slots;
        const qs = list.q;
        const n = list.length;
        for (let j = 0; j < n; j++) {
          const s = slots[j]!;
          const row = s << 2;
          if (a[row + 3] !== now) {
            a[row + 3] = now;
            a[row] = 0;
            a[row + 1] = 0;
            a[row + 2] = 0;
            touched[touchedCount++] = s;
          }
          a[row + k]! += q * qs[j]!;
        }
      }
    }
    if (foundScore.length < touchedCount) {
      foundScore = new Int32Array(touchedCount * 2);
      foundSlot = new Int32Array(touchedCount * 2);
    }
    let found = 0;
    // combineDots, inlined: this runs for every challenge sharing any feature with `item`.
    const [w0, w1, w2] = weights as [number, number, number];
    const unit = QUANTUM * QUANTUM;
    const mine = (item.has[0] ? 1 : 0) | (item.has[1] ? 2 : 0) | (item.has[2] ? 4 : 0);
    // A weighted mean is at most its largest part: a pair whose every dot product is below the
    // edge threshold cannot reach it (most pairs share one broad feature and stop here).
    const floor = (at / SCORE_SCALE) * unit;
    for (let i = 0; i < touchedCount; i++) {
      const s = touched[i]!;
      const row = s << 2;
      const d0 = a[row]!;
      const d1 = a[row + 1]!;
      const d2 = a[row + 2]!;
      if (d0 < floor && d1 < floor && d2 < floor) continue;
      if (s === item.slot || items[s] === null) continue;
      const bits = mine | kindBits[s]!;
      let num = 0;
      let den = 0;
      if (bits & 1) {
        num += w0 * Math.min(1, d0 / unit);
        den += w0;
      }
      if (bits & 2) {
        num += w1 * Math.min(1, d1 / unit);
        den += w1;
      }
      if (bits & 4 && item.language === languageOf[s]) {
        num += w2 * Math.min(1, d2 / unit);
        den += w2;
      }
      const score = den > 0 ? Math.round((num / den) * SCORE_SCALE) : 0;
      if (score >= at) {
        foundScore[found] = score;
        foundSlot[found] = s;
        found++;
      }
    }
    return found;
  }

  /** Best first; at equal scores the smaller id first (so the order never depends on slots). */
  function better(x: Neighbour, y: Neighbour): boolean {
    if (x[0] !== y[0]) return x[0] > y[0];
    return items[x[1]]!.id < items[y[1]]!.id;
  }

  /** A cheap first test: could a neighbour with this score enter the slot's list (ties decided by offer)? */
  function mayEnter(slot: number, score: number): boolean {
    return score >= entryScore[slot]!;
  }

  function updateEntryScore(slot: number) {
    const list = kept[slot]!;
    entryScore[slot] = list.length < K ? 0 : list[list.length - 1]![0];
  }

  /** Offers a neighbour to a kept list; returns the slot pushed out of it, -1, or null if not taken. */
  function offer(list: Neighbour[], candidate: Neighbour): number | null {
    if (list.length >= K) {
      const last = list[list.length - 1]!;
      if (candidate[0] < last[0] || (candidate[0] === last[0] && !better(candidate, last))) return null;
    }
    let at = list.length;
    while (at > 0 && better(candidate, list[at - 1]!)) at--;
    list.splice(at, 0, candidate);
    return list.length > K ? list.pop()![1] : -1;
  }

  /** Links a and b when either keeps the other; unlinks them otherwise. */
  function syncLink(a: number, b: number) {
    const score = kept[a]!.find((n) => n[1] === b)?.[0] ?? kept[b]!.find((n) => n[1] === a)?.[0] ?? undefined;
    if (score === undefined) {
      links[a]!.delete(b);
      links[b]!.delete(a);
    } else {
      links[a]!.set(b, score);
      links[b]!.set(a, score);
    }
  }

  function isStrong(a: number, b: number, score: number): boolean {
    if (score < mergeAt) return false;
    const near = (x: number, y: number) => {
      const list = kept[x]!;
      for (let i = 0; i < mutual && i < list.length; i++) if (list[i]![1] === y) return true;
      return false;
    };
    return near(a, b) && near(b, a);
  }

  const postingsOf = (item: Item, i: number) =>
    (item.direct[i] ? directPostings : ancestorPostings)[item.fids[i]!]!;

  function addPostings(item: Item) {
    for (let i = 0; i < item.fids.length; i++) pushPosting(postingsOf(item, i), item.slot, item.q[i]!);
  }

  function removePostings(item: Item) {
    for (let i = 0; i < item.fids.length; i++) removePosting(postingsOf(item, i), item.slot);
  }

  function place(features: ChallengeFeatures): Item {
    const slot = freeSlots.pop() ?? items.length;
    const item = quantise(features, slot);
    ensureCapacity(slot + 1);
    items[slot] = item;
    kindBits[slot] = (item.has[0] ? 1 : 0) | (item.has[1] ? 2 : 0) | (item.has[2] ? 4 : 0);
    languageOf[slot] = item.language;
    entryScore[slot] = 0;
    slotOf.set(item.id, slot);
    kept[slot] = [];
    keptBy[slot] = new Set();
    links[slot] = new Map();
    clusterOf[slot] = null;
    return item;
  }

  /** Sets `slot`'s kept list and updates who keeps whom and the links; returns slots whose links changed. */
  function setKept(slot: number, next: Neighbour[], touched: Set<number>) {
    const before = kept[slot]!;
    kept[slot] = next;
    updateEntryScore(slot);
    const was = new Set(before.map((n) => n[1]));
    const now = new Set(next.map((n) => n[1]));
    for (const t of was) if (!now.has(t)) keptBy[t]!.delete(slot);
    for (const t of now) if (!was.has(t)) keptBy[t]!.add(slot);
    for (const t of new Set([...was, ...now])) {
      syncLink(slot, t);
      touched.add(t);
    }
  }

  /** The best K of a candidate list. */
  function bestOf(candidates: Neighbour[]): Neighbour[] {
    const list: Neighbour[] = [];
    for (const c of candidates) offer(list, c);
    return list;
  }

  const byId = (x: number, y: number) => {
    const a = items[x]!.id;
    const b = items[y]!.id;
    return a < b ? -1 : a > b ? 1 : 0;
  };

  /** Re-clusters one strong component from scratch. */
  function recluster(component: number) {
    const members = components.get(component)!;
    members.sort(byId);
    const local = new Map(members.map((s, i) => [s, i]));
    const edges: LinkageEdge[] = [];
    members.forEach((s, i) => {
      for (const [t, score] of links[s]!) {
        const j = local.get(t);
        if (j !== undefined && i < j) edges.push({ a: i, b: j, score, strong: isStrong(s, t, score) });
      }
    });
    const groups = members.length === 1 ? [[0]] : averageLinkage(members.length, edges, mergeAt);
    const clusters = groups.map((g) => g.map((i) => members[i]!));
    for (const cluster of clusters) for (const s of cluster) clusterOf[s] = cluster;
    clustersOf.set(component, clusters);
    revision++;
  }

  /** Splits slots into components of strong links and clusters each. */
  function regroup(slots: Iterable<number>) {
    const inSet = new Set(slots);
    const done = new Set<number>();
    for (const start of inSet) {
      if (done.has(start)) continue;
      const group = [start];
      done.add(start);
      for (let i = 0; i < group.length; i++) {
        const s = group[i]!;
        for (const [t, score] of links[s]!) {
          if (inSet.has(t) && !done.has(t) && isStrong(s, t, score)) {
            done.add(t);
            group.push(t);
          }
        }
      }
      const id = nextComponent++;
      components.set(id, group);
      for (const s of group) componentOf[s] = id;
      recluster(id);
    }
  }

  /** The members of the components of `slots`, those components dropped (to be regrouped). */
  function takeComponents(slots: Iterable<number>): Set<number> {
    const out = new Set<number>();
    for (const s of slots) {
      out.add(s);
      const c = componentOf[s]!;
      const members = components.get(c);
      if (!members) continue;
      for (const m of members) out.add(m);
      components.delete(c);
      clustersOf.delete(c);
    }
    return out;
  }

  function attach(features: ChallengeFeatures) {
    const item = place(features);
    const slot = item.slot;
    const candidates = query(item);
    const touched = new Set<number>([slot]);
    setKept(slot, bestOf(candidates), touched);
    for (const [score, t] of candidates) {
      const list = [...kept[t]!];
      if (offer(list, [score, slot]) === null) continue;
      setKept(t, list, touched);
      touched.add(t);
    }
    addPostings(item);
    componentOf[slot] = -1;
    regroup(takeComponents(touched));
  }

  function detach(slot: number) {
    const item = items[slot]!;
    removePostings(item);
    const touched = new Set<number>([slot]);
    const keepers = [...keptBy[slot]!];
    setKept(slot, [], touched);
    const affected = takeComponents(touched);
    items[slot] = null;
    // Whoever kept it keeps its next best instead.
    const changed = new Set<number>();
    for (const t of keepers) {
      setKept(t, bestOf(query(items[t]!)), changed);
      changed.add(t);
    }
    for (const s of takeComponents(changed)) affected.add(s);
    affected.delete(slot);
    clusterOf[slot] = null;
    slotOf.delete(item.id);
    freeSlots.push(slot);
    revision++;
    regroup(affected);
  }

  return {
    /** Adds a challenge, or replaces the one with its id; re-clusters what it touches. */
    upsert(features: ChallengeFeatures) {
      const slot = slotOf.get(features.id);
      if (slot !== undefined) detach(slot);
      attach(features);
    },

    /** Removes a challenge (deleted, merged away, rejected); what it touched is re-clustered. */
    remove(id: string) {
      const slot = slotOf.get(id);
      if (slot !== undefined) detach(slot);
    },

    /** Replaces everything: the full recomputation. */
    rebuild(all: readonly ChallengeFeatures[]) {
      for (const slot of [...slotOf.values()]) {
        removePostings(items[slot]!);
        items[slot] = null;
        freeSlots.push(slot);
      }
      slotOf.clear();
      components.clear();
      clustersOf.clear();
      const sorted = [...all].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      const placed = sorted.map((f) => place(f));
      // Each challenge meets every earlier one once; both keep the best K they meet.
      for (const item of placed) {
        const mine = kept[item.slot]!;
        const n = scanQuery(item, edgeAt);
        for (let i = 0; i < n; i++) {
          const score = foundScore[i]!;
          const t = foundSlot[i]!;
          if (mayEnter(item.slot, score)) {
            offer(mine, [score, t]);
            updateEntryScore(item.slot);
          }
          if (mayEnter(t, score)) {
            offer(kept[t]!, [score, item.slot]);
            updateEntryScore(t);
          }
        }
        addPostings(item);
      }
      for (const item of placed) {
        for (const [score, t] of kept[item.slot]!) {
          keptBy[t]!.add(item.slot);
          links[item.slot]!.set(t, score);
          links[t]!.set(item.slot, score);
        }
      }
      regroup(placed.map((i) => i.slot));
    },

    has(id: string) {
      return slotOf.has(id);
    },

    get size() {
      return slotOf.size;
    },

    get revision() {
      return revision;
    },

    features(id: string): ChallengeFeatures | null {
      const slot = slotOf.get(id);
      return slot === undefined ? null : items[slot]!.features;
    },

    /** Challenges similar to an indexed one (≥ similar threshold, any number), best first: [id, score 0–1]. */
    neighbours(id: string): Array<[string, number]> {
      const slot = slotOf.get(id);
      if (slot === undefined) return [];
      return sortNeighbours(query(items[slot]!, similarAt).map(([score, t]) => [items[t]!.id, score]));
    },

    /** The same for a challenge that is not indexed (merged, rejected), without adding it. */
    similarTo(features: ChallengeFeatures): Array<[string, number]> {
      const item = quantise(features, -1);
      return sortNeighbours(
        query(item, similarAt)
          .filter(([, s]) => items[s]!.id !== features.id)
          .map(([score, s]) => [items[s]!.id, score]),
      );
    },

    /** The score of a link between two indexed challenges (0 when they are not linked). */
    score(a: string, b: string): number {
      const sa = slotOf.get(a);
      const sb = slotOf.get(b);
      if (sa === undefined || sb === undefined) return 0;
      return (links[sa]!.get(sb) ?? 0) / SCORE_SCALE;
    },

    /** Every cluster of two or more challenges, members sorted by id. */
    clusters(): ClusterView[] {
      const out: ClusterView[] = [];
      for (const clusters of clustersOf.values())
        for (const c of clusters) if (c.length > 1) out.push({ members: c.map((s) => items[s]!.id) });
      return out;
    },

    /** The members of the cluster `id` belongs to (itself alone when it is in none). */
    clusterOf(id: string): string[] {
      const slot = slotOf.get(id);
      if (slot === undefined) return [];
      return (clusterOf[slot] ?? [slot]).map((s) => items[s]!.id);
    },

    /** Every link once, as [smaller id, larger id, score in millionths], for tests and benchmarks. */
    links(): Array<[string, string, number]> {
      const out: Array<[string, string, number]> = [];
      for (const [id, slot] of slotOf) {
        for (const [t, score] of links[slot]!) {
          const other = items[t]!.id;
          if (id < other) out.push([id, other, score]);
        }
      }
      return out.sort((x, y) =>
        x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0,
      );
    },
  };
}

type QuantisedVector = {
  language: number;
  has: [boolean, boolean, boolean];
  entries: Array<{ key: string; q: number; kind: number; direct: boolean }>;
};

/** Each kind scaled to unit length over its direct features, in integer QUANTUM steps. */
function quantisedVector(features: ChallengeFeatures): QuantisedVector {
  const norms = [0, 0, 0];
  for (const f of features.features) if (f.direct) norms[KIND_INDEX[f.kind]]! += f.weight * f.weight;
  const has: [boolean, boolean, boolean] = [false, false, false];
  const entries: QuantisedVector['entries'] = [];
  for (const f of features.features) {
    const k = KIND_INDEX[f.kind];
    const norm = Math.sqrt(norms[k]!);
    if (norm === 0) continue;
    const q = Math.round((f.weight / norm) * QUANTUM);
    if (q <= 0) continue;
    entries.push({ key: f.key, q, kind: k, direct: f.direct });
    if (f.direct) has[k] = true;
  }
  return { language: LANGUAGE_INDEX[features.language], has, entries };
}

/** The score from the three per-kind dot products, in millionths. */
function combineDots(
  weights: readonly number[],
  a: { has: readonly boolean[]; language: number },
  b: { has: readonly boolean[]; language: number },
  d0: number,
  d1: number,
  d2: number,
): number {
  // The same arithmetic, in the same order, as the inlined copy in query().
  const unit = QUANTUM * QUANTUM;
  let num = 0;
  let den = 0;
  if (a.has[0] || b.has[0]) {
    num += weights[0]! * Math.min(1, d0 / unit);
    den += weights[0]!;
  }
  if (a.has[1] || b.has[1]) {
    num += weights[1]! * Math.min(1, d1 / unit);
    den += weights[1]!;
  }
  if ((a.has[2] || b.has[2]) && a.language === b.language) {
    num += weights[2]! * Math.min(1, d2 / unit);
    den += weights[2]!;
  }
  return den > 0 ? Math.round((num / den) * SCORE_SCALE) : 0;
}

/**
 * The similarity of two challenges computed directly, without an index (0–1): the definition the
 * index must agree with, and the naive baseline of the benchmark.
 */
export function pairSimilarity(
  a: ChallengeFeatures,
  b: ChallengeFeatures,
  params: SimilarityParams = DEFAULT_SIMILARITY_PARAMS,
): number {
  const va = quantisedVector(a);
  const vb = quantisedVector(b);
  const other = new Map(vb.entries.map((e) => [e.key, e]));
  const dots = [0, 0, 0];
  for (const e of va.entries) {
    const o = other.get(e.key);
    if (o && (e.direct || o.direct)) dots[e.kind]! += e.q * o.q;
  }
  const weights = [params.weights.concept, params.weights.specific, params.weights.word];
  return combineDots(weights, va, vb, dots[0]!, dots[1]!, dots[2]!) / SCORE_SCALE;
}

function sortNeighbours(list: Array<[string, number]>): Array<[string, number]> {
  return list
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .map(([id, score]) => [id, score / SCORE_SCALE]);
}
