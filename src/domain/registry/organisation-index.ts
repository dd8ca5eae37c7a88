import type { OrganisationScope } from '../auth/permissions.ts';

/**
 * An in-memory read model of the registry for the hot list/search route: built from the
 * database (the source of truth), sorted once, filtered by a linear scan. At the PRODUCT.md
 * scale (~5,000 organisations) a query takes well under a millisecond.
 */
export type IndexedOrganisation = OrganisationScope & {
  name: string;
  nameEn: string | null;
  type: string;
  municipality: string | null;
  website: string | null;
  conceptIds: string[];
};

type Entry = { org: IndexedOrganisation; haystack: string };

export type OrganisationIndex = { version: number; entries: Entry[] };

export type OrganisationQuery = {
  /** Matches names (both languages) as a substring, and every id in `textRanks`. */
  q?: string;
  /**
   * Full-text matches of `q` in names and descriptions (fi/sv/en), id → relevance, from
   * PostgreSQL. With `q`, results are ordered: name matches first, then by relevance, then
   * by name; without it by name alone.
   */
  textRanks?: ReadonlyMap<string, number>;
  regionId?: string;
  type?: string;
  /** Matches the concept and every narrower concept (`recycling` matches `recycling.black-mass`). */
  conceptId?: string;
  page: number;
  pageSize: number;
};

export type Visibility =
  | { all: true }
  | { all: false; privateRegionId: string | null; privateOrganisationId: string | null };

const collator = new Intl.Collator('fi', { sensitivity: 'base', numeric: true });

export function normaliseForSearch(text: string): string {
  return text.toLocaleLowerCase('fi').normalize('NFC');
}

export function buildOrganisationIndex(
  version: number,
  organisations: IndexedOrganisation[],
): OrganisationIndex {
  const entries = organisations
    .map((org) => ({ org, haystack: normaliseForSearch(`${org.name}\n${org.nameEn ?? ''}`) }))
    .sort((a, b) => collator.compare(a.org.name, b.org.name) || (a.org.id < b.org.id ? -1 : 1));
  return { version, entries };
}

function isVisible(org: OrganisationScope, visibility: Visibility): boolean {
  if (visibility.all || org.isPublic) return true;
  return (
    (visibility.privateRegionId !== null && org.regionId === visibility.privateRegionId) ||
    (visibility.privateOrganisationId !== null && org.id === visibility.privateOrganisationId)
  );
}

export function queryOrganisationIndex(
  index: OrganisationIndex,
  query: OrganisationQuery,
  visibility: Visibility,
) {
  const needle = query.q ? normaliseForSearch(query.q) : null;
  const textRanks = needle ? query.textRanks : undefined;
  const conceptPrefix = query.conceptId ? `${query.conceptId}.` : null;
  const start = (query.page - 1) * query.pageSize;
  const end = start + query.pageSize;
  const items: IndexedOrganisation[] = [];
  // Ranked results must all be known before paging; plain lists stream in name order.
  const ranked: { org: IndexedOrganisation; nameHit: boolean; rank: number; order: number }[] = [];
  let total = 0;
  for (let order = 0; order < index.entries.length; order++) {
    const { org, haystack } = index.entries[order]!;
    if (query.regionId && org.regionId !== query.regionId) continue;
    if (query.type && org.type !== query.type) continue;
    if (!isVisible(org, visibility)) continue;
    if (query.conceptId && !org.conceptIds.some((c) => c === query.conceptId || c.startsWith(conceptPrefix!)))
      continue;
    if (needle) {
      const nameHit = haystack.includes(needle);
      const rank = textRanks?.get(org.id);
      if (!nameHit && rank === undefined) continue;
      if (textRanks) {
        ranked.push({ org, nameHit, rank: rank ?? 0, order });
        continue;
      }
    }
    if (total >= start && total < end) items.push(org);
    total++;
  }
  if (textRanks) {
    ranked.sort((a, b) => Number(b.nameHit) - Number(a.nameHit) || b.rank - a.rank || a.order - b.order);
    return { items: ranked.slice(start, end).map((r) => r.org), total: ranked.length };
  }
  return { items, total };
}
