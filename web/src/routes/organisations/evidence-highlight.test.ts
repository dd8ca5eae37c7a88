import { describe, expect, it } from 'vitest';
import { findEvidenceExcerpt } from './evidence-highlight.ts';

const descriptions = {
  fi: 'Umicore valmistaa Kokkolassa katodimateriaalien esiasteita ja jalostaa kobolttia.',
  sv: 'Umicore tillverkar prekursorer för katodmaterial i Karleby.',
  en: 'Umicore makes cathode material precursors in Kokkola; cathode materials go to cells.',
};

describe('findEvidenceExcerpt', () => {
  it('marks the matched words, as whole words, in the description that has most of them', () => {
    const excerpt = findEvidenceExcerpt(descriptions, ['katodimateriaalien', 'cathode', 'materials'], 'fi');
    expect(excerpt?.language).toBe('en');
    expect(excerpt?.segments.filter((s) => s.mark).map((s) => s.text)).toEqual([
      'cathode',
      'cathode',
      'materials',
    ]);
    expect(excerpt?.segments.map((s) => s.text).join('')).toContain('cathode material precursors');
  });

  it('prefers the UI language on a tie, and finds nothing when no description has the words', () => {
    expect(findEvidenceExcerpt(descriptions, ['katodimateriaalien', 'katodmaterial'], 'sv')?.language).toBe(
      'sv',
    );
    expect(findEvidenceExcerpt(descriptions, ['katodimateriaalien', 'katodmaterial'], 'fi')?.language).toBe(
      'fi',
    );
    expect(findEvidenceExcerpt(descriptions, ['grafiitti'], 'fi')).toBeNull();
    // "cathode" inside another word is not a match.
    expect(findEvidenceExcerpt({ fi: '', sv: '', en: 'anticathodes' }, ['cathode'], 'en')).toBeNull();
  });

  it('takes evidence literally, not as a pattern, and clips long texts at word boundaries', () => {
    expect(findEvidenceExcerpt({ fi: 'axb', sv: '', en: '' }, ['a.b'], 'fi')).toBeNull();
    const literal = findEvidenceExcerpt({ fi: 'a.b (x)', sv: '', en: '' }, ['(x)'], 'fi');
    expect(literal?.segments).toEqual([
      { text: 'a.b ', mark: false, start: 0 },
      { text: '(x)', mark: true, start: 4 },
    ]);
    const long = `${'alku '.repeat(40)}mustamassa ${'loppu '.repeat(40)}`;
    const excerpt = findEvidenceExcerpt({ fi: long, sv: '', en: '' }, ['mustamassa'], 'fi')!;
    expect(excerpt.clippedStart).toBe(true);
    expect(excerpt.clippedEnd).toBe(true);
    const text = excerpt.segments.map((s) => s.text).join('');
    expect(text.startsWith('alku ')).toBe(true);
    expect(text.length).toBeLessThan(long.length);
  });
});
