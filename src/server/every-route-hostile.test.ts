import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyJson, expectNo5xx, nastyText as nasty } from '../../test/support/hostile.ts';
import { buildUser, createTestApp, signIn, type TestApp } from '../../test/support/test-app.ts';

/**
 * QUALITY.md: "fast-check sends generated hostile input to every JSON route: zero 5xx". The
 * module files test their routes with bodies shaped like the real ones; this one walks the route
 * table itself, so a route added tomorrow is covered the day it appears: generated path
 * parameters, query strings and JSON bodies, as an admin (who passes the permission checks and
 * reaches the validation and the database), and as a visitor.
 */
let t: TestApp;
let admin: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
});
afterAll(async () => t.close());

/** Routes that end the caller's own session or account: tested on their own elsewhere. */
const SELF_ENDING = new Set(['DELETE /api/session', 'DELETE /api/me']);

const pathValue = fc.oneof(
  nasty,
  fc.constantFrom('centria', 'kokkola', 'demo-project-ldes-demo', 'FI', '1', '0', '-1', '%00', '..'),
);
const query = fc.dictionary(
  fc.constantFrom(
    'q',
    'region',
    'regionId',
    'lang',
    'format',
    'page',
    'pageSize',
    'limit',
    'id',
    'round',
    'x',
  ),
  fc.oneof(nasty, fc.integer().map(String)),
);
const body = fc.oneof(anyJson, fc.dictionary(fc.string({ maxLength: 20 }), fc.oneof(nasty, anyJson)));

describe('every JSON route, from the route table, with generated hostile input', () => {
  it('has routes to walk', () => {
    expect(t.app.apiRoutes.length).toBeGreaterThan(100);
  });

  it('never answers 5xx, for an admin or a visitor', async () => {
    const routes = t.app.apiRoutes.filter((r) => !SELF_ENDING.has(`${r.method} ${r.url}`));
    for (const route of routes) {
      const params = route.url.match(/:\w+/g) ?? [];
      await fc.assert(
        fc.asyncProperty(
          fc.array(pathValue, { minLength: params.length, maxLength: params.length }),
          query,
          body,
          fc.boolean(),
          async (values, search, payload, asAdmin) => {
            let url = route.url;
            params.forEach((p, i) => {
              url = url.replace(p, encodeURIComponent(values[i]!));
            });
            const write = route.method !== 'GET';
            const response = await t.app.inject({
              method: route.method as 'GET',
              url,
              query: search,
              headers: {
                ...(asAdmin ? admin.headers(write) : {}),
                ...(write ? { 'content-type': 'application/json' } : {}),
              },
              ...(write ? { payload: JSON.stringify(payload) } : {}),
            });
            expect
              .soft(response.statusCode, `${route.method} ${url}: ${response.body.slice(0, 300)}`)
              .toBeLessThan(500);
            expectNo5xx(response);
          },
        ),
        { numRuns: 15 },
      );
    }
  }, 600_000);
});
