import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { applyConceptPatch, buildNewConcept, proposeConceptId } from './concept-edit.ts';
import {
  type ConceptRecord,
  computeLevels,
  diffConceptRecords,
  escoUrisIn,
  normaliseAltLabels,
  parentProblem,
} from './concept-record.ts';
import { planSchemeLoad, type SchemeFile, SchemeFileSchema } from './scheme-file.ts';

const DATA = path.resolve(import.meta.dirname, '../../../../data');
const readJson = (p: string) => JSON.parse(fs.readFileSync(path.join(DATA, p), 'utf8'));
const scheme = (name: string): SchemeFile =>
  SchemeFileSchema.parse(readJson(`taxonomy/schemes/${name}.json`));
const SCHEMES = ['education-levels', 'regions', 'funding-instruments', 'battery-job-roles'];

describe('shipped concept schemes', () => {
  it('are the four schemes, valid, with labels in Finnish, Swedish and English', () => {
    const files = fs.readdirSync(path.join(DATA, 'taxonomy/schemes')).filter((f) => f.endsWith('.json'));
    expect(files.map((f) => f.replace('.json', '')).sort()).toEqual([...SCHEMES].sort());
    const allIds = new Set<string>(
      readJson('reference/value-chain.json').concepts.map((c: { id: string }) => c.id),
    );
    for (const name of SCHEMES) {
      const file = scheme(name);
      expect(file.scheme.id).toBe(name);
      for (const lang of ['fi', 'sv', 'en'] as const) {
        expect(file.scheme.title[lang]).not.toBe('');
        expect(file.scheme.description[lang]).not.toBe('');
      }
      const plan = planSchemeLoad(file);
      for (const c of plan.concepts) {
        // Ids are unique across every scheme: they share one table.
        expect(allIds.has(c.id), c.id).toBe(false);
        allIds.add(c.id);
        expect(c.sources.length, c.id).toBeGreaterThan(0);
      }
      // Related concepts in other schemes are value-chain concepts.
      for (const id of plan.externalTargets) expect(allIds.has(id), id).toBe(true);
    }
  });

  it('education levels: EQF 1–8 with the Finnish qualifications of rules.md §3 under them', () => {
    const plan = planSchemeLoad(scheme('education-levels'));
    const top = plan.concepts.filter((c) => c.parentId === null);
    expect(top.map((c) => c.notation)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const under = (level: number) =>
      plan.concepts.filter((c) => c.parentId === `edu.eqf-${level}`).map((c) => c.labels.fi);
    expect(under(4)).toEqual([
      'Lukion oppimäärä ja ylioppilastutkinto',
      'Ammatillinen perustutkinto',
      'Ammattitutkinto',
    ]);
    expect(under(5)).toEqual(['Erikoisammattitutkinto']);
    expect(under(6)).toEqual(['Ammattikorkeakoulututkinto', 'Kandidaatin tutkinto']);
    expect(under(7)).toEqual(['Ylempi ammattikorkeakoulututkinto', 'Maisterin tutkinto']);
    expect(under(8)).toEqual(['Lisensiaatin tutkinto', 'Tohtorin tutkinto']);
    const byId = new Map(plan.concepts.map((c) => [c.id, c]));
    expect(byId.get('edu.ammatillinen-perustutkinto')!.description.fi).toContain('180 osaamispistettä (osp)');
    expect(byId.get('edu.ammatillinen-perustutkinto')!.notation).toBe('PT');
    expect(byId.get('edu.ammattikorkeakoulututkinto')!.description.en).toContain(
      '180, 210, 240 or 270 credits (op',
    );
    expect(byId.get('edu.maisterin-tutkinto')!.description.sv).toContain('120 studiepoäng');
    // osp and op are never mixed in one qualification.
    for (const c of plan.concepts.filter((c) => c.level === 2)) {
      expect(c.description.fi.includes('(osp)') && c.description.fi.includes('(op)'), c.id).toBe(false);
    }
  });

  it('regions: the 8 network regions with the municipalities and codes of data/reference/regions.json', () => {
    const reference = readJson('reference/regions.json').regions as {
      id: string;
      maakunta: { code: string };
      municipalities: { code: string; fi: string; sv: string }[];
    }[];
    const plan = planSchemeLoad(scheme('regions'));
    const byId = new Map(plan.concepts.map((c) => [c.id, c]));
    const broader = plan.relations.filter((r) => r.kind === 'broader');
    for (const region of reference) {
      expect(byId.get(`region.${region.id}`)?.parentId).toBeNull();
      expect(plan.relations).toContainEqual({
        fromId: `region.${region.id}`,
        toId: `maakunta.${region.maakunta.code}`,
        kind: 'related',
      });
      for (const m of region.municipalities) {
        const c = byId.get(`municipality.${m.code}`)!;
        expect(c.notation).toBe(m.code);
        expect(c.labels).toEqual({ fi: m.fi, sv: m.sv, en: m.fi });
        // In this region as parent or as an extra broader concept.
        const inRegion =
          c.parentId === `region.${region.id}` ||
          broader.some((r) => r.fromId === c.id && r.toId === `region.${region.id}`);
        expect(inRegion, `${m.code} in ${region.id}`).toBe(true);
      }
    }
    // Kotka and Hamina: administratively Kymenlaakso, also in the Lappeenranta network region.
    expect(byId.get('municipality.285')!.parentId).toBe('region.kymenlaakso');
    expect(broader).toContainEqual({
      fromId: 'municipality.075',
      toId: 'region.lappeenranta',
      kind: 'broader',
    });
    expect(plan.concepts.filter((c) => c.id.startsWith('maakunta.')).map((c) => c.notation)).toEqual([
      '02',
      '04',
      '08',
      '09',
      '11',
      '13',
      '15',
      '16',
    ]);
  });

  it('funding instruments: national, cohesion policy, Horizon Europe with RIA/IA/CSA, Interreg programmes, Erasmus+', () => {
    const plan = planSchemeLoad(scheme('funding-instruments'));
    const children = (id: string) => plan.concepts.filter((c) => c.parentId === id).map((c) => c.labels.en);
    expect(children('funding.horizon-europe')).toEqual([
      'Research and Innovation Action',
      'Innovation Action',
      'Coordination and Support Action',
    ]);
    expect(children('funding.interreg')).toEqual([
      'Interreg Aurora',
      'Interreg Central Baltic',
      'Interreg Baltic Sea Region',
    ]);
    expect(children('funding.eu-cohesion-finland')).toEqual([
      'European Regional Development Fund',
      'Just Transition Fund',
      'European Social Fund Plus',
    ]);
    const labels = plan.concepts.map((c) => c.labels.en);
    for (const name of ['Business Finland', 'Research Council of Finland', 'Erasmus+'])
      expect(labels).toContain(name);
    expect(plan.concepts.find((c) => c.id === 'funding.horizon-europe.ia')!.description.en).toContain('70 %');
  });

  it('battery job roles: the 40 roles of job-roles.csv with their ESCO occupation and value-chain stages', () => {
    const rows = parse(fs.readFileSync(path.join(DATA, 'reference/job-roles.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    const plan = planSchemeLoad(scheme('battery-job-roles'));
    expect(plan.concepts).toHaveLength(40);
    expect(rows).toHaveLength(40);
    for (const [i, row] of rows.entries()) {
      const c = plan.concepts[i]!;
      expect(c.id).toBe(`job-role.${row.id}`);
      expect(c.labels.en).toBe(row.role_en);
      expect(c.labels.fi).toBe(row.role_fi!.replace('*', '').trim());
      expect(c.labels.sv).not.toBe('');
      expect(escoUrisIn(c.sources)).toEqual(row.esco_uri ? [row.esco_uri] : []);
      const related = plan.relations.filter((r) => r.fromId === c.id).map((r) => r.toId);
      expect(related).toEqual(row.value_chain_ids!.split(';').filter(Boolean));
    }
  });
});

describe('planning a scheme file', () => {
  const base = {
    schema: 'kenno-concept-scheme/v1' as const,
    scheme: {
      id: 't',
      title: { fi: 'a', sv: 'a', en: 'a' },
      description: { fi: '', sv: '', en: '' },
      uri: null,
      source: 's',
      sortOrder: 0,
    },
  };
  const c = (id: string, parent: string | null) => ({
    id,
    parent,
    labels: { fi: id, sv: id, en: id },
    sources: ['test'],
  });

  it('computes levels and the file order', () => {
    const plan = planSchemeLoad({ ...base, concepts: [c('a', null), c('a.b', 'a'), c('a.b.c', 'a.b')] });
    expect(plan.concepts.map((x) => [x.id, x.level, x.sortOrder])).toEqual([
      ['a', 1, 0],
      ['a.b', 2, 1],
      ['a.b.c', 3, 2],
    ]);
  });

  it('refuses duplicates, unknown parents and cycles', () => {
    expect(() => planSchemeLoad({ ...base, concepts: [c('a', null), c('a', null)] })).toThrow(/duplicate/);
    expect(() => planSchemeLoad({ ...base, concepts: [c('a', 'x')] })).toThrow(/parent x/);
    expect(() => planSchemeLoad({ ...base, concepts: [c('a', 'b'), c('b', 'a')] })).toThrow(/cycle/);
  });
});

describe('concept records and edits', () => {
  const record: ConceptRecord = {
    id: 'edu.x',
    scheme: 'education-levels',
    parentId: 'edu.eqf-4',
    level: 2,
    labels: { fi: 'Tutkinto', sv: 'Examen', en: 'Qualification' },
    altLabels: { fi: ['vanha'], sv: [], en: [] },
    description: { fi: '', sv: '', en: '' },
    notation: null,
    uri: null,
    sources: ['x'],
    sortOrder: 3,
  };

  it('merges a patch per language and normalises alternative labels', () => {
    const after = applyConceptPatch(record, {
      labels: { sv: 'Ny examen' },
      altLabels: { fi: ['  uusi  nimi ', 'Uusi nimi', 'Tutkinto', ''].filter(Boolean) },
    });
    expect(after.labels).toEqual({ fi: 'Tutkinto', sv: 'Ny examen', en: 'Qualification' });
    expect(after.altLabels.fi).toEqual(['uusi nimi']);
    expect(diffConceptRecords(record, after)).toEqual({
      before: { labels: record.labels, altLabels: record.altLabels },
      after: { labels: after.labels, altLabels: after.altLabels },
    });
    expect(diffConceptRecords(record, applyConceptPatch(record, { labels: { fi: 'Tutkinto' } }))).toBeNull();
  });

  it('refuses a concept without any label', () => {
    expect(() => applyConceptPatch(record, { labels: { fi: '', sv: '', en: '' } })).toThrow(AppError);
    expect(() => buildNewConcept({ scheme: 'education-levels', labels: {} }, 'education-levels.x')).toThrow(
      /at least one language/,
    );
  });

  it('refuses a parent that is the concept, a descendant, another scheme or missing', () => {
    const tree = new Map([
      ['a', { scheme: 's', parentId: null }],
      ['a.b', { scheme: 's', parentId: 'a' }],
      ['a.b.c', { scheme: 's', parentId: 'a.b' }],
      ['other', { scheme: 'o', parentId: null }],
    ]);
    const lookup = (id: string) => tree.get(id);
    expect(parentProblem('a', 'a', 's', lookup)).toMatch(/own parent/);
    expect(parentProblem('a', 'a.b.c', 's', lookup)).toMatch(/narrower/);
    expect(parentProblem('a.b', 'other', 's', lookup)).toMatch(/same concept scheme/);
    expect(parentProblem('a.b', 'nope', 's', lookup)).toMatch(/does not exist/);
    expect(parentProblem('a.b.c', 'a', 's', lookup)).toBeNull();
    expect(parentProblem('a.b.c', null, 's', lookup)).toBeNull();
  });

  it('computes levels from parents, cutting cycles', () => {
    const levels = computeLevels(
      new Map<string, string | null>([
        ['a', null],
        ['b', 'a'],
        ['c', 'b'],
        ['x', 'gone'],
        ['p', 'q'],
        ['q', 'p'],
      ]),
    );
    expect(Object.fromEntries(levels)).toMatchObject({ a: 1, b: 2, c: 3, x: 1 });
    expect(levels.get('p')! + levels.get('q')!).toBe(3);
  });

  it('proposes readable ids from labels', () => {
    expect(proposeConceptId('edu.eqf-4', { fi: 'Ammatillinen perustutkinto' }, 'fi')).toBe(
      'edu.eqf-4.ammatillinen-perustutkinto',
    );
    expect(proposeConceptId('funding-instruments', { en: 'Innovation Fund (EU)' })).toBe(
      'funding-instruments.innovation-fund-eu',
    );
    expect(proposeConceptId('x'.repeat(90), { en: 'long name here' }).length).toBeLessThanOrEqual(95);
    expect(normaliseAltLabels(['A', 'a', ' b ', 'pref'], 'Pref')).toEqual(['A', 'b']);
  });
});
