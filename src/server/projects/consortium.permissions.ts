import {
  all,
  type Case,
  type MatrixFixture,
  type ModuleMatrix,
  signedIn,
  type Who,
} from '../../../test/support/permission-matrix.ts';
import { createPartner } from '../../db/queries/project-partners.ts';
import { putProgrammeCountry } from '../../db/queries/programme-countries.ts';
import { projects } from '../../db/schema/index.ts';

/**
 * Consortium routes (partners, budget, eligibility, builder) and programme countries × every
 * caller. Rows: project `mxc-kokkola` (region Kokkola, coordinator partner Centria) and project
 * `mxc-vaasa` (region Vaasa, coordinator partner UEF). Any signed-in person reads; editors are
 * admins, the project's creator, coordinators of its regions and members of the coordinator
 * partner's organisation. Programme countries: everyone reads, admins write.
 */
const SYSTEM = { kind: 'system' } as never;
const base = {
  organisationId: null,
  cordisOrganisationId: null,
  affiliatedToPartnerId: null,
  legalEntityGroup: null,
  isNonProfit: false,
  isSme: false,
  regionId: null,
  personnelEur: 0,
  subcontractingEur: 0,
  otherEur: 0,
  conceptIds: [],
};

async function setup({ t }: MatrixFixture) {
  const db = t.database.db;
  await db.insert(projects).values([
    {
      id: 'mxc-kokkola',
      title: 'Matrix consortium Kokkola',
      regionIds: ['kokkola'],
      instrumentId: 'funding.horizon-europe.ria',
    },
    {
      id: 'mxc-vaasa',
      title: 'Matrix consortium Vaasa',
      regionIds: ['vaasa'],
      instrumentId: 'funding.horizon-europe.ia',
    },
  ]);
  await createPartner(db, SYSTEM, 'mxc-kokkola', {
    ...base,
    name: 'Centria',
    country: 'FI',
    role: 'coordinator',
    organisationId: 'centria',
  });
  await createPartner(db, SYSTEM, 'mxc-vaasa', {
    ...base,
    name: 'UEF',
    country: 'FI',
    role: 'coordinator',
    organisationId: 'uef',
  });
}

const kokkolaEditors = { memberCentria: 0, coordKokkola: 0, admin: 0, adminToken: 0 };
const vaasaEditors = { memberUef: 0, coordVaasa: 0, admin: 0, adminToken: 0 };
const editors = (of: Record<string, number>, status: number, otherwise: number) =>
  signedIn(
    otherwise,
    Object.fromEntries(Object.keys(of).map((w) => [w, status])) as Partial<Record<Who, number>>,
  );

const freshPartner =
  (projectId: string) =>
  async (who: Who, { t }: MatrixFixture) =>
    (
      await createPartner(t.database.db, SYSTEM, projectId, {
        ...base,
        name: `Fresh ${who}`,
        country: 'SE',
        role: 'beneficiary',
      })
    ).id;

const CODES: Record<Who, string> = {
  visitor: 'QA',
  memberCentria: 'QB',
  memberHidden: 'QC',
  memberUef: 'QD',
  coordKokkola: 'QE',
  coordVaasa: 'QF',
  admin: 'QG',
  adminToken: 'QH',
};

const suggestBody = () => ({
  stageIds: ['cam', 'recycling'],
  instrumentId: 'funding.business-finland',
  size: { min: 1, max: 3 },
});

const cases: Case[] = [
  ...(['partners', 'budget', 'eligibility'] as const).flatMap((part): Case[] => [
    {
      method: 'GET',
      url: `/api/projects/mxc-kokkola/${part}`,
      route: `/api/projects/:id/${part}`,
      expect: signedIn(200),
    },
    {
      method: 'GET',
      url: `/api/projects/mxc-vaasa/${part}`,
      route: `/api/projects/:id/${part}`,
      expect: signedIn(200),
    },
    {
      method: 'GET',
      url: `/api/projects/mxc-none/${part}`,
      route: `/api/projects/:id/${part}`,
      expect: signedIn(404),
    },
  ]),
  {
    method: 'POST',
    url: '/api/projects/mxc-kokkola/partners',
    route: '/api/projects/:id/partners',
    body: (who) => ({ name: `Partner of ${who}`, country: 'SE', role: 'beneficiary' }),
    expect: editors(kokkolaEditors, 201, 403),
  },
  {
    method: 'POST',
    url: '/api/projects/mxc-vaasa/partners',
    route: '/api/projects/:id/partners',
    body: (who) => ({ name: `Partner of ${who}`, country: 'NO', role: 'beneficiary' }),
    expect: editors(vaasaEditors, 201, 403),
  },
  {
    method: 'POST',
    url: '/api/projects/mxc-none/partners',
    route: '/api/projects/:id/partners',
    body: () => ({ name: 'Nobody', country: 'SE', role: 'beneficiary' }),
    expect: signedIn(404),
  },
  {
    method: 'PATCH',
    url: '/api/projects/mxc-kokkola/partners/:fresh',
    route: '/api/projects/:id/partners/:partnerId',
    fresh: freshPartner('mxc-kokkola'),
    body: () => ({ personnelEur: 120_000 }),
    expect: editors(kokkolaEditors, 200, 403),
  },
  {
    method: 'PATCH',
    url: '/api/projects/mxc-kokkola/partners/no-such-partner',
    route: '/api/projects/:id/partners/:partnerId',
    body: () => ({ personnelEur: 1 }),
    expect: editors(kokkolaEditors, 404, 403),
  },
  {
    method: 'DELETE',
    url: '/api/projects/mxc-vaasa/partners/:fresh',
    route: '/api/projects/:id/partners/:partnerId',
    fresh: freshPartner('mxc-vaasa'),
    expect: editors(vaasaEditors, 204, 403),
  },
  {
    method: 'POST',
    url: '/api/consortia/suggest',
    route: '/api/consortia/suggest',
    body: suggestBody,
    expect: signedIn(200),
  },
  {
    // The private Kokkola organisation may be required only by those who may read it.
    method: 'POST',
    url: '/api/consortia/suggest',
    route: '/api/consortia/suggest',
    body: () => ({ ...suggestBody(), mustInclude: ['registry:hidden-kokkola'] }),
    expect: signedIn(400, { memberHidden: 200, coordKokkola: 200, admin: 200, adminToken: 200 }),
  },
  {
    method: 'POST',
    url: '/api/consortia/evaluate',
    route: '/api/consortia/evaluate',
    body: () => ({
      instrumentId: 'funding.horizon-europe.ria',
      stageIds: ['cam'],
      members: ['registry:centria', 'registry:uef'],
    }),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    url: '/api/consortia/evaluate',
    route: '/api/consortia/evaluate',
    body: () => ({
      instrumentId: 'funding.horizon-europe.ria',
      stageIds: ['cam'],
      members: ['registry:hidden-kokkola'],
    }),
    expect: signedIn(400, { memberHidden: 200, coordKokkola: 200, admin: 200, adminToken: 200 }),
  },
  { method: 'GET', url: '/api/programme-countries', route: '/api/programme-countries', expect: all(200) },
  {
    method: 'PUT',
    url: '/api/programme-countries/is',
    route: '/api/programme-countries/:code',
    body: () => ({ name: 'Iceland', status: 'associated', scope: 'full', fromDate: '2022-08-01' }),
    expect: signedIn(403, { admin: 200, adminToken: 200 }),
  },
  {
    method: 'DELETE',
    url: '/api/programme-countries/:fresh',
    route: '/api/programme-countries/:code',
    fresh: async (who, { t }) => {
      await putProgrammeCountry(t.database.db, SYSTEM, CODES[who], {
        name: `Test ${who}`,
        status: 'associated',
        scope: 'pillar2',
        fromDate: null,
        toDate: null,
        transitional: true,
        source: 'matrix',
      });
      return CODES[who];
    },
    expect: signedIn(403, { admin: 204, adminToken: 204 }),
  },
];

export const consortiumMatrix: ModuleMatrix = { name: 'consortium', setup, cases };
