import { createSite } from '../../db/queries/sites.ts';
import { all, type ModuleMatrix, signedIn } from '../../../test/support/permission-matrix.ts';

/**
 * Sites × every caller. `kip` is public, operated by KIP Service Oy (no matrix member), in
 * Kokkola; `matrix-private-kokkola` is private, in Kokkola, operated by the private
 * `hidden-kokkola` organisation, so its member edits it and nobody outside sees it.
 */
const system = { kind: 'system' } as never;
const privateReaders = { memberHidden: 200, coordKokkola: 200, admin: 200, adminToken: 200 };

export const sitesMatrix: ModuleMatrix = {
  name: 'sites',
  async setup({ t }) {
    await createSite(t.database.db, system, {
      name: 'Matrix Private Kokkola',
      regionId: 'kokkola',
      operatorOrganisationId: 'hidden-kokkola',
      isPublic: false,
    });
  },
  cases: [
    { method: 'GET', url: '/api/sites', route: '/api/sites', expect: all(200) },
    { method: 'GET', url: '/api/sites?region=kokkola&q=kip', route: '/api/sites', expect: all(200) },
    { method: 'GET', url: '/api/sites/kip', route: '/api/sites/:id', expect: all(200) },
    {
      method: 'GET',
      url: '/api/sites/matrix-private-kokkola',
      route: '/api/sites/:id',
      expect: all(404, privateReaders),
    },
    {
      method: 'GET',
      url: '/api/sites/compare?ids=kip,harjavalta',
      route: '/api/sites/compare',
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/sites/compare?ids=kip,matrix-private-kokkola',
      route: '/api/sites/compare',
      expect: all(404, privateReaders),
    },
    {
      method: 'POST',
      url: '/api/sites/match',
      route: '/api/sites/match',
      body: () => ({
        requirements: { landHa: { value: 20, hard: true }, rail: { value: true, hard: false } },
      }),
      expect: all(200),
    },
    {
      method: 'POST',
      url: '/api/sites',
      route: '/api/sites',
      body: (who) => ({ name: `Matrix site ${who}`, regionId: 'kokkola' }),
      expect: signedIn(403, { coordKokkola: 201, admin: 201, adminToken: 201 }),
    },
    {
      method: 'POST',
      url: '/api/sites',
      route: '/api/sites',
      body: (who) => ({ name: `Matrix Vaasa site ${who}`, regionId: 'vaasa' }),
      expect: signedIn(403, { coordVaasa: 201, admin: 201, adminToken: 201 }),
    },
    {
      method: 'PATCH',
      url: '/api/sites/kip',
      route: '/api/sites/:id',
      body: () => ({ readyInMonths: 12 }),
      expect: signedIn(403, { coordKokkola: 200, admin: 200, adminToken: 200 }),
    },
    {
      method: 'PATCH',
      url: '/api/sites/matrix-private-kokkola',
      route: '/api/sites/:id',
      body: () => ({ permitNote: 'Matrix' }),
      expect: signedIn(404, privateReaders),
    },
    {
      method: 'DELETE',
      url: '/api/sites/:fresh',
      route: '/api/sites/:id',
      fresh: async (who, { t }) =>
        (await createSite(t.database.db, system, { name: `Fresh site ${who}`, regionId: 'kokkola' })).id,
      expect: signedIn(403, { coordKokkola: 204, admin: 204, adminToken: 204 }),
    },
    {
      method: 'DELETE',
      url: '/api/sites/:fresh',
      route: '/api/sites/:id',
      fresh: async (who, { t }) =>
        (
          await createSite(t.database.db, system, {
            name: `Fresh private site ${who}`,
            regionId: 'kokkola',
            operatorOrganisationId: 'hidden-kokkola',
            isPublic: false,
          })
        ).id,
      // The operator's member edits the site but does not remove it.
      expect: signedIn(404, { memberHidden: 403, coordKokkola: 204, admin: 204, adminToken: 204 }),
    },
  ],
};

/** The module's three matrices: sites, services and supply links, symbiosis. */
export { servicesMatrix } from '../services/services.permissions.ts';
export { symbiosisMatrix } from '../symbiosis/symbiosis.permissions.ts';
