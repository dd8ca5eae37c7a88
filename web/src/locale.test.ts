import { describe, expect, it } from 'vitest';
import { createLocale, pickText } from './locale.ts';
import { matchingIds } from './routes/taxonomy/taxonomy-page.tsx';

describe('pickText', () => {
  it('shows the UI language when there is text in it', () => {
    expect(pickText({ fi: 'Kuvaus', sv: 'Beskrivning', en: 'Description' }, 'sv')).toEqual({
      text: 'Beskrivning',
      language: 'sv',
      isFallback: false,
    });
  });

  it('falls back to English, then Finnish, then Swedish, and says so', () => {
    expect(pickText({ fi: 'Vain suomeksi', sv: '', en: '' }, 'sv')).toEqual({
      text: 'Vain suomeksi',
      language: 'fi',
      isFallback: true,
    });
    expect(pickText({ fi: 'Suomeksi', sv: 'På svenska', en: 'In English' }, 'en')?.isFallback).toBe(false);
    expect(pickText({ fi: 'Suomeksi', sv: '  ', en: 'In English' }, 'sv')?.language).toBe('en');
  });

  it('returns nothing when no language has text', () => {
    expect(pickText({ fi: '', sv: ' ', en: '' }, 'fi')).toBeNull();
  });
});

describe('createLocale', () => {
  it('sorts with the UI language: å and ä after z in Swedish, ä and ö after z in Finnish', () => {
    const names = ['Åbo', 'Vasa', 'Ähtäri', 'Zinkgruvan'];
    expect([...names].sort(createLocale('sv').collator.compare)).toEqual([
      'Vasa',
      'Zinkgruvan',
      'Åbo',
      'Ähtäri',
    ]);
    expect([...names].sort(createLocale('en').collator.compare)).toEqual([
      'Åbo',
      'Ähtäri',
      'Vasa',
      'Zinkgruvan',
    ]);
  });

  it('formats numbers and dates the Finnish way in Finnish and Swedish', () => {
    expect(createLocale('fi').formatNumber(12345).replace(/\s/g, ' ')).toBe('12 345');
    expect(createLocale('fi').formatDate('2026-11-03T10:00:00Z')).toBe('3.11.2026');
    expect(createLocale('sv').formatDate('2026-11-03T10:00:00Z')).toBe('3.11.2026');
  });
});

describe('matchingIds (taxonomy filter)', () => {
  const concepts = [
    {
      id: 'cam',
      scheme: 'value-chain',
      parentId: null,
      level: 1,
      labels: { fi: 'Katodimateriaalit', sv: 'Katodmaterial', en: 'Cathode materials' },
    },
    {
      id: 'cam.nmc',
      scheme: 'value-chain',
      parentId: 'cam',
      level: 2,
      labels: { fi: 'NMC', sv: 'NMC', en: 'NMC' },
    },
    {
      id: 'anode',
      scheme: 'value-chain',
      parentId: null,
      level: 1,
      labels: { fi: 'Anodimateriaalit', sv: 'Anodmaterial', en: 'Anode materials' },
    },
  ];

  it('matches labels in any language, ignoring case and accents, and keeps the ancestors', () => {
    expect(matchingIds(concepts, 'nmc')).toEqual(new Set(['cam.nmc', 'cam']));
    expect(matchingIds(concepts, 'KATOD')).toEqual(new Set(['cam']));
    expect(matchingIds(concepts, 'anode')).toEqual(new Set(['anode']));
  });

  it('shows everything for an empty filter', () => {
    expect(matchingIds(concepts, '  ')).toBeNull();
  });
});
