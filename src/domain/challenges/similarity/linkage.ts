/**
 * Average linkage on a sparse similarity graph, the clustering rule of common challenges.
 *
 * Start from single challenges; repeatedly merge the two groups whose mean similarity over all
 * cross pairs is highest, while it is at least `mergeAt`. A pair that is not linked counts as 0
 * in that mean, so a challenge joins a group only when it is similar to a good share of its
 * members: a chain a–b–c where a and c have nothing in common does not become one cluster unless
 * a–b and b–c are strong enough to carry the mean (which is what "resists chaining" means).
 * Two groups may only merge across a *strong* link (connectivity-constrained linkage): groups that
 * no strong link joins never merge, so each connected component of strong links can be clustered
 * on its own.
 *
 * Exact integers (similarities in millionths) and tie-breaking by the smallest member id make the
 * result a function of the graph alone, whatever order challenges arrived in.
 */

export type LinkageEdge = { a: number; b: number; score: number; strong: boolean };

type HeapEntry = { link: number; a: number; b: number; va: number; vb: number };

// Higher link first; at equal link the pair with the smaller keys (smallest member ids) first.
function before(x: HeapEntry, y: HeapEntry): boolean {
  if (x.link !== y.link) return x.link > y.link;
  if (x.a !== y.a) return x.a < y.a;
  return x.b < y.b;
}

class Heap {
  private readonly items: HeapEntry[] = [];
  get size() {
    return this.items.length;
  }
  push(entry: HeapEntry) {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): HeapEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && before(items[l]!, items[best]!)) best = l;
        if (r < items.length && before(items[r]!, items[best]!)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}

/**
 * Clusters `n` nodes, numbered in the order of their ids (node 0 has the smallest id), given the
 * edges among them (scores as integers). Returns groups of node numbers, each sorted, ordered by
 * their first node.
 */
export function averageLinkage(n: number, edges: readonly LinkageEdge[], mergeAt: number): number[][] {
  const size = new Array<number>(n).fill(1);
  const version = new Array<number>(n).fill(0);
  const alive = new Array<boolean>(n).fill(true);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  // sums[i]: cluster → sum of the scores of all pairs between cluster i and it;
  // strong[i]: cluster → number of strong links between them.
  const sums: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const strong: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (const edge of edges) {
    const { a, b, score } = edge;
    if (a === b) continue;
    sums[a]!.set(b, (sums[a]!.get(b) ?? 0) + score);
    sums[b]!.set(a, (sums[b]!.get(a) ?? 0) + score);
    if (edge.strong) {
      strong[a]!.set(b, (strong[a]!.get(b) ?? 0) + 1);
      strong[b]!.set(a, (strong[b]!.get(a) ?? 0) + 1);
    }
  }
  const heap = new Heap();
  const push = (a: number, b: number, sum: number) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    if (!strong[x]!.has(y)) return;
    const link = sum / (size[x]! * size[y]!);
    if (link >= mergeAt) heap.push({ link, a: x, b: y, va: version[x]!, vb: version[y]! });
  };
  for (let a = 0; a < n; a++) for (const [b, sum] of sums[a]!) if (a < b) push(a, b, sum);

  while (heap.size > 0) {
    const top = heap.pop()!;
    const { a, b } = top;
    if (!alive[a] || !alive[b] || version[a] !== top.va || version[b] !== top.vb) continue;
    // Merge b into a (a < b, so the merged cluster keeps the smaller key).
    alive[b] = false;
    size[a]! += size[b]!;
    version[a]!++;
    members[a] = mergeSorted(members[a]!, members[b]!);
    members[b] = [];
    for (const table of [sums, strong]) {
      const ta = table[a]!;
      const tb = table[b]!;
      ta.delete(b);
      tb.delete(a);
      for (const [c, value] of tb) {
        const total = (ta.get(c) ?? 0) + value;
        ta.set(c, total);
        const tc = table[c]!;
        tc.delete(b);
        tc.set(a, total);
      }
      tb.clear();
    }
    for (const [c, sum] of sums[a]!) push(a, c, sum);
  }
  return members.filter((m, i) => alive[i] && m.length > 0);
}

function mergeSorted(x: number[], y: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (j >= y.length || (i < x.length && x[i]! < y[j]!)) out.push(x[i++]!);
    else out.push(y[j++]!);
  }
  return out;
}
