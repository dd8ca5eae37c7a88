import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/support/test-app.ts';

/**
 * Generated hostile input against the import routes: files of random bytes (some dressed as
 * ZIP, XLSX or CSV), random mappings and ids. Nothing may produce a 5xx, and every error keeps
 * the one error format.
 */
let t: TestApp;
let admin: Awaited<ReturnType<typeof signIn>>;
let uploadedId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
  const form = new FormData();
  form.append('kind', 'organisations');
  form.append('file', new Blob(['Nimi;Tyyppi\nA Oy;Yritys\n']), 'a.csv');
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/imports',
    headers: admin.headers(true),
    payload: form,
  });
  uploadedId = response.json().id;
});
afterAll(async () => t.close());

function expectNo5xx(response: { statusCode: number; body: string }) {
  expect(response.statusCode, response.body).toBeLessThan(500);
  if (response.statusCode >= 400) {
    expect(JSON.parse(response.body)).toEqual({
      error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
    });
  }
}

const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '=cmd|"/C calc"!A0',
    '\u0000',
    '../../etc/passwd',
    '%',
    '"',
    ';;;',
    '\r\n\r\n',
    'a'.repeat(5000),
  ),
);

const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.uint8Array({ maxLength: 500 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
  fc
    .array(fc.array(nasty, { maxLength: 5 }), { maxLength: 6 })
    .map((rows) => new TextEncoder().encode(rows.map((r) => r.join(';')).join('\n'))),
  fc
    .array(fc.array(fc.string(), { maxLength: 4 }), { maxLength: 4 })
    .map((rows) =>
      new TextEncoder().encode(`Nimi;Tyyppi;Y-tunnus\n${rows.map((r) => r.join(';')).join('\n')}`),
    ),
);

describe('hostile input to the import routes never causes a 5xx', () => {
  it('POST /api/imports', async () => {
    await fc.assert(
      fc.asyncProperty(
        fileBytes,
        fc.option(fc.oneof(fc.constant('organisations'), nasty), { nil: undefined }),
        fc.option(
          fc.oneof(
            nasty,
            fc.jsonValue().map((v) => JSON.stringify(v)),
          ),
          { nil: undefined },
        ),
        nasty,
        async (bytes, kind, mapping, fileName) => {
          const form = new FormData();
          if (kind !== undefined) form.append('kind', kind);
          if (mapping !== undefined) form.append('mapping', mapping);
          form.append('file', new Blob([new Uint8Array(bytes)]), fileName || 'x');
          expectNo5xx(
            await t.app.inject({
              method: 'POST',
              url: '/api/imports',
              headers: admin.headers(true),
              payload: form,
            }),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('POST /api/imports/:id/commit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constant(uploadedId),
          nasty.filter((s) => s.length > 0 && s.length < 100),
        ),
        fc.oneof(
          fc.record({
            mapping: fc.dictionary(nasty, nasty),
            saveMappingAs: fc.option(nasty, { nil: undefined }),
          }),
          fc.jsonValue(),
        ),
        async (id, body) => {
          const response = await t.app.inject({
            method: 'POST',
            url: `/api/imports/${encodeURIComponent(id)}/commit`,
            headers: admin.headers(true),
            payload: body as object,
          });
          expectNo5xx(response);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('GET /api/organisations/export', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            format: fc.oneof(fc.constantFrom('csv', 'xlsx'), nasty),
            q: nasty,
            region: nasty,
            type: nasty,
            concept: nasty,
          },
          { requiredKeys: [] },
        ),
        async (query) => {
          const search = new URLSearchParams(query as Record<string, string>).toString();
          expectNo5xx(await t.app.inject({ url: `/api/organisations/export?${search}` }));
        },
      ),
      { numRuns: 100 },
    );
  });
});
