import { randomUUID } from 'node:crypto';
import { surveyRespondents, surveyRounds, trainingProgrammes } from '../../db/schema/index.ts';
import { generateSecret, hashSecret } from '../../domain/auth/secrets.ts';
import { all, type ModuleMatrix, signedIn } from '../../../test/support/permission-matrix.ts';

/**
 * Skills intelligence × every caller. `matrix-kokkola-round` is an open Kokkola round (its
 * coordinator runs it, coordVaasa does not); `matrix-vaasa-draft` a Vaasa draft nobody else
 * sees; the demo's network rounds are admins' to run. `centria.matrix-private` is a non-public
 * programme of Centria (Kokkola): its members, Kokkola's coordinator and admins see and change it.
 * The respondent routes take the personal token, never a session: without one everybody gets 401.
 */
const instrument = {
  roleIds: ['job-role.process-engineer-chemicals', 'job-role.chemistry-technician'],
  skillIds: ['refining.hydromet'],
  eqfLevels: [4, 6],
  askRecruitmentDifficulty: true,
  askFreeText: true,
};
const runners = { coordKokkola: 200, admin: 200, adminToken: 200 };
const vaasaRunners = { coordVaasa: 200, admin: 200, adminToken: 200 };
const centriaEditors = { memberCentria: 200, coordKokkola: 200, admin: 200, adminToken: 200 };

export const skillsMatrix: ModuleMatrix = {
  name: 'skills',
  async setup({ t }) {
    const { db } = t.database;
    const base = { title: { fi: 'Matriisi', sv: 'Matris', en: 'Matrix' }, instrument };
    await db.insert(surveyRounds).values([
      { id: 'matrix-kokkola-round', regionId: 'kokkola', status: 'open', ...base },
      { id: 'matrix-vaasa-draft', regionId: 'vaasa', status: 'draft', ...base },
    ]);
    await db.insert(trainingProgrammes).values({
      id: 'centria.matrix-private',
      organisationId: 'centria',
      name: { fi: 'Matriisi', sv: 'Matris', en: 'Matrix' },
      level: 'applied_sciences',
      eqfLevel: 6,
      regionId: 'kokkola',
      isPublic: false,
    });
  },
  cases: [
    { method: 'GET', url: '/api/survey-rounds', route: '/api/survey-rounds', expect: all(200) },
    {
      method: 'POST',
      url: '/api/survey-rounds',
      route: '/api/survey-rounds',
      body: () => ({ title: { en: 'Kokkola needs' }, regionId: 'kokkola', instrument }),
      expect: signedIn(403, { coordKokkola: 201, admin: 201, adminToken: 201 }),
    },
    {
      method: 'POST',
      url: '/api/survey-rounds',
      route: '/api/survey-rounds',
      body: () => ({ title: { en: 'Network needs' }, regionId: null, instrument }),
      expect: signedIn(403, { admin: 201, adminToken: 201 }),
    },
    {
      method: 'GET',
      url: '/api/survey-rounds/matrix-kokkola-round',
      route: '/api/survey-rounds/:id',
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/survey-rounds/matrix-vaasa-draft',
      route: '/api/survey-rounds/:id',
      expect: all(404, vaasaRunners),
    },
    {
      method: 'PATCH',
      url: '/api/survey-rounds/matrix-kokkola-round',
      route: '/api/survey-rounds/:id',
      body: (who) => ({ intro: { en: `Changed by ${who}` } }),
      expect: signedIn(403, runners),
    },
    {
      method: 'PATCH',
      url: '/api/survey-rounds/matrix-vaasa-draft',
      route: '/api/survey-rounds/:id',
      body: (who) => ({ intro: { en: `Changed by ${who}` } }),
      expect: signedIn(404, vaasaRunners),
    },
    {
      method: 'PATCH',
      url: '/api/survey-rounds/demo-skills-2026',
      route: '/api/survey-rounds/:id',
      body: (who) => ({ intro: { en: `Network round, changed by ${who}` } }),
      expect: signedIn(403, { admin: 200, adminToken: 200 }),
    },
    {
      method: 'POST',
      url: '/api/survey-rounds/matrix-kokkola-round/respondents',
      route: '/api/survey-rounds/:id/respondents',
      body: () => ({ respondents: [{ organisationId: 'keliber', language: 'fi' }] }),
      expect: signedIn(403, { coordKokkola: 201, admin: 201, adminToken: 201 }),
    },
    {
      method: 'POST',
      url: '/api/survey-rounds/matrix-vaasa-draft/respondents',
      route: '/api/survey-rounds/:id/respondents',
      body: () => ({ respondents: [{ organisationId: 'wartsila', language: 'en' }] }),
      expect: signedIn(404, { coordVaasa: 201, admin: 201, adminToken: 201 }),
    },
    {
      method: 'GET',
      url: '/api/survey-rounds/matrix-kokkola-round/respondents',
      route: '/api/survey-rounds/:id/respondents',
      expect: signedIn(403, runners),
    },
    {
      method: 'GET',
      url: '/api/survey-rounds/matrix-vaasa-draft/respondents',
      route: '/api/survey-rounds/:id/respondents',
      expect: signedIn(404, vaasaRunners),
    },
    {
      method: 'POST',
      url: '/api/survey-rounds/matrix-kokkola-round/respondents/:fresh/revoke',
      route: '/api/survey-rounds/:id/respondents/:respondentId/revoke',
      fresh: async (_who, { t }) => {
        const id = randomUUID();
        await t.database.db.insert(surveyRespondents).values({
          id,
          roundId: 'matrix-kokkola-round',
          organisationId: 'umicore-finland',
          tokenHash: hashSecret(generateSecret('kenno_srv_')),
          expiresAt: new Date(Date.now() + 86_400_000),
        });
        return id;
      },
      expect: signedIn(403, runners),
    },
    {
      method: 'POST',
      url: '/api/survey-rounds/matrix-kokkola-round/reminders',
      route: '/api/survey-rounds/:id/reminders',
      expect: signedIn(403, runners),
    },
    // The personal token is the only way in: a session or an API token opens nobody's survey.
    { method: 'GET', url: '/api/survey', route: '/api/survey', expect: all(401) },
    {
      method: 'PUT',
      url: '/api/survey',
      route: '/api/survey',
      body: () => ({ answers: [], submit: false }),
      expect: all(401),
    },
    { method: 'GET', url: '/api/training-programmes', route: '/api/training-programmes', expect: all(200) },
    {
      method: 'GET',
      url: '/api/training-programmes?region=kokkola&level=vocational',
      route: '/api/training-programmes',
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/training-programmes/centria.insinoori-amk-kemiantekniikka',
      route: '/api/training-programmes/:id',
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/training-programmes/centria.matrix-private',
      route: '/api/training-programmes/:id',
      expect: all(404, centriaEditors),
    },
    {
      method: 'POST',
      url: '/api/training-programmes',
      route: '/api/training-programmes',
      body: (who) => ({
        organisationId: 'centria',
        name: { en: `Matrix module ${who}` },
        level: 'continuing',
        eqfLevel: 5,
      }),
      expect: signedIn(403, { memberCentria: 201, coordKokkola: 201, admin: 201, adminToken: 201 }),
    },
    {
      method: 'POST',
      url: '/api/training-programmes',
      route: '/api/training-programmes',
      body: (who) => ({ organisationId: 'uef', name: { en: `Matrix course ${who}` }, level: 'university' }),
      expect: signedIn(403, { memberUef: 201, admin: 201, adminToken: 201 }),
    },
    {
      method: 'PATCH',
      url: '/api/training-programmes/centria.insinoori-amk-kemiantekniikka',
      route: '/api/training-programmes/:id',
      body: () => ({ yearlyIntake: 40 }),
      expect: signedIn(403, centriaEditors),
    },
    {
      method: 'PATCH',
      url: '/api/training-programmes/centria.matrix-private',
      route: '/api/training-programmes/:id',
      body: () => ({ yearlyIntake: 12 }),
      expect: signedIn(404, centriaEditors),
    },
    {
      method: 'DELETE',
      url: '/api/training-programmes/:fresh',
      route: '/api/training-programmes/:id',
      fresh: async (who, { t }) => {
        const id = `centria.matrix-${who}-${randomUUID()}`;
        await t.database.db.insert(trainingProgrammes).values({
          id,
          organisationId: 'centria',
          name: { fi: id, sv: '', en: '' },
          level: 'continuing',
          eqfLevel: 5,
          regionId: 'kokkola',
        });
        return id;
      },
      expect: signedIn(403, { memberCentria: 204, coordKokkola: 204, admin: 204, adminToken: 204 }),
    },
    { method: 'GET', url: '/api/skills/gaps', route: '/api/skills/gaps', expect: all(200) },
    {
      method: 'GET',
      url: '/api/skills/gaps?round=matrix-kokkola-round&region=kokkola&groupBy=role,eqf',
      route: '/api/skills/gaps',
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/skills/gaps?round=matrix-vaasa-draft',
      route: '/api/skills/gaps',
      expect: all(404, vaasaRunners),
    },
    {
      method: 'GET',
      url: '/api/skills/gaps/trend?eqf=6',
      route: '/api/skills/gaps/trend',
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/skills/gaps/export?format=csv&groupBy=role',
      route: '/api/skills/gaps/export',
      expect: all(200),
    },
    {
      method: 'GET',
      url: '/api/skills/gaps/export?format=xlsx&round=matrix-vaasa-draft',
      route: '/api/skills/gaps/export',
      expect: all(404, vaasaRunners),
    },
  ],
};
