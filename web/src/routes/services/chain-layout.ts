// A layered layout of a subcontracting chain: suppliers to the left of their customers. Each
// organisation's column is the length of the longest supply path that reaches it (cycles are
// broken where a depth-first walk meets them); within a column, organisations are ordered by
// the mean row of their neighbours in a few sweeps, so links cross less. Pure and deterministic.

export interface LayoutInput {
  nodes: { id: string; name: string }[];
  links: { supplierId: string; customerId: string }[];
}

export interface PlacedNode {
  id: string;
  column: number;
  row: number;
}

export interface ChainLayout {
  nodes: PlacedNode[];
  columns: number;
  /** The most organisations in one column. */
  rows: number;
}

export function layoutChain({ nodes, links }: LayoutInput): ChainLayout {
  const ids = new Set(nodes.map((n) => n.id));
  const edges = links.filter(
    (l) => ids.has(l.supplierId) && ids.has(l.customerId) && l.supplierId !== l.customerId,
  );
  const out = new Map<string, string[]>();
  const inn = new Map<string, string[]>();
  for (const id of ids) {
    out.set(id, []);
    inn.set(id, []);
  }
  for (const e of edges) {
    out.get(e.supplierId)!.push(e.customerId);
    inn.get(e.customerId)!.push(e.supplierId);
  }

  // Drop the edges that close a cycle (found by a depth-first walk in name order).
  const byName = [...nodes].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const state = new Map<string, 'open' | 'done'>();
  const acyclic = new Map<string, string[]>([...ids].map((id) => [id, []]));
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const next of out.get(id)!) {
      const s = state.get(next);
      if (s === 'open') continue; // back edge: ignored for the layering
      acyclic.get(id)!.push(next);
      if (s === undefined) visit(next);
    }
    state.set(id, 'done');
  };
  // Sources first, so a chain starts at its real start when it has one.
  for (const node of byName) if (inn.get(node.id)!.length === 0 && !state.has(node.id)) visit(node.id);
  for (const node of byName) if (!state.has(node.id)) visit(node.id);

  // Longest path from a source, over the acyclic edges (in topological order).
  const indegree = new Map([...ids].map((id) => [id, 0]));
  for (const targets of acyclic.values()) for (const t of targets) indegree.set(t, indegree.get(t)! + 1);
  const column = new Map([...ids].map((id) => [id, 0]));
  const queue = byName.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const next of acyclic.get(id)!) {
      column.set(next, Math.max(column.get(next)!, column.get(id)! + 1));
      indegree.set(next, indegree.get(next)! - 1);
      if (indegree.get(next) === 0) queue.push(next);
    }
  }
  // A supplier with nothing upstream sits just left of its first customer, not at the far left.
  for (const node of byName) {
    const customers = out.get(node.id)!;
    if (inn.get(node.id)!.length === 0 && customers.length > 0) {
      const nearest = Math.min(...customers.map((c) => column.get(c)!));
      column.set(node.id, Math.max(column.get(node.id)!, nearest - 1));
    }
  }

  const columns = Math.max(0, ...column.values()) + 1;
  const layers: string[][] = Array.from({ length: columns }, () => []);
  for (const node of byName) layers[column.get(node.id)!]!.push(node.id);

  // Barycentre sweeps: right using suppliers' rows, then left using customers' rows.
  const rowOf = new Map<string, number>();
  const index = () => {
    for (const layer of layers) {
      for (const [i, id] of layer.entries()) rowOf.set(id, i);
    }
  };
  index();
  const mean = (list: string[], fallback: number) =>
    list.length ? list.reduce((sum, id) => sum + rowOf.get(id)!, 0) / list.length : fallback;
  for (let sweep = 0; sweep < 4; sweep++) {
    const forward = sweep % 2 === 0;
    const order = forward ? layers.slice(1) : layers.slice(0, -1).reverse();
    for (const layer of order) {
      const keyed = layer.map((id) => ({
        id,
        key: mean(forward ? inn.get(id)! : out.get(id)!, rowOf.get(id)!),
      }));
      keyed.sort((a, b) => a.key - b.key || rowOf.get(a.id)! - rowOf.get(b.id)!);
      layer.splice(0, layer.length, ...keyed.map((k) => k.id));
      index();
    }
  }

  return {
    nodes: byName.map((n) => ({ id: n.id, column: column.get(n.id)!, row: rowOf.get(n.id)! })),
    columns,
    rows: Math.max(0, ...layers.map((l) => l.length)),
  };
}
