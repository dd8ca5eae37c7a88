import { challenges } from '../../db/schema/index.ts';
import { type ModuleMatrix, signedIn } from '../../../test/support/permission-matrix.ts';

/**
 * Partner search × every caller: any signed-in user searches (visitors 401). Starting from a
 * challenge needs the right to read it: `matrix-partners-uef` is a private Kuopio challenge of
 * UEF, so its members, Kuopio's coordinator (none among the callers) and admins may start from
 * it; everyone else gets 404 (its existence is not revealed). Private registry organisations in
 * the results are covered by partners.test.ts.
 */
export const partnersMatrix: ModuleMatrix = {
  name: 'partners',
  async setup({ t }) {
    await t.database.db.insert(challenges).values({
      id: 'matrix-partners-uef',
      title: 'Private black mass question',
      description: 'Leaching yields of black mass.',
      language: 'en',
      regionId: 'kuopio',
      organisationId: 'uef',
      isPublic: false,
    });
  },
  cases: [
    {
      method: 'POST',
      url: '/api/partners/search',
      route: '/api/partners/search',
      body: () => ({ text: 'black mass recycling', filters: { countries: ['FI', 'DE'] }, limit: 5 }),
      expect: signedIn(200),
    },
    {
      method: 'POST',
      url: '/api/partners/search',
      route: '/api/partners/search',
      body: () => ({ challengeId: 'matrix-partners-uef' }),
      expect: signedIn(404, { memberUef: 200, admin: 200, adminToken: 200 }),
    },
    {
      method: 'POST',
      url: '/api/partners/search',
      route: '/api/partners/search',
      body: () => ({ projectId: 'matrix-no-such-project' }),
      expect: signedIn(404),
    },
  ],
};
