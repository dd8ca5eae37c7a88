import { describe, expect, it } from 'vitest';
import { buildRowErrorReport, MAX_REPORTED_ERRORS } from './import-report.ts';

describe('buildRowErrorReport', () => {
  it('sorts by row and by the column order of the file', () => {
    const report = buildRowErrorReport(
      [
        { row: 5, column: 'Nimi', message: 'a' },
        { row: 2, column: 'Alue', message: 'b' },
        { row: 2, column: 'Nimi', message: 'c' },
      ],
      ['Nimi', 'Alue'],
    );
    expect(report.errors!.map((e) => e.message)).toEqual(['c', 'b', 'a']);
    expect(report.failure).toEqual({
      code: 'rows_rejected',
      message: '2 rows have problems (3 in all); nothing was imported',
    });
    expect(report.moreErrors).toBeUndefined();
  });

  it('keeps the first 1,000 errors and counts the rest', () => {
    const errors = Array.from({ length: 1234 }, (_, i) => ({ row: i + 2, column: null, message: 'x' }));
    const report = buildRowErrorReport(errors);
    expect(report.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(report).toMatchObject({ errorCount: 1234, moreErrors: 234 });
  });
});
