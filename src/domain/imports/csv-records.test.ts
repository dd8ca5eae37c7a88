import fs from 'node:fs';
import { createRequire } from 'node:module';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guessCsvNewline, readCsvBatches, readCsvRecords } from './csv-records.ts';

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

describe('Papa Parse as patched (patches/, decision 017)', () => {
  it('is the patched edition: npm install applies the patch (postinstall)', () => {
    // Without it every quoted cell goes through a regular expression: a fifth of a large read.
    const source = fs.readFileSync(createRequire(import.meta.url).resolve('papaparse'), 'utf8');
    expect(source).toContain('unescapeQuotes(input.substring(cursor, quoteSearch))');
  });

  it('still unescapes doubled quotes with another escape character', () => {
    const config = { delimiter: ';', quoteChar: "'", escapeChar: '\\' };
    expect(new Papa.Parser(config).parse("'a\\'b';'c'\n'd';e", 0, false).data).toEqual([
      ["a'b", 'c'],
      ['d', 'e'],
    ]);
  });
});

describe('readCsvBatches', () => {
  it('reads the same records in batches as at once, numbered, across quoted line breaks', () => {
    const text = 'h;i\n"a\nb";1\n\nc;"2;3"\r\nd;4\n"e""";5\n';
    const batches = [...readCsvBatches(text, ';', 2)];
    expect(batches.every((b) => b.ok)).toBe(true);
    const ok = batches.filter((b) => b.ok);
    expect(ok.flatMap((b) => b.records)).toEqual(records(text));
    expect(ok.map((b) => b.first)).toEqual([1, 3, 5]);
    expect(ok.at(-1)?.fraction).toBe(1);
  });

  it('ends with an empty line of the file, not with the final line break, wherever a batch ends', () => {
    for (const size of [1, 2, 3]) {
      const read = [...readCsvBatches('a\n\n', ';', size)].flatMap((b) => (b.ok ? b.records : []));
      expect(read).toEqual([['a'], ['']]);
    }
  });

  it('reads any text the same in batches of any size as at once', () => {
    const parts = ['a', 'b;c', '', '"q\nr"', '"x""y"', ';', '\n', '\r\n', '\n', ' '];
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed;
    };
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: next() % 12 }, () => parts[next() % parts.length]).join('');
      const whole = Papa.parse<string[]>(text.replace(/(?:\r?\n|\r)$/, ''), { delimiter: ';' });
      const broken = whole.errors.some((e) => e.type === 'Quotes');
      for (const size of [1, 2, 3, 5]) {
        const batches = [...readCsvBatches(text, ';', size)];
        if (broken) expect(batches.at(-1)?.ok).toBe(false);
        else {
          const read = batches.flatMap((b) => (b.ok ? b.records : []));
          expect({ text, size, read }).toEqual({ text, size, read: whole.data });
        }
      }
    }
  });

  it('names the line of an unclosed quote in a later batch', () => {
    const batches = [...readCsvBatches('a\nb\nc\nd;"open\ne\n', ';', 2)];
    expect(batches.at(-1)).toEqual({ ok: false, code: 'quote_not_closed', line: 4 });
  });
});

describe('guessCsvNewline', () => {
  it('guesses the line breaks of a file from its start, as a read of the whole file does', () => {
    expect(guessCsvNewline('a;b\r\n"1\n2";3\r\n', ';')).toBe('\r\n');
    expect(guessCsvNewline('a;b\n"1\r\n2";3\n', ';')).toBe('\n');
    expect(guessCsvNewline('a;b\r1;2\r', ';')).toBe('\r');
  });

  it('reads a later part of a file with the line breaks given, not guessed from the part', () => {
    // CRLF records; the part starts with a quoted cell holding a bare LF.
    const part = '"x\ny";1\r\nz;2\r\n';
    const read = [...readCsvBatches(part, ';', 10, '\r\n')].flatMap((b) => (b.ok ? b.records : []));
    expect(read).toEqual([
      ['x\ny', '1'],
      ['z', '2'],
    ]);
  });
});
