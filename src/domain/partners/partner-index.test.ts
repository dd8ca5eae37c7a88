import { describe, expect, it } from 'vitest';
import {
  applyCordisOrganisationChanges,
  applyRegistryChanges,
  buildPartnerIndex,
  type CordisOrganisationInput,
  type CordisProjectInput,
  candidatesForStages,
  isoCountry,
  type PartnerIndex,
  type RegistryOrganisationInput,
  searchPartners,
} from './partner-index.ts';

const ALL = { all: true } as const;
const PUBLIC_ONLY = { all: false, privateRegionId: null, privateOrganisationId: null } as const;

function project(
  id: string,
  text: string,
  conceptIds: string[],
  year = 2024,
  topics: string[] = [],
): CordisProjectInput {
  return { id, acronym: id.toUpperCase(), title: text, text, topics, conceptIds, year };
}
function cordisOrg(id: string, name: string, country: string, extra: Partial<CordisOrganisationInput> = {}) {
  return {
    id,
    name,
    shortName: null,
    country,
    activityType: 'PRC',
    sme: false,
    registryOrganisationId: null,
    ...extra,
  };
}
function registryOrg(
  id: string,
  name: string,
  extra: Partial<RegistryOrganisationInput> = {},
): RegistryOrganisationInput {
  return {
    id,
    name,
    nameEn: null,
    type: 'company',
    regionId: 'kokkola',
    isPublic: true,
    sme: null,
    description: { fi: '', sv: '', en: '' },
    competences: [],
    ...extra,
  };
}

const PARTICIPATIONS = [
  { projectId: 'p1', organisationId: 'o1', role: 'coordinator', ecContribution: 2_000_000 },
  { projectId: 'p2', organisationId: 'o2', role: 'participant', ecContribution: 100_000 },
  { projectId: 'p3', organisationId: 'o3', role: 'coordinator', ecContribution: 500_000 },
  { projectId: 'p4', organisationId: 'o4', role: 'participant', ecContribution: 300_000 },
  { projectId: 'p1', organisationId: 'o3', role: 'participant', ecContribution: 50_000 },
];

function corpus(): PartnerIndex {
  return buildPartnerIndex({
    currentYear: 2026,
    projects: [
      project(
        'p1',
        'Hydrometallurgical recycling of black mass from lithium-ion batteries',
        ['recycling.black-mass'],
        2025,
        ['HORIZON-CL5-2024-D2-01-03'],
      ),
      project('p2', 'Black mass leaching and cobalt recovery', ['recycling.black-mass'], 2016),
      project('p3', 'Solid-state electrolyte for safer cells', ['electrolyte'], 2024),
      project('p4', 'Cathode active material precursors', ['pcam'], 2023),
    ],
    organisations: [
      cordisOrg('o1', 'Recycling Research Institute', 'DE', { activityType: 'REC' }),
      cordisOrg('o2', 'Old Leaching GmbH', 'DE'),
      cordisOrg('o3', 'Electrolyte SME', 'EL', { sme: true }),
      cordisOrg('o4', 'Precursor Oy', 'FI', { registryOrganisationId: 'reg-precursor' }),
    ],
    participations: PARTICIPATIONS,
    registry: [
      registryOrg('reg-precursor', 'Precursor Oy', {
        competences: [{ conceptId: 'pcam', strength: 'core' }],
        description: { fi: 'Esiasteiden valmistus', sv: '', en: 'Precursor production' },
      }),
      registryOrg('reg-hidden', 'Hidden Recycling Oy', {
        isPublic: false,
        competences: [{ conceptId: 'recycling', strength: 'core' }],
      }),
    ],
  });
}

describe('partner index', () => {
  it('ranks a recent coordinator of a matching project above an old participant', () => {
    const index = corpus();
    const { hits } = searchPartners(index, {
      text: 'black mass recycling',
      concepts: new Map([['recycling.black-mass', 1]]),
      visibility: ALL,
      limit: 10,
    });
    const keys = hits.map((h) => h.candidate.key);
    expect(keys.indexOf('cordis:o1')).toBeLessThan(keys.indexOf('cordis:o2'));
    const first = hits[0]!;
    expect(first.candidate.key).toBe('cordis:o1');
    expect(first.candidate.isNonProfit).toBe(true);
    const track = first.reasons.find((r) => r.code === 'trackRecord');
    expect(track).toMatchObject({ params: { projects: 1, coordinated: 1, best: { id: 'p1' } } });
    expect(first.reasons.find((r) => r.code === 'text')).toMatchObject({ params: { words: ['recycling'] } });
    for (const hit of hits) expect(hit.score).toBeGreaterThan(0);
  });

  it('finds the projects of a call topic and its sub-topics', () => {
    const index = corpus();
    const { hits } = searchPartners(index, { topic: 'HORIZON-CL5-2024-D2-01', visibility: ALL, limit: 10 });
    expect(hits.map((h) => h.candidate.key).sort()).toEqual(['cordis:o1', 'cordis:o3']);
    expect(hits[0]!.reasons.some((r) => r.code === 'topic')).toBe(true);
  });

  it('maps CORDIS country codes and filters by country, type and SME', () => {
    expect(isoCountry('EL')).toBe('GR');
    expect(isoCountry('uk')).toBe('GB');
    const index = corpus();
    const base = { text: 'black mass recycling', visibility: ALL, limit: 10 } as const;
    const greek = searchPartners(index, { ...base, filters: { countries: ['GR'] } });
    expect(greek.hits.map((h) => h.candidate.key)).toEqual(['cordis:o3']);
    expect(greek.hits[0]!.candidate.country).toBe('GR');
    expect(
      searchPartners(index, { ...base, filters: { sme: true } }).hits.map((h) => h.candidate.key),
    ).toEqual(['cordis:o3']);
    expect(searchPartners(index, { ...base, filters: { types: ['REC'] } }).total).toBe(1);
  });

  it('takes the SME flag from the registry when it says, else from the linked CORDIS organisations', () => {
    const index = corpus();
    const precursor = {
      competences: [{ conceptId: 'pcam', strength: 'core' }],
      description: { fi: 'Esiasteiden valmistus', sv: '', en: 'Precursor production' },
    };
    const smeHits = () =>
      searchPartners(index, {
        text: 'cathode precursors',
        visibility: ALL,
        limit: 10,
        filters: { sme: true },
      }).hits.map((h) => h.candidate.key);
    expect(smeHits()).toEqual([]);
    // A person marks the registry organisation an SME: the filter and the builder see it.
    applyRegistryChanges(
      index,
      [registryOrg('reg-precursor', 'Precursor Oy', { ...precursor, sme: true })],
      [],
    );
    expect(smeHits()).toEqual(['registry:reg-precursor']);
    // Unknown in the registry: its linked CORDIS organisation decides.
    applyCordisOrganisationChanges(index, [
      cordisOrg('o4', 'Precursor Oy', 'FI', { registryOrganisationId: 'reg-precursor', sme: true }),
    ]);
    applyRegistryChanges(
      index,
      [registryOrg('reg-precursor', 'Precursor Oy', { ...precursor, sme: null })],
      [],
    );
    expect(smeHits()).toEqual(['registry:reg-precursor']);
    // The registry says no: that wins over CORDIS.
    applyRegistryChanges(
      index,
      [registryOrg('reg-precursor', 'Precursor Oy', { ...precursor, sme: false })],
      [],
    );
    expect(smeHits()).toEqual([]);
  });

  it('shows a linked CORDIS organisation once, as the registry organisation with its track record', () => {
    const index = corpus();
    const { hits } = searchPartners(index, { text: 'cathode precursors', visibility: ALL, limit: 10 });
    expect(hits.map((h) => h.candidate.key)).toEqual(['registry:reg-precursor']);
    expect(hits[0]!.candidate.cordisOrganisationId).toBe('o4');
    expect(hits[0]!.parts.trackRecord).toBeGreaterThan(0);
  });

  it('hides private registry organisations from those who may not read them', () => {
    const index = corpus();
    const query = { concepts: new Map([['recycling', 1]]), limit: 10 };
    const keys = (v: Parameters<typeof searchPartners>[1]['visibility']) =>
      searchPartners(index, { ...query, visibility: v }).hits.map((h) => h.candidate.key);
    expect(keys(ALL)).toContain('registry:reg-hidden');
    expect(keys(PUBLIC_ONLY)).not.toContain('registry:reg-hidden');
    expect(keys({ all: false, privateRegionId: 'kokkola', privateOrganisationId: null })).toContain(
      'registry:reg-hidden',
    );
  });

  it('prefers partners that add the stages the chosen ones lack, and says which', () => {
    const index = corpus();
    const concepts = new Map([
      ['recycling', 1],
      ['electrolyte', 1],
    ]);
    const { hits } = searchPartners(index, { concepts, chosen: ['cordis:o1'], visibility: ALL, limit: 10 });
    expect(hits.map((h) => h.candidate.key)).not.toContain('cordis:o1');
    const electrolyte = hits.find((h) => h.candidate.key === 'cordis:o3')!;
    expect(electrolyte.parts.complementarity).toBeGreaterThan(0);
    expect(electrolyte.reasons).toContainEqual({
      code: 'complementarity',
      params: { stageIds: ['electrolyte'] },
    });
    const recycler = hits.find((h) => h.candidate.key === 'cordis:o2')!;
    expect(recycler.parts.complementarity).toBe(0);
  });

  it('applies a changed registry organisation in place, as a rebuild would', () => {
    const index = corpus();
    applyRegistryChanges(
      index,
      [
        registryOrg('reg-new', 'Sodium Cells Oy', {
          competences: [{ conceptId: 'cell', strength: 'core' }],
          description: { fi: '', sv: '', en: 'Sodium-ion cell prototyping' },
        }),
      ],
      ['reg-hidden'],
    );
    expect(
      searchPartners(index, { text: 'sodium-ion cells', visibility: ALL, limit: 5 }).hits[0]!.candidate.key,
    ).toBe('registry:reg-new');
    expect(
      searchPartners(index, { concepts: new Map([['recycling', 1]]), visibility: ALL, limit: 10 }).hits.map(
        (h) => h.candidate.key,
      ),
    ).not.toContain('registry:reg-hidden');
    // Renamed: the old name no longer matches, the new one does.
    applyRegistryChanges(index, [registryOrg('reg-new', 'Natrium Works Oy')], []);
    expect(searchPartners(index, { text: 'sodium', visibility: ALL, limit: 5 }).total).toBe(0);
    expect(searchPartners(index, { text: 'natrium', visibility: ALL, limit: 5 }).hits[0]!.candidate.key).toBe(
      'registry:reg-new',
    );
  });

  it('patches a changed CORDIS organisation (name, country, registry link) without a rebuild', () => {
    const index = corpus();
    const renamed = cordisOrg('o2', 'Leaching Experts SA', 'FR');
    expect(applyCordisOrganisationChanges(index, [renamed])).toBe(true);
    const found = searchPartners(index, { text: 'leaching experts', visibility: ALL, limit: 5 });
    expect(found.hits[0]!.candidate).toMatchObject({
      key: 'cordis:o2',
      country: 'FR',
      name: 'Leaching Experts SA',
    });
    expect(searchPartners(index, { text: 'Old GmbH', visibility: ALL, limit: 5 }).total).toBe(0);
    // Linked to a registry organisation: it now appears as that one.
    applyCordisOrganisationChanges(index, [{ ...renamed, registryOrganisationId: 'reg-hidden' }]);
    const keys = searchPartners(index, { text: 'black mass', visibility: ALL, limit: 10 }).hits.map(
      (h) => h.candidate.key,
    );
    expect(keys).toContain('registry:reg-hidden');
    expect(keys).not.toContain('cordis:o2');
    expect(applyCordisOrganisationChanges(index, [cordisOrg('o-new', 'New', 'SE')])).toBe(false);
  });

  it('gives the consortium builder the best candidates per stage, merged', () => {
    const index = corpus();
    const pool = candidatesForStages(index, {
      stageIds: ['recycling', 'electrolyte', 'pcam'],
      perStage: 2,
      visibility: ALL,
    });
    const keys = pool.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['cordis:o1', 'cordis:o3', 'registry:reg-precursor']));
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of pool) {
      expect(c.relevance).toBeGreaterThan(0);
      expect(c.relevance).toBeLessThanOrEqual(1);
    }
    expect(pool.find((c) => c.key === 'cordis:o3')!.stageIds).toEqual(
      expect.arrayContaining(['electrolyte', 'recycling']),
    );
  });

  it('gives exactly the results of a fresh build after organisations change', () => {
    const patched = corpus();
    const renamed = cordisOrg('o2', 'Cobalt Recovery Partners', 'FR', { sme: true });
    const linked = cordisOrg('o1', 'Recycling Research Institute', 'DE', {
      activityType: 'REC',
      registryOrganisationId: 'reg-hidden',
    });
    applyCordisOrganisationChanges(patched, [renamed]);
    applyCordisOrganisationChanges(patched, [linked]);
    const newcomer = registryOrg('reg-cells', 'Cobalt Cells Oy', {
      competences: [{ conceptId: 'cell', strength: 'active' }],
      description: { fi: 'Kennojen kokoonpano', sv: '', en: 'Cobalt-free cell assembly' },
    });
    applyRegistryChanges(patched, [newcomer], ['reg-precursor']);
    const base = corpus();
    const fresh = buildPartnerIndex({
      currentYear: 2026,
      projects: [...base.projectIds].map((id, p) => ({
        id,
        acronym: base.projectAcronyms[p]!,
        title: base.projectTitles[p]!,
        text: base.projectTitles[p]!,
        topics: p === 0 ? ['HORIZON-CL5-2024-D2-01-03'] : [],
        conceptIds: [['recycling.black-mass'], ['recycling.black-mass'], ['electrolyte'], ['pcam']][p]!,
        year: base.projectYears[p]!,
      })),
      organisations: base.cordisInputs.map((o) => (o.id === 'o2' ? renamed : o.id === 'o1' ? linked : o)),
      participations: PARTICIPATIONS,
      registry: [...base.registry.values()]
        .map((e) => e.input)
        .filter((o) => o.id !== 'reg-precursor')
        .concat([newcomer]),
    });
    const queries = [
      { text: 'cobalt recovery' },
      { text: 'recycling institute black mass' },
      { text: 'cobalt cells', concepts: new Map([['cell', 1]]) },
      { concepts: new Map([['recycling', 1]]) },
      { topic: 'HORIZON-CL5-2024-D2-01' },
    ];
    for (const q of queries) {
      const a = searchPartners(patched, { ...q, visibility: ALL, limit: 10 });
      const b = searchPartners(fresh, { ...q, visibility: ALL, limit: 10 });
      expect(a.total).toBe(b.total);
      expect(a.hits.map((h) => [h.candidate.key, h.score, h.reasons])).toEqual(
        b.hits.map((h) => [h.candidate.key, h.score, h.reasons]),
      );
    }
    expect(
      searchPartners(patched, { text: 'cobalt', visibility: ALL, limit: 10 }).hits.map(
        (h) => h.candidate.key,
      ),
    ).toEqual(expect.arrayContaining(['cordis:o2', 'registry:reg-cells']));
  });
});
