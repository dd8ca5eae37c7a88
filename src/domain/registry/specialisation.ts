/**
 * The specialisation index of PRODUCT.md module 2: a location quotient (LQ) per region and
 * value-chain concept, computed from the organisations' competences. Pure: no db, no I/O.
 *
 * Counting. An organisation's competences are rolled up: a competence in
 * `refining.hydromet` also counts for its ancestor `refining`. Each organisation counts at
 * most once per concept, so an organisation listing three kinds of refining is one refining
 * actor, and a region's count for a concept is "organisations of the region with a competence
 * in this concept or anything narrower".
 *
 * LQ(region, concept) =
 *     (count(region, concept) / competences(region, level))
 *   / (count(network, concept) / competences(network, level))
 * where competences(·, level) is the sum of the counts over all concepts of the concept's level
 * (all the region's rolled-up competences at that level). The network is every region together.
 * Taking the totals per level makes the shares of one level sum to 1, so LQ 1 means "as common
 * in this region as in the network", above 1 "more common here", and the network-share-weighted
 * mean of one level's LQs is exactly 1.
 *
 * Small numbers make LQs jumpy (one organisation in a small region can give LQ 6), so every
 * entry carries `fewData` when the region's count is below FEW_DATA_COUNT.
 */

export const FEW_DATA_COUNT = 3;

export type ConceptNode = { id: string; parentId: string | null; level: number };

/** An organisation as the index sees it: its region and its competences' concept ids. */
export type CompetenceHolder = { regionId: string; conceptIds: readonly string[] };

export type ConceptTree = {
  nodes: ReadonlyMap<string, ConceptNode>;
  /** The concept itself followed by its ancestors, nearest first; unknown ids are absent. */
  lineage(conceptId: string): readonly string[];
};

export function createConceptTree(concepts: readonly ConceptNode[]): ConceptTree {
  const nodes = new Map(concepts.map((c) => [c.id, c]));
  const cache = new Map<string, readonly string[]>();
  function lineage(conceptId: string): readonly string[] {
    const cached = cache.get(conceptId);
    if (cached) return cached;
    const chain: string[] = [];
    const seen = new Set<string>();
    let current = nodes.get(conceptId);
    // A cycle in bad data must not hang the server: stop at the first repeat.
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      chain.push(current.id);
      current = current.parentId ? nodes.get(current.parentId) : undefined;
    }
    cache.set(conceptId, chain);
    return chain;
  }
  return { nodes, lineage };
}

/** The concepts an organisation counts for: each competence and all its ancestors, once. */
export function rollUpConcepts(tree: ConceptTree, conceptIds: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const id of conceptIds) for (const c of tree.lineage(id)) out.add(c);
  return out;
}

/** The top-level (level-1) concepts of the competences, in the order first met. */
export function topLevelConcepts(tree: ConceptTree, conceptIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of conceptIds) {
    const root = tree.lineage(id).at(-1);
    if (root && !out.includes(root)) out.push(root);
  }
  return out;
}

/** count(region, concept): organisations per region per concept, after roll-up. */
export type ConceptCounts = ReadonlyMap<string, ReadonlyMap<string, number>>;

export function countConceptsByRegion(tree: ConceptTree, holders: Iterable<CompetenceHolder>): ConceptCounts {
  const counts = new Map<string, Map<string, number>>();
  for (const holder of holders) {
    let region = counts.get(holder.regionId);
    if (!region) {
      region = new Map();
      counts.set(holder.regionId, region);
    }
    for (const conceptId of rollUpConcepts(tree, holder.conceptIds)) {
      region.set(conceptId, (region.get(conceptId) ?? 0) + 1);
    }
  }
  return counts;
}

export type SpecialisationEntry = {
  conceptId: string;
  level: number;
  /** Organisations of the region with a competence in the concept (rolled up). */
  count: number;
  /** count / the region's competences at this level; 0 for an empty region. */
  share: number;
  networkCount: number;
  networkShare: number;
  /** null when undefined: the region has no competences at this level, or the network none in the concept. */
  lq: number | null;
  /** Fewer than FEW_DATA_COUNT organisations: read the LQ as a hint, not a finding. */
  fewData: boolean;
};

export type SpecialisationOptions = {
  /** Deepest concept level included (1 = value-chain stages only). */
  maxLevel: number;
  /** Concepts in display order; ties in LQ and count keep this order. */
  order?: readonly string[];
};

function levelTotals(
  tree: ConceptTree,
  counts: ReadonlyMap<string, number> | undefined,
): Map<number, number> {
  const totals = new Map<number, number>();
  for (const [conceptId, n] of counts ?? []) {
    const level = tree.nodes.get(conceptId)?.level;
    if (level !== undefined) totals.set(level, (totals.get(level) ?? 0) + n);
  }
  return totals;
}

function sumCounts(counts: ConceptCounts): Map<string, number> {
  const network = new Map<string, number>();
  for (const region of counts.values()) {
    for (const [conceptId, n] of region) network.set(conceptId, (network.get(conceptId) ?? 0) + n);
  }
  return network;
}

/**
 * The specialisation index of one region: every concept down to `maxLevel`, sorted by LQ
 * (highest first; undefined LQs last), then by count, then in taxonomy order.
 */
export function computeSpecialisation(
  tree: ConceptTree,
  counts: ConceptCounts,
  regionId: string,
  options: SpecialisationOptions,
): SpecialisationEntry[] {
  const region = counts.get(regionId);
  const network = sumCounts(counts);
  const regionTotals = levelTotals(tree, region);
  const networkTotals = levelTotals(tree, network);
  const order = new Map((options.order ?? [...tree.nodes.keys()]).map((id, i) => [id, i]));

  const entries: SpecialisationEntry[] = [];
  for (const node of tree.nodes.values()) {
    if (node.level < 1 || node.level > options.maxLevel) continue;
    const count = region?.get(node.id) ?? 0;
    const regionTotal = regionTotals.get(node.level) ?? 0;
    const networkCount = network.get(node.id) ?? 0;
    const networkTotal = networkTotals.get(node.level) ?? 0;
    const share = regionTotal > 0 ? count / regionTotal : 0;
    const networkShare = networkTotal > 0 ? networkCount / networkTotal : 0;
    const lq = regionTotal > 0 && networkCount > 0 ? share / networkShare : null;
    entries.push({
      conceptId: node.id,
      level: node.level,
      count,
      share,
      networkCount,
      networkShare,
      lq,
      fewData: count < FEW_DATA_COUNT,
    });
  }
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return entries.sort(
    (a, b) =>
      (b.lq ?? Number.NEGATIVE_INFINITY) - (a.lq ?? Number.NEGATIVE_INFINITY) ||
      b.count - a.count ||
      rank(a.conceptId) - rank(b.conceptId),
  );
}

export type MatrixRow = { conceptId: string; counts: Record<string, number>; total: number };

/**
 * The value-chain × region matrix: for each concept of `level` (in `order`), the organisations
 * of each region with a competence in it (rolled up, as for the index).
 */
export function buildValueChainMatrix(
  tree: ConceptTree,
  counts: ConceptCounts,
  regionIds: readonly string[],
  level: number,
  order: readonly string[],
): MatrixRow[] {
  return order
    .filter((id) => tree.nodes.get(id)?.level === level)
    .map((conceptId) => {
      const row: Record<string, number> = {};
      let total = 0;
      for (const regionId of regionIds) {
        const n = counts.get(regionId)?.get(conceptId) ?? 0;
        row[regionId] = n;
        total += n;
      }
      return { conceptId, counts: row, total };
    });
}
