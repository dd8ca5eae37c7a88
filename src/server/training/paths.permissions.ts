import { trainingPaths, trainingPathSteps } from '../../db/schema/index.ts';
import { all, type ModuleMatrix, signedIn } from '../../../test/support/permission-matrix.ts';

/**
 * Training paths × every caller. `matrix-path-published` is a published path of Centria
 * (Kokkola, a UAS) that everyone reads and its editors (Centria's members, Kokkola's
 * coordinator, admins) change; `matrix-path-kokkola-draft` is its draft twin nobody else sees;
 * `matrix-path-vaasa-draft` a VAMK draft in Vaasa (another organisation and region: only
 * coordVaasa and admins). Paths are started by members of education organisations (Centria,
 * UEF), coordinators and admins — not by the company hidden-kokkola.
 */
const KPEDU = 'kpedu.prosessiteollisuuden-perustutkinto';
const CENTRIA = 'centria.insinoori-amk-kemiantekniikka';
const LUT = 'lut.kemiantekniikan-maisteriohjelma';
const steps = {
  steps: [
    { programmeId: KPEDU, prerequisiteIds: [] },
    { programmeId: CENTRIA, prerequisiteIds: [KPEDU] },
    { programmeId: LUT, prerequisiteIds: [CENTRIA] },
  ],
};
const title = { fi: 'Matriisipolku', sv: 'Matrisstig', en: 'Matrix path' };
const empty = { fi: '', sv: '', en: '' };
const centriaEditors = { memberCentria: 200, coordKokkola: 200, admin: 200, adminToken: 200 };
const vaasaEditors = { coordVaasa: 200, admin: 200, adminToken: 200 };

export const trainingPathsMatrix: ModuleMatrix = {
  name: 'training paths',
  async setup({ t }) {
    const { db } = t.database;
    await db.insert(trainingPaths).values([
      {
        id: 'matrix-path-published',
        title,
        summary: empty,
        status: 'published',
        regionIds: ['kokkola'],
        ownerOrganisationId: 'centria',
      },
      {
        id: 'matrix-path-kokkola-draft',
        title,
        summary: empty,
        status: 'draft',
        regionIds: ['kokkola'],
        ownerOrganisationId: 'centria',
      },
      {
        id: 'matrix-path-vaasa-draft',
        title,
        summary: empty,
        status: 'draft',
        regionIds: ['vaasa'],
        ownerOrganisationId: 'vamk',
      },
    ]);
    await db
      .insert(trainingPathSteps)
      .values(steps.steps.map((s, position) => ({ pathId: 'matrix-path-published', ...s, position })));
  },
  cases: [
    { method: 'GET', url: '/api/paths', route: '/api/paths', expect: all(200) },
    {
      method: 'POST',
      url: '/api/paths',
      route: '/api/paths',
      body: (who) => ({ title: { en: `Path of ${who}` } }),
      expect: signedIn(201, { memberHidden: 403 }),
    },
    { method: 'GET', url: '/api/paths/matrix-path-published', route: '/api/paths/:id', expect: all(200) },
    {
      method: 'GET',
      url: '/api/paths/matrix-path-kokkola-draft',
      route: '/api/paths/:id',
      expect: all(404, centriaEditors),
    },
    {
      method: 'GET',
      url: '/api/paths/matrix-path-vaasa-draft',
      route: '/api/paths/:id',
      expect: all(404, vaasaEditors),
    },
    {
      method: 'PATCH',
      url: '/api/paths/matrix-path-published',
      route: '/api/paths/:id',
      body: (who) => ({ summary: { en: `Changed by ${who}` } }),
      expect: signedIn(403, centriaEditors),
    },
    {
      method: 'PATCH',
      url: '/api/paths/matrix-path-vaasa-draft',
      route: '/api/paths/:id',
      body: (who) => ({ summary: { en: `Changed by ${who}` } }),
      expect: signedIn(404, vaasaEditors),
    },
    {
      method: 'DELETE',
      url: '/api/paths/:fresh',
      route: '/api/paths/:id',
      fresh: async (who, { t }) => {
        const id = `matrix-path-fresh-${who}`;
        await t.database.db.insert(trainingPaths).values({
          id,
          title,
          summary: empty,
          status: 'draft',
          regionIds: ['kokkola'],
          ownerOrganisationId: 'centria',
        });
        return id;
      },
      expect: signedIn(404, { memberCentria: 204, coordKokkola: 204, admin: 204, adminToken: 204 }),
    },
    {
      method: 'PUT',
      url: '/api/paths/matrix-path-published/steps',
      route: '/api/paths/:id/steps',
      body: () => steps,
      expect: signedIn(403, centriaEditors),
    },
    {
      method: 'PUT',
      url: '/api/paths/matrix-path-vaasa-draft/steps',
      route: '/api/paths/:id/steps',
      body: () => steps,
      expect: signedIn(404, vaasaEditors),
    },
    {
      method: 'GET',
      url: '/api/paths/matrix-path-published/validation',
      route: '/api/paths/:id/validation',
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/paths/matrix-path-kokkola-draft/validation',
      route: '/api/paths/:id/validation',
      expect: all(404, centriaEditors),
    },
    {
      method: 'GET',
      url: '/api/paths/matrix-path-published/coverage',
      route: '/api/paths/:id/coverage',
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/paths/matrix-path-vaasa-draft/coverage',
      route: '/api/paths/:id/coverage',
      expect: all(404, vaasaEditors),
    },
    {
      method: 'GET',
      url: '/api/paths/matrix-path-published/pdf?lang=sv',
      route: '/api/paths/:id/pdf',
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/paths/matrix-path-kokkola-draft/pdf?lang=fi',
      route: '/api/paths/:id/pdf',
      expect: all(404, centriaEditors),
    },
    { method: 'GET', url: '/api/training/network', route: '/api/training/network', expect: all(200) },
    {
      method: 'GET',
      url: '/api/training/network?regionId=vaasa&level=vocational',
      route: '/api/training/network',
      expect: all(200),
    },
  ],
};
