import { trainingProgrammes } from '../../db/schema/index.ts';
import { all, type ModuleMatrix, signedIn } from '../../../test/support/permission-matrix.ts';

/**
 * Continuing education × every caller: `matrix-ce-public` is Centria's public offer (Kokkola),
 * `matrix-ce-private` a private offer of the private `hidden-kokkola`, seen by its members,
 * the Kokkola coordinator and admins only.
 */
const programme = (id: string, organisationId: string, isPublic: boolean) => ({
  id,
  organisationId,
  kind: 'module' as const,
  name: { fi: id, sv: id, en: id },
  level: 'continuing' as const,
  eqfLevel: 6,
  regionId: 'kokkola',
  isPublic,
});

export const continuingEducationMatrix: ModuleMatrix = {
  name: 'continuing-education',
  async setup({ t }) {
    await t.database.db
      .insert(trainingProgrammes)
      .values([
        programme('matrix-ce-public', 'centria', true),
        programme('matrix-ce-private', 'hidden-kokkola', false),
      ]);
  },
  cases: [
    { method: 'GET', url: '/api/continuing-education', route: '/api/continuing-education', expect: all(200) },
    {
      method: 'GET',
      url: '/api/continuing-education?region=kokkola&delivery=online&q=akku',
      route: '/api/continuing-education',
      expect: all(200),
    },
    {
      method: 'POST',
      url: '/api/continuing-education/matrix-ce-public/interest',
      route: '/api/continuing-education/:programmeId/interest',
      body: (who) => ({ contactName: `Contact ${who}`, headcount: 3 }),
      expect: signedIn(201),
    },
    {
      method: 'POST',
      url: '/api/continuing-education/matrix-ce-private/interest',
      route: '/api/continuing-education/:programmeId/interest',
      body: (who) => ({ contactName: `Contact ${who}`, headcount: 3 }),
      expect: signedIn(404, { memberHidden: 201, coordKokkola: 201, admin: 201, adminToken: 201 }),
    },
    {
      method: 'GET',
      url: '/api/continuing-education/interests',
      route: '/api/continuing-education/interests',
      expect: signedIn(200),
    },
  ],
};
