import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { anyJson, expectNo5xx, maybe, nastyText as nasty } from '../../../test/support/hostile.ts';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/support/test-app.ts';

/**
 * Generated hostile input against every JSON route of teachers, host offers, working-life
 * periods and continuing education, as an admin (who gets furthest) and as a member:
 * nothing may produce a 5xx, and every error keeps the one error format.
 */
let t: TestApp;
let admin: Awaited<ReturnType<typeof signIn>>;
let member: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
  member = await signIn(t.app, (await buildUser(t.database, 'member', { organisationId: 'centria' })).email);
});
afterAll(async () => t.close());

const anyInt = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1e308, Number.NaN), nasty, anyJson);
const anyBoolean = fc.oneof(fc.boolean(), nasty, anyJson);
const someDay = fc.oneof(
  fc.constantFrom(
    '2027-03-01',
    '2027-02-30',
    '2027-13-01',
    '1999-12-31',
    '2101-01-01',
    '2027-3-1',
    '20270301',
  ),
  nasty,
  fc.constant(null),
  anyJson,
);
const localized = fc.oneof(fc.record({ fi: maybe(nasty), sv: maybe(nasty), en: maybe(nasty) }), anyJson);
const someId = (known: string[]) =>
  fc.oneof(fc.constantFrom(...known, 'nope'), nasty, fc.constant(null), anyJson);
const list = <T>(item: fc.Arbitrary<T>) => fc.oneof(fc.array(item, { maxLength: 5 }), anyJson);
const languages = list(fc.oneof(fc.constantFrom('fi', 'sv', 'en', 'de'), nasty));
const concepts = list(fc.oneof(fc.constantFrom('recycling.hydromet', 'pcam', 'no.such'), nasty));

const teacherBody = fc.record(
  {
    name: fc.oneof(nasty, anyJson),
    email: fc.oneof(fc.emailAddress(), nasty, fc.constant(null)),
    organisationId: someId(['centria', 'uef', 'hidden']),
    regionId: someId(['kokkola', 'atlantis']),
    subjects: nasty,
    developmentGoals: nasty,
    conceptIds: concepts,
    languages,
    isSelf: anyBoolean,
  },
  { requiredKeys: [] },
);
const offerBody = fc.record(
  {
    organisationId: someId(['umicore-finland', 'centria']),
    regionId: someId(['kokkola', 'atlantis']),
    title: localized,
    description: localized,
    conceptIds: concepts,
    languages,
    capacity: anyInt,
    durationWeeks: anyInt,
    availableFrom: someDay,
    availableTo: someDay,
    isActive: anyBoolean,
  },
  { requiredKeys: [] },
);
const periodBody = fc.record(
  {
    teacherId: someId(['demo-teacher-centria-chemistry']),
    offerId: someId(['demo-offer-umicore-kokkola', 'demo-offer-keliber-kip']),
    hostOrganisationId: someId(['umicore-finland', 'keliber']),
    status: fc.oneof(fc.constantFrom('planned', 'ongoing', 'completed', 'cancelled', 'paused'), nasty),
    startDate: someDay,
    endDate: someDay,
    goals: nasty,
    supervisorName: nasty,
    supervisorEmail: fc.oneof(fc.emailAddress(), nasty, fc.constant(null)),
  },
  { requiredKeys: [] },
);
const followUpBody = fc.record(
  {
    goalsAchieved: fc.oneof(nasty, anyJson),
    outcomes: nasty,
    changesToTeaching: nasty,
    days: anyInt,
    rating: anyInt,
    submittedAt: nasty,
  },
  { requiredKeys: [] },
);
const interestBody = fc.record(
  {
    contactName: fc.oneof(nasty, anyJson),
    contactEmail: fc.oneof(fc.emailAddress(), nasty, fc.constant(null)),
    headcount: anyInt,
    message: nasty,
  },
  { requiredKeys: [] },
);

async function send(method: 'POST' | 'PATCH', url: string, payload: unknown) {
  for (const who of [admin, member])
    expectNo5xx(
      await t.app.inject({
        method,
        url,
        headers: { ...who.headers(true), 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      }),
    );
}

describe('hostile input to working-life and continuing-education routes never causes a 5xx', () => {
  it('GET routes with any path id and query string', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/teachers',
          '/api/teachers/demo-teacher-centria-chemistry/matches',
          '/api/host-offers',
          '/api/working-life-periods',
          '/api/working-life/summary',
          '/api/continuing-education',
          '/api/continuing-education/interests',
        ),
        fc.dictionary(
          fc.constantFrom(
            'from',
            'to',
            'includeExcluded',
            'region',
            'organisation',
            'concept',
            'teacher',
            'status',
            'language',
            'delivery',
            'q',
          ),
          fc.oneof(
            nasty,
            fc.constantFrom('2027-01-01', '2027-02-30', 'true', 'online', 'kokkola', 'planned'),
          ),
        ),
        async (url, query) => {
          expectNo5xx(await t.app.inject({ method: 'GET', url, query }));
          expectNo5xx(await t.app.inject({ method: 'GET', url, query, headers: admin.headers(false) }));
        },
      ),
      { numRuns: 120 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/teachers/', '/api/host-offers/', '/api/working-life-periods/'),
        nasty,
        async (prefix, id) => {
          const url = `${prefix}${encodeURIComponent(id)}`;
          expectNo5xx(await t.app.inject({ method: 'GET', url, headers: admin.headers(false) }));
          expectNo5xx(
            await t.app.inject({ method: 'GET', url: `${url}/matches`, headers: admin.headers(false) }),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('teacher profiles', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(teacherBody, anyJson), async (body) => {
        await send('POST', '/api/teachers', body);
        await send('PATCH', '/api/teachers/demo-teacher-centria-chemistry', body);
      }),
      { numRuns: 80 },
    );
  });

  it('host offers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(offerBody, anyJson), async (body) => {
        await send('POST', '/api/host-offers', body);
        await send('PATCH', '/api/host-offers/demo-offer-keliber-kip', body);
      }),
      { numRuns: 80 },
    );
  });

  it('periods and follow-up reports', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(periodBody, anyJson),
        fc.oneof(followUpBody, anyJson),
        async (body, report) => {
          await send('POST', '/api/working-life-periods', body);
          await send('PATCH', '/api/working-life-periods/demo-period-novia-wartsila', body);
          await send('POST', '/api/working-life-periods/demo-period-centria-umicore/follow-up', report);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('enrolment interest', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant('centria.akkukemia-ja-akkumateriaalit-taydennyskoulutus'), nasty),
        fc.oneof(interestBody, anyJson),
        async (id, body) => {
          await send('POST', `/api/continuing-education/${encodeURIComponent(id)}/interest`, body);
        },
      ),
      { numRuns: 80 },
    );
  });
});
