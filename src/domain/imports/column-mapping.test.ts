import { describe, expect, it } from 'vitest';
import {
  adaptSavedMapping,
  checkColumnMapping,
  checkHeaders,
  detectMissingHeaderRow,
  headerSignature,
  rowMapper,
  normaliseHeaderName,
  suggestColumnMapping,
} from './column-mapping.ts';
import { ORGANISATION_IMPORT_FIELDS } from './organisation-import.ts';

const fields = ORGANISATION_IMPORT_FIELDS;

describe('suggestColumnMapping', () => {
  it('maps Finnish, Swedish and English headers, whatever their case, spaces and diacritics', () => {
    expect(
      suggestColumnMapping(fields, ['Nimi', 'Tyyppi', 'Y-tunnus', 'Kotisivut', 'Kuvaus', 'Alue']),
    ).toEqual({
      name: 'Nimi',
      type: 'Tyyppi',
      businessId: 'Y-tunnus',
      website: 'Kotisivut',
      description_fi: 'Kuvaus',
      regionId: 'Alue',
    });
    expect(
      suggestColumnMapping(fields, ['NAMN', 'Typ', 'FO-nummer', 'Webbplats', 'Beskrivning', 'Kommun']),
    ).toEqual({
      name: 'NAMN',
      type: 'Typ',
      businessId: 'FO-nummer',
      website: 'Webbplats',
      description_sv: 'Beskrivning',
      municipality: 'Kommun',
    });
    expect(
      suggestColumnMapping(fields, [
        'Organisation name',
        'Type',
        'Business ID',
        'Website',
        'Description',
        'Public',
      ]),
    ).toEqual({
      name: 'Organisation name',
      type: 'Type',
      businessId: 'Business ID',
      website: 'Website',
      description_en: 'Description',
      isPublic: 'Public',
    });
    expect(suggestColumnMapping(fields, ['YTUNNUS', 'nimi ', 'arvoketju', 'Näkyvä'])).toEqual({
      businessId: 'YTUNNUS',
      name: 'nimi ',
      valueChainIds: 'arvoketju',
      isPublic: 'Näkyvä',
    });
  });

  it("maps Kenno's own export headers back to the same fields", () => {
    const headers = ['id', 'name', 'nameEn', 'type', 'regionId', 'municipality', 'businessId', 'website'];
    const more = ['description_fi', 'description_sv', 'description_en', 'isPublic', 'valueChainIds'];
    const mapping = suggestColumnMapping(fields, [...headers, ...more]);
    expect(Object.entries(mapping).every(([field, header]) => field === header)).toBe(true);
    expect(Object.keys(mapping)).toHaveLength(13);
  });

  it('uses each column for one field only and leaves unknown headers unmapped', () => {
    expect(suggestColumnMapping(fields, ['Nimi', 'Nimi englanniksi', 'Puhelin'])).toEqual({
      name: 'Nimi',
      nameEn: 'Nimi englanniksi',
    });
  });
});

describe('header signatures and saved mappings', () => {
  it('identifies a header row regardless of column order, case and punctuation', () => {
    const a = headerSignature(['Nimi', 'Y-tunnus', 'Alue']);
    expect(headerSignature(['alue', 'YTUNNUS', 'nimi'])).toBe(a);
    expect(headerSignature(['Nimi', 'Y-tunnus'])).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('applies a saved mapping to the same headers written differently', () => {
    expect(adaptSavedMapping({ name: 'Nimi', businessId: 'Y-tunnus' }, ['NIMI', 'Y tunnus', 'Muu'])).toEqual({
      name: 'NIMI',
      businessId: 'Y tunnus',
    });
    expect(adaptSavedMapping({ name: 'Nimi', businessId: 'Y-tunnus' }, ['Nimi'])).toBeNull();
  });
});

describe('checking a mapping', () => {
  it('lists the required fields left out, unknown fields and unknown columns', () => {
    const problems = checkColumnMapping(fields, ['Nimi', 'Kunta'], {
      municipality: 'Kunta',
      colour: 'Nimi',
      name: 'Väri',
    });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['colour', 'unknown_field'],
      ['name', 'unknown_column'],
      ['type', 'required'],
    ]);
    expect(checkColumnMapping(fields, ['Nimi', 'Tyyppi'], { name: 'Nimi', type: 'Tyyppi' })).toEqual([]);
  });

  it('turns a row into a record, trimmed, with the export apostrophe taken away', () => {
    expect(
      rowMapper(['Nimi', 'Tyyppi'], { name: 'Nimi', type: 'Tyyppi' })(["  '=Kaava Oy ", 'Yritys']),
    ).toEqual({
      name: '=Kaava Oy',
      type: 'Yritys',
    });
  });
});

describe('header problems', () => {
  it('refuses a header used twice, naming both columns', () => {
    expect(checkHeaders({ headers: ['Nimi', 'Alue', 'NIMI'], rows: [] })).toMatchObject({
      code: 'duplicate_header',
      params: { header: 'NIMI', columns: 'A, C' },
    });
  });

  it('refuses values under no header, and allows an empty column without one', () => {
    expect(checkHeaders({ headers: ['Nimi', ''], rows: [['A', 'x']] })).toMatchObject({
      code: 'unnamed_column',
      params: { column: 'B' },
    });
    expect(checkHeaders({ headers: ['Nimi', '', 'Alue'], rows: [['A', '', 'B']] })).toBeNull();
  });

  it('says the header row is missing when the first row is data', () => {
    expect(detectMissingHeaderRow(fields, ['Akku Oy', 'Yritys', '0179377-8'])).toMatchObject({
      code: 'no_header',
      params: { value: '0179377-8' },
    });
    expect(detectMissingHeaderRow(fields, ['Nimi', 'Tyyppi', '2024'])).toBeNull();
    expect(detectMissingHeaderRow(fields, ['Nimi', 'Kunta'])).toBeNull();
  });
});

describe('normaliseHeaderName', () => {
  it('ignores case, diacritics, spaces and punctuation', () => {
    expect(normaliseHeaderName(' Y-tunnus ')).toBe('ytunnus');
    expect(normaliseHeaderName('Näkyvä (kyllä/ei)')).toBe('nakyvakyllaei');
    expect(normaliseHeaderName('Värdekedja')).toBe('vardekedja');
  });
});
