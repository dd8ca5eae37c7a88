import type { Db } from '../../db/create-db.ts';
import { searchOrganisationText } from '../../db/queries/organisations.ts';
import { parseSearchText } from '../../domain/registry/organisation-search.ts';

export type TextSearch = {
  /** id → relevance of every organisation whose name or description matches `q`. */
  ranks(version: number, q: string): Promise<ReadonlyMap<string, number>>;
};

/**
 * Full-text matches come from PostgreSQL (the GIN-indexed `search_vector`, stemming in three
 * languages); filters, visibility and paging stay in memory. A search's matches depend only
 * on the data and the text, so they are cached by registry version + text: typing, paging and
 * changing filters reuse them, and any write (a new version) makes them unreachable.
 */
export function createTextSearch(db: Db, maxEntries = 500): TextSearch {
  const cache = new Map<string, Promise<ReadonlyMap<string, number>>>();
  return {
    ranks(version, q) {
      const key = `${version}\u0000${q}`;
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      const pending = searchOrganisationText(db, parseSearchText(q));
      // Concurrent identical searches share one query; a failed one is not remembered.
      pending.catch(() => cache.delete(key));
      cache.set(key, pending);
      if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
      return pending;
    },
  };
}
