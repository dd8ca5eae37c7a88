import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectNo5xx, nastyText as nasty } from '../../../test/support/hostile.ts';
import { type Person, person, submitChallenge } from '../../../test/support/challenge-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

/**
 * Generated hostile input against the similarity routes (path and query parameters; they take no
 * body): nothing may produce a 5xx, and every error keeps the one error format.
 */
let t: TestApp;
let admin: Person;
let challengeId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await person(t, 'admin');
  challengeId = (
    await submitChallenge(t, admin, {
      title: 'Mustamassan liuotus',
      description: 'Alumiini ja kupari pitää poistaa mustamassan liuotusliuoksesta ennen kiteytystä.',
      language: 'fi',
    })
  ).id;
});
afterAll(async () => t.close());

const value = fc.oneof(
  nasty,
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    '0',
    '-1',
    '51',
    '1e9',
    'NaN',
    'xlsx',
    'pdf',
    'csv',
    'fi',
    'de',
    'kokkola',
    'recycling',
    'cc-demo-fire-vaasa',
  ),
);
const queryOf = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys, 'x', '__proto__'), value);

const get = async (url: string, query: Record<string, string>, signedIn: boolean) =>
  expectNo5xx(
    await t.app.inject({ method: 'GET', url, query, headers: signedIn ? admin.headers(false) : {} }),
  );

describe('hostile input to the similarity routes never causes a 5xx', () => {
  it('GET /api/challenges/:id/similar with any id and query', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(nasty, fc.constant(challengeId), fc.constant('demo-fire-vaasa')),
        queryOf(['limit']),
        fc.boolean(),
        async (id, query, signedIn) => {
          await get(`/api/challenges/${encodeURIComponent(id)}/similar`, query, signedIn);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('GET /api/challenges/common and /common/:clusterId with any filters and id', async () => {
    await fc.assert(
      fc.asyncProperty(
        queryOf(['region', 'concept']),
        fc.oneof(nasty, fc.constant('cc-demo-fire-vaasa')),
        fc.boolean(),
        async (query, clusterId, signedIn) => {
          await get('/api/challenges/common', query, signedIn);
          await get(`/api/challenges/common/${encodeURIComponent(clusterId)}`, query, signedIn);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('GET /api/challenges/common/export with any format, cluster, language and filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        queryOf(['format', 'clusterId', 'lang', 'region', 'concept']),
        fc.boolean(),
        async (query, signedIn) => {
          await get('/api/challenges/common/export', query, signedIn);
        },
      ),
      { numRuns: 30 },
    );
  });
});
