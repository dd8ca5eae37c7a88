import { describe, expect, it } from 'vitest';
import { hasSearchableWords, parseSearchText } from './organisation-search.ts';

describe('parseSearchText', () => {
  it('splits off the last word as a prefix, lower-cased, letters and digits only', () => {
    expect(parseSearchText('Battery recycl')).toEqual({
      text: 'Battery recycl',
      head: 'Battery',
      prefix: 'recycl',
    });
    expect(parseSearchText('katodimat')).toEqual({ text: 'katodimat', head: '', prefix: 'katodimat' });
    expect(parseSearchText('NMC811-kat')).toEqual({ text: 'NMC811-kat', head: 'NMC811-', prefix: 'kat' });
    expect(parseSearchText('Återvinn')).toMatchObject({ prefix: 'återvinn' });
  });

  it('gives no prefix for one letter or for text without words', () => {
    expect(parseSearchText('litium a').prefix).toBeNull();
    expect(parseSearchText('%').prefix).toBeNull();
    expect(hasSearchableWords(parseSearchText('% _ \\'))).toBe(false);
    expect(hasSearchableWords(parseSearchText('a'))).toBe(true);
  });

  it('removes control characters, which PostgreSQL text cannot hold, and collapses spaces', () => {
    expect(parseSearchText('akku\u0000  kenno\n').text).toBe('akku kenno');
    // Operator characters never reach the prefix, which goes into to_tsquery.
    expect(parseSearchText('akku & | ! :* (kenno').prefix).toBe('kenno');
  });
});
