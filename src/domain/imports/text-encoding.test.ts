import { describe, expect, it } from 'vitest';
import { decodeUtf8Text, detectDelimiter, firstInvalidUtf8Offset } from './text-encoding.ts';

describe('decodeUtf8Text', () => {
  it('decodes UTF-8 and drops the byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Jyväskylä;Åbo\n', 'utf8')]);
    expect(decodeUtf8Text(bytes)).toEqual({ ok: true, text: 'Jyväskylä;Åbo\n' });
  });

  it('refuses Latin-1 / Windows-1252, naming the encoding, the line and the byte', () => {
    const result = decodeUtf8Text(Buffer.from('Nimi;Kunta\nAkku Oy;Jyväskylä\n', 'latin1'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({
      code: 'not_utf8',
      params: { line: 2, byte: '0xE4', encoding: 'Windows-1252 / ISO-8859-1' },
    });
    expect(result.problem.message).toContain('CSV UTF-8');
  });

  it('refuses UTF-16 ("Unicode text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Nimi\tTyyppi\n', 'utf16le')]);
    expect(decodeUtf8Text(bytes)).toMatchObject({ ok: false, problem: { code: 'utf16' } });
  });

  it('finds the first byte that breaks UTF-8: stray, truncated, overlong, surrogate', () => {
    expect(firstInvalidUtf8Offset(Buffer.from('abc', 'utf8'))).toBe(3);
    expect(firstInvalidUtf8Offset(Buffer.from([0x61, 0xe4, 0x61]))).toBe(1);
    expect(firstInvalidUtf8Offset(Buffer.from([0x61, 0xc3]))).toBe(1);
    expect(firstInvalidUtf8Offset(Buffer.from([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8Offset(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Offset(Buffer.from('ä€😀', 'utf8'))).toBe(9);
  });
});

describe('detectDelimiter', () => {
  it('finds ; , and tab, ignoring delimiters inside quoted cells', () => {
    expect(detectDelimiter('Nimi;Kuvaus;Alue\nA;"x, y, z";B\n')).toBe(';');
    expect(detectDelimiter('Name,Description,Region\nA,"x; y; z",B\n')).toBe(',');
    expect(detectDelimiter('Nimi\tKuvaus\nA\t"b; c, d"\n')).toBe('\t');
  });

  it('prefers the delimiter that is consistent across lines', () => {
    expect(detectDelimiter('Nimi;Y-tunnus,vanha;Alue\nA;1;B\nC;2;D\n')).toBe(';');
  });

  it('treats a quoted cell across lines as one record, and one column as ","', () => {
    expect(detectDelimiter('Nimi;Kuvaus\n"A";"line 1\nline, 2, 3, 4"\n')).toBe(';');
    expect(detectDelimiter('Nimi\nA\nB\n')).toBe(',');
  });
});
