import { randomUUID } from 'node:crypto';
import {
  type Case,
  type MatrixFixture,
  type ModuleMatrix,
  signedIn,
  all,
} from '../../../test/support/permission-matrix.ts';
import { fundingCalls, projectPartners, projects } from '../../db/schema/index.ts';

/**
 * The pipeline, calls and KPI routes × every caller. Rows: `mx-pl-kokkola` (a Kokkola project
 * whose coordinator partner is Centria), `mx-pl-vaasa` (another region's project, coordinated by
 * UEF, another organisation), `mx-pl-call` (a call). Projects: every signed-in person reads;
 * admins, the creator, coordinators of the project's regions and members of its coordinator
 * partner's organisation edit. Calls: everyone reads, coordinators and admins write. KPIs:
 * signed-in users; exports coordinators and admins.
 */
const callWriters = { coordKokkola: 200, coordVaasa: 200, admin: 200, adminToken: 200 };
const admins = { admin: 200, adminToken: 200 };

async function addProject(
  f: MatrixFixture,
  row: { id: string; regionId: string; coordinatorOrganisationId: string },
): Promise<string> {
  const db = f.t.database.db;
  await db.insert(projects).values({
    id: row.id,
    title: `Matrix pipeline project ${row.id}`,
    regionIds: [row.regionId],
    instrumentId: 'funding.horizon-europe.ria',
  });
  await db.insert(projectPartners).values({
    id: randomUUID(),
    projectId: row.id,
    organisationId: row.coordinatorOrganisationId,
    name: row.coordinatorOrganisationId,
    country: 'FI',
    role: 'coordinator',
    personnelEur: 100_000,
  });
  return row.id;
}

let seq = 0;
const freshKokkolaProject = (_who: string, f: MatrixFixture) =>
  addProject(f, {
    id: `mx-pl-fresh-${++seq}-${Date.now()}`,
    regionId: 'kokkola',
    coordinatorOrganisationId: 'centria',
  });

const freshCall = async (_who: string, f: MatrixFixture) => {
  const id = `mx-pl-call-fresh-${++seq}-${Date.now()}`;
  await f.t.database.db
    .insert(fundingCalls)
    .values({ id, instrumentId: 'funding.business-finland', title: 'Fresh matrix call' });
  return id;
};

const cases: Case[] = [
  { method: 'GET', url: '/api/instruments', route: '/api/instruments', expect: all(200) },
  { method: 'GET', url: '/api/calls', route: '/api/calls', expect: all(200) },
  {
    method: 'GET',
    url: '/api/calls?upcoming=true&instrumentId=funding.horizon-europe.ia',
    route: '/api/calls',
    expect: all(200),
  },
  {
    method: 'POST',
    url: '/api/calls',
    route: '/api/calls',
    body: (who) => ({ instrumentId: 'funding.erdf', title: `Call by ${who}` }),
    expect: signedIn(403, { coordKokkola: 201, coordVaasa: 201, admin: 201, adminToken: 201 }),
  },
  {
    method: 'PATCH',
    url: '/api/calls/mx-pl-call',
    route: '/api/calls/:id',
    body: () => ({ budgetEur: 5_000_000 }),
    expect: signedIn(403, callWriters),
  },
  {
    method: 'PATCH',
    url: '/api/calls/mx-pl-no-such-call',
    route: '/api/calls/:id',
    body: () => ({ budgetEur: 5_000_000 }),
    expect: signedIn(403, { coordKokkola: 404, coordVaasa: 404, admin: 404, adminToken: 404 }),
  },
  {
    method: 'DELETE',
    url: '/api/calls/:fresh',
    route: '/api/calls/:id',
    fresh: freshCall,
    expect: signedIn(403, { coordKokkola: 204, coordVaasa: 204, admin: 204, adminToken: 204 }),
  },
  // ── Projects: read by everyone signed in; edited per row ──
  {
    method: 'GET',
    url: '/api/projects?stage=idea&track=horizon_europe&regionId=kokkola&q=matrix',
    route: '/api/projects',
    expect: signedIn(200),
  },
  { method: 'GET', url: '/api/projects/mx-pl-vaasa', route: '/api/projects/:id', expect: signedIn(200) },
  { method: 'GET', url: '/api/projects/mx-pl-nothing', route: '/api/projects/:id', expect: signedIn(404) },
  {
    method: 'PATCH',
    url: '/api/projects/mx-pl-kokkola',
    route: '/api/projects/:id',
    body: () => ({ summary: 'Edited in the permission matrix.' }),
    expect: signedIn(403, { memberCentria: 200, coordKokkola: 200, ...admins }),
  },
  {
    method: 'PATCH',
    url: '/api/projects/mx-pl-vaasa',
    route: '/api/projects/:id',
    body: () => ({ requestedEur: 1_000_000 }),
    expect: signedIn(403, { memberUef: 200, coordVaasa: 200, ...admins }),
  },
  {
    method: 'PATCH',
    url: '/api/projects/mx-pl-nothing',
    route: '/api/projects/:id',
    body: () => ({ summary: 'x' }),
    expect: signedIn(404),
  },
  {
    method: 'POST',
    url: '/api/projects/:fresh/stage',
    route: '/api/projects/:id/stage',
    fresh: freshKokkolaProject,
    body: () => ({ stage: 'concept_note' }),
    expect: signedIn(403, { memberCentria: 200, coordKokkola: 200, ...admins }),
  },
  {
    method: 'POST',
    url: '/api/projects/mx-pl-vaasa/stage',
    route: '/api/projects/:id/stage',
    // Not allowed from idea: who may edit learns why (409); the others are refused first.
    body: () => ({ stage: 'funded', grantedEur: 1 }),
    expect: signedIn(403, { memberUef: 409, coordVaasa: 409, admin: 409, adminToken: 409 }),
  },
  // ── KPIs ──
  { method: 'GET', url: '/api/kpis', route: '/api/kpis', expect: signedIn(200) },
  {
    method: 'GET',
    url: '/api/kpis/export.xlsx',
    route: '/api/kpis/export.xlsx',
    expect: signedIn(403, callWriters),
  },
  {
    method: 'GET',
    url: '/api/kpis/export.pdf?lang=fi',
    route: '/api/kpis/export.pdf',
    expect: signedIn(403, callWriters),
  },
];

export const pipelineMatrix: ModuleMatrix = {
  name: 'projects pipeline',
  async setup(f) {
    await addProject(f, { id: 'mx-pl-kokkola', regionId: 'kokkola', coordinatorOrganisationId: 'centria' });
    await addProject(f, { id: 'mx-pl-vaasa', regionId: 'vaasa', coordinatorOrganisationId: 'uef' });
    await f.t.database.db
      .insert(fundingCalls)
      .values({ id: 'mx-pl-call', instrumentId: 'funding.horizon-europe.ia', title: 'Matrix call' });
  },
  cases,
};
