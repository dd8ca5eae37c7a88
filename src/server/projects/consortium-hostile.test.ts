import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { anyJson, expectNo5xx, maybe, nastyText as nasty } from '../../../test/support/hostile.ts';
import { type Person, person } from '../../../test/support/challenge-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { projects } from '../../db/schema/index.ts';

/** Generated hostile input against every JSON route of the consortium module: never a 5xx. */
let t: TestApp;
let admin: Person;
let partnerId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await person(t, 'admin');
  await t.database.db.insert(projects).values({
    id: 'hostile-cons',
    title: 'Hostile',
    regionIds: ['kokkola'],
    instrumentId: 'funding.horizon-europe.ria',
  });
  const created = await send('POST', '/api/projects/hostile-cons/partners', {
    name: 'Seed',
    country: 'FI',
    role: 'coordinator',
  });
  partnerId = JSON.parse(created.body).id;
});
afterAll(async () => t.close());

async function send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET', url: string, payload?: unknown) {
  const response = await t.app.inject({
    method,
    url,
    headers: { ...admin.headers(method !== 'GET'), 'content-type': 'application/json' },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
  expectNo5xx(response);
  return response;
}

const idLike = fc.oneof(
  nasty,
  fc.constantFrom('centria', 'uef', 'kokkola', 'no-such', 'hostile-cons'),
  anyJson,
);
const money = fc.oneof(
  fc.integer({ min: -5, max: 1e6 }),
  fc.double(),
  fc.constant(Number.MAX_SAFE_INTEGER),
  anyJson,
);
const role = fc.oneof(
  fc.constantFrom('coordinator', 'beneficiary', 'affiliated_entity', 'associated_partner', 'boss'),
  nasty,
);
const country = fc.oneof(fc.constantFrom('FI', 'se', 'NO', 'US', 'XX', 'EL', ''), nasty, anyJson);
const key = fc.oneof(
  fc.constantFrom(
    'registry:centria',
    'registry:hidden',
    'cordis:1',
    'cordis:',
    `registry:${'x'.repeat(200)}`,
  ),
  nasty.map((s) => `registry:${s}`),
  nasty,
  anyJson,
);
const partnerBody = fc.record(
  {
    name: fc.oneof(nasty, anyJson),
    country,
    role,
    organisationId: fc.oneof(idLike, fc.constant(null)),
    cordisOrganisationId: fc.oneof(idLike, fc.constant(null)),
    affiliatedToPartnerId: fc.oneof(idLike, fc.constant(null)),
    legalEntityGroup: fc.oneof(nasty, fc.constant(null)),
    isNonProfit: fc.oneof(fc.boolean(), anyJson),
    isSme: fc.oneof(fc.boolean(), anyJson),
    regionId: fc.oneof(idLike, fc.constant(null)),
    personnelEur: money,
    subcontractingEur: money,
    otherEur: money,
    conceptIds: fc.oneof(fc.array(idLike, { maxLength: 30 }), anyJson),
    position: money,
  },
  { requiredKeys: [] },
);
const stageIds = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom('cam', 'cell', 'recycling', 'pack', 'raw'), nasty), { maxLength: 40 }),
  anyJson,
);

describe('hostile input to the consortium routes never causes a 5xx', () => {
  it('POST and PATCH partners with any body', async () => {
    await fc.assert(
      fc.asyncProperty(partnerBody, async (body) => {
        await send('POST', '/api/projects/hostile-cons/partners', body);
        await send('PATCH', `/api/projects/hostile-cons/partners/${partnerId}`, body);
      }),
      { numRuns: 60 },
    );
  });

  it('partner routes with any ids in the path', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, async (a, b) => {
        const id = encodeURIComponent(a);
        const pid = encodeURIComponent(b);
        await send('GET', `/api/projects/${id}/partners`);
        await send('GET', `/api/projects/${id}/budget`);
        await send('GET', `/api/projects/${id}/eligibility`);
        await send('DELETE', `/api/projects/hostile-cons/partners/${pid}`);
        await send('PATCH', `/api/projects/${id}/partners/${pid}`, { personnelEur: 1 });
      }),
      { numRuns: 30 },
    );
  });

  it('POST /api/consortia/suggest with any body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            stageIds,
            instrumentId: fc.oneof(
              fc.constantFrom('funding.horizon-europe.ria', 'funding.business-finland'),
              nasty,
            ),
            size: fc.oneof(
              fc.record({ min: fc.integer({ min: -2, max: 40 }), max: fc.integer({ min: -2, max: 40 }) }),
              anyJson,
            ),
            mustInclude: fc.oneof(fc.array(key, { maxLength: 12 }), anyJson),
            maxPerCountry: fc.oneof(fc.integer({ min: -1, max: 40 }), fc.constant(null), anyJson),
            minSmes: fc.oneof(fc.integer({ min: -1, max: 40 }), fc.constant(null), anyJson),
            regionIds: fc.oneof(fc.array(idLike, { maxLength: 5 }), anyJson),
            projectId: idLike,
            query: fc.oneof(
              fc.record({ text: maybe(nasty), topic: maybe(nasty), challengeId: maybe(nasty) }),
              anyJson,
            ),
            perStage: fc.oneof(fc.integer({ min: -1, max: 50 }), anyJson),
            k: fc.oneof(fc.integer({ min: -1, max: 20 }), anyJson),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          await send('POST', '/api/consortia/suggest', body);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('POST /api/consortia/evaluate with any body', async () => {
    const member = fc.oneof(
      key,
      fc.record(
        {
          name: fc.oneof(nasty, anyJson),
          country,
          role,
          stageIds,
          personnelEur: money,
          legalEntityGroup: maybe(nasty),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            instrumentId: fc.oneof(fc.constantFrom('funding.horizon-europe.ia', 'funding.erdf'), nasty),
            stageIds,
            members: fc.oneof(fc.array(member, { maxLength: 60 }), anyJson),
            date: fc.oneof(fc.constantFrom('2026-01-01', '2026-13-45', ''), nasty),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          await send('POST', '/api/consortia/evaluate', body);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('PUT and DELETE programme countries with any code and body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom('ZZ', 'zy', 'FIN', '1A'), nasty),
        fc.record(
          {
            name: fc.oneof(nasty, anyJson),
            status: fc.oneof(fc.constantFrom('member_state', 'associated', 'other'), nasty),
            scope: fc.oneof(fc.constantFrom('full', 'pillar2', 'full_except_eic_fund', 'x'), nasty),
            fromDate: fc.oneof(fc.constantFrom('2024-01-01', '2024-02-30', null), nasty),
            toDate: fc.oneof(fc.constantFrom('2023-01-01', '9999-12-31', null), nasty),
            transitional: fc.oneof(fc.boolean(), anyJson),
            source: fc.oneof(nasty, anyJson),
          },
          { requiredKeys: [] },
        ),
        async (code, body) => {
          const c = encodeURIComponent(code);
          await send('PUT', `/api/programme-countries/${c}`, body);
          await send('DELETE', `/api/programme-countries/${c}`);
        },
      ),
      { numRuns: 60 },
    );
  });
});
