import { describe, expect, it } from 'vitest';
import { readCsvRecords } from './csv-records.ts';

const records = (text: string, delimiter = ';') => {
  const read = readCsvRecords(text, delimiter);
  if (!read.ok) throw new Error(`${read.code} at line ${read.line}`);
  return read.records;
};

describe('readCsvRecords', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks', () => {
    expect(records('a;b\n"x;y";"1\r\n2 ""q"""\n')).toEqual([
      ['a', 'b'],
      ['x;y', '1\r\n2 "q"'],
    ]);
  });

  it('keeps empty lines as records but not the one a final line break leaves', () => {
    expect(records('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
    expect(records('a\r\nb')).toEqual([['a'], ['b']]);
    expect(records('a\n\n')).toEqual([['a'], ['']]);
  });

  it('reads a quote inside an unquoted cell as text, and rows of any length', () => {
    expect(records('koko;x\n5" display\n1;2;3\n')).toEqual([['koko', 'x'], ['5" display'], ['1', '2', '3']]);
  });

  it('names the line of a quoted cell that is never closed', () => {
    expect(readCsvRecords('a;b\nc;d\ne;"open\nf;g\n', ';')).toEqual({
      ok: false,
      code: 'quote_not_closed',
      line: 3,
    });
  });

  it('refuses text after a closing quote', () => {
    const read = readCsvRecords('a;b\nc;"x"y;z\n', ';');
    expect(read).toMatchObject({ ok: false, code: 'text_after_quote', line: 2 });
  });
});
