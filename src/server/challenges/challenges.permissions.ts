import type { UserRow } from '../../db/queries/users.ts';
import { createChallenge } from '../../db/queries/challenges.ts';
import { createCriterion } from '../../db/queries/challenge-evaluations.ts';
import { projects } from '../../db/schema/index.ts';
import type { UserActor } from '../../domain/auth/roles.ts';
import {
  all,
  type Case,
  EVERYONE,
  type MatrixFixture,
  type ModuleMatrix,
  signedIn,
  type Who,
} from '../../../test/support/permission-matrix.ts';

/**
 * The challenges module × every caller. Rows: `mx-public` (public, Centria, Kokkola),
 * `mx-private` (private, Hidden Kokkola Oy), `mx-vaasa` (another region, Wärtsilä),
 * `mx-uef` (another organisation, UEF in Kuopio). Evaluators are coordinators and admins;
 * status changes and merges belong to the coordinators of the challenge's region and admins.
 */
const readersOfPrivate = { memberHidden: 200, coordKokkola: 200, admin: 200, adminToken: 200 };
const evaluators = { coordKokkola: 200, coordVaasa: 200, admin: 200, adminToken: 200 };

function actorOf(user: UserRow): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    role: user.role,
    organisationId: user.organisationId,
    regionId: user.regionId,
    via: 'session',
  };
}

let seq = 0;
async function addChallenge(
  f: MatrixFixture,
  by: UserRow,
  row: { id?: string; regionId: string; organisationId: string | null; isPublic?: boolean },
): Promise<string> {
  seq += 1;
  const id = row.id ?? `mx-fresh-${seq}-${Date.now()}`;
  await createChallenge(f.t.database.db, actorOf(by), {
    id,
    title: `Matrix challenge ${id}`,
    description: 'A challenge of the permission matrix.',
    language: 'en',
    regionId: row.regionId,
    organisationId: row.organisationId,
    createdBy: by.id,
    conceptIds: ['recycling'],
    suggestedConceptIds: ['recycling'],
    trlNow: null,
    trlWanted: null,
    horizon: null,
    isPublic: row.isPublic ?? true,
  });
  return id;
}

const freshPublic = (_who: Who, f: MatrixFixture) =>
  addChallenge(f, f.users.memberCentria, { regionId: 'kokkola', organisationId: 'centria' });
const freshPrivate = (_who: Who, f: MatrixFixture) =>
  addChallenge(f, f.users.memberHidden, {
    regionId: 'kokkola',
    organisationId: 'hidden-kokkola',
    isPublic: false,
  });

const cases: Case[] = [
  { method: 'GET', url: '/api/challenges', route: '/api/challenges', expect: all(200) },
  {
    method: 'GET',
    url: '/api/challenges?q=matrix&status=new&sort=supports',
    route: '/api/challenges',
    expect: all(200),
  },
  { method: 'GET', url: '/api/challenges/mx-public', route: '/api/challenges/:id', expect: all(200) },
  { method: 'GET', url: '/api/challenges/mx-vaasa', route: '/api/challenges/:id', expect: all(200) },
  {
    method: 'GET',
    url: '/api/challenges/mx-private',
    route: '/api/challenges/:id',
    expect: all(404, readersOfPrivate),
  },
  {
    method: 'POST',
    url: '/api/challenges',
    route: '/api/challenges',
    body: (who) => ({ title: `Matrix ${who}`, description: 'Submitted by the matrix.', language: 'en' }),
    expect: signedIn(201),
  },
  {
    method: 'POST',
    url: '/api/challenges',
    route: '/api/challenges',
    body: () => ({
      title: 'For Centria',
      description: 'Filed for Centria.',
      language: 'fi',
      organisationId: 'centria',
    }),
    expect: signedIn(403, { memberCentria: 201, coordKokkola: 201, admin: 201, adminToken: 201 }),
  },
  {
    method: 'PATCH',
    url: '/api/challenges/mx-public',
    route: '/api/challenges/:id',
    body: () => ({ horizon: 'medium' }),
    expect: signedIn(403, { memberCentria: 200, coordKokkola: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'PATCH',
    url: '/api/challenges/mx-private',
    route: '/api/challenges/:id',
    body: () => ({ horizon: 'long' }),
    expect: signedIn(404, readersOfPrivate),
  },
  {
    method: 'PATCH',
    url: '/api/challenges/mx-vaasa',
    route: '/api/challenges/:id',
    body: () => ({ trlNow: 4 }),
    expect: signedIn(403, { coordVaasa: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'PATCH',
    url: '/api/challenges/mx-uef',
    route: '/api/challenges/:id',
    body: () => ({ trlNow: 2 }),
    expect: signedIn(403, { memberUef: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'PATCH',
    url: '/api/challenges/:fresh',
    route: '/api/challenges/:id',
    fresh: freshPublic,
    body: () => ({ status: 'validated' }),
    expect: signedIn(403, { coordKokkola: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'DELETE',
    url: '/api/challenges/:fresh',
    route: '/api/challenges/:id',
    fresh: freshPublic,
    expect: signedIn(403, { memberCentria: 204, coordKokkola: 204, admin: 204, adminToken: 204 }),
  },
  {
    method: 'DELETE',
    url: '/api/challenges/:fresh',
    route: '/api/challenges/:id',
    fresh: freshPrivate,
    expect: signedIn(404, { memberHidden: 204, coordKokkola: 204, admin: 204, adminToken: 204 }),
  },
  ...(['support', 'follow'] as const).flatMap((what): Case[] =>
    (['PUT', 'DELETE'] as const).flatMap((method): Case[] => [
      {
        method,
        url: `/api/challenges/mx-public/${what}`,
        route: `/api/challenges/:id/${what}`,
        expect: signedIn(200),
      },
      {
        method,
        url: `/api/challenges/mx-private/${what}`,
        route: `/api/challenges/:id/${what}`,
        expect: signedIn(404, readersOfPrivate),
      },
    ]),
  ),
  {
    method: 'GET',
    url: '/api/challenges/mx-public/comments',
    route: '/api/challenges/:id/comments',
    expect: all(200),
  },
  {
    method: 'GET',
    url: '/api/challenges/mx-private/comments',
    route: '/api/challenges/:id/comments',
    expect: all(404, readersOfPrivate),
  },
  {
    method: 'POST',
    url: '/api/challenges/mx-uef/comments',
    route: '/api/challenges/:id/comments',
    body: (who) => ({ body: `A comment by ${who}` }),
    expect: signedIn(201),
  },
  {
    method: 'POST',
    url: '/api/challenges/mx-private/comments',
    route: '/api/challenges/:id/comments',
    body: (who) => ({ body: `A comment by ${who}` }),
    expect: signedIn(404, { memberHidden: 201, coordKokkola: 201, admin: 201, adminToken: 201 }),
  },
  {
    method: 'POST',
    url: '/api/challenges/:fresh/merge',
    route: '/api/challenges/:id/merge',
    fresh: freshPublic,
    body: () => ({ targetId: 'mx-public' }),
    expect: signedIn(403, { coordKokkola: 200, admin: 200, adminToken: 200 }),
  },
  {
    // Into another region's challenge: only who moderates both.
    method: 'POST',
    url: '/api/challenges/:fresh/merge',
    route: '/api/challenges/:id/merge',
    fresh: freshPublic,
    body: () => ({ targetId: 'mx-vaasa' }),
    expect: signedIn(403, { admin: 200, adminToken: 200 }),
  },
  {
    method: 'POST',
    url: '/api/challenges/:fresh/merge',
    route: '/api/challenges/:id/merge',
    fresh: freshPrivate,
    body: () => ({ targetId: 'mx-public' }),
    expect: signedIn(404, { memberHidden: 403, coordKokkola: 200, admin: 200, adminToken: 200 }),
  },
  // ── Evaluation ──
  {
    method: 'GET',
    url: '/api/evaluation-criteria',
    route: '/api/evaluation-criteria',
    expect: signedIn(200),
  },
  {
    method: 'POST',
    url: '/api/evaluation-criteria',
    route: '/api/evaluation-criteria',
    body: (who) => ({ label: { fi: `Kriteeri ${who}`, sv: `Kriterium ${who}`, en: `Criterion ${who}` } }),
    expect: signedIn(403, { admin: 201, adminToken: 201 }),
  },
  {
    method: 'PATCH',
    url: '/api/evaluation-criteria/funding-fit',
    route: '/api/evaluation-criteria/:id',
    body: () => ({ weight: 1 }),
    expect: signedIn(403, { admin: 200, adminToken: 200 }),
  },
  {
    method: 'DELETE',
    url: '/api/evaluation-criteria/:fresh',
    route: '/api/evaluation-criteria/:id',
    fresh: async (who, f) =>
      (
        await createCriterion(f.t.database.db, actorOf(f.users.admin), {
          label: { fi: `Poistettava ${who}`, sv: `Att ta bort ${who}`, en: `To remove ${who}` },
          weight: 1,
          maxScore: 5,
          active: true,
        })
      ).id,
    expect: signedIn(403, { admin: 204, adminToken: 204 }),
  },
  ...(['GET', 'PUT'] as const).flatMap((method): Case[] =>
    ['mx-public', 'mx-private', 'mx-vaasa'].map((id) => ({
      method,
      url: `/api/challenges/${id}/evaluation`,
      route: '/api/challenges/:id/evaluation',
      ...(method === 'PUT' ? { body: () => ({ scores: { 'trl-gap': 3 }, note: 'Matrix note' }) } : {}),
      expect: signedIn(403, id === 'mx-private' ? { ...evaluators, coordVaasa: 404 } : evaluators),
    })),
  ),
  {
    method: 'GET',
    url: '/api/challenges/ranking',
    route: '/api/challenges/ranking',
    expect: signedIn(403, evaluators),
  },
  {
    method: 'GET',
    url: '/api/challenges/ranking?region=kokkola&status=new',
    route: '/api/challenges/ranking',
    expect: signedIn(403, evaluators),
  },
  // ── Notifications: everyone signed in has their own ──
  { method: 'GET', url: '/api/notifications', route: '/api/notifications', expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/notifications/read',
    route: '/api/notifications/read',
    body: () => ({}),
    expect: signedIn(200),
  },
  // ── Project ideas: coordinators and admins start them from challenges they can read ──
  {
    method: 'POST',
    url: '/api/projects',
    route: '/api/projects',
    body: (who) => ({ title: `Idea of ${who}`, challengeIds: [`mx-idea-public-${who}`] }),
    expect: signedIn(403, { coordKokkola: 201, coordVaasa: 201, admin: 201, adminToken: 201 }),
  },
  {
    method: 'POST',
    url: '/api/projects',
    route: '/api/projects',
    body: (who) => ({ title: `Idea of ${who}`, challengeIds: [`mx-idea-private-${who}`] }),
    expect: signedIn(403, { coordKokkola: 201, coordVaasa: 400, admin: 201, adminToken: 201 }),
  },
  { method: 'GET', url: '/api/projects', route: '/api/projects', expect: signedIn(200) },
  { method: 'GET', url: '/api/projects/mx-project', route: '/api/projects/:id', expect: signedIn(200) },
];

export const challengesMatrix: ModuleMatrix = {
  name: 'challenges',
  async setup(f) {
    const { users } = f;
    await addChallenge(f, users.memberCentria, {
      id: 'mx-public',
      regionId: 'kokkola',
      organisationId: 'centria',
    });
    await addChallenge(f, users.memberHidden, {
      id: 'mx-private',
      regionId: 'kokkola',
      organisationId: 'hidden-kokkola',
      isPublic: false,
    });
    await addChallenge(f, users.coordVaasa, {
      id: 'mx-vaasa',
      regionId: 'vaasa',
      organisationId: 'wartsila',
    });
    await addChallenge(f, users.memberUef, { id: 'mx-uef', regionId: 'kuopio', organisationId: 'uef' });
    for (const who of EVERYONE) {
      await addChallenge(f, users.memberCentria, {
        id: `mx-idea-public-${who}`,
        regionId: 'kokkola',
        organisationId: 'centria',
      });
      await addChallenge(f, users.memberHidden, {
        id: `mx-idea-private-${who}`,
        regionId: 'kokkola',
        organisationId: 'hidden-kokkola',
        isPublic: false,
      });
    }
    await f.t.database.db
      .insert(projects)
      .values({ id: 'mx-project', title: 'Matrix project', challengeIds: ['mx-uef'], regionIds: ['kuopio'] });
  },
  cases,
};
