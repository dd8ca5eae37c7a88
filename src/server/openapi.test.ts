import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { testDbKind } from '../../test/support/test-db.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('API description and system routes', () => {
  it('publishes an OpenAPI 3.1 document generated from the validating schemas', async () => {
    const response = await t.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of t.app.apiRoutes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
    const listParams = doc.paths['/api/organisations'].get.parameters.map((p: { name: string }) => p.name);
    expect(listParams).toEqual(
      expect.arrayContaining(['q', 'region', 'type', 'concept', 'page', 'pageSize']),
    );
    expect(
      doc.paths['/api/organisations'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['name', 'type']);
  });

  it('reports health with the database kind', async () => {
    const response = await t.app.inject({ url: '/api/health' });
    expect(response.json()).toEqual({ status: 'ok', db: testDbKind(), version: 'test' });
  });

  it('answers unknown API routes with the error format, and sends security headers', async () => {
    const response = await t.app.inject({ url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: 'No route GET /api/nothing-here' },
    });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toContain('max-age=');
  });

  it('lists the 8 network regions with stated specialisation in three languages', async () => {
    const regions = (await t.app.inject({ url: '/api/regions' })).json() as {
      id: string;
      specialisation: { stated: Record<string, string> };
    }[];
    expect(regions.map((r) => r.id)).toEqual([
      'kokkola',
      'kuopio',
      'turku',
      'pori',
      'jyvaskyla',
      'lappeenranta',
      'vaasa',
      'kymenlaakso',
    ]);
    for (const r of regions)
      for (const lang of ['fi', 'sv', 'en']) expect(r.specialisation.stated[lang]!.length).toBeGreaterThan(3);
  });

  it('lists value-chain concepts and filters them by label in a language', async () => {
    const all = (await t.app.inject({ url: '/api/concepts?scheme=value-chain' })).json() as unknown[];
    expect(all).toHaveLength(73);
    const sv = (
      await t.app.inject({ url: '/api/concepts?scheme=value-chain&q=återvinning&lang=sv' })
    ).json() as { id: string }[];
    expect(sv.map((c) => c.id)).toContain('recycling');
  });
});
