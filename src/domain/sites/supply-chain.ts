/**
 * The subcontracting chain around an organisation: its suppliers, their suppliers … (upstream)
 * and its customers, their customers … (downstream), a few steps each way. Pure: no I/O.
 */
export type ChainLink = { id: string; supplierId: string; customerId: string };

export const CHAIN_DEPTH = 3;

/** The links reachable from `organisationId` going only upstream or only downstream. */
export function chainAround<T extends ChainLink>(
  links: T[],
  organisationId: string,
  depth = CHAIN_DEPTH,
): T[] {
  const bySupplier = new Map<string, T[]>();
  const byCustomer = new Map<string, T[]>();
  for (const link of links) {
    bySupplier.set(link.supplierId, [...(bySupplier.get(link.supplierId) ?? []), link]);
    byCustomer.set(link.customerId, [...(byCustomer.get(link.customerId) ?? []), link]);
  }
  const found = new Map<string, T>();
  const walk = (index: Map<string, T[]>, next: (l: T) => string) => {
    let frontier = [organisationId];
    const seen = new Set(frontier);
    for (let step = 0; step < depth && frontier.length; step++) {
      const following: string[] = [];
      for (const id of frontier) {
        for (const link of index.get(id) ?? []) {
          found.set(link.id, link);
          const other = next(link);
          if (!seen.has(other)) {
            seen.add(other);
            following.push(other);
          }
        }
      }
      frontier = following;
    }
  };
  walk(byCustomer, (l) => l.supplierId);
  walk(bySupplier, (l) => l.customerId);
  return links.filter((l) => found.has(l.id));
}
