import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { anyJson, expectNo5xx, maybe, nastyText as nasty } from '../../test/support/hostile.ts';
import { buildUser, createTestApp, signIn, type TestApp } from '../../test/support/test-app.ts';

/**
 * Generated hostile input against the auth and organisation routes: nothing may produce a
 * 5xx, and every error keeps the one error format.
 */
let t: TestApp;
let admin: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
});
afterAll(async () => t.close());

const organisationBody = fc.record(
  {
    name: fc.oneof(nasty, anyJson),
    nameEn: fc.oneof(nasty, fc.constant(null), anyJson),
    type: fc.oneof(fc.constantFrom('company', 'uas', 'spaceship'), nasty, anyJson),
    regionId: fc.oneof(fc.constantFrom('kokkola', 'vaasa', 'atlantis'), nasty, fc.constant(null), anyJson),
    municipality: fc.oneof(nasty, fc.constant(null)),
    website: fc.oneof(fc.webUrl(), nasty, fc.constant(null)),
    businessId: fc.oneof(
      fc.constantFrom('0179377-8', '2077474-1', '1000040-0'),
      nasty,
      fc.constant(null),
      anyJson,
    ),
    description: fc.oneof(fc.record({ fi: maybe(nasty), sv: maybe(nasty), en: maybe(nasty) }), anyJson),
    isPublic: fc.oneof(fc.boolean(), anyJson),
  },
  { requiredKeys: [] },
);

describe('hostile input never causes a 5xx', () => {
  it('POST /api/session', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record(
            { email: fc.oneof(nasty, anyJson), password: fc.oneof(nasty, anyJson) },
            { requiredKeys: [] },
          ),
          anyJson,
        ),
        async (payload) => {
          const response = await t.app.inject({
            method: 'POST',
            url: '/api/session',
            payload: JSON.stringify(payload),
            headers: { 'content-type': 'application/json' },
          });
          expectNo5xx(response);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('GET /api/organisations with any query string', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('q', 'region', 'type', 'concept', 'page', 'pageSize', 'x'), nasty),
        async (query) => {
          const response = await t.app.inject({ method: 'GET', url: '/api/organisations', query });
          expectNo5xx(response);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('GET /api/organisations/:id and /api/concepts with any path and query', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, async (id, q) => {
        expectNo5xx(
          await t.app.inject({ method: 'GET', url: `/api/organisations/${encodeURIComponent(id)}` }),
        );
        expectNo5xx(
          await t.app.inject({ method: 'GET', url: '/api/concepts', query: { q, lang: q, scheme: q } }),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('POST and PATCH /api/organisations with any body', async () => {
    await fc.assert(
      fc.asyncProperty(organisationBody, async (body) => {
        expectNo5xx(
          await t.app.inject({
            method: 'POST',
            url: '/api/organisations',
            headers: admin.headers(true),
            payload: body,
          }),
        );
        expectNo5xx(
          await t.app.inject({
            method: 'PATCH',
            url: '/api/organisations/centria',
            headers: admin.headers(true),
            payload: body,
          }),
        );
      }),
      { numRuns: 80 },
    );
  });

  it('malformed JSON, wrong content types, oversized bodies and odd headers', async () => {
    const cases = [
      {
        method: 'POST' as const,
        url: '/api/session',
        payload: '{"email":',
        headers: { 'content-type': 'application/json' },
      },
      {
        method: 'POST' as const,
        url: '/api/session',
        payload: 'email=a&password=b',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      {
        method: 'POST' as const,
        url: '/api/organisations',
        payload: 'x'.repeat(2 * 1024 * 1024),
        headers: { ...admin.headers(true), 'content-type': 'application/json' },
      },
      {
        method: 'GET' as const,
        url: '/api/tokens',
        headers: { authorization: `Bearer kenno_pat_${'x'.repeat(500)}` },
      },
      {
        method: 'GET' as const,
        url: '/api/session',
        headers: { cookie: `kenno_session=${'%'.repeat(300)}` },
      },
    ];
    for (const c of cases) expectNo5xx(await t.app.inject(c));
  });
});
