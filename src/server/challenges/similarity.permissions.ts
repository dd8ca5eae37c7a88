import { createChallenge } from '../../db/queries/challenges.ts';
import type { UserRow } from '../../db/queries/users.ts';
import {
  all,
  type Case,
  type MatrixFixture,
  type ModuleMatrix,
} from '../../../test/support/permission-matrix.ts';

/**
 * Similar and common challenges × every caller. Rows: `mxs-a-public` (public, Centria, Kokkola)
 * and `mxs-b-private` (private, UEF, Kuopio), two wordings of one problem: together they are a
 * common challenge of two regions, which only those who may read the private one see (UEF's
 * members and admins; not another organisation, not another region's coordinator).
 */
const readersOfUefPrivate = { memberUef: 200, admin: 200, adminToken: 200 };

async function add(
  f: MatrixFixture,
  by: UserRow,
  row: { id: string; title: string; description: string; language: 'fi' | 'en' } & {
    regionId: string;
    organisationId: string;
    isPublic: boolean;
  },
) {
  await createChallenge(
    f.t.database.db,
    {
      kind: 'user',
      userId: by.id,
      role: by.role,
      organisationId: by.organisationId,
      regionId: by.regionId,
      via: 'session',
    },
    {
      ...row,
      createdBy: by.id,
      conceptIds: [],
      suggestedConceptIds: [],
      trlNow: null,
      trlWanted: null,
      horizon: null,
    },
  );
}

async function setup(f: MatrixFixture) {
  await add(f, f.users.memberCentria, {
    id: 'mxs-a-public',
    regionId: 'kokkola',
    organisationId: 'centria',
    isPublic: true,
    language: 'en',
    title: 'Cooling the battery rooms of electric ferries',
    description:
      'Battery rooms on electric car ferries heat up during fast charging in port. We want to test liquid cooling of the battery modules with a seawater heat exchanger and compare it with air cooling on a 4 MWh ferry battery.',
  });
  await add(f, f.users.memberUef, {
    id: 'mxs-b-private',
    regionId: 'kuopio',
    organisationId: 'uef',
    isPublic: false,
    language: 'fi',
    title: 'Sähkölauttojen akkuhuoneiden jäähdytys',
    description:
      'Sähkökäyttöisten autolauttojen akkuhuoneet kuumenevat pikalatauksessa satamassa. Haluamme testata akkumoduulien nestejäähdytystä merivesilämmönvaihtimella ja verrata sitä ilmajäähdytykseen 4 MWh:n lauttakäyttöisessä akussa.',
  });
}

const cases: Case[] = [
  {
    method: 'GET',
    url: '/api/challenges/mxs-a-public/similar',
    route: '/api/challenges/:id/similar',
    expect: all(200),
  },
  {
    method: 'GET',
    url: '/api/challenges/mxs-b-private/similar?limit=5',
    route: '/api/challenges/:id/similar',
    expect: all(404, readersOfUefPrivate),
  },
  {
    method: 'GET',
    url: '/api/challenges/no-such-challenge/similar',
    route: '/api/challenges/:id/similar',
    expect: all(404),
  },
  { method: 'GET', url: '/api/challenges/common', route: '/api/challenges/common', expect: all(200) },
  {
    method: 'GET',
    url: '/api/challenges/common?region=kokkola&concept=recycling',
    route: '/api/challenges/common',
    expect: all(200),
  },
  {
    method: 'GET',
    url: '/api/challenges/common/cc-demo-fire-vaasa',
    route: '/api/challenges/common/:clusterId',
    expect: all(200),
  },
  {
    method: 'GET',
    url: '/api/challenges/common/cc-mxs-a-public',
    route: '/api/challenges/common/:clusterId',
    expect: all(404, readersOfUefPrivate),
  },
  {
    method: 'GET',
    url: '/api/challenges/common/export?format=xlsx',
    route: '/api/challenges/common/export',
    expect: all(200),
  },
  {
    method: 'GET',
    url: '/api/challenges/common/export?format=pdf&clusterId=cc-mxs-a-public&lang=fi',
    route: '/api/challenges/common/export',
    expect: all(404, readersOfUefPrivate),
  },
];

export const similarityMatrix: ModuleMatrix = { name: 'challenge similarity', setup, cases };
