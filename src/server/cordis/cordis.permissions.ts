import { type ModuleMatrix, signedIn } from '../../../test/support/permission-matrix.ts';
import { seedCordisOrganisation, seedCordisProject } from './cordis-test-kit.ts';

/**
 * CORDIS routes × every caller. `910000001` is a CORDIS project; `930000001` a CORDIS
 * organisation linked to the public Kokkola organisation `centria`. Link decisions are made by
 * admins and the coordinator of the registry organisation's region: a suggestion for `centria`
 * or the private `hidden-kokkola` is Kokkola's to decide, not Vaasa's; members never decide.
 */
const deciders = { coordKokkola: 200, admin: 200, adminToken: 200 };
const privateReaders = { memberHidden: 200, coordKokkola: 200, admin: 200, adminToken: 200 };

export const cordisMatrix: ModuleMatrix = {
  name: 'cordis',
  async setup({ t }) {
    await seedCordisProject(t.database.db);
    await seedCordisOrganisation(t.database.db, { linked: 'centria' });
  },
  cases: [
    {
      method: 'GET',
      url: '/api/cordis/projects/910000001',
      route: '/api/cordis/projects/:id',
      expect: signedIn(200),
    },
    {
      method: 'GET',
      url: '/api/cordis/projects/999999998',
      route: '/api/cordis/projects/:id',
      expect: signedIn(404),
    },
    {
      method: 'GET',
      url: '/api/cordis/organisations/:fresh',
      route: '/api/cordis/organisations/:id',
      fresh: (_who, { t }) => seedCordisOrganisation(t.database.db, { suggested: 'hidden-kokkola' }),
      expect: signedIn(200),
    },
    {
      method: 'GET',
      url: '/api/cordis/organisations/999999997',
      route: '/api/cordis/organisations/:id',
      expect: signedIn(404),
    },
    {
      method: 'GET',
      url: '/api/cordis/links',
      route: '/api/cordis/links',
      expect: signedIn(403, { coordKokkola: 200, coordVaasa: 200, admin: 200, adminToken: 200 }),
    },
    {
      method: 'GET',
      url: '/api/cordis/links?status=linked&page=2',
      route: '/api/cordis/links',
      expect: signedIn(403, { coordKokkola: 200, coordVaasa: 200, admin: 200, adminToken: 200 }),
    },
    {
      method: 'POST',
      url: '/api/cordis/links/:fresh',
      route: '/api/cordis/links/:id',
      fresh: (_who, { t }) => seedCordisOrganisation(t.database.db, { suggested: 'centria' }),
      body: () => ({ action: 'confirm' }),
      expect: signedIn(403, deciders),
    },
    {
      method: 'POST',
      url: '/api/cordis/links/:fresh',
      route: '/api/cordis/links/:id',
      fresh: (_who, { t }) => seedCordisOrganisation(t.database.db, { suggested: 'hidden-kokkola' }),
      body: () => ({ action: 'reject' }),
      expect: signedIn(403, deciders),
    },
    {
      method: 'POST',
      url: '/api/cordis/links/:fresh',
      route: '/api/cordis/links/:id',
      fresh: (_who, { t }) => seedCordisOrganisation(t.database.db, { linked: 'uef' }),
      body: () => ({ action: 'unlink' }),
      expect: signedIn(403, { admin: 200, adminToken: 200 }),
    },
    {
      method: 'POST',
      url: '/api/cordis/links/999999996',
      route: '/api/cordis/links/:id',
      body: () => ({ action: 'confirm' }),
      expect: signedIn(403, { coordKokkola: 404, coordVaasa: 404, admin: 404, adminToken: 404 }),
    },
    {
      method: 'GET',
      url: '/api/cordis/registry-organisations/centria',
      route: '/api/cordis/registry-organisations/:id',
      expect: signedIn(200),
    },
    {
      method: 'GET',
      url: '/api/cordis/registry-organisations/hidden-kokkola',
      route: '/api/cordis/registry-organisations/:id',
      expect: signedIn(404, privateReaders),
    },
  ],
};
