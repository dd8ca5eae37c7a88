import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import { buildUser, createTestApp, errorCode, signIn, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Page = {
  items: { id: string; name: string; regionId: string | null; type: string; conceptIds: string[] }[];
  total: number;
};

describe('GET /api/organisations', () => {
  it('lists the demo network, paged and sorted by name', async () => {
    const first = (await t.app.inject({ url: '/api/organisations?pageSize=10' })).json() as Page;
    const second = (await t.app.inject({ url: '/api/organisations?pageSize=10&page=2' })).json() as Page;
    expect(first.total).toBe(74);
    expect(first.items).toHaveLength(10);
    expect(second.items.map((o) => o.id)).not.toContain(first.items[0]!.id);
    const names = first.items.map((o) => o.name);
    expect(names).toEqual(
      [...names].sort(new Intl.Collator('fi', { sensitivity: 'base', numeric: true }).compare),
    );
  });

  it('searches by name in either language, case-insensitively, with wildcards taken literally', async () => {
    const byFi = (await t.app.inject({ url: '/api/organisations?q=centria' })).json() as Page;
    expect(byFi.items.map((o) => o.id)).toContain('centria');
    // Descriptions that mention the university match too; the name match comes first.
    const byEn = (
      await t.app.inject({ url: '/api/organisations?q=University%20of%20Eastern' })
    ).json() as Page;
    expect(byEn.items[0]?.id).toBe('uef');
    const partial = (await t.app.inject({ url: '/api/organisations?q=ria-ammattik' })).json() as Page;
    expect(partial.items.map((o) => o.id)).toEqual(['centria']);
    const wildcard = (await t.app.inject({ url: '/api/organisations?q=%25' })).json() as Page;
    expect(wildcard.total).toBe(0);
  });

  it('filters by region, type and value-chain concept (including narrower concepts)', async () => {
    const kokkola = (
      await t.app.inject({ url: '/api/organisations?region=kokkola&pageSize=100' })
    ).json() as Page;
    expect(kokkola.total).toBe(15);
    expect(kokkola.items.every((o) => o.regionId === 'kokkola')).toBe(true);
    const uas = (await t.app.inject({ url: '/api/organisations?type=uas&pageSize=100' })).json() as Page;
    expect(uas.total).toBe(7);
    const recycling = (
      await t.app.inject({ url: '/api/organisations?concept=recycling&pageSize=100' })
    ).json() as Page;
    expect(recycling.total).toBeGreaterThan(0);
    expect(
      recycling.items.every((o) => o.conceptIds.some((c) => c === 'recycling' || c.startsWith('recycling.'))),
    ).toBe(true);
  });

  it('rejects invalid filters with a validation error', async () => {
    const response = await t.app.inject({ url: '/api/organisations?type=spaceship&page=0' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'validation_failed', details: expect.any(Array) },
    });
  });
});

describe('organisation profiles', () => {
  it('returns a profile with descriptions in three languages, competences and sources', async () => {
    const response = await t.app.inject({ url: '/api/organisations/centria' });
    expect(response.statusCode).toBe(200);
    const org = response.json();
    expect(org).toMatchObject({ id: 'centria', type: 'uas', regionId: 'kokkola', canEdit: false });
    expect(org.description.fi.length).toBeGreaterThan(10);
    expect(org.description.sv.length).toBeGreaterThan(10);
    expect(org.description.en.length).toBeGreaterThan(10);
    expect(org.competences[0]).toMatchObject({ strength: 'core' });
    expect(org.sources.length).toBeGreaterThan(0);
  });

  it('answers 404 in the one error format', async () => {
    const response = await t.app.inject({ url: '/api/organisations/no-such-org' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'Organisation not found' } });
  });

  it('hides private organisations from visitors and other regions but not from their coordinator', async () => {
    const admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: admin.headers(true),
      payload: {
        name: 'Quiet Cathode Oy',
        type: 'company',
        regionId: 'vaasa',
        isPublic: false,
        businessId: '2077474-0',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(id).toBe('quiet-cathode-oy');

    expect((await t.app.inject({ url: `/api/organisations/${id}` })).statusCode).toBe(404);
    const visitorList = (await t.app.inject({ url: '/api/organisations?q=Quiet' })).json() as Page;
    expect(visitorList.total).toBe(0);

    const kokkola = await signIn(
      t.app,
      (await buildUser(t.database, 'coordinator', { regionId: 'kokkola' })).email,
    );
    expect(
      (await t.app.inject({ url: `/api/organisations/${id}`, headers: kokkola.headers(false) })).statusCode,
    ).toBe(404);
    const vaasa = await signIn(
      t.app,
      (await buildUser(t.database, 'coordinator', { regionId: 'vaasa' })).email,
    );
    const seen = await t.app.inject({ url: `/api/organisations/${id}`, headers: vaasa.headers(false) });
    expect(seen.json()).toMatchObject({ id, canEdit: true, businessId: '2077474-0' });
    const vaasaList = (
      await t.app.inject({ url: '/api/organisations?q=Quiet', headers: vaasa.headers(false) })
    ).json() as Page;
    expect(vaasaList.total).toBe(1);
  });
});

describe('writing organisations', () => {
  it('lets a member edit their own organisation, writes an audit row, and refuses another one', async () => {
    const member = await buildUser(t.database, 'member', { organisationId: 'centria' });
    const client = await signIn(t.app, member.email);
    const patch = {
      description: { sv: 'Yrkeshögskolan Centria i Karleby.' },
      website: 'https://www.centria.fi',
    };
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/organisations/centria',
      headers: client.headers(true),
      payload: patch,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().description.sv).toBe('Yrkeshögskolan Centria i Karleby.');
    expect(ok.json().description.fi.length).toBeGreaterThan(10);

    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, 'centria'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit).toMatchObject({ actorUserId: member.id, action: 'update', entity: 'organisation' });
    expect(audit!.changes).toHaveProperty('description');

    const other = await t.app.inject({
      method: 'PATCH',
      url: '/api/organisations/uef',
      headers: client.headers(true),
      payload: { municipality: 'Kuopio' },
    });
    expect(other.statusCode).toBe(403);
    const move = await t.app.inject({
      method: 'PATCH',
      url: '/api/organisations/centria',
      headers: client.headers(true),
      payload: { regionId: 'vaasa' },
    });
    expect(move.statusCode).toBe(403);
  });

  it('validates business IDs with the check digit and reports the field', async () => {
    const admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
    for (const bad of ['2077474-1', '1000040-0', '12345']) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: '/api/organisations/centria',
        headers: admin.headers(true),
        payload: { businessId: bad },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: ['businessId'] })]),
      );
    }
    const good = await t.app.inject({
      method: 'PATCH',
      url: '/api/organisations/centria',
      headers: admin.headers(true),
      payload: { businessId: '179377-8' },
    });
    expect(good.json().businessId).toBe('0179377-8');
  });

  it('refuses unknown regions and lets the region coordinator delete', async () => {
    const coordinator = await signIn(
      t.app,
      (await buildUser(t.database, 'coordinator', { regionId: 'pori' })).email,
    );
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: coordinator.headers(true),
      payload: { name: 'X Oy', type: 'company', regionId: 'atlantis' },
    });
    expect(unknown.statusCode).toBe(403);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: coordinator.headers(true),
      payload: { name: 'Satakunta Metals Oy', type: 'company', regionId: 'pori' },
    });
    expect(created.statusCode).toBe(201);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${created.json().id}`,
      headers: coordinator.headers(true),
    });
    expect(removed.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/organisations/${created.json().id}` })).statusCode).toBe(404);
  });

  it('requires sign-in for writes', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/organisations/centria',
      payload: { municipality: 'Kokkola' },
    });
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe('unauthenticated');
  });
});
