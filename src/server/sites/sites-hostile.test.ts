import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { anyJson, expectNo5xx, maybe, nastyText as nasty } from '../../../test/support/hostile.ts';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/support/test-app.ts';

/**
 * Generated hostile input against every JSON route of sites, services, supply links and
 * symbiosis: nothing may produce a 5xx, and every error keeps the one error format.
 */
let t: TestApp;
let admin: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
});
afterAll(async () => t.close());

const anyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(-1, 0, 1e308, Number.NaN),
  nasty,
  anyJson,
);
const anyBoolean = fc.oneof(fc.boolean(), nasty, anyJson);
const localized = fc.oneof(fc.record({ fi: maybe(nasty), sv: maybe(nasty), en: maybe(nasty) }), anyJson);
const someId = fc.oneof(
  fc.constantFrom('kip', 'centria', 'hidden', 'nope'),
  nasty,
  fc.constant(null),
  anyJson,
);
const list = <T>(item: fc.Arbitrary<T>) => fc.oneof(fc.array(item, { maxLength: 5 }), anyJson);

const siteBody = fc.record(
  {
    name: fc.oneof(nasty, anyJson),
    regionId: fc.oneof(fc.constantFrom('kokkola', 'atlantis'), nasty, fc.constant(null)),
    operatorOrganisationId: someId,
    municipality: fc.oneof(nasty, fc.constant(null)),
    lat: anyNumber,
    lon: anyNumber,
    status: fc.oneof(fc.constantFrom('operating', 'planned', 'sleeping'), nasty),
    description: localized,
    totalAreaHa: anyNumber,
    availableAreaHa: anyNumber,
    plots: list(
      fc.record({ id: nasty, areaHa: anyNumber, zoning: nasty, available: anyBoolean }, { requiredKeys: [] }),
    ),
    utilities: list(
      fc.record(
        {
          kind: fc.oneof(fc.constantFrom('electricity', 'steam', 'coffee'), nasty),
          capacity: anyNumber,
          capacityUnit: nasty,
          price: anyNumber,
          priceUnit: nasty,
          note: nasty,
        },
        { requiredKeys: [] },
      ),
    ),
    fairwayDepthM: anyNumber,
    rail: fc.oneof(anyBoolean, fc.constant(null)),
    chemicalsHandling: fc.oneof(anyBoolean, fc.constant(null)),
    permitStatus: fc.oneof(fc.constantFrom('zoned', 'seveso_ready', 'granted'), nasty, fc.constant(null)),
    sharedServices: list(nasty),
    tenantOrganisationIds: list(someId),
    contacts: list(fc.record({ name: nasty, email: nasty, phone: nasty }, { requiredKeys: [] })),
    sources: list(fc.oneof(fc.webUrl(), nasty)),
    isPublic: anyBoolean,
  },
  { requiredKeys: [] },
);

const requirement = (value: fc.Arbitrary<unknown>) =>
  fc.oneof(
    fc.record(
      { value, hard: anyBoolean, weight: fc.oneof(fc.integer({ min: -2, max: 8 }), nasty, anyJson) },
      { requiredKeys: [] },
    ),
    anyJson,
  );
const matchBody = fc.oneof(
  fc.record(
    {
      requirements: fc.oneof(
        fc.record(
          {
            landHa: requirement(anyNumber),
            electricityMw: requirement(anyNumber),
            coolingWater: requirement(fc.oneof(anyNumber, anyBoolean)),
            rail: requirement(anyBoolean),
            permit: requirement(fc.oneof(fc.constantFrom('zoned', 'eia_done', 'x'), nasty)),
            readyWithinMonths: requirement(anyNumber),
            regionIds: requirement(list(nasty)),
            unknownKey: requirement(anyNumber),
          },
          { requiredKeys: [] },
        ),
        anyJson,
      ),
      includeExcluded: anyBoolean,
    },
    { requiredKeys: [] },
  ),
  anyJson,
);

const serviceBody = fc.record(
  {
    organisationId: someId,
    category: fc.oneof(fc.constantFrom('logistics', 'training', 'catering'), nasty),
    description: localized,
    conceptIds: list(nasty),
    regionIds: list(nasty),
    isPublic: anyBoolean,
  },
  { requiredKeys: [] },
);

const linkBody = fc.record(
  {
    supplierId: someId,
    customerId: someId,
    what: localized,
    category: fc.oneof(fc.constantFrom('logistics', 'x'), nasty, fc.constant(null)),
    conceptIds: list(nasty),
    sources: list(fc.oneof(fc.webUrl(), nasty)),
    isPublic: anyBoolean,
  },
  { requiredKeys: [] },
);

const streamBody = fc.record(
  {
    organisationId: someId,
    siteId: someId,
    direction: fc.oneof(fc.constantFrom('offer', 'need', 'swap'), nasty),
    streamType: fc.oneof(fc.constantFrom('steam', 'waste_heat', 'plutonium'), nasty),
    label: localized,
    quantity: anyNumber,
    unit: fc.oneof(fc.constantFrom('t/h', 'GWh/a', 'm3/h', 'parsecs'), nasty),
    quality: nasty,
    lat: anyNumber,
    lon: anyNumber,
    availability: fc.oneof(fc.constantFrom('continuous', 'batch', 'sometimes'), nasty),
    availableFrom: fc.oneof(fc.constantFrom('2027', '2027-13', '2027-02-30'), nasty),
    isPublic: anyBoolean,
  },
  { requiredKeys: [] },
);

async function json(method: 'POST' | 'PATCH', url: string, payload: unknown) {
  expectNo5xx(
    await t.app.inject({
      method,
      url,
      headers: { ...admin.headers(true), 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    }),
  );
}

describe('hostile input to sites, services and symbiosis never causes a 5xx', () => {
  it('GET list routes with any query string', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/sites',
          '/api/services',
          '/api/supply-chain',
          '/api/symbiosis/streams',
          '/api/symbiosis/matches',
          '/api/sites/compare',
        ),
        fc.dictionary(
          fc.constantFrom(
            'q',
            'region',
            'category',
            'concept',
            'organisation',
            'type',
            'direction',
            'streamId',
            'limit',
            'ids',
          ),
          fc.oneof(nasty, fc.constantFrom('kip,harjavalta', 'kip,kip', 'steam', '0', '-1', 'kip,a,b,c,d')),
        ),
        async (url, query) => {
          expectNo5xx(await t.app.inject({ method: 'GET', url, query }));
          expectNo5xx(await t.app.inject({ method: 'GET', url, query, headers: admin.headers(false) }));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('GET, PATCH and DELETE by any id', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/sites/', '/api/services/', '/api/supply-links/', '/api/symbiosis/streams/'),
        nasty,
        async (base, id) => {
          const url = `${base}${encodeURIComponent(id)}`;
          expectNo5xx(await t.app.inject({ method: 'GET', url }));
          expectNo5xx(await t.app.inject({ method: 'DELETE', url, headers: admin.headers(true) }));
          if (!base.includes('supply-links')) await json('PATCH', url, { isPublic: true });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('POST and PATCH /api/sites, POST /api/sites/match with any body', async () => {
    await fc.assert(
      fc.asyncProperty(siteBody, matchBody, async (site, match) => {
        await json('POST', '/api/sites', site);
        await json('PATCH', '/api/sites/kip', site);
        await json('POST', '/api/sites/match', match);
      }),
      { numRuns: 80 },
    );
  });

  it('POST and PATCH /api/services and POST /api/supply-links with any body', async () => {
    await fc.assert(
      fc.asyncProperty(serviceBody, linkBody, async (service, link) => {
        await json('POST', '/api/services', service);
        await json('PATCH', '/api/services/centria-training', service);
        await json('POST', '/api/supply-links', link);
      }),
      { numRuns: 80 },
    );
  });

  it('POST and PATCH /api/symbiosis/streams with any body', async () => {
    await fc.assert(
      fc.asyncProperty(streamBody, async (stream) => {
        await json('POST', '/api/symbiosis/streams', stream);
        await json('PATCH', '/api/symbiosis/streams/hycamite-hydrogen', stream);
      }),
      { numRuns: 80 },
    );
  });

  it('bodies that are not objects, and malformed JSON', async () => {
    for (const url of [
      '/api/sites',
      '/api/sites/match',
      '/api/services',
      '/api/supply-links',
      '/api/symbiosis/streams',
    ]) {
      for (const payload of ['{"name":', 'null', '[]', '"x"', '42', 'true']) {
        expectNo5xx(
          await t.app.inject({
            method: 'POST',
            url,
            headers: { ...admin.headers(true), 'content-type': 'application/json' },
            payload,
          }),
        );
      }
    }
  });
});
