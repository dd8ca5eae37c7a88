// Tests src/jobs/imports/parse-file.ts. They sit here because the test tiers of vitest.config.ts
// pick up src/server and src/domain, not src/jobs; they need no database.
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CSV_BATCH_RECORDS, guessCsvNewline } from '../../domain/imports/csv-records.ts';
import type { ParsedTable } from '../../domain/imports/import-kind.ts';
import {
  detectFileType,
  FORMULA_MESSAGE,
  type ImportFileType,
  openImportFile,
} from '../../jobs/imports/parse-file.ts';

/** The whole file as one table, read through openImportFile batch by batch as the runner reads it. */
async function parseImportFile(
  bytes: Uint8Array,
  type: ImportFileType,
  options: { delimiter?: string } = {},
) {
  const opened = await openImportFile(bytes, type, options);
  if (!opened.ok) return opened;
  const { file } = opened;
  const table: ParsedTable = { headers: file.headers, rows: [], rowNumbers: [] };
  const read = await file.read((batch) => {
    table.rows.push(...batch.rows);
    table.rowNumbers.push(...batch.rowNumbers);
  });
  if (!read.ok) return read;
  if (file.problems.length) table.problems = file.problems;
  return { ok: true as const, table, delimiter: file.delimiter };
}

async function parse(data: Buffer | string, type: 'csv' | 'xlsx' = 'csv', delimiter?: string) {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const result = await parseImportFile(bytes, type, delimiter ? { delimiter } : {});
  if (!result.ok) throw new Error(`${result.problem.code}: ${result.problem.message}`);
  return result;
}

async function problem(data: Buffer | string, type: 'csv' | 'xlsx' = 'csv') {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const result = await parseImportFile(bytes, type);
  if (result.ok) throw new Error('parsed');
  return result.problem;
}

describe('CSV', () => {
  it('drops the BOM and reads CRLF and LF line ends alike', async () => {
    const crlf = await parse('\uFEFFNimi;Kunta\r\nAkku Oy;Kokkola\r\nKenno Ab;Vasa\r\n');
    const lf = await parse('Nimi;Kunta\nAkku Oy;Kokkola\nKenno Ab;Vasa\n');
    expect(crlf.table.headers).toEqual(['Nimi', 'Kunta']);
    expect(crlf.table).toEqual(lf.table);
    expect(crlf.table.rows).toEqual([
      ['Akku Oy', 'Kokkola'],
      ['Kenno Ab', 'Vasa'],
    ]);
  });

  it('keeps multi-line quoted cells whole and numbers rows as a spreadsheet does', async () => {
    const { table } = await parse(
      'Nimi;Kuvaus\r\n"Akku Oy";"Rivi yksi\r\nrivi kaksi; ""lainaus"""\r\n\r\nKenno Ab;Yksi rivi\r\n',
    );
    expect(table.rows).toEqual([
      ['Akku Oy', 'Rivi yksi\r\nrivi kaksi; "lainaus"'],
      ['Kenno Ab', 'Yksi rivi'],
    ]);
    // Header 1, the multi-line record 2, the empty line 3, then 4.
    expect(table.rowNumbers).toEqual([2, 4]);
  });

  it('keeps line breaks inside quoted cells, and takes off the CR that ends a line', async () => {
    const { table } = await parse('Nimi;Kuvaus;Kunta\nA;"yksi\r\nkaksi\r";Pori\nB;C;Vaasa\r\n');
    expect(table.rows).toEqual([
      ['A', 'yksi\r\nkaksi\r', 'Pori'],
      ['B', 'C', 'Vaasa'],
    ]);
  });

  it('detects ; , and tab, and takes a delimiter the kind fixes', async () => {
    expect((await parse('Nimi;Kuvaus\nA;"x, y"\n')).delimiter).toBe(';');
    expect((await parse('Name,Description\nA,"x; y"\n')).table.rows).toEqual([['A', 'x; y']]);
    expect((await parse('Nimi\tKunta\nA\tB\n')).table.rows).toEqual([['A', 'B']]);
    expect((await parse('a,b;c\n1,2;3\n', 'csv', ';')).table.headers).toEqual(['a,b', 'c']);
  });

  it('skips leading and trailing empty lines and empty columns without a header', async () => {
    const { table } = await parse('\n\nNimi;Kunta;;\nA;B;;\n;;;\n\n');
    expect(table.headers).toEqual(['Nimi', 'Kunta']);
    expect(table.rows).toEqual([['A', 'B']]);
    expect(table.rowNumbers).toEqual([4]);
  });

  it('reads a file of 250,000 rows (the Horizon 2020 participants file has about 180,000)', async () => {
    const lines = Array.from({ length: 250_000 }, (_, i) => `"${i}";"Organisation ${i}";"FI"`);
    const { table } = await parse(`projectID;name;country\n${lines.join('\n')}\n`);
    expect(table.rows.length).toBe(250_000);
    expect(table.rows.at(-1)).toEqual(['249999', 'Organisation 249999', 'FI']);
  });

  it('pads short rows and refuses values under no header', async () => {
    expect((await parse('Nimi;Kunta;Alue\nA\n')).table.rows).toEqual([['A', '', '']]);
    expect(await problem('Nimi;Kunta\nA;B;C\n')).toMatchObject({
      code: 'unnamed_column',
      params: { column: 'C' },
    });
  });

  it('reads a file longer than a batch the same: row numbers, the leftmost unnamed column, quotes', async () => {
    const size = CSV_BATCH_RECORDS * 2 + 7;
    const lines = Array.from({ length: size }, (_, i) => (i % 1000 === 999 ? '' : `${i};"n\n${i}"`));
    const { table } = await parse(`\n\nid;name\n${lines.join('\n')}\n`);
    expect(table.rows.length).toBe(size - Math.floor(size / 1000));
    // The header is line 3; an empty line every thousand keeps its number.
    expect(table.rowNumbers.slice(0, 2)).toEqual([4, 5]);
    expect(table.rows.at(-1)).toEqual([String(size - 1), `n\n${size - 1}`]);
    expect(table.rowNumbers.at(-1)).toBe(size + 3);
    const late = [...lines];
    late[CSV_BATCH_RECORDS + 5] = '1;2;;x';
    late[size - 1] = '1;2;y';
    expect(await problem(`id;name\n${late.join('\n')}`)).toMatchObject({
      code: 'unnamed_column',
      params: { column: 'C' },
    });
    const broken = [...lines];
    broken[CSV_BATCH_RECORDS + 1] = '1;"open';
    const text = `id;name\n${broken.join('\n')}`;
    // Records above it span two lines each (the quoted line break), empty ones one; the header
    // is line 1.
    const line = text.slice(0, text.indexOf('1;"open')).split('\n').length;
    const above = CSV_BATCH_RECORDS + 1;
    const empty = Math.floor(above / 1000);
    expect(line).toBe(1 + 2 * (above - empty) + empty + 1);
    expect(await problem(text)).toMatchObject({ code: 'csv_syntax', params: { line } });
  });

  it('reads the later part of a file under the given headers, its records numbered from 1', async () => {
    const whole = 'a;b\r\n1;"x\r\ny"\r\n\r\n2;z\r\n3;w\r\n';
    const at = whole.indexOf('2;z');
    const first = await openImportFile(Buffer.from(whole.slice(0, at)), 'csv', { delimiter: ';' });
    if (!first.ok) throw new Error(first.problem.message);
    expect(await first.file.read(() => {})).toEqual({ ok: true, rowCount: 1, records: 3 });
    const part = { headers: Promise.resolve(first.file.headers), newline: guessCsvNewline(whole, ';') };
    const rest = await openImportFile(Buffer.from(whole.slice(at)), 'csv', { delimiter: ';', part });
    if (!rest.ok) throw new Error(rest.problem.message);
    const rows: string[][] = [];
    const numbers: number[] = [];
    const read = await rest.file.read((batch) => {
      rows.push(...batch.rows);
      numbers.push(...batch.rowNumbers);
    });
    expect(read).toEqual({ ok: true, rowCount: 2, records: 2 });
    expect(rest.file.headers).toEqual(['a', 'b']);
    expect(rows).toEqual([
      ['2', 'z'],
      ['3', 'w'],
    ]);
    // After the first part's last record (3): rows 4 and 5 of the whole file, as one read numbers them.
    const all = await parse(whole, 'csv', ';');
    expect(all.table.rowNumbers).toEqual([2, 4, 5]);
    expect(numbers.map((n) => n + 3)).toEqual([4, 5]);
  });

  it('refuses an empty file, a header without rows, a header used twice, and broken quotes', async () => {
    expect(await problem('')).toMatchObject({ code: 'empty' });
    expect(await problem('\uFEFF\r\n \r\n')).toMatchObject({ code: 'empty' });
    expect(await problem('Nimi;Kunta\r\n')).toMatchObject({ code: 'no_rows' });
    expect(await problem('Nimi;Kunta;NIMI\nA;B;C\n')).toMatchObject({ code: 'duplicate_header' });
    expect(await problem('Nimi;Kuvaus\nA;"auki\nB;C\n')).toMatchObject({ code: 'csv_syntax' });
  });

  it('refuses a text file with a NUL character anywhere', async () => {
    const late = `Nimi;Kunta\n${'A;B\n'.repeat(3000)}C\u0000;D\n`;
    expect(await problem(late)).toMatchObject({ code: 'unsupported_type' });
  });

  it('refuses text that is not UTF-8', async () => {
    expect(await problem(Buffer.from('Nimi\nÄänekoski\n', 'latin1'))).toMatchObject({
      code: 'not_utf8',
      params: { line: 2, byte: '0xC4' },
    });
  });
});

async function workbook(
  build: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void,
  sharedStrings = true,
) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Ensimmäinen');
  build(sheet, book);
  return Buffer.from(await book.xlsx.writeBuffer({ useSharedStrings: sharedStrings }));
}

/** A ZIP archive of stored (uncompressed) entries — enough for a hand-written XLSX. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An XLSX as other tools write it: inline strings (`t="inlineStr"`), no shared-strings part. */
function inlineStringWorkbook(rows: string[][]): Buffer {
  const cells = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row
          .map(
            (text, c) =>
              `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${text
                .replaceAll('&', '&amp;')
                .replaceAll('<', '&lt;')}</t></is></c>`,
          )
          .join('')}</row>`,
    )
    .join('');
  const ns = 'http://schemas.openxmlformats.org';
  return zip({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`,
  });
}

describe('XLSX', () => {
  const rows = [
    ['Nimi', 'Kuvaus'],
    ['Jyväskylän Akku Oy', 'Rivi 1\nrivi 2 & <muuta>'],
    ['Kenno Ab', 'Åbo'],
  ];

  it('reads shared strings and inline strings to the same table', async () => {
    const shared = await workbook((sheet) => {
      for (const r of rows) sheet.addRow(r);
    });
    expect(shared.toString('latin1')).toContain('xl/sharedStrings.xml');
    const inline = inlineStringWorkbook(rows);
    expect(inline.toString('latin1')).toContain('t="inlineStr"');
    expect(inline.toString('latin1')).not.toContain('sharedStrings');
    const a = await parse(shared, 'xlsx');
    const b = await parse(inline, 'xlsx');
    expect(a.table.headers).toEqual(['Nimi', 'Kuvaus']);
    expect(a.table.rows).toEqual(rows.slice(1));
    expect(b.table).toEqual(a.table);
    expect(a.table.rowNumbers).toEqual([2, 3]);
  });

  it('gives an empty cell between filled ones as an empty text', async () => {
    const book = await workbook((sheet) => {
      sheet.addRow(['Nimi', 'Kunta', 'Alue']);
      sheet.addRow(['A', null, 'C']);
      sheet.addRow([null, 'B']);
    });
    expect((await parse(book, 'xlsx')).table.rows).toEqual([
      ['A', '', 'C'],
      ['', 'B', ''],
    ]);
  });

  it('gives dates as ISO dates, numbers and booleans as text, rich text as its characters', async () => {
    const data = await workbook((sheet) => {
      sheet.addRow(['Päivä', 'Aika', 'Luku', 'Julkinen', 'Rikas']);
      sheet.addRow([
        new Date(Date.UTC(2025, 2, 1)),
        new Date(Date.UTC(2025, 2, 1, 13, 45)),
        1234.5,
        true,
        { richText: [{ text: 'Akku', font: { bold: true } }, { text: ' Oy' }] },
      ]);
    });
    expect((await parse(data, 'xlsx')).table.rows).toEqual([
      ['2025-03-01', '2025-03-01T13:45:00Z', '1234.5', 'true', 'Akku Oy'],
    ]);
  });

  it('refuses formulas cell by cell, naming the row and the column', async () => {
    const data = await workbook((sheet) => {
      sheet.addRow(['Nimi', 'Määrä']);
      sheet.addRow(['A Oy', 1]);
      sheet.addRow(['B Oy', { formula: 'B2*2', result: 2 }]);
      sheet.addRow([{ formula: 'UPPER(A2)', result: 'A OY' }, 3]);
    });
    const { table } = await parse(data, 'xlsx');
    expect(table.problems).toEqual([
      { row: 3, column: 'Määrä', code: 'formula', message: FORMULA_MESSAGE },
      { row: 4, column: 'Nimi', code: 'formula', message: FORMULA_MESSAGE },
    ]);
    expect(table.rows).toEqual([
      ['A Oy', '1'],
      ['B Oy', ''],
      ['', '3'],
    ]);
  });

  it('reads the first worksheet only, leaves merged cells but the first empty, ignores empty trailing rows', async () => {
    const data = await workbook((sheet, book) => {
      sheet.addRow(['Nimi', 'Alue', 'Kunta']);
      sheet.addRow(['A Oy', 'Kokkola', 'Kokkola']);
      sheet.addRow(['B Oy', 'Vaasa', '']);
      sheet.mergeCells('B3:C3');
      sheet.getRow(8).getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
      sheet.mergeCells('A9:C10');
      book.addWorksheet('Toinen').addRow(['Ei', 'tätä']);
    });
    const { table } = await parse(data, 'xlsx');
    expect(table.headers).toEqual(['Nimi', 'Alue', 'Kunta']);
    expect(table.rows).toEqual([
      ['A Oy', 'Kokkola', 'Kokkola'],
      ['B Oy', 'Vaasa', ''],
    ]);
  });

  it('refuses a workbook that cannot be read, and a header row with a name twice', async () => {
    expect(await problem(Buffer.from('504b0304deadbeef', 'hex'), 'xlsx')).toMatchObject({ code: 'not_xlsx' });
    const twice = await workbook((sheet) => {
      sheet.addRow(['Nimi', 'nimi']);
      sheet.addRow(['A', 'B']);
    });
    expect(await problem(twice, 'xlsx')).toMatchObject({ code: 'duplicate_header' });
  });
});

describe('detectFileType', () => {
  it('decides by content: ZIP is XLSX, text is CSV; old .xls, ODS and binaries are refused', async () => {
    expect(detectFileType(await workbook((s) => s.addRow(['a'])))).toEqual({ ok: true, type: 'xlsx' });
    expect(detectFileType(Buffer.from('Nimi;Kunta\n'))).toEqual({ ok: true, type: 'csv' });
    expect(detectFileType(Buffer.from('d0cf11e0a1b11ae10000', 'hex'))).toMatchObject({
      problem: { code: 'old_xls' },
    });
    const ods = Buffer.concat([
      Buffer.from('504b0304', 'hex'),
      Buffer.alloc(26),
      Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'),
    ]);
    expect(detectFileType(ods)).toMatchObject({
      problem: { code: 'unsupported_type', params: { type: 'ods' } },
    });
    expect(detectFileType(Buffer.from('%PDF-1.7\n\0\0binary'))).toMatchObject({
      problem: { code: 'unsupported_type' },
    });
    expect(detectFileType(Buffer.alloc(0))).toMatchObject({ problem: { code: 'empty' } });
  });
});
