import { describe, expect, it } from 'vitest';
import { buildSkosDocument, type SkosConceptInput, type SkosConceptNode } from './skos.ts';

const BASE = 'https://kenno.example.org';
const ESCO = 'http://data.europa.eu/esco/occupation/7648d5d9-cfab-4981-ba82-b66a9a41d37e';

function concept(id: string, over: Partial<SkosConceptInput> = {}): SkosConceptInput {
  return {
    id,
    parentId: null,
    labels: { fi: `${id} fi`, sv: `${id} sv`, en: `${id} en` },
    altLabels: { fi: [], sv: [], en: [] },
    description: { fi: '', sv: '', en: '' },
    notation: null,
    uri: null,
    broaderIds: [],
    relatedIds: [],
    exactMatchUris: [],
    ...over,
  };
}

const doc = buildSkosDocument({
  baseUrl: `${BASE}/`,
  scheme: {
    id: 'regions',
    uri: null,
    title: { fi: 'Alueet', sv: 'Regioner', en: 'Regions' },
    description: { fi: 'Kuvaus', sv: '', en: 'Description' },
  },
  concepts: [
    concept('region.vaasa'),
    concept('region.kymenlaakso'),
    concept('municipality.285', {
      parentId: 'region.kymenlaakso',
      broaderIds: ['region.vaasa'],
      notation: '285',
      altLabels: { fi: ['Kotkan kaupunki'], sv: [], en: ['City of Kotka'] },
      labels: { fi: 'Kotka', sv: 'Kotka', en: '' },
    }),
    concept('job-role.battery-system-engineer', {
      exactMatchUris: [ESCO],
      relatedIds: ['pack', 'no.such'],
      description: { fi: 'EQF 6–7', sv: '', en: 'EQF 6–7' },
    }),
    concept('esco-like', { uri: 'http://data.europa.eu/esco/skill/x' }),
  ],
  iriOf: (id) => (id === 'pack' ? `${BASE}/api/concepts/pack` : undefined),
});
const scheme = doc['@graph'][0];
const nodes = doc['@graph'].slice(1) as SkosConceptNode[];
const node = (dctId: string) => nodes.find((n) => n['dct:identifier'] === dctId)!;

describe('SKOS as JSON-LD', () => {
  it('has a @context with the SKOS namespace and a @graph of one scheme and its concepts', () => {
    expect(doc['@context'].skos).toBe('http://www.w3.org/2004/02/skos/core#');
    expect(doc['@context'].dct).toBe('http://purl.org/dc/terms/');
    expect(scheme['@type']).toBe('skos:ConceptScheme');
    expect(nodes).toHaveLength(5);
    for (const n of nodes) {
      expect(n['@type']).toBe('skos:Concept');
      expect(n['skos:inScheme']).toEqual({ '@id': scheme['@id'] });
    }
    // Round-trips as JSON.
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('uses absolute IRIs: the published URI when there is one, else this server’s concept URL', () => {
    expect(scheme['@id']).toBe(`${BASE}/api/concept-schemes/regions/skos`);
    expect(node('municipality.285')['@id']).toBe(`${BASE}/api/concepts/municipality.285`);
    expect(node('esco-like')['@id']).toBe('http://data.europa.eu/esco/skill/x');
    const ids = JSON.stringify(doc)
      .match(/"@id":"[^"]+"/g)!
      .map((m) => m.slice(7, -1));
    for (const id of ids) expect(() => new URL(id)).not.toThrow();
  });

  it('tags every label with its language and leaves empty ones out', () => {
    expect(node('municipality.285')['skos:prefLabel']).toEqual([
      { '@value': 'Kotka', '@language': 'fi' },
      { '@value': 'Kotka', '@language': 'sv' },
    ]);
    expect(node('municipality.285')['skos:altLabel']).toEqual([
      { '@value': 'Kotkan kaupunki', '@language': 'fi' },
      { '@value': 'City of Kotka', '@language': 'en' },
    ]);
    expect(scheme['dct:title']).toHaveLength(3);
    expect(scheme['dct:description']).toEqual([
      { '@value': 'Kuvaus', '@language': 'fi' },
      { '@value': 'Description', '@language': 'en' },
    ]);
    for (const n of nodes)
      for (const label of [...n['skos:prefLabel'], ...(n['skos:altLabel'] ?? [])]) {
        expect(['fi', 'sv', 'en']).toContain(label['@language']);
        expect(label['@value'].trim()).not.toBe('');
      }
  });

  it('states the hierarchy both ways, top concepts, notation, related and exact matches', () => {
    const kotka = node('municipality.285');
    expect(kotka['skos:broader']).toEqual([
      { '@id': `${BASE}/api/concepts/region.kymenlaakso` },
      { '@id': `${BASE}/api/concepts/region.vaasa` },
    ]);
    expect(kotka['skos:notation']).toBe('285');
    expect(kotka['skos:topConceptOf']).toBeUndefined();
    expect(node('region.kymenlaakso')['skos:narrower']).toEqual([{ '@id': kotka['@id'] }]);
    expect(node('region.kymenlaakso')['skos:topConceptOf']).toEqual({ '@id': scheme['@id'] });
    expect(scheme['skos:hasTopConcept']).toHaveLength(4);
    const role = node('job-role.battery-system-engineer');
    expect(role['skos:exactMatch']).toEqual([{ '@id': ESCO }]);
    // A related concept the caller cannot resolve is left out, not invented.
    expect(role['skos:related']).toEqual([{ '@id': `${BASE}/api/concepts/pack` }]);
    expect(role['dct:description']).toEqual([
      { '@value': 'EQF 6–7', '@language': 'fi' },
      { '@value': 'EQF 6–7', '@language': 'en' },
    ]);
  });
});
