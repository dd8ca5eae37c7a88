/**
 * A small LRU of serialised JSON answers for hot read routes. Keys must contain everything
 * the answer depends on — the read model's version and the caller's visibility included —
 * so a cached answer is never stale and never shown to someone who may not see it.
 */
export type ResponseCache = { get(key: string): string | undefined; set(key: string, json: string): void };

export function createResponseCache(maxEntries = 1000): ResponseCache {
  const entries = new Map<string, string>();
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit !== undefined) {
        entries.delete(key);
        entries.set(key, hit);
      }
      return hit;
    },
    set(key, json) {
      entries.delete(key);
      entries.set(key, json);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}
