import { neutraliseSpreadsheetCell } from './spreadsheet-cells.ts';

/**
 * CSV as a spreadsheet program in Finland opens it with a double click: UTF-8 with a byte-order
 * mark (without it Excel reads the file as Windows-1252 and "Jyväskylä" breaks), `;` between
 * cells (the list separator of Finnish and Swedish Excel, where `,` is the decimal comma), CRLF
 * line ends, RFC 4180 quoting — and every cell neutralised against formula injection.
 */
export const CSV_DELIMITER = ';';

export function writeSpreadsheetCsv(rows: readonly (readonly string[])[]): string {
  const lines = rows.map((cells) =>
    cells.map((cell) => quoteCsvCell(neutraliseSpreadsheetCell(cell))).join(CSV_DELIMITER),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function quoteCsvCell(cell: string): string {
  return /[";\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replaceAll('"', '""')}"` : cell;
}
