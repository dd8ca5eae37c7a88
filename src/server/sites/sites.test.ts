import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/queries/organisations.ts';
import { createTestApp, errorCode, type TestApp } from '../../../test/support/test-app.ts';
import { auditsOf as auditRows, type Client, requests, signedIn } from './module-test-kit.ts';

/** Sites through the API: the demo profiles, visibility per role, comparison, matching, writes. */
let t: TestApp;
let admin: Client;
let coordKokkola: Client;
let coordVaasa: Client;
let memberCentria: Client;
let memberUef: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t, 'admin');
  coordKokkola = await signedIn(t, 'coordinator', { regionId: 'kokkola' });
  coordVaasa = await signedIn(t, 'coordinator', { regionId: 'vaasa' });
  memberCentria = await signedIn(t, 'member', { organisationId: 'centria' });
  memberUef = await signedIn(t, 'member', { organisationId: 'uef' });
});
afterAll(async () => t.close());

type Summary = { id: string; name: string; regionId: string | null; availableAreaHa: number | null };
const { get, send } = requests(() => t);
const ids = async (url: string, client?: Client) =>
  ((await get(url, client)).json() as { items: Summary[] }).items.map((s) => s.id);
const auditsOf = (entityId: string) => auditRows(t, 'site', entityId);

describe('the demo sites', () => {
  it('lists the 14 sites by name and finds them by name, place, tenant and region', async () => {
    const all = (await get('/api/sites')).json() as { items: Summary[] };
    expect(all.items).toHaveLength(14);
    const names = all.items.map((s) => s.name);
    expect(names).toEqual(
      [...names].sort(new Intl.Collator('fi', { sensitivity: 'base', numeric: true }).compare),
    );
    expect(await ids('/api/sites?q=ykspihlaja')).toEqual(['kip']);
    expect(await ids('/api/sites?q=nornickel')).toEqual(['harjavalta']);
    expect(await ids('/api/sites?region=pori')).toEqual(['harjavalta', 'pori-port-industrial']);
    expect(await ids('/api/sites?region=atlantis')).toEqual([]);
    // Free land in the summary: the stated area, else the plots marked available.
    expect(all.items.find((s) => s.id === 'kotka-hamina-power-coast')!.availableAreaHa).toBe(50);
  });

  it('shows KIP with the facts its sources state, and no invented numbers', async () => {
    const kip = (await get('/api/sites/kip')).json();
    expect(kip).toMatchObject({
      name: expect.stringContaining('Kokkola Industrial Park'),
      operatorOrganisationId: 'kip-service',
      operatorName: 'KIP Service Oy',
      regionId: 'kokkola',
      totalAreaHa: 700,
      availableAreaHa: 70,
      fairwayDepthM: 14,
      rail: true,
      chemicalsHandling: true,
      permitStatus: 'zoned',
      canEdit: false,
    });
    expect(kip.utilities.map((u: { kind: string }) => u.kind)).toEqual(
      expect.arrayContaining(['hydrogen', 'process_water', 'industrial_gases']),
    );
    // No capacity or price is published, so none is shown.
    expect(
      kip.utilities.every(
        (u: { capacity: unknown; price: unknown }) => u.capacity === null && u.price === null,
      ),
    ).toBe(true);
    expect(kip.sources).toContain('https://kip.fi/en/frontpage.html');
    for (const lang of ['fi', 'sv', 'en']) expect(kip.description[lang].length).toBeGreaterThan(50);
    expect(kip.tenantOrganisationIds).toEqual(
      expect.arrayContaining(['umicore-finland', 'boliden-kokkola', 'keliber', 'hycamite']),
    );
  });

  it('reports rail, chemicals handling and permits a site does not state as unknown, not as no', async () => {
    const gigavaasa = (await get('/api/sites/gigavaasa')).json();
    expect(gigavaasa).toMatchObject({ rail: null, chemicalsHandling: null, permitStatus: null });
    // Kristinestad's source says chemical-industry zoning is still needed: a stated "none".
    expect((await get('/api/sites/kristinestad')).json()).toMatchObject({ permitStatus: 'none' });
    const items = ((await get('/api/sites')).json() as { items: Record<string, unknown>[] }).items;
    expect(items.find((s) => s.id === 'gigavaasa')).toMatchObject({
      rail: null,
      chemicalsHandling: null,
      permitStatus: null,
    });
    expect(items.find((s) => s.id === 'kotka-hamina-power-coast')).toMatchObject({
      rail: true,
      chemicalsHandling: null,
    });
    // No demo source says a site has no rail connection.
    expect(items.filter((s) => s.rail === false)).toEqual([]);
    // As a must-have, unknown rail excludes the site with its own reason.
    const excluded = (
      await send('POST', '/api/sites/match', null, {
        requirements: { rail: { value: true, hard: true } },
        includeExcluded: true,
      })
    ).json() as { siteId: string; eligible: boolean; unmet: { code: string }[] }[];
    expect(excluded.find((r) => r.siteId === 'gigavaasa')).toMatchObject({
      eligible: false,
      unmet: [{ code: 'rail_unknown' }],
    });
  });

  it('answers 404 for a site that does not exist', async () => {
    const response = await get('/api/sites/no-such-site');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'Site not found' } });
  });
});

describe('private sites', () => {
  let id: string;
  beforeAll(async () => {
    const created = await send('POST', '/api/sites', admin, {
      name: 'Quiet Vaasa Plot',
      regionId: 'vaasa',
      operatorOrganisationId: 'centria',
      isPublic: false,
      totalAreaHa: 80,
      availableAreaHa: 80,
      rail: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect(id).toBe('quiet-vaasa-plot');
  });

  it('are seen by their operator, their region’s coordinator and admins only', async () => {
    expect((await get(`/api/sites/${id}`)).statusCode).toBe(404);
    expect(await ids('/api/sites')).not.toContain(id);
    expect((await get(`/api/sites/${id}`, memberUef)).statusCode).toBe(404);
    expect((await get(`/api/sites/${id}`, coordKokkola)).statusCode).toBe(404);
    expect(await ids('/api/sites', coordKokkola)).not.toContain(id);

    const operator = await get(`/api/sites/${id}`, memberCentria);
    expect(operator.statusCode).toBe(200);
    expect(operator.json().canEdit).toBe(true);
    expect(await ids('/api/sites', memberCentria)).toContain(id);
    expect((await get(`/api/sites/${id}`, coordVaasa)).json().canEdit).toBe(true);
    expect(await ids('/api/sites?region=vaasa', admin)).toContain(id);
  });

  it('are left out of matching and comparison for everyone else', async () => {
    const body = { requirements: { landHa: { value: 75, hard: true } } };
    const visitor = await send('POST', '/api/sites/match', null, body);
    expect(visitor.json()).toEqual([]);
    const operator = await send('POST', '/api/sites/match', memberCentria, body);
    expect(operator.json().map((r: { siteId: string }) => r.siteId)).toEqual([id]);
    expect((await get(`/api/sites/compare?ids=kip,${id}`)).statusCode).toBe(404);
    expect((await get(`/api/sites/compare?ids=kip,${id}`, coordVaasa)).statusCode).toBe(200);
  });

  it('do not reveal a private operator to those who may not see it', async () => {
    await createOrganisation(t.database.db, { kind: 'system' } as never, 'silent-operator', {
      name: 'Silent Operator Oy',
      type: 'company',
      regionId: 'kokkola',
      isPublic: false,
    });
    const created = await send('POST', '/api/sites', coordKokkola, {
      name: 'Public Site With Private Operator',
      regionId: 'kokkola',
      operatorOrganisationId: 'silent-operator',
      tenantOrganisationIds: ['silent-operator', 'centria'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const site = (await get(`/api/sites/${created.json().id}`)).json();
    expect(site).toMatchObject({
      operatorOrganisationId: null,
      operatorName: null,
      tenantOrganisationIds: ['centria'],
    });
    const asCoordinator = (await get(`/api/sites/${created.json().id}`, coordKokkola)).json();
    expect(asCoordinator.operatorName).toBe('Silent Operator Oy');
    // Naming a private organisation one may not see is refused like an unknown one.
    const refused = await send('POST', '/api/sites', admin, {
      name: 'X site',
      operatorOrganisationId: 'nope',
    });
    expect(refused.statusCode).toBe(400);
    const hidden = await send('POST', '/api/sites', coordVaasa, {
      name: 'Vaasa Site',
      regionId: 'vaasa',
      operatorOrganisationId: 'silent-operator',
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.message).toBe('Unknown organisation "silent-operator"');
  });
});

describe('GET /api/sites/compare', () => {
  it('returns the sites in the order asked and a row per fact with the best marked', async () => {
    const response = await get('/api/sites/compare?ids=kip,harjavalta,gigavaasa');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as {
      sites: Summary[];
      rows: { key: string; unit: string | null; values: unknown[]; best: number[] }[];
    };
    expect(body.sites.map((s) => s.id)).toEqual(['kip', 'harjavalta', 'gigavaasa']);
    const row = (key: string) => body.rows.find((r) => r.key === key)!;
    expect(row('totalAreaHa')).toEqual({
      key: 'totalAreaHa',
      unit: 'ha',
      values: [700, null, 350],
      best: [0],
    });
    expect(row('fairwayDepthM')).toMatchObject({ values: [14, 15.3, null], best: [1] });
    // GigaVaasa's sources state no rail and no permit: not published (null), never "no".
    expect(row('rail')).toMatchObject({ values: [true, true, null], best: [0, 1] });
    expect(row('permitStatus')).toMatchObject({ values: ['zoned', null, null], best: [0] });
    expect(row('utility.industrial_gases')).toMatchObject({ values: [true, true, false], best: [0, 1] });
    expect(row('utility.electricity')).toMatchObject({ values: [false, false, true], best: [2] });
    expect(row('tenants')).toMatchObject({ values: [9, 4, 0], best: [0] });
    expect(body.rows.map((r) => r.key)).toEqual(
      expect.arrayContaining([
        'availableAreaHa',
        'portDistanceKm',
        'chemicalsHandling',
        'readyInMonths',
        'sharedServices',
      ]),
    );
  });

  it('wants 2–4 different sites', async () => {
    for (const query of ['ids=kip', 'ids=kip,kip', 'ids=a,b,c,d,e', 'ids=', '']) {
      const response = await get(`/api/sites/compare?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(errorCode(response)).toBe('validation_failed');
    }
    expect((await get('/api/sites/compare?ids=kip,no-such-site')).statusCode).toBe(404);
  });
});

describe('POST /api/sites/match', () => {
  it('ranks the sites meeting every hard requirement, with reasons', async () => {
    const response = await send('POST', '/api/sites/match', null, {
      requirements: {
        rail: { value: true, hard: true },
        chemicalsHandling: { value: true, hard: true },
        portDepthM: { value: 15, hard: false, weight: 4 },
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const results = response.json() as {
      siteId: string;
      score: number;
      reasons: { code: string }[];
      unmet: unknown[];
    }[];
    expect(results.map((r) => r.siteId)).toEqual([
      'harjavalta',
      'pori-port-industrial',
      'kip',
      'sotkamo-terrafame',
    ]);
    expect(results.map((r) => r.score)).toEqual([92, 92, 82, 72]);
    expect(results[0]!.reasons.map((r) => r.code)).toEqual(['port_ok', 'rail_ok', 'chemicals_ok']);
    expect(results[2]!.unmet).toEqual([
      { key: 'portDepthM', hard: false, code: 'port_shallow', params: { requiredM: 15, depthM: 14 } },
    ]);
  });

  it('returns nothing when no site meets a requirement, and the reasons when asked', async () => {
    const requirements = { landHa: { value: 1000, hard: true } };
    expect((await send('POST', '/api/sites/match', null, { requirements })).json()).toEqual([]);
    const excluded = (
      await send('POST', '/api/sites/match', null, { requirements, includeExcluded: true })
    ).json() as {
      siteId: string;
      eligible: boolean;
      unmet: { code: string; params: Record<string, number> }[];
    }[];
    expect(excluded.length).toBeGreaterThanOrEqual(14);
    expect(excluded.every((r) => !r.eligible && r.unmet[0]!.code.startsWith('land_'))).toBe(true);
    expect(excluded.find((r) => r.siteId === 'kip')!.unmet[0]).toEqual({
      key: 'landHa',
      hard: true,
      code: 'land_short',
      params: { requiredHa: 1000, availableHa: 70 },
    });
  });

  it('refuses requirements it does not understand', async () => {
    for (const requirements of [
      { landHA: { value: 5, hard: true } },
      { landHa: { value: 'lots', hard: true } },
      { permit: { value: 'blessed', hard: true } },
      { rail: { value: true } },
      { regionIds: { value: [], hard: true } },
    ]) {
      const response = await send('POST', '/api/sites/match', null, { requirements });
      expect(response.statusCode, JSON.stringify(requirements)).toBe(400);
    }
  });
});

describe('writing sites', () => {
  it('lets a coordinator add, change and remove a site of their region, each write audited', async () => {
    const created = await send('POST', '/api/sites', coordKokkola, {
      name: 'Audit Park',
      regionId: 'kokkola',
      lat: 63.8,
      lon: 23.1,
      description: { fi: 'Testi' },
      utilities: [{ kind: 'electricity', capacity: 40, price: null }],
      sources: ['https://example.org/audit-park'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const site = created.json();
    expect(site).toMatchObject({
      id: 'audit-park',
      // Not given: not stated, rather than "no".
      rail: null,
      chemicalsHandling: null,
      permitStatus: null,
      description: { fi: 'Testi', sv: '', en: '' },
      utilities: [{ kind: 'electricity', capacity: 40, capacityUnit: 'MW', price: null, priceUnit: '€/MWh' }],
      canEdit: true,
    });
    expect(await ids('/api/sites?q=audit')).toEqual(['audit-park']);
    expect((await auditsOf('audit-park'))[0]).toMatchObject({ action: 'create' });

    const changed = await send('PATCH', '/api/sites/audit-park', coordKokkola, {
      readyInMonths: 9,
      rail: true,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ readyInMonths: 9, rail: true });
    expect((await auditsOf('audit-park'))[0]).toMatchObject({
      action: 'update',
      changes: { readyInMonths: { from: null, to: 9 }, rail: { from: null, to: true } },
    });
    // A form's "not stated" takes a stated fact back to unknown; a "no" is kept as no.
    const unstated = await send('PATCH', '/api/sites/audit-park', coordKokkola, {
      rail: null,
      chemicalsHandling: false,
      permitStatus: 'none',
    });
    expect(unstated.statusCode, unstated.body).toBe(200);
    expect(unstated.json()).toMatchObject({ rail: null, chemicalsHandling: false, permitStatus: 'none' });
    expect((await auditsOf('audit-park'))[0]).toMatchObject({
      changes: {
        rail: { from: true, to: null },
        chemicalsHandling: { from: null, to: false },
        permitStatus: { from: null, to: 'none' },
      },
    });
    // Nothing changed (jsonb stores the utility's keys in its own order): no audit row.
    await send('PATCH', '/api/sites/audit-park', coordKokkola, {
      readyInMonths: 9,
      utilities: [{ kind: 'electricity', capacity: 40, price: null }],
    });
    expect(await auditsOf('audit-park')).toHaveLength(3);

    expect(
      (await send('PATCH', '/api/sites/audit-park', coordKokkola, { regionId: 'vaasa' })).statusCode,
    ).toBe(403);
    expect((await send('PATCH', '/api/sites/audit-park', coordVaasa, { rail: false })).statusCode).toBe(403);
    expect((await send('DELETE', '/api/sites/audit-park', coordVaasa)).statusCode).toBe(403);
    expect((await send('DELETE', '/api/sites/audit-park', coordKokkola)).statusCode).toBe(204);
    expect((await get('/api/sites/audit-park')).statusCode).toBe(404);
    expect((await auditsOf('audit-park'))[0]).toMatchObject({
      action: 'delete',
      changes: { name: 'Audit Park' },
    });
  });

  it('keeps two sites of one name apart', async () => {
    const first = await send('POST', '/api/sites', admin, { name: 'Twin Park' });
    const second = await send('POST', '/api/sites', admin, { name: 'Twin Park' });
    expect([first.json().id, second.json().id]).toEqual(['twin-park', 'twin-park-2']);
  });

  it('lets the operator’s member edit but not move or remove the site', async () => {
    const created = await send('POST', '/api/sites', coordKokkola, {
      name: 'Centria Test Hall',
      regionId: 'kokkola',
      operatorOrganisationId: 'centria',
    });
    const id = created.json().id as string;
    expect((await send('PATCH', `/api/sites/${id}`, memberCentria, { permitNote: 'Zoned' })).statusCode).toBe(
      200,
    );
    expect((await send('PATCH', `/api/sites/${id}`, memberCentria, { regionId: 'vaasa' })).statusCode).toBe(
      403,
    );
    expect(
      (await send('PATCH', `/api/sites/${id}`, memberCentria, { operatorOrganisationId: 'uef' })).statusCode,
    ).toBe(403);
    expect((await send('DELETE', `/api/sites/${id}`, memberCentria)).statusCode).toBe(403);
    expect((await send('POST', '/api/sites', memberCentria, { name: 'Member Site' })).statusCode).toBe(403);
  });

  it('checks the fields with the same rules as an import', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'X' }, 'name'],
      [{ name: 'Bad Region', regionId: 'atlantis' }, 'regionId'],
      [{ name: 'Half a point', lat: 63 }, 'lon'],
      [{ name: 'Too Much Free', totalAreaHa: 10, availableAreaHa: 20 }, 'availableAreaHa'],
      [
        {
          name: 'Twice',
          utilities: [
            { kind: 'steam', capacity: 1, price: null },
            { kind: 'steam', capacity: 2, price: null },
          ],
        },
        'utilities',
      ],
      [{ name: 'Odd utility', utilities: [{ kind: 'coffee', capacity: 1, price: null }] }, 'utilities'],
      [{ name: 'Bad source', sources: ['javascript:alert(1)'] }, 'sources'],
    ];
    for (const [payload, path] of cases) {
      const response = await send('POST', '/api/sites', admin, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(response.json().error.details)).toContain(path);
    }
    // A change checks the merged site: KIP's 700 ha cannot have 900 ha free.
    const patch = await send('PATCH', '/api/sites/kip', admin, { availableAreaHa: 900 });
    expect(patch.statusCode).toBe(400);
    expect((await send('PATCH', '/api/sites/kip', admin, { lat: 63 })).statusCode).toBe(400);
  });

  it('requires a signed-in user with CSRF protection for writes', async () => {
    expect((await send('POST', '/api/sites', null, { name: 'Visitor Site' })).statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: admin.headers(false),
      payload: { name: 'No CSRF Site' },
    });
    expect(noCsrf.statusCode).toBe(403);
  });
});
