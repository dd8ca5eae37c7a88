import { describe, expect, it } from 'vitest';
import { checkEditValues, conceptChanges, parseAltLabels, toEditValues } from './concept-edit-form.tsx';
import { historyChanges } from './concept-history.ts';
import { isSearchedScheme } from './concept-link.tsx';
import { buildTree, matchingIds } from './taxonomy-page.tsx';

const concept = {
  labels: { fi: 'Kotka', sv: 'Kotka', en: 'Kotka' },
  altLabels: { fi: ['Kotkan kaupunki'], sv: [], en: [] },
  parentId: 'region.kymenlaakso',
};

describe('the concept edit form', () => {
  it('sends only what changed', () => {
    const before = toEditValues(concept);
    expect(conceptChanges(before, before)).toEqual({});
    const after = {
      ...before,
      labels: { ...before.labels, sv: ' Kotka stad ' },
      alt: { ...before.alt, en: 'City of Kotka\n\n city of kotka \nKotka town' },
      parentId: '',
    };
    expect(conceptChanges(before, after)).toEqual({
      labels: { sv: 'Kotka stad' },
      altLabels: { en: ['City of Kotka', 'Kotka town'] },
      parentId: null,
    });
  });

  it('reads one alternative label a line and refuses a concept without labels', () => {
    expect(parseAltLabels('a\n  b  c \n\nA\n')).toEqual(['a', 'b c']);
    const empty = { ...toEditValues(concept), labels: { fi: ' ', sv: '', en: '' } };
    expect(checkEditValues(empty)).toEqual(['labels']);
    expect(checkEditValues(toEditValues(concept))).toEqual([]);
  });
});

describe('the change history', () => {
  it('shows only the languages that changed, and other fields as they are', () => {
    const changes = historyChanges({
      before: {
        labels: { fi: 'Vanha', sv: 'Gammal', en: 'Old' },
        altLabels: { fi: [], sv: [], en: ['x'] },
        parentId: 'a',
      },
      after: {
        labels: { fi: 'Uusi', sv: 'Gammal', en: 'Old' },
        altLabels: { fi: ['uusi nimi'], sv: [], en: ['x'] },
        parentId: null,
        level: 1,
      },
    });
    expect(changes).toEqual([
      { field: 'labels', language: 'fi', before: 'Vanha', after: 'Uusi' },
      { field: 'altLabels', language: 'fi', before: '', after: 'uusi nimi' },
      { field: 'parentId', language: null, before: 'a', after: '' },
      { field: 'level', language: null, before: '', after: '1' },
    ]);
  });

  it('shortens long texts', () => {
    const [change] = historyChanges({ before: { notation: 'a' }, after: { notation: 'x'.repeat(1000) } });
    expect(change!.after.length).toBeLessThanOrEqual(240);
  });
});

describe('browsing schemes', () => {
  const items = [
    {
      id: 'edu.eqf-4',
      scheme: 'e',
      parentId: null,
      level: 1,
      labels: { fi: 'EQF-taso 4', sv: 'EQF-nivå 4', en: 'EQF level 4' },
      notation: '4',
    },
    {
      id: 'edu.pt',
      scheme: 'e',
      parentId: 'edu.eqf-4',
      level: 2,
      labels: {
        fi: 'Ammatillinen perustutkinto',
        sv: 'Yrkesinriktad grundexamen',
        en: 'Vocational qualification',
      },
      altLabels: { fi: ['perustutkinto'], sv: ['grundexamen'], en: [] },
      notation: 'PT',
    },
  ];

  it('finds concepts by alternative label and notation, keeping their ancestors', () => {
    expect(matchingIds(items, 'perustutkinto')).toEqual(new Set(['edu.pt', 'edu.eqf-4']));
    expect(matchingIds(items, 'pt')).toEqual(new Set(['edu.pt', 'edu.eqf-4']));
    expect(buildTree(items).map((n) => [n.concept.id, n.children.map((c) => c.concept.id)])).toEqual([
      ['edu.eqf-4', ['edu.pt']],
    ]);
  });

  it('searches ESCO and very big schemes on the server, draws the others as trees', () => {
    expect(isSearchedScheme({ id: 'esco-skills', conceptCount: 3 })).toBe(true);
    expect(isSearchedScheme({ id: 'regions', conceptCount: 36 })).toBe(false);
    expect(isSearchedScheme({ id: 'custom', conceptCount: 5000 })).toBe(true);
  });
});
