import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../db/queries/organisations.ts';
import { MODULE_MATRICES } from '../../test/support/module-matrices.ts';
import {
  all,
  type Case,
  EVERYONE,
  type MatrixFixture,
  signedIn,
  type Who,
} from '../../test/support/permission-matrix.ts';
import { bearerFor, buildUser, createTestApp, signIn, type TestApp } from '../../test/support/test-app.ts';

/**
 * Every API route × every role, checked against the permission table of PRODUCT.md.
 * `centria` is a public Kokkola organisation; `hidden-kokkola` a private one.
 * A row the caller may not read answers 404 (its existence is not revealed).
 */
const REGISTRY_TABLE: Case[] = [
  { method: 'GET', url: '/api/me/data', route: '/api/me/data', expect: signedIn(200) },
  // The wrong password: erasing needs it, whoever asks (the right one is tested in personal-data.test.ts).
  {
    method: 'DELETE',
    url: '/api/me',
    route: '/api/me',
    body: () => ({ password: 'not-the-password' }),
    expect: all(401),
  },
  {
    method: 'GET',
    url: '/api/admin/backup',
    route: '/api/admin/backup',
    expect: signedIn(403, { admin: 200, adminToken: 200 }),
  },
  { method: 'GET', url: '/api/health', route: '/api/health', expect: all(200) },
  { method: 'GET', url: '/api/session', route: '/api/session', expect: all(200) },
  { method: 'GET', url: '/api/regions', route: '/api/regions', expect: all(200) },
  { method: 'GET', url: '/api/concepts?scheme=value-chain', route: '/api/concepts', expect: all(200) },
  { method: 'GET', url: '/api/organisations', route: '/api/organisations', expect: all(200) },
  { method: 'GET', url: '/api/organisations/centria', route: '/api/organisations/:id', expect: all(200) },
  {
    method: 'GET',
    url: '/api/organisations/hidden-kokkola',
    route: '/api/organisations/:id',
    expect: all(404, { memberHidden: 200, coordKokkola: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'PATCH',
    url: '/api/organisations/centria',
    route: '/api/organisations/:id',
    body: () => ({ municipality: 'Kokkola' }),
    expect: signedIn(403, { memberCentria: 200, coordKokkola: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'PATCH',
    url: '/api/organisations/hidden-kokkola',
    route: '/api/organisations/:id',
    body: () => ({ municipality: 'Kokkola' }),
    expect: signedIn(404, { memberHidden: 200, coordKokkola: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'POST',
    url: '/api/organisations',
    route: '/api/organisations',
    body: () => ({ name: `Matrix Oy ${Math.random()}`, type: 'company', regionId: 'kokkola' }),
    expect: signedIn(403, { coordKokkola: 201, admin: 201, adminToken: 201 }),
  },
  {
    method: 'DELETE',
    url: '/api/organisations/:fresh',
    route: '/api/organisations/:id',
    fresh: async (who, { t }) => {
      const id = `fresh-${who}-${Date.now()}`;
      await createOrganisation(t.database.db, { kind: 'system' } as never, id, {
        name: id,
        type: 'company',
        regionId: 'kokkola',
      });
      return id;
    },
    expect: signedIn(403, { coordKokkola: 204, admin: 204, adminToken: 204 }),
  },
  { method: 'DELETE', url: '/api/session', route: '/api/session', expect: all(204) },
  {
    method: 'POST',
    url: '/api/tokens',
    route: '/api/tokens',
    body: () => ({ name: 'matrix' }),
    expect: signedIn(201),
  },
  { method: 'GET', url: '/api/tokens', route: '/api/tokens', expect: signedIn(200) },
  {
    method: 'DELETE',
    url: '/api/tokens/00000000-0000-4000-8000-000000000000',
    route: '/api/tokens/:id',
    expect: signedIn(404),
  },
  {
    method: 'POST',
    url: '/api/session',
    route: '/api/session',
    body: (who) => ({ email: `nobody-${who}@example.org`, password: 'x' }),
    expect: all(401),
  },
  // ── Registry profile parts: competences, suggestions, infrastructure, contacts; tagging ──
  // Whoever may edit an organisation may edit these. Item ids that do not exist answer 404 to
  // editors and 403 to others (the permission is checked first); writes that succeed are in
  // src/server/organisations/profile.test.ts, role by role.
  {
    method: 'PUT',
    url: '/api/organisations/centria/competences/cam',
    route: '/api/organisations/:id/competences/:conceptId',
    body: () => ({ strength: 'interest' }),
    expect: signedIn(403, { memberCentria: 200, coordKokkola: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'PUT',
    url: '/api/organisations/hidden-kokkola/competences/cam',
    route: '/api/organisations/:id/competences/:conceptId',
    body: () => ({ strength: 'interest' }),
    expect: signedIn(404, { memberHidden: 200, coordKokkola: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'DELETE',
    url: '/api/organisations/centria/competences/cam',
    route: '/api/organisations/:id/competences/:conceptId',
    expect: signedIn(403, { memberCentria: 204, coordKokkola: 204, admin: 204, adminToken: 204 }),
  },
  {
    method: 'GET',
    url: '/api/organisations/centria/competence-suggestions',
    route: '/api/organisations/:id/competence-suggestions',
    expect: signedIn(403, { memberCentria: 200, coordKokkola: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'GET',
    url: '/api/organisations/hidden-kokkola/competence-suggestions',
    route: '/api/organisations/:id/competence-suggestions',
    expect: signedIn(404, { memberHidden: 200, coordKokkola: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'POST',
    url: '/api/organisations/centria/competence-suggestions/raw.mining/accept',
    route: '/api/organisations/:id/competence-suggestions/:conceptId/accept',
    body: () => ({ strength: 'active' }),
    expect: signedIn(403, { memberCentria: 404, coordKokkola: 404, admin: 404, adminToken: 404 }),
  },
  {
    method: 'POST',
    url: '/api/organisations/centria/competence-suggestions/raw.mining/reject',
    route: '/api/organisations/:id/competence-suggestions/:conceptId/reject',
    expect: signedIn(403, { memberCentria: 204, coordKokkola: 204, admin: 204, adminToken: 204 }),
  },
  {
    method: 'POST',
    url: '/api/organisations/hidden-kokkola/competence-suggestions/raw.mining/reject',
    route: '/api/organisations/:id/competence-suggestions/:conceptId/reject',
    expect: signedIn(404, { memberHidden: 204, coordKokkola: 204, admin: 204, adminToken: 204 }),
  },
  {
    method: 'GET',
    url: '/api/organisations/centria/infrastructure',
    route: '/api/organisations/:id/infrastructure',
    expect: all(200),
  },
  {
    method: 'GET',
    url: '/api/organisations/hidden-kokkola/infrastructure',
    route: '/api/organisations/:id/infrastructure',
    expect: all(404, { memberHidden: 200, coordKokkola: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'POST',
    url: '/api/organisations/centria/infrastructure',
    route: '/api/organisations/:id/infrastructure',
    body: (who) => ({ name: { en: `Dry room (${who})` } }),
    expect: signedIn(403, { memberCentria: 201, coordKokkola: 201, admin: 201, adminToken: 201 }),
  },
  {
    method: 'POST',
    url: '/api/organisations/hidden-kokkola/infrastructure',
    route: '/api/organisations/:id/infrastructure',
    body: (who) => ({ name: { en: `Pilot line (${who})` } }),
    expect: signedIn(404, { memberHidden: 201, coordKokkola: 201, admin: 201, adminToken: 201 }),
  },
  {
    method: 'PATCH',
    url: '/api/organisations/centria/infrastructure/no-such-item',
    route: '/api/organisations/:id/infrastructure/:itemId',
    body: () => ({ isPublic: false }),
    expect: signedIn(403, { memberCentria: 404, coordKokkola: 404, admin: 404, adminToken: 404 }),
  },
  {
    method: 'DELETE',
    url: '/api/organisations/centria/infrastructure/no-such-item',
    route: '/api/organisations/:id/infrastructure/:itemId',
    expect: signedIn(403, { memberCentria: 404, coordKokkola: 404, admin: 404, adminToken: 404 }),
  },
  {
    method: 'GET',
    url: '/api/organisations/centria/contacts',
    route: '/api/organisations/:id/contacts',
    expect: all(200),
  },
  {
    method: 'GET',
    url: '/api/organisations/hidden-kokkola/contacts',
    route: '/api/organisations/:id/contacts',
    expect: all(404, { memberHidden: 200, coordKokkola: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'POST',
    url: '/api/organisations/centria/contacts',
    route: '/api/organisations/:id/contacts',
    body: (who) => ({ name: `Contact ${who}` }),
    expect: signedIn(403, { memberCentria: 201, coordKokkola: 201, admin: 201, adminToken: 201 }),
  },
  {
    method: 'PATCH',
    url: '/api/organisations/centria/contacts/no-such-item',
    route: '/api/organisations/:id/contacts/:itemId',
    body: () => ({ isPublic: true }),
    expect: signedIn(403, { memberCentria: 404, coordKokkola: 404, admin: 404, adminToken: 404 }),
  },
  {
    method: 'DELETE',
    url: '/api/organisations/centria/contacts/no-such-item',
    route: '/api/organisations/:id/contacts/:itemId',
    expect: signedIn(403, { memberCentria: 404, coordKokkola: 404, admin: 404, adminToken: 404 }),
  },
  {
    method: 'POST',
    url: '/api/concepts/tag',
    route: '/api/concepts/tag',
    body: () => ({ text: 'Akkumateriaalien kierrätys', lang: 'fi' }),
    expect: all(200),
  },
  // Ecosystem registry aggregates: public to everyone; each caller's counts cover only the
  // organisations it may read (checked in src/server/regions/regions.test.ts).
  { method: 'GET', url: '/api/regions/kokkola', route: '/api/regions/:id', expect: all(200) },
  {
    method: 'GET',
    url: '/api/regions/kokkola/specialisation',
    route: '/api/regions/:id/specialisation',
    expect: all(200),
  },
  { method: 'GET', url: '/api/ecosystem/matrix', route: '/api/ecosystem/matrix', expect: all(200) },
  { method: 'GET', url: '/api/ecosystem/map', route: '/api/ecosystem/map', expect: all(200) },
  // ── Imports and the organisation export (src/server/imports). Admins and coordinators import
  // (a coordinator's rows outside their region are row errors: src/server/imports/imports.test.ts);
  // an import is seen by the person who made it and by admins; the export applies visibility.
  {
    method: 'GET',
    url: '/api/import-kinds',
    route: '/api/import-kinds',
    expect: signedIn(403, { coordKokkola: 200, coordVaasa: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'POST',
    url: '/api/imports',
    route: '/api/imports',
    body: () => {
      const form = new FormData();
      form.append('kind', 'organisations');
      form.append('file', new Blob(['Nimi;Tyyppi\nMatriisi Oy;Yritys\n']), 'matrix.csv');
      return form;
    },
    expect: signedIn(403, { coordKokkola: 201, coordVaasa: 201, admin: 201, adminToken: 201 }),
  },
  {
    method: 'GET',
    url: '/api/imports',
    route: '/api/imports',
    expect: signedIn(403, { coordKokkola: 200, coordVaasa: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'GET',
    url: '/api/imports/00000000-0000-4000-8000-000000000000',
    route: '/api/imports/:id',
    expect: signedIn(403, { coordKokkola: 404, coordVaasa: 404, admin: 404, adminToken: 404 }),
  },
  {
    method: 'POST',
    url: '/api/imports/00000000-0000-4000-8000-000000000000/commit',
    route: '/api/imports/:id/commit',
    body: () => ({ mapping: { name: 'Nimi', type: 'Tyyppi' } }),
    expect: signedIn(403, { coordKokkola: 404, coordVaasa: 404, admin: 404, adminToken: 404 }),
  },
  {
    method: 'GET',
    url: '/api/organisations/export?format=csv',
    route: '/api/organisations/export',
    expect: all(200),
  },
  {
    method: 'GET',
    url: '/api/organisations/export?format=xlsx&region=kokkola',
    route: '/api/organisations/export',
    expect: all(200),
  },
  // ── Taxonomy: everyone reads concepts, schemes, history and SKOS; only admins change concepts ──
  { method: 'GET', url: '/api/concept-schemes', route: '/api/concept-schemes', expect: all(200) },
  {
    method: 'GET',
    url: '/api/concept-schemes/education-levels/skos',
    route: '/api/concept-schemes/:id/skos',
    expect: all(200),
  },
  { method: 'GET', url: '/api/concepts/edu.eqf-4', route: '/api/concepts/:id', expect: all(200) },
  {
    method: 'GET',
    url: '/api/concepts/edu.eqf-4/history',
    route: '/api/concepts/:id/history',
    expect: all(200),
  },
  {
    method: 'PATCH',
    url: '/api/concepts/funding.erasmus-plus',
    route: '/api/concepts/:id',
    body: () => ({ altLabels: { en: ['Erasmus+ programme', `matrix ${Math.random()}`] } }),
    expect: signedIn(403, { admin: 200, adminToken: 200 }),
  },
  {
    method: 'POST',
    url: '/api/concepts',
    route: '/api/concepts',
    body: () => ({ scheme: 'funding-instruments', labels: { en: `Matrix fund ${Math.random()}` } }),
    expect: signedIn(403, { admin: 201, adminToken: 201 }),
  },
  {
    method: 'DELETE',
    url: '/api/concepts/no.such.concept',
    route: '/api/concepts/:id',
    expect: signedIn(403, { admin: 404, adminToken: 404 }),
  },
];

const TABLE: Case[] = [...REGISTRY_TABLE, ...MODULE_MATRICES.flatMap((m) => m.cases)];

let t: TestApp;
let fixture: MatrixFixture;
const headers: Record<Who, (write: boolean) => Record<string, string>> = {} as never;

beforeAll(async () => {
  t = await createTestApp();
  const system = { kind: 'system' } as never;
  await createOrganisation(t.database.db, system, 'hidden-kokkola', {
    name: 'Hidden Kokkola Oy',
    type: 'company',
    regionId: 'kokkola',
    isPublic: false,
  });
  const users = {
    memberCentria: await buildUser(t.database, 'member', { organisationId: 'centria' }),
    memberHidden: await buildUser(t.database, 'member', { organisationId: 'hidden-kokkola' }),
    memberUef: await buildUser(t.database, 'member', { organisationId: 'uef' }),
    coordKokkola: await buildUser(t.database, 'coordinator', { regionId: 'kokkola' }),
    coordVaasa: await buildUser(t.database, 'coordinator', { regionId: 'vaasa' }),
    admin: await buildUser(t.database, 'admin'),
  };
  headers.visitor = () => ({});
  for (const [who, user] of Object.entries(users)) {
    const client = await signIn(t.app, user.email);
    headers[who as Who] = (write) => client.headers(write);
  }
  const token = await bearerFor(t.database, users.admin.id);
  headers.adminToken = () => ({ authorization: `Bearer ${token}` });
  fixture = { t, users };
  for (const matrix of MODULE_MATRICES) await matrix.setup?.(fixture);
});
afterAll(async () => t.close());

describe('permission matrix', () => {
  it('covers every API route', () => {
    const covered = new Set(TABLE.map((c) => `${c.method} ${c.route}`));
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((r) => !covered.has(r))).toEqual([]);
  });

  for (const c of TABLE) {
    for (const who of EVERYONE) {
      it(`${c.method} ${c.url} as ${who} → ${c.expect[who]}`, async () => {
        let url = c.url;
        if (c.fresh) url = url.replace(':fresh', await c.fresh(who, fixture));
        const write = c.method !== 'GET';
        // Signing out would end the shared session: use a session of its own.
        let h = headers[who](write);
        if (
          c.method === 'DELETE' &&
          c.route === '/api/session' &&
          who !== 'visitor' &&
          who !== 'adminToken'
        ) {
          const user = await buildUser(t.database, 'admin');
          const client = await signIn(t.app, user.email);
          h = client.headers(true);
        }
        const response = await t.app.inject({
          method: c.method as 'GET',
          url,
          headers: h,
          ...(c.body ? { payload: c.body(who) as object } : {}),
        });
        expect(response.statusCode, response.body).toBe(c.expect[who]);
      });
    }
  }
});
