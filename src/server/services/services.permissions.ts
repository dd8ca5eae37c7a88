import { createService, createSupplyLink } from '../../db/queries/services.ts';
import { serviceOfferings } from '../../db/schema/index.ts';
import { all, type ModuleMatrix, signedIn } from '../../../test/support/permission-matrix.ts';

/**
 * Services and supply links × every caller. A service follows its organisation: Centria's
 * (public, Kokkola) are edited by Centria's member and Kokkola's coordinator; the private
 * organisation `hidden-kokkola`'s are seen only by its member, that coordinator and admins.
 * A supply link may be recorded or removed by an editor of either party.
 */
const system = { kind: 'system' } as never;
const hiddenEditors = { memberHidden: 200, coordKokkola: 200, admin: 200, adminToken: 200 };
const centriaEditors = { memberCentria: 200, coordKokkola: 200, admin: 200, adminToken: 200 };
const status = (editors: Record<string, number>, code: number) =>
  Object.fromEntries(Object.keys(editors).map((k) => [k, code]));

export const servicesMatrix: ModuleMatrix = {
  name: 'services',
  async setup({ t }) {
    const db = t.database.db;
    await db.insert(serviceOfferings).values({
      id: 'matrix-hidden-service',
      organisationId: 'hidden-kokkola',
      category: 'maintenance',
      description: { fi: '', sv: '', en: 'Hidden maintenance' },
    });
  },
  cases: [
    { method: 'GET', url: '/api/services', route: '/api/services', expect: all(200) },
    {
      method: 'GET',
      url: '/api/services?category=training&region=kokkola&q=centria',
      route: '/api/services',
      expect: all(200),
    },
    { method: 'GET', url: '/api/service-categories', route: '/api/service-categories', expect: all(200) },
    {
      method: 'POST',
      url: '/api/services',
      route: '/api/services',
      body: () => ({ organisationId: 'centria', category: 'training', description: { en: 'Courses' } }),
      expect: signedIn(403, status(centriaEditors, 201)),
    },
    {
      method: 'POST',
      url: '/api/services',
      route: '/api/services',
      body: () => ({
        organisationId: 'hidden-kokkola',
        category: 'training',
        description: { en: 'Courses' },
      }),
      // Another caller is not told the private organisation exists.
      expect: signedIn(400, status(hiddenEditors, 201)),
    },
    {
      method: 'PATCH',
      url: '/api/services/centria-training',
      route: '/api/services/:id',
      body: () => ({ isPublic: true }),
      expect: signedIn(403, centriaEditors),
    },
    {
      method: 'PATCH',
      url: '/api/services/matrix-hidden-service',
      route: '/api/services/:id',
      body: () => ({ category: 'engineering' }),
      expect: signedIn(404, hiddenEditors),
    },
    {
      method: 'DELETE',
      url: '/api/services/:fresh',
      route: '/api/services/:id',
      fresh: async (who, { t }) =>
        (
          await createService(t.database.db, system, {
            organisationId: 'centria',
            category: 'consulting',
            description: { en: `Fresh ${who}` },
          })
        ).id,
      expect: signedIn(403, status(centriaEditors, 204)),
    },
    { method: 'GET', url: '/api/supply-chain', route: '/api/supply-chain', expect: all(200) },
    {
      method: 'GET',
      url: '/api/supply-chain?organisation=nornickel-harjavalta',
      route: '/api/supply-chain',
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/supply-chain?organisation=hidden-kokkola',
      route: '/api/supply-chain',
      expect: all(404, hiddenEditors),
    },
    {
      method: 'POST',
      url: '/api/supply-links',
      route: '/api/supply-links',
      body: (who) => ({ supplierId: 'centria', customerId: 'uef', what: { en: `Training (${who})` } }),
      expect: signedIn(403, { ...status(centriaEditors, 201), memberUef: 201 }),
    },
    {
      method: 'DELETE',
      url: '/api/supply-links/:fresh',
      route: '/api/supply-links/:id',
      fresh: async (who, { t }) =>
        (
          await createSupplyLink(t.database.db, system, {
            supplierId: 'centria',
            customerId: 'umicore-finland',
            what: { en: `Analyses (${who})` },
          })
        ).id,
      expect: signedIn(403, status(centriaEditors, 204)),
    },
    {
      method: 'DELETE',
      url: '/api/supply-links/:fresh',
      route: '/api/supply-links/:id',
      fresh: async (who, { t }) =>
        (
          await createSupplyLink(t.database.db, system, {
            supplierId: 'hidden-kokkola',
            customerId: 'centria',
            what: { en: `Private supply (${who})` },
            isPublic: false,
          })
        ).id,
      // Centria's member is a party but cannot see the private supplier: the link is not shown.
      expect: signedIn(404, { memberHidden: 204, coordKokkola: 204, admin: 204, adminToken: 204 }),
    },
  ],
};
