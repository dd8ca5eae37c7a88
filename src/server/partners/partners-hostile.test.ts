import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { anyJson, expectNo5xx, maybe, nastyText as nasty } from '../../../test/support/hostile.ts';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/support/test-app.ts';
import { insertPartnerCorpus } from './partners-test-kit.ts';

/** Generated hostile bodies against POST /api/partners/search: never a 5xx, always the one error shape. */
let t: TestApp;
let member: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await createTestApp();
  await insertPartnerCorpus(t.database.db, 'hostile');
  member = await signIn(t.app, (await buildUser(t.database, 'member', { organisationId: 'centria' })).email);
});
afterAll(async () => t.close());

const key = fc.oneof(
  fc.constantFrom('registry:centria', 'cordis:hostile-coordinator', 'cordis:', 'x:y'),
  nasty,
);
const body = fc.record(
  {
    challengeId: fc.oneof(nasty, anyJson),
    text: fc.oneof(nasty, anyJson),
    topic: fc.oneof(fc.constantFrom('HORIZON-CL5-2024-D2-01', 'horizon-%', ''), nasty, anyJson),
    conceptIds: fc.oneof(
      fc.array(fc.oneof(fc.constantFrom('recycling', 'cam', 'nope'), nasty), { maxLength: 60 }),
      anyJson,
    ),
    chosen: fc.oneof(fc.array(key, { maxLength: 60 }), anyJson),
    projectId: fc.oneof(nasty, anyJson),
    filters: fc.oneof(
      fc.record(
        {
          countries: maybe(
            fc.oneof(fc.array(fc.oneof(fc.constantFrom('FI', 'EL', 'uk', 'ZZ'), nasty)), anyJson),
          ),
          types: maybe(fc.oneof(fc.array(nasty, { maxLength: 40 }), anyJson)),
          sme: maybe(fc.oneof(fc.boolean(), anyJson)),
        },
        { requiredKeys: [] },
      ),
      anyJson,
    ),
    limit: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double(), anyJson),
  },
  { requiredKeys: [] },
);

describe('hostile input never causes a 5xx', () => {
  it('POST /api/partners/search', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(body, anyJson), async (payload) => {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/partners/search',
          headers: { ...member.headers(true), 'content-type': 'application/json' },
          payload: JSON.stringify(payload),
        });
        expectNo5xx(response);
      }),
      { numRuns: 150 },
    );
  });
});
