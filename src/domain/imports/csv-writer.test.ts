import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeSpreadsheetCsv } from './csv-writer.ts';
import { restoreNeutralisedCell } from './spreadsheet-cells.ts';

describe('writeSpreadsheetCsv', () => {
  it('writes UTF-8 with a BOM, semicolons and CRLF, quoting only where needed', () => {
    const text = writeSpreadsheetCsv([
      ['id', 'name', 'description'],
      ['a', 'Akku; Oy', 'rivi 1\nrivi "2"'],
      ['b', '=1+1', ' padded '],
    ]);
    expect(text).toBe(
      '\uFEFFid;name;description\r\na;"Akku; Oy";"rivi 1\nrivi ""2"""\r\nb;\'=1+1;" padded "\r\n',
    );
  });

  it('reads back cell for cell, with neutralised cells restored', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const text = writeSpreadsheetCsv(rows).slice(1);
          const read = parse(text, { delimiter: ';', relax_column_count: true }) as string[][];
          expect(read.map((r) => r.map(restoreNeutralisedCell))).toEqual(rows);
        },
      ),
    );
  });
});
