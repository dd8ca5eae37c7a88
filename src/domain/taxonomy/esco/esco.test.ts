import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../i18n/localized.ts';
import { diffConceptRecords } from '../schemes/concept-record.ts';
import {
  escoKindForFileName,
  escoLanguageFromFileName,
  readEscoCsv,
  splitEscoList,
  tableRecords,
  toKennoLanguage,
} from './esco-csv.ts';
import {
  escoBroaderRelationsKind,
  escoOccupationSkillsKind,
  escoOccupationsKind,
  escoSkillsKind,
  validateEscoTable,
} from './esco-kinds.ts';
import { escoConceptId, mergeEscoConcept, planEscoBroader, planEscoOccupationSkills } from './esco-merge.ts';
import type { EscoConceptRow } from './esco-records.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../test/fixtures/esco');
const ASSEMBLER = 'http://data.europa.eu/esco/occupation/718bba63-75b7-4b3a-9912-e201b729fe4c';
const SYSTEM_ENGINEER = 'http://data.europa.eu/esco/occupation/7648d5d9-cfab-4981-ba82-b66a9a41d37e';
const ENERGY_STORAGE = 'http://data.europa.eu/esco/skill/6c6daac0-80f5-431f-a33f-c5b722094657';

function fixture(name: string) {
  const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  return { text, records: tableRecords(readEscoCsv(text)) };
}

function occupations(language: Language) {
  const name = `occupations_${language}.csv`;
  const { records } = fixture(name);
  const { values, errors } = validateEscoTable(escoOccupationsKind, records, { fileName: name });
  expect(errors).toEqual([]);
  return values;
}

describe('reading the official ESCO CSV layout', () => {
  it('drops the byte-order mark and reads CRLF records with multi-line quoted cells', () => {
    const { text } = fixture('occupations_en.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    const table = readEscoCsv(text);
    expect(table.headers[0]).toBe('conceptType');
    expect(table.headers).toContain('altLabels');
    expect(table.rows).toHaveLength(3);
    expect(table.rowNumbers).toEqual([2, 3, 4]);
    const assembler = tableRecords(table).find((r) => r.record.conceptUri === ASSEMBLER)!.record;
    // 28 names in one quoted cell, one a line.
    expect(splitEscoList(assembler.altLabels)).toHaveLength(28);
    // A comma inside a quoted cell stays in the cell.
    expect(assembler.description).toContain('electronics parts, wiring, and casing');
    expect(assembler.code).toBe('8212.3.1');
  });

  it('splits lists on LF, CRLF or CR alike', () => {
    expect(splitEscoList('a\r\nb\nc\r d\n\n')).toEqual(['a', 'b', 'c', 'd']);
    const fi = fixture('occupations_fi.csv').records[0]!.record;
    expect(fi.altLabels).toContain('\r\n');
    expect(splitEscoList(fi.altLabels)).toEqual([
      'akkukokoonpanija',
      'akkumoduulien kokoonpanija',
      'akkukennojen kokoonpanija',
      'akkujen hitsaaja',
    ]);
  });

  it('takes the language from the file name', () => {
    expect(escoLanguageFromFileName('occupations_fi.csv')).toBe('fi');
    expect(escoLanguageFromFileName('ESCO dataset - v1.2.0 - classification - sv - csv/skills_sv.csv')).toBe(
      'sv',
    );
    expect(escoLanguageFromFileName('C:\\Downloads\\occupations_EN.csv')).toBe('en');
    expect(escoLanguageFromFileName('occupations_fi (1).csv')).toBe('fi');
    expect(escoLanguageFromFileName('occupationSkillRelations.csv')).toBeNull();
    expect(escoLanguageFromFileName('occupations_de.csv')).toBe('de');
    expect(toKennoLanguage('de')).toBeNull();
    expect(toKennoLanguage('SV')).toBe('sv');
  });

  it('recognises which import kind a file of the bundle is', () => {
    expect(escoKindForFileName('occupations_fi.csv')).toBe('esco-occupations');
    expect(escoKindForFileName('skills_en.csv')).toBe('esco-skills');
    expect(escoKindForFileName('occupationSkillRelations_en.csv')).toBe('esco-occupation-skills');
    expect(escoKindForFileName('occupationSkillRelations.csv')).toBe('esco-occupation-skills');
    expect(escoKindForFileName('broaderRelationsOccPillar_en.csv')).toBe('esco-broader-relations');
    expect(escoKindForFileName('broaderRelationsSkillPillar_sv.csv')).toBe('esco-broader-relations');
    expect(escoKindForFileName('ISCOGroups_en.csv')).toBeNull();
    expect(escoKindForFileName('skillGroups_en.csv')).toBeNull();
  });
});

describe('validating ESCO rows', () => {
  it('accepts the fixture files of every kind', () => {
    for (const language of ['en', 'fi', 'sv'] as const) {
      expect(occupations(language)).toHaveLength(3);
      const name = `skills_${language}.csv`;
      const skills = validateEscoTable(escoSkillsKind, fixture(name).records, { fileName: name });
      expect(skills.errors).toEqual([]);
      expect(skills.values.map((v) => v.value.language)).toEqual([language, language]);
    }
    const relations = validateEscoTable(
      escoOccupationSkillsKind,
      fixture('occupationSkillRelations_en.csv').records,
      { fileName: 'occupationSkillRelations_en.csv' },
    );
    expect(relations.errors).toEqual([]);
    expect(relations.values.map((v) => v.value.relationType)).toEqual(['essential', 'optional', 'optional']);
    for (const name of ['broaderRelationsOccPillar_en.csv', 'broaderRelationsSkillPillar_en.csv']) {
      expect(
        validateEscoTable(escoBroaderRelationsKind, fixture(name).records, { fileName: name }).errors,
      ).toEqual([]);
    }
  });

  it('names the row and column of every problem', () => {
    const records: { row: number; record: Record<string, string> }[] = [
      { row: 2, record: { conceptType: 'Occupation', conceptUri: ENERGY_STORAGE, preferredLabel: 'x' } },
      { row: 3, record: { conceptType: 'ISCOGroup', conceptUri: ASSEMBLER, preferredLabel: ' ' } },
      {
        row: 4,
        record: {
          conceptType: 'Occupation',
          conceptUri: SYSTEM_ENGINEER,
          preferredLabel: 'y',
          language: 'de',
        },
      },
    ];
    const { errors } = validateEscoTable(escoOccupationsKind, records, { fileName: 'occupations_en.csv' });
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'conceptUri'],
      [3, 'conceptType'],
      [3, 'preferredLabel'],
      [4, 'language'],
    ]);
    const relation = validateEscoTable(
      escoOccupationSkillsKind,
      [{ row: 7, record: { occupationUri: ASSEMBLER, relationType: 'mandatory', skillUri: ASSEMBLER } }],
      { fileName: null },
    );
    expect(relation.errors.map((e) => [e.row, e.column])).toEqual([
      [7, 'skillUri'],
      [7, 'relationType'],
    ]);
  });

  it('refuses a language Kenno does not keep, and a file whose language is unknown', () => {
    const records = fixture('occupations_en.csv').records;
    const german = validateEscoTable(escoOccupationsKind, records, { fileName: 'occupations_de.csv' });
    expect(german.errors).toHaveLength(3);
    expect(german.errors[0]).toMatchObject({ code: 'esco_language_unsupported', params: { language: 'de' } });
    const unnamed = validateEscoTable(escoOccupationsKind, records, { fileName: 'export.csv' });
    expect(unnamed.errors[0]).toMatchObject({ code: 'esco_language_unknown' });
    // When the runner does not know the name yet, the language is resolved when stored.
    const later = validateEscoTable(escoOccupationsKind, records, { fileName: null });
    expect(later.errors).toEqual([]);
    expect(later.values[0]!.value.language).toBeNull();
  });

  it('reports the same concept twice in one language file', () => {
    const records = fixture('occupations_en.csv').records;
    const { errors } = validateEscoTable(escoOccupationsKind, [...records, { ...records[0]!, row: 9 }], {
      fileName: 'occupations_en.csv',
    });
    expect(errors).toEqual([expect.objectContaining({ row: 9, column: 'conceptUri' })]);
  });
});

describe('merging ESCO rows into concepts', () => {
  const byUri = (language: Language) =>
    new Map(occupations(language).map((v) => [v.value.uri, v.value] as [string, EscoConceptRow]));

  it('derives the concept id from the URI', () => {
    expect(escoConceptId(ASSEMBLER)).toBe('esco:occupation:718bba63-75b7-4b3a-9912-e201b729fe4c');
    expect(escoConceptId(ENERGY_STORAGE)).toBe('esco:skill:6c6daac0-80f5-431f-a33f-c5b722094657');
    expect(escoConceptId('https://data.europa.eu/esco/occupation/x')).toBeNull();
  });

  it('merges the three language files into one concept', () => {
    let concept = mergeEscoConcept(null, byUri('en').get(ASSEMBLER)!, 'en');
    concept = mergeEscoConcept(concept, byUri('fi').get(ASSEMBLER)!, 'fi');
    concept = mergeEscoConcept(concept, byUri('sv').get(ASSEMBLER)!, 'sv');
    expect(concept).toMatchObject({
      id: 'esco:occupation:718bba63-75b7-4b3a-9912-e201b729fe4c',
      scheme: 'esco-occupations',
      uri: ASSEMBLER,
      notation: '8212.3.1',
      labels: { en: 'battery assembler', fi: 'akkujen kokoonpanija', sv: 'batterimontör' },
    });
    // The preferred label is not repeated among the 28 alternative labels.
    expect(concept.altLabels.en).toHaveLength(27);
    expect(concept.altLabels.en).not.toContain('battery assembler');
    expect(concept.altLabels.fi).toContain('akkumoduulien kokoonpanija');
    expect(concept.altLabels.sv).toContain('batterimodulmontör');
    expect(concept.description.sv).toMatch(/^Batterimontörer svetsar/);
  });

  it('gives the same concept whatever order the languages arrive in, and changes nothing the second time', () => {
    const languages: Language[] = ['en', 'fi', 'sv'];
    const rows = Object.fromEntries(languages.map((l) => [l, byUri(l).get(SYSTEM_ENGINEER)!]));
    const forward = languages.reduce(
      (c, l) => mergeEscoConcept(c, rows[l]!, l),
      mergeEscoConcept(null, rows.en!, 'en'),
    );
    const backward = [...languages]
      .reverse()
      .reduce((c, l) => mergeEscoConcept(c, rows[l]!, l), mergeEscoConcept(null, rows.sv!, 'sv'));
    expect(diffConceptRecords(forward, backward)).toBeNull();
    const again = mergeEscoConcept(forward, rows.fi!, 'fi');
    expect(diffConceptRecords(forward, again)).toBeNull();
  });

  it('keeps the parent and sources a concept already has', () => {
    const en = byUri('en').get(ASSEMBLER)!;
    const first = mergeEscoConcept(null, en, 'en');
    const moved = {
      ...first,
      parentId: 'esco:occupation:parent',
      level: 2,
      sources: ['Checked by an admin', ...first.sources],
    };
    const merged = mergeEscoConcept(moved, { ...en, preferredLabel: 'battery assembler (new)' }, 'en');
    expect(merged.parentId).toBe('esco:occupation:parent');
    expect(merged.sources).toEqual(moved.sources);
    const diff = diffConceptRecords(moved, merged)!;
    expect(Object.keys(diff.after).sort()).toEqual(['altLabels', 'labels']);
    expect(merged.labels.en).toBe('battery assembler (new)');
    // The old preferred label, listed among the alternatives in the file, is now one of them.
    expect(merged.altLabels.en).toContain('battery assembler');
  });
});

describe('planning ESCO relations', () => {
  const known = new Map([
    ['http://data.europa.eu/esco/occupation/a', { id: 'esco:occupation:a', scheme: 'esco-occupations' }],
    ['http://data.europa.eu/esco/occupation/b', { id: 'esco:occupation:b', scheme: 'esco-occupations' }],
    ['http://data.europa.eu/esco/occupation/c', { id: 'esco:occupation:c', scheme: 'esco-occupations' }],
    ['http://data.europa.eu/esco/skill/s', { id: 'esco:skill:s', scheme: 'esco-skills' }],
  ]);
  const broader = (conceptUri: string, broaderUri: string) => ({
    conceptType: 'Occupation',
    conceptUri,
    broaderType: 'Occupation',
    broaderUri,
  });

  it('makes the first broader concept the parent, further ones broader relations, and skips the rest', () => {
    const plan = planEscoBroader(
      [
        broader('http://data.europa.eu/esco/occupation/a', 'http://data.europa.eu/esco/isco/C2151'),
        broader('http://data.europa.eu/esco/occupation/a', 'http://data.europa.eu/esco/occupation/b'),
        broader('http://data.europa.eu/esco/occupation/a', 'http://data.europa.eu/esco/occupation/c'),
        broader('http://data.europa.eu/esco/occupation/a', 'http://data.europa.eu/esco/occupation/b'),
        broader('http://data.europa.eu/esco/occupation/b', 'http://data.europa.eu/esco/skill/s'),
      ],
      known,
    );
    expect([...plan.parents]).toEqual([['esco:occupation:a', 'esco:occupation:b']]);
    expect(plan.relations).toEqual([
      { fromId: 'esco:occupation:a', toId: 'esco:occupation:c', kind: 'broader' },
    ]);
    // The ISCO group (not imported) and the link across schemes.
    expect(plan.skipped).toBe(2);
  });

  it('links occupations to essential and optional skills that are in Kenno', () => {
    const plan = planEscoOccupationSkills(
      [
        {
          occupationUri: 'http://data.europa.eu/esco/occupation/a',
          skillUri: 'http://data.europa.eu/esco/skill/s',
          relationType: 'essential',
          skillType: null,
        },
        {
          occupationUri: 'http://data.europa.eu/esco/occupation/a',
          skillUri: 'http://data.europa.eu/esco/skill/s',
          relationType: 'essential',
          skillType: null,
        },
        {
          occupationUri: 'http://data.europa.eu/esco/occupation/b',
          skillUri: 'http://data.europa.eu/esco/skill/s',
          relationType: 'optional',
          skillType: null,
        },
        {
          occupationUri: 'http://data.europa.eu/esco/occupation/a',
          skillUri: 'http://data.europa.eu/esco/skill/zz',
          relationType: 'optional',
          skillType: null,
        },
      ],
      known,
    );
    expect(plan.relations).toEqual([
      { fromId: 'esco:occupation:a', toId: 'esco:skill:s', kind: 'essential' },
      { fromId: 'esco:occupation:b', toId: 'esco:skill:s', kind: 'optional' },
    ]);
    expect(plan.skipped).toBe(1);
  });
});
