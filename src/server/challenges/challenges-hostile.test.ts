import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { anyJson, expectNo5xx, maybe, nastyText as nasty } from '../../../test/support/hostile.ts';
import { type Person, person, submitChallenge } from '../../../test/support/challenge-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

/** Generated hostile input against every JSON route of the challenges module: never a 5xx. */
let t: TestApp;
let admin: Person;
let member: Person;
let challengeId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await person(t, 'admin');
  member = await person(t, 'member', { organisationId: 'centria' });
  challengeId = (await submitChallenge(t, member)).id;
});
afterAll(async () => t.close());

const idLike = fc.oneof(
  nasty,
  fc.constantFrom('kokkola', 'centria', 'recycling', 'cam.nmc', 'no-such'),
  anyJson,
);
const challengeBody = fc.record(
  {
    title: fc.oneof(nasty, anyJson),
    description: fc.oneof(nasty, anyJson),
    language: fc.oneof(fc.constantFrom('fi', 'sv', 'en', 'de'), nasty, anyJson),
    regionId: fc.oneof(idLike, fc.constant(null)),
    organisationId: fc.oneof(idLike, fc.constant(null)),
    conceptIds: fc.oneof(fc.array(idLike, { maxLength: 40 }), anyJson),
    trlNow: fc.oneof(fc.integer({ min: -3, max: 12 }), fc.double(), fc.constant(null), anyJson),
    trlWanted: fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constant(null), anyJson),
    horizon: fc.oneof(fc.constantFrom('short', 'medium', 'long', 'never'), fc.constant(null), anyJson),
    isPublic: fc.oneof(fc.boolean(), anyJson),
    status: fc.oneof(
      fc.constantFrom('new', 'validated', 'common', 'in_project', 'merged', 'rejected'),
      nasty,
    ),
  },
  { requiredKeys: [] },
);
const scores = fc.oneof(
  fc.dictionary(
    fc.oneof(fc.constantFrom('industry-relevance', 'trl-gap', '__proto__', 'constructor'), nasty),
    fc.oneof(fc.integer({ min: -10, max: 10 }), fc.double(), anyJson),
  ),
  anyJson,
);
const localized = fc.oneof(fc.record({ fi: maybe(nasty), sv: maybe(nasty), en: maybe(nasty) }), anyJson);

const send = async (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET', url: string, payload?: unknown) =>
  expectNo5xx(
    await t.app.inject({
      method,
      url,
      headers: { ...admin.headers(method !== 'GET'), 'content-type': 'application/json' },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    }),
  );

describe('hostile input to the challenges routes never causes a 5xx', () => {
  it('GET /api/challenges and /api/challenges/ranking with any query string', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(
            'q',
            'region',
            'concept',
            'status',
            'language',
            'organisation',
            'sort',
            'limit',
            'offset',
          ),
          nasty,
        ),
        async (query) => {
          const qs = new URLSearchParams(query).toString();
          await send('GET', `/api/challenges?${qs}`);
          await send('GET', `/api/challenges/ranking?${qs}`);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('any id in the path of every challenge route', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, async (raw) => {
        const id = encodeURIComponent(raw);
        await send('GET', `/api/challenges/${id}`);
        await send('GET', `/api/challenges/${id}/comments`);
        await send('GET', `/api/challenges/${id}/evaluation`);
        await send('PUT', `/api/challenges/${id}/support`);
        await send('DELETE', `/api/challenges/${id}/follow`);
        await send('GET', `/api/projects/${id}`);
        await send('DELETE', `/api/evaluation-criteria/${id}`);
      }),
      { numRuns: 40 },
    );
  });

  it('POST and PATCH /api/challenges with any body', async () => {
    await fc.assert(
      fc.asyncProperty(challengeBody, async (body) => {
        await send('POST', '/api/challenges', body);
        await send('PATCH', `/api/challenges/${challengeId}`, body);
      }),
      { numRuns: 80 },
    );
  });

  it('well-formed challenges and comments whose texts are hostile', async () => {
    await fc.assert(
      fc.asyncProperty(
        nasty,
        nasty,
        fc.constantFrom('fi', 'sv', 'en'),
        async (title, description, language) => {
          const body = { title: `T ${title}`, description: `Description ${description}`, language };
          await send('POST', '/api/challenges', body);
          await send('PATCH', `/api/challenges/${challengeId}`, {
            title: body.title,
            description: body.description,
          });
          await send('POST', `/api/challenges/${challengeId}/comments`, { body: description });
          await send('GET', `/api/challenges?q=${encodeURIComponent(title)}`);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('comments, merges, evaluations and project ideas with any body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.record({ body: fc.oneof(nasty, anyJson) }, { requiredKeys: [] }), anyJson),
        fc.oneof(fc.record({ targetId: idLike }, { requiredKeys: [] }), anyJson),
        fc.oneof(fc.record({ scores, note: fc.oneof(nasty, anyJson) }, { requiredKeys: [] }), anyJson),
        fc.oneof(
          fc.record(
            {
              title: fc.oneof(nasty, anyJson),
              summary: fc.oneof(nasty, anyJson),
              sourceClusterId: fc.oneof(idLike, fc.constant(null)),
              challengeIds: fc.oneof(fc.array(idLike, { maxLength: 5 }), anyJson),
            },
            { requiredKeys: [] },
          ),
          anyJson,
        ),
        async (comment, merge, evaluation, project) => {
          await send('POST', `/api/challenges/${challengeId}/comments`, comment);
          await send('POST', `/api/challenges/${challengeId}/merge`, merge);
          await send('PUT', `/api/challenges/${challengeId}/evaluation`, evaluation);
          await send('POST', '/api/projects', project);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('evaluation criteria and notifications with any body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record(
            {
              label: localized,
              description: localized,
              weight: fc.oneof(fc.double(), fc.integer(), anyJson),
              maxScore: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double(), anyJson),
              position: fc.oneof(fc.integer(), anyJson),
              active: fc.oneof(fc.boolean(), anyJson),
            },
            { requiredKeys: [] },
          ),
          anyJson,
        ),
        fc.oneof(fc.record({ ids: fc.oneof(fc.array(nasty, { maxLength: 5 }), anyJson) }), anyJson),
        async (criterion, read) => {
          await send('POST', '/api/evaluation-criteria', criterion);
          await send('PATCH', '/api/evaluation-criteria/trl-gap', criterion);
          await send('POST', '/api/notifications/read', read);
        },
      ),
      { numRuns: 60 },
    );
  });
});
