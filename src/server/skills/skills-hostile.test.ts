import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { anyJson, expectNo5xx, maybe, nastyText as nasty } from '../../../test/support/hostile.ts';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/support/test-app.ts';
import { createRound, invite } from './skills-test-kit.ts';

/**
 * Generated hostile input against every skills route — rounds, respondents, the respondent's
 * survey (any token, any answers), programmes, gap views and exports: never a 5xx, always the
 * one error format.
 */
let t: TestApp;
type Client = Awaited<ReturnType<typeof signIn>>;
let admin: Client;
let roundId: string;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
  roundId = (await createRound(t, admin, { regionId: null })).id;
  token = (await invite(t, admin, roundId, [{ organisationId: 'umicore-finland' }]))[0]!.token;
});
afterAll(async () => t.close());

const id = fc.oneof(fc.constantFrom('job-role.chemical-engineer', 'cam', 'kokkola', ''), nasty, anyJson);
const count = fc.oneof(fc.integer({ min: -5, max: 200_000 }), fc.double(), nasty, anyJson, fc.constant(null));
const localized = fc.oneof(
  fc.record({ fi: maybe(nasty), sv: maybe(nasty), en: maybe(nasty) }, { requiredKeys: [] }),
  anyJson,
);

const roundBody = fc.record(
  {
    title: localized,
    intro: localized,
    regionId: fc.oneof(fc.constantFrom('kokkola', 'vaasa', 'atlantis'), fc.constant(null), nasty),
    instrument: fc.oneof(
      fc.record(
        {
          roleIds: fc.oneof(fc.array(id, { maxLength: 5 }), anyJson),
          skillIds: fc.oneof(fc.array(id, { maxLength: 5 }), anyJson),
          eqfLevels: fc.oneof(fc.array(count, { maxLength: 5 }), anyJson),
          askRecruitmentDifficulty: fc.oneof(fc.boolean(), anyJson),
          askFreeText: fc.oneof(fc.boolean(), anyJson),
        },
        { requiredKeys: [] },
      ),
      anyJson,
    ),
    status: fc.oneof(fc.constantFrom('draft', 'open', 'closed', 'deleted'), nasty),
    opensAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      nasty,
      anyJson,
    ),
    closesAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      nasty,
      anyJson,
    ),
  },
  { requiredKeys: [] },
);

const answerBody = fc.record(
  {
    answers: fc.oneof(
      fc.array(
        fc.record(
          {
            roleId: id,
            skillIds: fc.oneof(fc.array(id, { maxLength: 3 }), anyJson),
            eqfLevel: count,
            regionId: id,
            headcountNow: count,
            headcount1to3: count,
            headcount3to5: count,
            recruitmentDifficulty: count,
            freeText: fc.oneof(nasty, anyJson),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      ),
      anyJson,
    ),
    submit: fc.oneof(fc.boolean(), anyJson),
  },
  { requiredKeys: [] },
);

const programmeBody = fc.record(
  {
    organisationId: fc.oneof(fc.constantFrom('centria', 'uef', 'nope'), nasty),
    kind: fc.oneof(fc.constantFrom('programme', 'module'), nasty),
    name: localized,
    level: fc.oneof(fc.constantFrom('vocational', 'applied_sciences', 'university', 'continuing'), nasty),
    eqfLevel: count,
    regionId: fc.oneof(fc.constantFrom('kokkola', 'atlantis'), fc.constant(null), nasty),
    yearlyIntake: count,
    yearlyGraduates: count,
    roleIds: fc.oneof(fc.array(id, { maxLength: 3 }), anyJson),
    competenceIds: fc.oneof(fc.array(id, { maxLength: 3 }), anyJson),
    credits: count,
    creditUnit: fc.oneof(fc.constantFrom('osp', 'ects', 'parsec'), anyJson),
    url: fc.oneof(fc.webUrl(), nasty),
    isPublic: fc.oneof(fc.boolean(), anyJson),
    sources: fc.oneof(fc.array(fc.webUrl(), { maxLength: 2 }), anyJson),
  },
  { requiredKeys: [] },
);

describe('hostile input to the skills routes never causes a 5xx', () => {
  it('POST and PATCH /api/survey-rounds with any body', async () => {
    await fc.assert(
      fc.asyncProperty(roundBody, async (body) => {
        for (const [method, url] of [
          ['POST', '/api/survey-rounds'],
          ['PATCH', `/api/survey-rounds/${roundId}`],
        ] as const)
          expectNo5xx(await t.app.inject({ method, url, headers: admin.headers(true), payload: body }));
      }),
      { numRuns: 80 },
    );
  });

  it('respondents, revocation and reminders with any body and id', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record(
            {
              respondents: fc.oneof(
                fc.array(
                  fc.record(
                    {
                      organisationId: fc.oneof(fc.constantFrom('keliber', 'nope'), nasty),
                      email: fc.oneof(fc.emailAddress(), nasty, fc.constant(null)),
                      language: fc.oneof(fc.constantFrom('fi', 'sv', 'en', 'de'), nasty),
                    },
                    { requiredKeys: [] },
                  ),
                  { maxLength: 3 },
                ),
                anyJson,
              ),
              expiresInDays: count,
            },
            { requiredKeys: [] },
          ),
          anyJson,
        ),
        nasty,
        async (body, someId) => {
          const enc = encodeURIComponent(someId);
          for (const [method, url, payload] of [
            ['POST', `/api/survey-rounds/${roundId}/respondents`, body],
            ['POST', `/api/survey-rounds/${enc}/respondents`, body],
            ['GET', `/api/survey-rounds/${enc}/respondents`, undefined],
            ['POST', `/api/survey-rounds/${roundId}/respondents/${enc}/revoke`, undefined],
            ['POST', `/api/survey-rounds/${enc}/reminders`, undefined],
            ['GET', `/api/survey-rounds/${enc}`, undefined],
          ] as const)
            expectNo5xx(
              await t.app.inject({
                method,
                url,
                headers: admin.headers(method !== 'GET'),
                ...(payload === undefined ? {} : { payload: payload as object }),
              }),
            );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('GET and PUT /api/survey with any token and any answers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant(token),
          nasty.map((s) => `kenno_srv_${s}`),
          nasty,
        ),
        answerBody,
        async (given, body) => {
          // A header value must be a legal HTTP header: control characters are refused by the client.
          const header = /^[\x20-\x7e]*$/.test(given) ? { 'x-survey-token': given } : {};
          expectNo5xx(await t.app.inject({ method: 'GET', url: '/api/survey', headers: header }));
          expectNo5xx(
            await t.app.inject({ method: 'PUT', url: '/api/survey', headers: header, payload: body }),
          );
        },
      ),
      { numRuns: 80 },
    );
  });

  it('training programmes with any body, id and query', async () => {
    await fc.assert(
      fc.asyncProperty(
        programmeBody,
        nasty,
        fc.dictionary(fc.constantFrom('region', 'level', 'organisation', 'x'), nasty),
        async (body, someId, query) => {
          const enc = encodeURIComponent(someId);
          expectNo5xx(
            await t.app.inject({
              method: 'POST',
              url: '/api/training-programmes',
              headers: admin.headers(true),
              payload: body,
            }),
          );
          expectNo5xx(
            await t.app.inject({
              method: 'PATCH',
              url: '/api/training-programmes/centria.insinoori-amk-kemiantekniikka',
              headers: admin.headers(true),
              payload: body,
            }),
          );
          expectNo5xx(
            await t.app.inject({
              method: 'PATCH',
              url: `/api/training-programmes/${enc}`,
              headers: admin.headers(true),
              payload: body,
            }),
          );
          expectNo5xx(await t.app.inject({ method: 'GET', url: `/api/training-programmes/${enc}` }));
          expectNo5xx(
            await t.app.inject({
              method: 'DELETE',
              url: `/api/training-programmes/${enc}`,
              headers: admin.headers(true),
            }),
          );
          expectNo5xx(await t.app.inject({ method: 'GET', url: '/api/training-programmes', query }));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gap views, trends and exports with any query string', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('round', 'region', 'eqf', 'role', 'horizon', 'groupBy', 'format', 'lang', 'x'),
          fc.oneof(
            nasty,
            fc.constantFrom(
              'role,eqf',
              'region,horizon',
              'role,role',
              'eqf,,',
              '1-3',
              'now',
              '9',
              'xlsx',
              'csv',
              'sv',
              roundId,
            ),
          ),
        ),
        async (query) => {
          for (const url of ['/api/skills/gaps', '/api/skills/gaps/trend', '/api/skills/gaps/export'])
            expectNo5xx(await t.app.inject({ method: 'GET', url, query }));
        },
      ),
      { numRuns: 60 },
    );
  });
});
