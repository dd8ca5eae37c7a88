import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/queries/organisations.ts';
import { organisationCompetences } from '../../db/schema/index.ts';
import { buildUser, createTestApp, errorCode, signIn, type TestApp } from '../../../test/support/test-app.ts';
import type { EcosystemMap } from './schema.ts';

type Entry = {
  conceptId: string;
  labels: { fi: string; sv: string; en: string };
  lq: number | null;
  count: number;
  level: number;
  stated: boolean;
  fewData: boolean;
};
type Matrix = {
  level: number;
  regions: { id: string; organisationCount: number }[];
  rows: { conceptId: string; counts: Record<string, number>; total: number }[];
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function get<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await t.app.inject({ method: 'GET', url, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

/*
 * Hand-checked from data/demo/organisations.json (each organisation counted once per stage,
 * its competences rolled up to their level-1 stage):
 * Kokkola, 15 organisations. Stage counts: refining 5 (Umicore, Jervois, Keliber, Boliden,
 * City of Kokkola), pcam 2 (Umicore, University of Oulu Chydenius), raw 1, anode 1, cell 1,
 * cam 1, recycling 2, cross 11 → 24 stage competences.
 * Network (the 8 regions, 62 organisations): 95 stage competences; refining 11
 * (Kokkola 5, Pori 4, Jyväskylä 1, Kuopio 1); pcam 8 (Kokkola 2, Kymenlaakso 4, Pori 2).
 * Vaasa: app 10 of 17 stage competences; network app 13.
 */
describe('GET /api/regions/:id', () => {
  it('gives the region with its municipalities (main city first), codes and stated specialisation', async () => {
    const region = await get<{
      name: { fi: string };
      maakunta: { code: string };
      nuts3: string;
      municipalities: { code: string; name: { fi: string; sv: string } }[];
      mainMunicipality: string;
      specialisation: {
        conceptIds: string[];
        stated: { sv: string };
        concepts: { id: string; level: number; labels: Record<string, string> }[];
      };
      organisationCount: number;
    }>('/api/regions/kokkola');
    expect(region.name.fi).toBe('Kokkola');
    expect(region.maakunta.code).toBe('16');
    expect(region.nuts3).toBe('FI1D5');
    expect(region.municipalities.map((m) => m.code)).toEqual(['272', '236', '288']);
    expect(region.municipalities[2]?.name).toEqual({ fi: 'Kruunupyy', sv: 'Kronoby' });
    expect(region.mainMunicipality).toBe('272');
    expect(region.specialisation.conceptIds).toContain('cross.characterisation');
    expect(region.specialisation.concepts[0]).toEqual({
      id: 'refining.battery-chemicals',
      level: 2,
      labels: { fi: 'Akkukemikaalit', sv: expect.any(String), en: 'Battery chemicals' },
    });
    expect(region.specialisation.stated.sv).toContain('batterikemi');
    expect(region.organisationCount).toBe(15);

    const kymenlaakso = await get<{ mainMunicipality: string }>('/api/regions/kymenlaakso');
    expect(kymenlaakso.mainMunicipality).toBe('285'); // Kotka, in "Kotka–Hamina (Kymenlaakso)"
  });

  it('answers 404 in the one error format for a region that does not exist', async () => {
    for (const url of ['/api/regions/atlantis', '/api/regions/atlantis/specialisation']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(errorCode(response)).toBe('not_found');
    }
  });
});

describe('GET /api/regions/:id/specialisation', () => {
  it('gives the location quotient with counts for stages and sub-stages, highest first', async () => {
    const entries = await get<Entry[]>('/api/regions/kokkola/specialisation');
    const lqs = entries.map((e) => e.lq ?? Number.NEGATIVE_INFINITY);
    expect(lqs).toEqual([...lqs].sort((a, b) => b - a));
    expect(new Set(entries.map((e) => e.level))).toEqual(new Set([1, 2]));

    const byId = new Map(entries.map((e) => [e.conceptId, e]));
    expect(byId.get('refining')).toMatchObject({ count: 5, level: 1, fewData: false, stated: false });
    expect(byId.get('refining')?.labels.en).toBe('Refining and technology metals');
    expect(byId.get('refining')?.lq).toBeCloseTo(5 / 24 / (11 / 95), 10);
    expect(byId.get('pcam')).toMatchObject({ count: 2, fewData: true, stated: true });
    expect(byId.get('pcam')?.lq).toBeCloseTo(2 / 24 / (8 / 95), 10);
    // Nobody in the network lists separators: no LQ rather than 0/0.
    expect(byId.get('separator')).toMatchObject({ count: 0, lq: null });
    for (const id of ['refining.battery-chemicals', 'pcam', 'cam', 'cell', 'cross.characterisation']) {
      expect(byId.get(id)?.stated, id).toBe(true);
    }

    const vaasa = new Map(
      (await get<Entry[]>('/api/regions/vaasa/specialisation')).map((e) => [e.conceptId, e]),
    );
    expect(vaasa.get('app')?.count).toBe(10);
    expect(vaasa.get('app')?.lq).toBeCloseTo(10 / 17 / (13 / 95), 10);
  });

  it('limits the levels on request and validates the parameter', async () => {
    const stages = await get<Entry[]>('/api/regions/kokkola/specialisation?maxLevel=1');
    expect(stages).toHaveLength(13);
    expect(stages.every((e) => e.level === 1)).toBe(true);
    const bad = await t.app.inject({ method: 'GET', url: '/api/regions/kokkola/specialisation?maxLevel=7' });
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('validation_failed');
  });
});

describe('GET /api/ecosystem/matrix', () => {
  it('counts organisations per value-chain stage and region', async () => {
    const matrix = await get<Matrix>('/api/ecosystem/matrix');
    expect(matrix.level).toBe(1);
    expect(matrix.regions.map((r) => r.id)).toEqual([
      'kokkola',
      'kuopio',
      'turku',
      'pori',
      'jyvaskyla',
      'lappeenranta',
      'vaasa',
      'kymenlaakso',
    ]);
    expect(matrix.rows).toHaveLength(13);
    const refining = matrix.rows.find((row) => row.conceptId === 'refining');
    expect(refining?.counts).toMatchObject({ kokkola: 5, pori: 4, jyvaskyla: 1, kuopio: 1, vaasa: 0 });
    expect(refining?.total).toBe(11);
    expect(matrix.rows.find((row) => row.conceptId === 'app')?.counts.vaasa).toBe(10);
    expect(matrix.regions.find((r) => r.id === 'kokkola')?.organisationCount).toBe(15);
  });

  it('agrees with the specialisation index in every cell', async () => {
    const matrix = await get<Matrix>('/api/ecosystem/matrix?level=2');
    expect(matrix.rows.length).toBeGreaterThan(30);
    for (const region of matrix.regions) {
      const entries = await get<Entry[]>(`/api/regions/${region.id}/specialisation`);
      const counts = new Map(entries.map((e) => [e.conceptId, e.count]));
      for (const row of matrix.rows)
        expect(row.counts[region.id], row.conceptId).toBe(counts.get(row.conceptId));
    }
  });
});

describe('GET /api/ecosystem/map', () => {
  it('places organisations at their municipality, coloured by stage, core competence first', async () => {
    const map = await get<EcosystemMap>('/api/ecosystem/map');
    expect(map.regions).toHaveLength(8);
    const kokkola = map.regions.find((r) => r.id === 'kokkola')!;
    expect(kokkola.municipalities.map((m) => m.code)).toEqual(['272', '236', '288']);
    expect(kokkola.mainMunicipality).toBe('272');
    expect(kokkola.organisations).toHaveLength(15);
    const umicore = kokkola.organisations.find((o) => o.id === 'umicore-finland')!;
    expect(umicore).toMatchObject({
      municipality: { code: '272', name: { fi: 'Kokkola', sv: 'Karleby' } },
      placedBy: 'municipality',
      stages: ['refining', 'pcam'],
    });
    // Inside Finland, near Kokkola.
    expect(umicore.lon).toBeGreaterThan(22.5);
    expect(umicore.lon).toBeLessThan(24.5);
    expect(umicore.lat).toBeGreaterThan(63.5);
    expect(umicore.lat).toBeLessThan(64.2);

    // Named no municipality: shown at the region's main city.
    const neova = map.regions.find((r) => r.id === 'jyvaskyla')!.organisations.find((o) => o.id === 'neova')!;
    expect(neova).toMatchObject({ placedBy: 'region', municipality: { code: '179' } });
    // Outside the network regions: placed by municipality, the first one named.
    const gtk = map.outside.find((o) => o.id === 'gtk');
    expect(gtk?.municipality.name.fi).toBe('Outokumpu');
    expect(map.outside.map((o) => o.id)).toContain('terrafame');
    // Neither a region nor a municipality: akkuteollisuus-ry and recser.
    expect(map.unplaced).toBe(2);
    const total = map.regions.reduce((n, r) => n + r.organisations.length, 0) + map.outside.length;
    expect(total + map.unplaced).toBe(74);
  });
});

describe('visibility and freshness', () => {
  it('counts a private organisation only for those who may read it, and follows writes at once', async () => {
    const visitorBefore = await get<Matrix>('/api/ecosystem/matrix');
    const refiningKokkola = (m: Matrix) => m.rows.find((row) => row.conceptId === 'refining')?.counts.kokkola;
    expect(refiningKokkola(visitorBefore)).toBe(5);

    const system = { kind: 'system' } as never;
    await createOrganisation(t.database.db, system, 'hidden-refinery', {
      name: 'Hidden Refinery Oy',
      type: 'company',
      regionId: 'kokkola',
      municipality: 'Kokkola',
      isPublic: false,
    });
    await t.database.db.insert(organisationCompetences).values({
      organisationId: 'hidden-refinery',
      conceptId: 'refining.hydromet',
      strength: 'core',
    });
    const coordinator = await signIn(
      t.app,
      (await buildUser(t.database, 'coordinator', { regionId: 'kokkola' })).email,
    );
    const otherCoordinator = await signIn(
      t.app,
      (await buildUser(t.database, 'coordinator', { regionId: 'vaasa' })).email,
    );

    expect(refiningKokkola(await get<Matrix>('/api/ecosystem/matrix'))).toBe(5);
    expect(refiningKokkola(await get<Matrix>('/api/ecosystem/matrix', otherCoordinator.headers(false)))).toBe(
      5,
    );
    expect(refiningKokkola(await get<Matrix>('/api/ecosystem/matrix', coordinator.headers(false)))).toBe(6);

    const ids = (m: EcosystemMap) => m.regions.flatMap((r) => r.organisations.map((o) => o.id));
    expect(ids(await get<EcosystemMap>('/api/ecosystem/map'))).not.toContain('hidden-refinery');
    expect(ids(await get<EcosystemMap>('/api/ecosystem/map', coordinator.headers(false)))).toContain(
      'hidden-refinery',
    );

    const visitorRegion = await get<{ organisationCount: number }>('/api/regions/kokkola');
    const coordinatorRegion = await get<{ organisationCount: number }>(
      '/api/regions/kokkola',
      coordinator.headers(false),
    );
    expect([visitorRegion.organisationCount, coordinatorRegion.organisationCount]).toEqual([15, 16]);

    const index = async (headers?: Record<string, string>) =>
      (await get<Entry[]>('/api/regions/kokkola/specialisation', headers)).find(
        (e) => e.conceptId === 'refining',
      );
    expect((await index())?.count).toBe(5);
    expect(await index(coordinator.headers(false))).toMatchObject({ count: 6 });
    expect((await index(coordinator.headers(false)))?.lq).toBeCloseTo(6 / 25 / (12 / 96), 10);
  });
});

describe('hostile input', () => {
  it('answers any region id and query with a 2xx or a 4xx in the one error format, never a 5xx', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.constantFrom("'; drop table regions; --", '%00', '../..', '\u0000', 'kokkola', '1e9', '-1', ' 2 '),
    );
    await fc.assert(
      fc.asyncProperty(text, text, text, async (id, maxLevel, level) => {
        const urls = [
          `/api/regions/${encodeURIComponent(id)}`,
          `/api/regions/${encodeURIComponent(id)}/specialisation?maxLevel=${encodeURIComponent(maxLevel)}`,
          `/api/ecosystem/matrix?level=${encodeURIComponent(level)}`,
          `/api/regions/kokkola/specialisation?maxLevel=${encodeURIComponent(maxLevel)}`,
        ];
        for (const url of urls) {
          const response = await t.app.inject({ method: 'GET', url });
          expect(response.statusCode, url).toBeLessThan(500);
          if (response.statusCode >= 400) expect(errorCode(response), url).toBeTypeOf('string');
        }
      }),
      { numRuns: 60 },
    );
  });
});
