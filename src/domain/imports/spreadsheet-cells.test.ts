import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseSpreadsheetCell, restoreNeutralisedCell } from './spreadsheet-cells.ts';

describe('neutraliseSpreadsheetCell', () => {
  it('puts an apostrophe before every cell a spreadsheet would run as a formula', () => {
    expect(neutraliseSpreadsheetCell('=cmd|" /C calc"!A0')).toBe(`'=cmd|" /C calc"!A0`);
    expect(neutraliseSpreadsheetCell('+41 SUM(A1)')).toBe(`'+41 SUM(A1)`);
    expect(neutraliseSpreadsheetCell('-2+3')).toBe(`'-2+3`);
    expect(neutraliseSpreadsheetCell('@SUM(1,2)')).toBe(`'@SUM(1,2)`);
    expect(neutraliseSpreadsheetCell('\t=1+1')).toBe(`'\t=1+1`);
    expect(neutraliseSpreadsheetCell('\r=1+1')).toBe(`'\r=1+1`);
  });

  it('leaves ordinary text alone, including formula characters later in the text', () => {
    for (const text of ['Umicore Finland Oy', '0179377-8', 'a=b', 'https://x.fi/?a=1', '', "'quoted", ' =1'])
      expect(neutraliseSpreadsheetCell(text)).toBe(text);
  });

  it('adds one more apostrophe to text that already looks neutralised, so the round trip is exact', () => {
    expect(neutraliseSpreadsheetCell("'=x")).toBe("''=x");
    expect(restoreNeutralisedCell("''=x")).toBe("'=x");
    expect(restoreNeutralisedCell("'quoted")).toBe("'quoted");
  });

  it('never lets a neutralised cell start with a formula character, and imports back unchanged', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const safe = neutraliseSpreadsheetCell(text);
        expect(safe).not.toMatch(/^[=+\-@\t\r]/);
        expect(restoreNeutralisedCell(safe)).toBe(text);
      }),
    );
  });
});
