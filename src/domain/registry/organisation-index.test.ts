import { describe, expect, it } from 'vitest';
import {
  buildOrganisationIndex,
  type IndexedOrganisation,
  queryOrganisationIndex,
} from './organisation-index.ts';

const org = (id: string, name: string, extra: Partial<IndexedOrganisation> = {}): IndexedOrganisation => ({
  id,
  name,
  nameEn: null,
  type: 'company',
  regionId: 'kokkola',
  municipality: null,
  website: null,
  isPublic: true,
  conceptIds: [],
  ...extra,
});

const index = buildOrganisationIndex(1, [
  org('o', 'Öljynjalostus Oy'),
  org('a', 'Akkutehdas Oy', { conceptIds: ['cell.assembly'] }),
  org('aa', 'Åbo Akademi', { type: 'university', regionId: 'turku', nameEn: 'Åbo Akademi University' }),
  org('z', 'Zinc Works', { regionId: 'pori', conceptIds: ['refining'] }),
  org('h', 'Hidden Oy', { isPublic: false, regionId: 'vaasa' }),
]);
const everyone = { all: false as const, privateRegionId: null, privateOrganisationId: null };

describe('organisation index', () => {
  it('sorts in Finnish alphabetical order (Å, Ä, Ö after Z)', () => {
    const { items } = queryOrganisationIndex(index, { page: 1, pageSize: 10 }, { all: true });
    expect(items.map((o) => o.name)).toEqual([
      'Akkutehdas Oy',
      'Hidden Oy',
      'Zinc Works',
      'Åbo Akademi',
      'Öljynjalostus Oy',
    ]);
  });

  it('searches names in both languages case-insensitively', () => {
    expect(
      queryOrganisationIndex(index, { q: 'ÅBO akad', page: 1, pageSize: 10 }, everyone).items.map(
        (o) => o.id,
      ),
    ).toEqual(['aa']);
    expect(queryOrganisationIndex(index, { q: 'university', page: 1, pageSize: 10 }, everyone).total).toBe(1);
  });

  it('filters by region, type and concept including narrower concepts', () => {
    expect(queryOrganisationIndex(index, { regionId: 'pori', page: 1, pageSize: 10 }, everyone).total).toBe(
      1,
    );
    expect(queryOrganisationIndex(index, { type: 'university', page: 1, pageSize: 10 }, everyone).total).toBe(
      1,
    );
    expect(
      queryOrganisationIndex(index, { conceptId: 'cell', page: 1, pageSize: 10 }, everyone).items.map(
        (o) => o.id,
      ),
    ).toEqual(['a']);
    expect(queryOrganisationIndex(index, { conceptId: 'cel', page: 1, pageSize: 10 }, everyone).total).toBe(
      0,
    );
  });

  it('shows private rows only to whom the permissions allow', () => {
    expect(queryOrganisationIndex(index, { page: 1, pageSize: 10 }, everyone).total).toBe(4);
    expect(
      queryOrganisationIndex(
        index,
        { page: 1, pageSize: 10 },
        { all: false, privateRegionId: 'vaasa', privateOrganisationId: null },
      ).total,
    ).toBe(5);
    expect(
      queryOrganisationIndex(
        index,
        { page: 1, pageSize: 10 },
        { all: false, privateRegionId: null, privateOrganisationId: 'h' },
      ).total,
    ).toBe(5);
  });

  it('pages with a stable total', () => {
    const p1 = queryOrganisationIndex(index, { page: 1, pageSize: 2 }, everyone);
    const p2 = queryOrganisationIndex(index, { page: 2, pageSize: 2 }, everyone);
    const p3 = queryOrganisationIndex(index, { page: 3, pageSize: 2 }, everyone);
    expect([p1.total, p2.total, p3.total]).toEqual([4, 4, 4]);
    expect([...p1.items, ...p2.items, ...p3.items].map((o) => o.id)).toEqual(['a', 'z', 'aa', 'o']);
  });
});

describe('organisation index with full-text matches', () => {
  const ranked = buildOrganisationIndex(2, [
    org('a', 'Akkutehdas Oy'),
    org('k', 'Kierrätys Oy'),
    org('m', 'Metalli Oy', { regionId: 'pori' }),
    org('p', 'Private Recycling Oy', { isPublic: false }),
    org('r', 'Recycling Partners'),
  ]);
  const textRanks = new Map([
    ['a', 0.2],
    ['m', 0.6],
    ['p', 0.9],
    ['k', 0.4],
  ]);

  it('adds description matches to name matches: names first, then by relevance', () => {
    const { items, total } = queryOrganisationIndex(
      ranked,
      { q: 'recycling', textRanks, page: 1, pageSize: 10 },
      everyone,
    );
    expect(items.map((o) => o.id)).toEqual(['r', 'm', 'k', 'a']);
    expect(total).toBe(4);
  });

  it('applies filters, visibility and paging to the ranked list', () => {
    const page2 = queryOrganisationIndex(
      ranked,
      { q: 'recycling', textRanks, page: 2, pageSize: 2 },
      everyone,
    );
    expect(page2.items.map((o) => o.id)).toEqual(['k', 'a']);
    expect(page2.total).toBe(4);
    const pori = queryOrganisationIndex(
      ranked,
      { q: 'recycling', textRanks, regionId: 'pori', page: 1, pageSize: 10 },
      everyone,
    );
    expect(pori.items.map((o) => o.id)).toEqual(['m']);
    const admin = queryOrganisationIndex(
      ranked,
      { q: 'recycling', textRanks, page: 1, pageSize: 10 },
      { all: true },
    );
    expect(admin.items.map((o) => o.id)).toEqual(['p', 'r', 'm', 'k', 'a']);
  });
});
