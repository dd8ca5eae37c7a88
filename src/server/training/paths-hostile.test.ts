import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { anyJson, expectNo5xx, maybe, nastyText as nasty } from '../../../test/support/hostile.ts';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/support/test-app.ts';

/** Generated hostile input against the training-path routes: never a 5xx, always the error format. */
let t: TestApp;
let admin: Awaited<ReturnType<typeof signIn>>;
let pathId: string;

const MODULES = [
  'kpedu.prosessiteollisuuden-perustutkinto',
  'centria.insinoori-amk-kemiantekniikka',
  'lut.kemiantekniikan-maisteriohjelma',
  'centria.akkukemia-ja-akkumateriaalit-taydennyskoulutus',
];

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/paths',
    headers: admin.headers(true),
    payload: { title: { en: 'Hostile' } },
  });
  pathId = (created.json() as { id: string }).id;
});
afterAll(async () => t.close());

const localized = fc.oneof(fc.record({ fi: maybe(nasty), sv: maybe(nasty), en: maybe(nasty) }), anyJson);
const regionIds = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom('kokkola', 'vaasa', 'atlantis'), nasty)),
  anyJson,
);
const pathBody = fc.record(
  {
    title: localized,
    summary: localized,
    audience: fc.oneof(fc.constantFrom('students', 'employees', 'aliens'), anyJson),
    status: fc.oneof(fc.constantFrom('draft', 'published', 'archived'), anyJson),
    regionIds,
    ownerOrganisationId: fc.oneof(
      fc.constantFrom('centria', 'no-such-org'),
      nasty,
      fc.constant(null),
      anyJson,
    ),
  },
  { requiredKeys: [] },
);
const moduleId = fc.oneof(fc.constantFrom(...MODULES), nasty);
const stepsBody = fc.oneof(
  fc.record({
    steps: fc.array(
      fc.record(
        { programmeId: moduleId, prerequisiteIds: fc.oneof(fc.array(moduleId, { maxLength: 6 }), anyJson) },
        { requiredKeys: ['programmeId'] },
      ),
      { maxLength: 70 },
    ),
  }),
  anyJson,
);

async function send(method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { ...admin.headers(true), 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });
}

describe('hostile input never causes a 5xx on training paths', () => {
  it('POST /api/paths', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(pathBody, anyJson), async (body) =>
        expectNo5xx(await send('POST', '/api/paths', body)),
      ),
      { numRuns: 60 },
    );
  });

  it('PATCH /api/paths/:id', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(pathBody, anyJson), async (body) =>
        expectNo5xx(await send('PATCH', `/api/paths/${pathId}`, body)),
      ),
      { numRuns: 60 },
    );
  });

  it('PUT /api/paths/:id/steps (cycles, unknown modules, huge graphs)', async () => {
    await fc.assert(
      fc.asyncProperty(stepsBody, async (body) =>
        expectNo5xx(await send('PUT', `/api/paths/${pathId}/steps`, body)),
      ),
      { numRuns: 80 },
    );
  });

  it('GET routes with hostile ids and queries', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, async (id, query) => {
        const encoded = encodeURIComponent(id);
        const q = encodeURIComponent(query);
        for (const url of [
          `/api/paths/${encoded}`,
          `/api/paths/${encoded}/validation`,
          `/api/paths/${encoded}/coverage`,
          `/api/paths/${encoded}/pdf?lang=${q}`,
          `/api/paths/${pathId}/pdf?lang=${q}`,
          `/api/training/network?regionId=${q}&level=${q}`,
          `/api/training/network?regionId=${q}`,
        ])
          expectNo5xx(await t.app.inject({ url, headers: admin.headers(false) }));
      }),
      { numRuns: 30 },
    );
  });
});
