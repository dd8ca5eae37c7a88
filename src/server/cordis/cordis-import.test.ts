import fs from 'node:fs';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  cordisOrganisations,
  cordisParticipations,
  cordisProjects,
} from '../../db/schema/index.ts';
import { type ImportRunner, startImportRunner } from '../../jobs/imports/import-runner.ts';
import { expectNo5xx, nastyText as nasty } from '../../../test/support/hostile.ts';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/support/test-app.ts';

/**
 * CORDIS imports end to end through the API on the published layout (test/fixtures/cordis):
 * CSV and both XLSX cell kinds store the same rows; a malformed file stores nothing and says
 * which row and column; the same file again changes nothing; Finnish participants are linked by
 * VAT number or suggested by name, and a coordinator decides the suggestions on the CORDIS pages.
 */
const FIXTURES = path.join(import.meta.dirname, '../../../test/fixtures/cordis');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

let t: TestApp;
let runner: ImportRunner;
type Client = Awaited<ReturnType<typeof signIn>>;
let admin: Client;
let coordKokkola: Client;
let coordVaasa: Client;
let member: Client;

beforeAll(async () => {
  t = await createTestApp();
  runner = startImportRunner(t.database.db, { pollMs: 50 });
  admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
  coordKokkola = await signIn(
    t.app,
    (await buildUser(t.database, 'coordinator', { regionId: 'kokkola' })).email,
  );
  coordVaasa = await signIn(t.app, (await buildUser(t.database, 'coordinator', { regionId: 'vaasa' })).email);
  member = await signIn(t.app, (await buildUser(t.database, 'member')).email);
});
afterAll(async () => {
  await runner.stop();
  await t.close();
});

type ImportView = {
  id: string;
  status: string;
  errors: { row: number; column: string | null; code?: string; field?: string; message: string }[];
  errorCount: number;
  failure: { code: string; message: string } | null;
  summary: Record<string, number> | null;
  suggestedMapping: Record<string, string>;
  missingRequired: string[];
};

async function upload(client: Client, kind: string, name: string, data: Buffer) {
  const body = new FormData();
  body.append('kind', kind);
  body.append('file', new Blob([new Uint8Array(data)]), name);
  return t.app.inject({ method: 'POST', url: '/api/imports', headers: client.headers(true), payload: body });
}

async function view(id: string): Promise<ImportView> {
  const response = await t.app.inject({ url: `/api/imports/${id}`, headers: admin.headers(false) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ImportView;
}

/** Uploads, maps with the suggested mapping (the official names map themselves) and waits. */
async function runImport(kind: string, name: string, data = fixture(name)): Promise<ImportView> {
  const uploaded = await upload(admin, kind, name, data);
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const { id } = uploaded.json() as { id: string };
  const first = await view(id);
  expect(first.missingRequired).toEqual([]);
  const queued = await t.app.inject({
    method: 'POST',
    url: `/api/imports/${id}/commit`,
    headers: admin.headers(true),
    payload: { mapping: first.suggestedMapping },
  });
  expect(queued.statusCode, queued.body).toBe(202);
  const started = Date.now();
  for (;;) {
    const current = await view(id);
    if (current.status === 'done' || current.status === 'failed') return current;
    if (Date.now() - started > 30_000) throw new Error(`import still ${current.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function tableCounts() {
  const db = t.database.db;
  const n = async (table: string) =>
    (
      (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!;
  return {
    projects: (await n('cordis_projects')).n,
    organisations: (await n('cordis_organisations')).n,
    participations: (await n('cordis_participations')).n,
    topics: (await n('cordis_topics')).n,
    scivoc: (await n('cordis_project_scivoc')).n,
    audits: (
      await db.select({ n: count() }).from(auditLog).where(eq(auditLog.entity, 'cordis_organisation'))
    )[0]!.n,
  };
}

const get = (client: Client | null, url: string) =>
  t.app.inject({ method: 'GET', url, headers: client ? client.headers(false) : {} });
const post = (client: Client, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: client.headers(true), payload: payload as object });

describe('malformed files store nothing', () => {
  it('reports every bad row of organization.csv with its row, column and reason', async () => {
    const before = await tableCounts();
    const result = await runImport('cordis-organizations', 'organization-malformed.csv');
    expect(result.status).toBe('failed');
    const problems = result.errors.map((e) => [e.row, e.column, e.code]);
    expect(problems).toEqual(
      expect.arrayContaining([
        [3, 'organisationID', 'invalid'],
        [4, 'name', 'required'],
        [5, 'ecContribution', 'invalid'],
        [6, 'SME', 'not_boolean'],
        [6, 'country', 'invalid'],
        [7, 'role', 'required'],
      ]),
    );
    expect(result.errorCount).toBe(6);
    // Row 2 is fine, but nothing of the file is stored.
    expect(await tableCounts()).toEqual(before);
  });

  it('reports duplicate ids, impossible dates and bad amounts of project.csv', async () => {
    const before = await tableCounts();
    const result = await runImport('cordis-projects', 'project-malformed.csv');
    expect(result.status).toBe('failed');
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual(
      expect.arrayContaining([
        [3, 'id', 'duplicate_id'],
        [4, 'startDate', 'invalid'],
        [5, 'endDate', 'invalid'],
        [5, 'ecMaxContribution', 'invalid'],
        [6, 'title', 'required'],
        [6, 'startDate', 'invalid'],
      ]),
    );
    expect((await tableCounts()).projects).toBe(before.projects);
  });

  it('refuses a file with an unclosed quote at upload, naming the line', async () => {
    const response = await upload(
      admin,
      'cordis-organizations',
      'bad.csv',
      fixture('organization-unclosed-quote.csv'),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fileError.code).toBe('csv_syntax');
  });

  it('lets only admins import CORDIS files', async () => {
    const response = await upload(coordKokkola, 'cordis-projects', 'project.csv', fixture('project.csv'));
    expect(response.statusCode).toBe(403);
  });
});

describe('the published layout', () => {
  it('imports project.csv with decimal commas and points, several topics, and concepts from the tagger', async () => {
    const result = await runImport('cordis-projects', 'project.csv');
    expect(result.status, JSON.stringify(result.errors)).toBe('done');
    expect(result.summary).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const [recycle] = await t.database.db
      .select()
      .from(cordisProjects)
      .where(eq(cordisProjects.id, '900000001'));
    expect(recycle).toMatchObject({
      acronym: 'FIXRECYCLE',
      ecMaxContribution: 2248251.25,
      totalCost: 3271371.33,
      startDate: '2024-01-01',
      fundingScheme: 'HORIZON-RIA',
    });
    expect(recycle!.objective).toContain('with "quotes" and a semicolon; on one line');
    expect(recycle!.conceptIds.some((id) => id.startsWith('recycling'))).toBe(true);
    const [cathode] = await t.database.db
      .select()
      .from(cordisProjects)
      .where(eq(cordisProjects.id, '900000002'));
    expect(cathode!.topics).toEqual(['HORIZON-CL5-2024-D2-01-01', 'HORIZON-CL5-2024-D2-01-02']);
    expect(cathode!.ecMaxContribution).toBe(3284812.75);
    const [erc] = await t.database.db.select().from(cordisProjects).where(eq(cordisProjects.id, '900000003'));
    expect(erc!.conceptIds).toEqual([]);
  });

  it('imports organization.csv: ISO countries, amounts, SMEs, links by VAT and name suggestions', async () => {
    const before = await tableCounts();
    const result = await runImport('cordis-organizations', 'organization.csv');
    expect(result.status, JSON.stringify(result.errors)).toBe('done');
    expect(result.summary).toMatchObject({
      created: 7,
      participationsCreated: 8,
      duplicatesMerged: 0,
      linked: 2,
      suggested: 1,
    });
    const orgs = new Map((await t.database.db.select().from(cordisOrganisations)).map((o) => [o.id, o]));
    expect(orgs.get('999990004')).toMatchObject({ country: 'GR', vatNumber: 'EL090145420' });
    expect(orgs.get('999990005')).toMatchObject({ country: 'GB', shortName: null });
    expect(orgs.get('999990006')).toMatchObject({ name: 'ACME "BATTERIES"; RECYCLING GMBH', sme: true });
    expect(orgs.get('999990001')).toMatchObject({
      registryOrganisationId: 'city-of-kokkola',
      linkMethod: 'vat',
    });
    expect(orgs.get('999990003')).toMatchObject({ registryOrganisationId: 'lut', linkMethod: 'vat' });
    expect(orgs.get('999990002')).toMatchObject({
      registryOrganisationId: null,
      suggestedOrganisationId: 'centria',
    });
    const [kokkola] = await t.database.db
      .select()
      .from(cordisParticipations)
      .where(sql`${cordisParticipations.organisationId} = '999990001'`);
    expect(kokkola).toMatchObject({ role: 'participant', ecContribution: 250000.5, totalCost: 312500.63 });
    const [ended] = await t.database.db
      .select()
      .from(cordisParticipations)
      .where(sql`${cordisParticipations.organisationId} = '999990007'`);
    expect(ended!.active).toBe(false);
    // One audit row per link made or suggested.
    expect((await tableCounts()).audits - before.audits).toBe(3);
  });

  it('changes nothing when the same file comes again', async () => {
    const before = await tableCounts();
    const result = await runImport('cordis-organizations', 'organization.csv');
    expect(result.summary).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 7,
      participationsCreated: 0,
      participationsUpdated: 0,
      participationsUnchanged: 8,
      linked: 0,
      suggested: 0,
    });
    expect(await tableCounts()).toEqual(before);
  });

  it.each([
    ['organization.xlsx', 'shared strings'],
    ['organization-inline.xlsx', 'inline strings'],
  ])('reads the XLSX edition %s (%s) exactly as the CSV', async (name) => {
    const result = await runImport('cordis-organizations', name);
    expect(result.status, JSON.stringify(result.errors)).toBe('done');
    expect(result.summary).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 7,
      participationsUnchanged: 8,
    });
  });

  it('reads project.xlsx exactly as project.csv', async () => {
    const result = await runImport('cordis-projects', 'project.xlsx');
    expect(result.status, JSON.stringify(result.errors)).toBe('done');
    expect(result.summary).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('imports topics.csv (one title per code) and euroSciVoc.csv', async () => {
    const topics = await runImport('cordis-topics', 'topics.csv');
    expect(topics.summary).toMatchObject({ created: 4 });
    const scivoc = await runImport('cordis-euroscivoc', 'euroSciVoc.csv');
    expect(scivoc.summary).toMatchObject({ created: 3 });
    const again = await runImport('cordis-topics', 'topics.csv');
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  });
});

describe('the CORDIS pages', () => {
  it('shows an organisation with its track record, and its registry link to those who may read it', async () => {
    const response = await get(member, '/api/cordis/organisations/999990003');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.registry).toMatchObject({ id: 'lut', linkMethod: 'vat' });
    expect(body.summary).toMatchObject({ projects: 2, coordinated: 0, ecContributionEur: 1648250.75 });
    expect(body.trackRecord.map((p: { acronym: string }) => p.acronym)).toEqual(['FIXCATHODE', 'FIXRECYCLE']);
    expect(body.suggestion).toBeNull();
    expect((await get(null, '/api/cordis/organisations/999990003')).statusCode).toBe(401);
    expect((await get(member, '/api/cordis/organisations/not-a-pic')).statusCode).toBe(400);
  });

  it('shows a project with its consortium, topics with titles and fields of science', async () => {
    const response = await get(member, '/api/cordis/projects/900000001');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.participants[0]).toMatchObject({ organisationId: '999990002', role: 'coordinator' });
    expect(body.participants.map((p: { country: string }) => p.country).sort()).toEqual([
      'FI',
      'FI',
      'FI',
      'GB',
      'GR',
    ]);
    expect(body.project.topics).toEqual([
      { code: 'HORIZON-CL5-2023-D2-01-04', title: 'Innovative battery recycling (Batt4EU Partnership)' },
    ]);
    expect(body.fieldsOfScience).toHaveLength(2);
  });

  it('lets the coordinator of the region confirm a name suggestion, and no one else', async () => {
    const kokkolaList = (await get(coordKokkola, '/api/cordis/links')).json();
    expect(
      kokkolaList.items.map((i: { cordisOrganisation: { id: string } }) => i.cordisOrganisation.id),
    ).toContain('999990002');
    const vaasaList = (await get(coordVaasa, '/api/cordis/links')).json();
    expect(vaasaList.items).toEqual([]);
    expect((await get(member, '/api/cordis/links')).statusCode).toBe(403);

    const profile = (await get(coordKokkola, '/api/cordis/organisations/999990002')).json();
    expect(profile).toMatchObject({ suggestion: { id: 'centria' }, canManageLink: true });
    expect((await get(coordVaasa, '/api/cordis/organisations/999990002')).json().suggestion).toBeNull();

    expect((await post(coordVaasa, '/api/cordis/links/999990002', { action: 'confirm' })).statusCode).toBe(
      403,
    );
    expect((await post(member, '/api/cordis/links/999990002', { action: 'confirm' })).statusCode).toBe(403);
    const confirmed = await post(coordKokkola, '/api/cordis/links/999990002', { action: 'confirm' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({
      registryOrganisationId: 'centria',
      linkMethod: 'name_confirmed',
    });
    expect((await post(coordKokkola, '/api/cordis/links/999990002', { action: 'confirm' })).statusCode).toBe(
      409,
    );

    const section = (await get(member, '/api/cordis/registry-organisations/centria')).json();
    expect(section.organisations).toEqual([
      expect.objectContaining({ id: '999990002', linkMethod: 'name_confirmed' }),
    ]);
    expect(section.projects.map((p: { acronym: string }) => p.acronym)).toEqual(['FIXRECYCLE']);
  });

  it('keeps a person’s decision: an unlinked VAT link is not made again by the next import', async () => {
    const unlinked = await post(admin, '/api/cordis/links/999990001', { action: 'unlink' });
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    const result = await runImport('cordis-organizations', 'organization.csv');
    expect(result.summary).toMatchObject({ linked: 0, suggested: 0 });
    const [row] = await t.database.db
      .select()
      .from(cordisOrganisations)
      .where(eq(cordisOrganisations.id, '999990001'));
    expect(row!.registryOrganisationId).toBeNull();
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entity} = 'cordis_organisation' and ${auditLog.action} = 'unlink'`);
    expect(audit!.changes).toMatchObject({ organisationId: 'city-of-kokkola' });
  });
});

describe('hostile input never causes a 5xx', () => {
  it('CORDIS GET routes with any id and query', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, async (id, q) => {
        for (const url of [
          `/api/cordis/organisations/${encodeURIComponent(id)}`,
          `/api/cordis/projects/${encodeURIComponent(id)}`,
          `/api/cordis/registry-organisations/${encodeURIComponent(id)}`,
          `/api/cordis/links?status=${encodeURIComponent(q)}&page=${encodeURIComponent(id)}&pageSize=${encodeURIComponent(q)}`,
        ]) {
          expectNo5xx(await get(admin, url));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('POST /api/cordis/links/:id with any body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom('999990002', '999990004', '0'), nasty),
        fc.oneof(
          fc.record({ action: fc.oneof(fc.constantFrom('confirm', 'reject', 'unlink'), nasty) }),
          fc.anything(),
        ),
        async (id, body) => {
          const response = await t.app.inject({
            method: 'POST',
            url: `/api/cordis/links/${encodeURIComponent(id)}`,
            headers: { ...admin.headers(true), 'content-type': 'application/json' },
            payload: JSON.stringify(body) ?? 'null',
          });
          expectNo5xx(response);
        },
      ),
      { numRuns: 60 },
    );
  });
});
