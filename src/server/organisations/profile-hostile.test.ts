import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { anyJson, expectNo5xx, nastyText as nasty } from '../../../test/support/hostile.ts';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/support/test-app.ts';

/**
 * Generated hostile input against the profile routes (competences, suggestions,
 * infrastructure, contacts), full-text search and the tag route: never a 5xx, always the one
 * error format.
 */
let t: TestApp;
let admin: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
});
afterAll(async () => t.close());

const localized = fc.oneof(fc.record({ fi: nasty, sv: nasty, en: nasty }, { requiredKeys: [] }), anyJson);

async function send(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { ...admin.headers(method !== 'GET'), 'content-type': 'application/json' },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}

describe('hostile input to the profile routes never causes a 5xx', () => {
  it('competences and suggestions with any concept id and body', async () => {
    await fc.assert(
      fc.asyncProperty(
        nasty,
        fc.oneof(fc.record({ strength: nasty, evidence: nasty }, { requiredKeys: [] }), anyJson),
        async (conceptId, body) => {
          const id = encodeURIComponent(conceptId) || 'x';
          expectNo5xx(await send('PUT', `/api/organisations/centria/competences/${id}`, body));
          expectNo5xx(await send('DELETE', `/api/organisations/centria/competences/${id}`));
          expectNo5xx(
            await send('POST', `/api/organisations/centria/competence-suggestions/${id}/accept`, body),
          );
          expectNo5xx(await send('POST', `/api/organisations/centria/competence-suggestions/${id}/reject`));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('infrastructure and contacts with any body and item id', async () => {
    const infrastructure = fc.record(
      {
        name: localized,
        description: localized,
        conceptIds: fc.oneof(fc.array(nasty, { maxLength: 5 }), anyJson),
        url: fc.oneof(nasty, fc.webUrl(), fc.constant(null)),
        isPublic: fc.oneof(fc.boolean(), anyJson),
      },
      { requiredKeys: [] },
    );
    const contact = fc.record(
      {
        name: nasty,
        title: fc.oneof(nasty, fc.constant(null)),
        email: fc.oneof(nasty, fc.emailAddress(), fc.constant(null)),
        phone: fc.oneof(nasty, fc.constant(null)),
        isPublic: fc.oneof(fc.boolean(), anyJson),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(infrastructure, contact, nasty, async (item, person, itemId) => {
        const id = encodeURIComponent(itemId) || 'x';
        expectNo5xx(await send('POST', '/api/organisations/centria/infrastructure', item));
        expectNo5xx(await send('PATCH', `/api/organisations/centria/infrastructure/${id}`, item));
        expectNo5xx(await send('DELETE', `/api/organisations/centria/infrastructure/${id}`));
        expectNo5xx(await send('POST', '/api/organisations/centria/contacts', person));
        expectNo5xx(await send('PATCH', `/api/organisations/centria/contacts/${id}`, person));
        expectNo5xx(await send('DELETE', `/api/organisations/centria/contacts/${id}`));
      }),
      { numRuns: 40 },
    );
  });

  it('full-text search and tagging with any text', async () => {
    await fc.assert(
      fc.asyncProperty(
        nasty,
        fc.oneof(fc.record({ text: nasty, lang: nasty }, { requiredKeys: [] }), anyJson),
        async (q, body) => {
          expectNo5xx(
            await t.app.inject({ method: 'GET', url: '/api/organisations', query: { q: q.slice(0, 500) } }),
          );
          expectNo5xx(
            await t.app.inject({
              method: 'POST',
              url: '/api/concepts/tag',
              payload: JSON.stringify(body),
              headers: { 'content-type': 'application/json' },
            }),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
