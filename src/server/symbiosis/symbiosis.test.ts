import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/queries/organisations.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { auditsOf, type Client, requests, signedIn } from '../sites/module-test-kit.ts';

/** Industrial-symbiosis streams and their matches through the API. */
let t: TestApp;
let admin: Client;
let coordKokkola: Client;
let memberCentria: Client;
let memberUef: Client;
let memberQuiet: Client;

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisation(t.database.db, { kind: 'system' } as never, 'quiet-heat', {
    name: 'Quiet Heat Oy',
    type: 'company',
    regionId: 'kymenlaakso',
    isPublic: false,
  });
  admin = await signedIn(t, 'admin');
  coordKokkola = await signedIn(t, 'coordinator', { regionId: 'kokkola' });
  memberCentria = await signedIn(t, 'member', { organisationId: 'centria' });
  memberUef = await signedIn(t, 'member', { organisationId: 'uef' });
  memberQuiet = await signedIn(t, 'member', { organisationId: 'quiet-heat' });
});
afterAll(async () => t.close());

type Stream = {
  id: string;
  organisationId: string | null;
  siteId: string | null;
  direction: string;
  streamType: string;
  label: { fi: string; sv: string; en: string };
  quantity: number | null;
  lat: number | null;
  lon: number | null;
  canEdit: boolean;
};
type Match = {
  offerId: string;
  needId: string;
  score: number;
  distanceKm: number | null;
  quantityCovered: number | null;
  reasons: { code: string }[];
};
const { get, send } = requests(() => t);
const streams = async (query: string, client?: Client) =>
  (await get(`/api/symbiosis/streams${query}`, client)).json() as Stream[];
const matches = async (query: string, client?: Client) =>
  (await get(`/api/symbiosis/matches${query}`, client)).json() as Match[];

describe('stream types and the demo streams', () => {
  it('lists material and energy types with their units', async () => {
    const types = (await get('/api/symbiosis/stream-types')).json() as {
      key: string;
      kind: string;
      units: string[];
    }[];
    expect(types.find((x) => x.key === 'sodium_sulphate')).toMatchObject({
      kind: 'material',
      units: ['t/a', 'kt/a', 't/d'],
    });
    expect(types.find((x) => x.key === 'waste_heat')).toMatchObject({
      kind: 'energy',
      units: ['MWh/a', 'GWh/a', 'MW'],
    });
    expect(types.map((x) => x.key)).toEqual(
      expect.arrayContaining(['sulphuric_acid', 'steam', 'hydrogen', 'black_mass', 'gypsum', 'lime', 'slag']),
    );
  });

  it('filters streams by type and direction; a stream without its own point is at its site', async () => {
    const offers = await streams('?type=sodium_sulphate&direction=offer');
    expect(offers.map((s) => s.organisationId).sort()).toEqual([
      'basf-harjavalta',
      'cngr-finland',
      'umicore-finland',
    ]);
    const umicore = offers.find((s) => s.organisationId === 'umicore-finland')!;
    expect(umicore).toMatchObject({ siteId: 'kip', lat: 63.845, lon: 23.03, quantity: 100 });
    // Unsourced quantities say so in every language.
    expect(umicore.label.en).toMatch(/illustrative example$/);
    expect(umicore.label.fi).toMatch(/havainnollistava esimerkki$/);
    expect(umicore.label.sv).toMatch(/illustrativt exempel$/);
    const hycamite = (await streams('?type=hydrogen&direction=offer'))[0]!;
    expect(hycamite).toMatchObject({ organisationId: 'hycamite', quantity: 2000 });
    expect(hycamite.label.en).not.toMatch(/illustrative/);
    expect((await get('/api/symbiosis/streams?type=unobtainium')).statusCode).toBe(400);
  });
});

describe('GET /api/symbiosis/matches', () => {
  it('ranks sodium-sulphate offers for the Kotka need by distance and quantity', async () => {
    const found = await matches('?streamId=sunila-sodium-sulphate-need');
    // Hamina is near and covers the need; Kokkola covers it from 450 km; Harjavalta states no quantity.
    expect(found.map((m) => m.offerId)).toEqual([
      'cngr-hamina-sodium-sulphate',
      'umicore-sodium-sulphate',
      'basf-harjavalta-sodium-sulphate',
    ]);
    const [hamina, kokkola, harjavalta] = found as [Match, Match, Match];
    expect(hamina.distanceKm).toBeLessThan(30);
    expect(hamina.quantityCovered).toBe(1);
    expect(kokkola.distanceKm).toBeGreaterThan(400);
    expect(kokkola.quantityCovered).toBe(1);
    expect(kokkola.reasons.map((r) => r.code)).toContain('far');
    expect(harjavalta.distanceKm).toBeLessThan(kokkola.distanceKm!);
    expect(harjavalta.quantityCovered).toBeNull();
    expect(harjavalta.reasons.map((r) => r.code)).toContain('quantity_unknown');
    expect(hamina.score).toBeGreaterThan(kokkola.score);
    expect(kokkola.score).toBeGreaterThan(harjavalta.score);
  });

  it('pairs heat and steam at the same park, and the black mass Fortum sends from Ikaalinen to Harjavalta', async () => {
    const steam = await matches('?streamId=keliber-steam-need');
    expect(steam[0]).toMatchObject({ offerId: 'boliden-kokkola-steam', distanceKm: 0, quantityCovered: 1 });
    const black = await matches('?streamId=fortum-ikaalinen-black-mass');
    expect(black.map((m) => m.needId)).toEqual(['fortum-harjavalta-black-mass-need']);
    expect(black[0]!.distanceKm).toBeGreaterThan(40);
    expect(black[0]!.distanceKm).toBeLessThan(80);
  });

  it('prefers the offer covering more of a need at the same distance', async () => {
    const need = await send('POST', '/api/symbiosis/streams', memberCentria, {
      organisationId: 'centria',
      direction: 'need',
      streamType: 'gypsum',
      quantity: 10,
      unit: 'kt/a',
      lat: 63.84,
      lon: 23.13,
    });
    expect(need.statusCode, need.body).toBe(201);
    const offer = (quantity: number, unit: string) =>
      send('POST', '/api/symbiosis/streams', coordKokkola, {
        organisationId: 'boliden-kokkola',
        direction: 'offer',
        streamType: 'gypsum',
        quantity,
        unit,
        lat: 63.85,
        lon: 23.03,
      });
    const small = (await offer(2000, 't/a')).json().id;
    const large = (await offer(12, 'kt/a')).json().id;
    const found = await matches(`?streamId=${need.json().id}`);
    expect(found.map((m) => [m.offerId, m.quantityCovered])).toEqual([
      [large, 1],
      [small, 0.2],
    ]);
    expect(found[0]!.distanceKm).toBe(found[1]!.distanceKm);
  });

  it('lists every offer–need pair best first without a stream, and 404 for one it cannot see', async () => {
    const all = await matches('');
    expect(all.length).toBeGreaterThan(5);
    const scores = all.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((await matches('?limit=2')).length).toBe(2);
    expect((await get('/api/symbiosis/matches?streamId=no-such-stream')).statusCode).toBe(404);
  });
});

describe('private streams', () => {
  it('are seen and matched only by their organisation’s editors', async () => {
    const created = await send('POST', '/api/symbiosis/streams', memberQuiet, {
      organisationId: 'quiet-heat',
      direction: 'need',
      streamType: 'sodium_sulphate',
      quantity: 5,
      unit: 'kt/a',
      lat: 60.5,
      lon: 27.1,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const ids = async (client?: Client) => (await streams('?type=sodium_sulphate', client)).map((s) => s.id);
    expect(await ids()).not.toContain(id);
    expect(await ids(memberCentria)).not.toContain(id);
    expect(await ids(memberQuiet)).toContain(id);
    expect(await ids(admin)).toContain(id);
    // Nobody else sees it among the matches either.
    const umicoreMatches = async (client?: Client) =>
      (await matches('?streamId=umicore-sodium-sulphate', client)).map((m) => m.needId);
    expect(await umicoreMatches()).not.toContain(id);
    expect(await umicoreMatches(memberQuiet)).toContain(id);
    expect((await get(`/api/symbiosis/matches?streamId=${id}`)).statusCode).toBe(404);
    expect(
      (await send('PATCH', `/api/symbiosis/streams/${id}`, memberCentria, { quantity: 1 })).statusCode,
    ).toBe(404);
  });
});

describe('writing streams', () => {
  it('lets an organisation’s member add, change and remove its stream, each write audited', async () => {
    const created = await send('POST', '/api/symbiosis/streams', memberCentria, {
      organisationId: 'centria',
      siteId: 'kip',
      direction: 'offer',
      streamType: 'waste_heat',
      label: { en: 'Laboratory waste heat' },
      quantity: 1.5,
      unit: 'gwh/a',
      availability: 'seasonal',
      availableFrom: '2027-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const stream = created.json();
    expect(stream).toMatchObject({ unit: 'GWh/a', siteId: 'kip', lat: 63.845, canEdit: true });
    const audit = async (action: string) =>
      (await auditsOf(t, 'symbiosis_stream', stream.id)).filter((row) => row.action === action);
    expect(await audit('create')).toHaveLength(1);

    expect(
      (await send('PATCH', `/api/symbiosis/streams/${stream.id}`, memberUef, { quantity: 2 })).statusCode,
    ).toBe(403);
    const changed = await send('PATCH', `/api/symbiosis/streams/${stream.id}`, memberCentria, {
      quantity: 2,
    });
    expect(changed.json().quantity).toBe(2);
    expect((await audit('update'))[0]).toMatchObject({ changes: { quantity: { from: 1.5, to: 2 } } });
    expect((await send('DELETE', `/api/symbiosis/streams/${stream.id}`, memberCentria)).statusCode).toBe(204);
    expect(await audit('delete')).toHaveLength(1);
  });

  it('checks units against the stream type, and that a stream has an owner', async () => {
    const base = { organisationId: 'centria', direction: 'offer' };
    const post = (payload: object) =>
      send('POST', '/api/symbiosis/streams', memberCentria, { ...base, ...payload });
    expect((await post({ streamType: 'waste_heat', quantity: 5, unit: 't/a' })).statusCode).toBe(400);
    expect((await post({ streamType: 'gypsum', quantity: 5 })).statusCode).toBe(400);
    expect((await post({ streamType: 'gypsum', lat: 63 })).statusCode).toBe(400);
    expect((await post({ streamType: 'gypsum', availableFrom: 'soon' })).statusCode).toBe(400);
    expect((await post({ streamType: 'gypsum', siteId: 'no-such-site' })).statusCode).toBe(400);
    const orphan = await send('POST', '/api/symbiosis/streams', admin, {
      direction: 'need',
      streamType: 'lime',
    });
    expect(orphan.statusCode).toBe(400);
    // Changing the type keeps the stored unit honest.
    const created = await post({ streamType: 'gypsum', quantity: 5, unit: 'kt/a' });
    const id = created.json().id;
    expect(
      (await send('PATCH', `/api/symbiosis/streams/${id}`, memberCentria, { streamType: 'waste_heat' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await send('PATCH', `/api/symbiosis/streams/${id}`, memberCentria, {
          streamType: 'waste_heat',
          unit: 'GWh/a',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('lets a site’s editors keep the site’s own streams', async () => {
    const created = await send('POST', '/api/symbiosis/streams', coordKokkola, {
      siteId: 'kip',
      direction: 'need',
      streamType: 'process_water',
      quantity: 50,
      unit: 'm3/h',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      organisationId: null,
      siteId: 'kip',
      unit: 'm³/h',
      canEdit: true,
    });
    expect(
      (
        await send('POST', '/api/symbiosis/streams', memberCentria, {
          siteId: 'kip',
          direction: 'need',
          streamType: 'process_water',
        })
      ).statusCode,
    ).toBe(403);
  });
});
