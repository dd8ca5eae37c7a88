import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Person, person, submitChallenge } from '../../../test/support/challenge-fixtures.ts';
import { anyJson, expectNo5xx, maybe, nastyText as nasty } from '../../../test/support/hostile.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

/** Generated hostile input against the pipeline, calls and KPI routes: never a 5xx. */
let t: TestApp;
let admin: Person;
let projectId: string;
let callId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await person(t, 'admin');
  const member = await person(t, 'member', { organisationId: 'centria' });
  const challenge = await submitChallenge(t, member);
  const project = await t.app.inject({
    method: 'POST',
    url: '/api/projects',
    headers: admin.headers(true),
    payload: { title: 'Hostile project', challengeIds: [challenge.id] },
  });
  projectId = project.json().id;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/calls',
    headers: admin.headers(true),
    payload: { instrumentId: 'funding.horizon-europe.ria', title: 'Hostile call' },
  });
  callId = created.json().id;
});
afterAll(async () => t.close());

const idLike = fc.oneof(
  nasty,
  fc.constantFrom('funding.horizon-europe.ia', 'funding.erdf', 'no-such', 'kokkola'),
  anyJson,
);
const money = fc.oneof(
  fc.integer({ min: -10, max: 2_000_000_000 }),
  fc.double(),
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.constant(null),
  nasty,
  anyJson,
);
const dateLike = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-13-45T00:00:00Z', '2026-05-01', 'tomorrow', '+275760-09-13T00:00:00.000Z'),
  fc.constant(null),
  nasty,
  anyJson,
);
const callBody = fc.record(
  {
    instrumentId: idLike,
    topicId: fc.oneof(nasty, fc.constant(null), anyJson),
    title: fc.oneof(nasty, anyJson),
    description: fc.oneof(nasty, anyJson),
    deadline: dateLike,
    actionType: fc.oneof(fc.constantFrom('RIA', 'IA', 'CSA', 'EIC'), fc.constant(null), anyJson),
    budgetEur: money,
    url: fc.oneof(fc.webUrl(), nasty, fc.constant('javascript:alert(1)'), fc.constant(null)),
    conceptIds: fc.oneof(fc.array(idLike, { maxLength: 60 }), anyJson),
  },
  { requiredKeys: [] },
);
const workPackage = fc.record(
  {
    code: fc.oneof(nasty, anyJson),
    title: fc.oneof(nasty, anyJson),
    leadPartnerId: fc.oneof(idLike, fc.constant(null)),
    startMonth: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constant(null), anyJson),
    endMonth: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constant(null), anyJson),
    conceptIds: fc.oneof(fc.array(idLike, { maxLength: 40 }), anyJson),
  },
  { requiredKeys: [] },
);
const projectPatch = fc.record(
  {
    title: fc.oneof(nasty, anyJson),
    summary: fc.oneof(nasty, anyJson),
    instrumentId: fc.oneof(idLike, fc.constant(null)),
    callId: fc.oneof(idLike, fc.constant(null)),
    requestedEur: money,
    grantedEur: money,
    workPackages: fc.oneof(fc.array(workPackage, { maxLength: 35 }), anyJson),
  },
  { requiredKeys: [] },
);

function send(method: 'POST' | 'PATCH' | 'GET', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: {
      ...admin.headers(method !== 'GET'),
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}

describe('hostile input never causes a 5xx', () => {
  it('POST /api/calls and PATCH /api/calls/:id', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(callBody, anyJson), fc.oneof(callBody, anyJson), async (a, b) => {
        expectNo5xx(await send('POST', '/api/calls', a));
        expectNo5xx(await send('PATCH', `/api/calls/${callId}`, b));
      }),
      { numRuns: 80 },
    );
  });

  it('PATCH /api/projects/:id and POST /api/projects/:id/stage', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(projectPatch, anyJson),
        fc.record(
          {
            stage: fc.oneof(
              fc.constantFrom('idea', 'concept_note', 'submitted', 'funded', 'won'),
              nasty,
              anyJson,
            ),
            grantedEur: maybe(money),
          },
          { requiredKeys: [] },
        ),
        fc.oneof(fc.constant(projectId), nasty),
        async (patch, stage, id) => {
          expectNo5xx(await send('PATCH', `/api/projects/${encodeURIComponent(id)}`, patch));
          expectNo5xx(await send('POST', `/api/projects/${encodeURIComponent(id)}/stage`, stage));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('GET /api/projects, /api/calls and the KPI exports with any query string', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('stage', 'track', 'instrumentId', 'callId', 'regionId', 'q', 'upcoming', 'lang'),
          nasty,
        ),
        async (query) => {
          for (const url of ['/api/projects', '/api/calls', '/api/kpis/export.xlsx'])
            expectNo5xx(await t.app.inject({ method: 'GET', url, query, headers: admin.headers(false) }));
        },
      ),
      { numRuns: 40 },
    );
  });
});
