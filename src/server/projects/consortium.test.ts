import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  cordisOrganisations,
  cordisParticipations,
  cordisProjects,
  projects,
} from '../../db/schema/index.ts';
import { call, createHiddenKokkola, type Person, person } from '../../../test/support/challenge-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

/**
 * The consortium of a project, end to end through the API: partners with roles and budget
 * sketch, the budget (rules.md §1.3 worked example), the eligibility check rule by rule as the
 * consortium changes, programme countries as data, the builder and swap-and-see.
 */
let t: TestApp;
let admin: Person;
let coordKokkola: Person;
let coordVaasa: Person;
let memberCentria: Person;
let memberUef: Person;
let projectId: string;
const partners: Record<string, string> = {};

async function newProject(
  id: string,
  instrumentId: string | null,
  createdBy: string | null,
  regionIds = ['kokkola'],
) {
  await t.database.db
    .insert(projects)
    .values({ id, title: `Project ${id}`, instrumentId, createdBy, regionIds });
  return id;
}

const partner = (name: string, country: string, extra: Record<string, unknown> = {}) => ({
  name,
  country,
  role: 'beneficiary',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  await createHiddenKokkola(t);
  admin = await person(t, 'admin');
  coordKokkola = await person(t, 'coordinator', { regionId: 'kokkola' });
  coordVaasa = await person(t, 'coordinator', { regionId: 'vaasa' });
  memberCentria = await person(t, 'member', { organisationId: 'centria' });
  memberUef = await person(t, 'member', { organisationId: 'uef' });
  projectId = await newProject('cons-ria', 'funding.horizon-europe.ria', admin.user.id);
  // Two CORDIS organisations abroad with a track record in cam and recycling.
  const db = t.database.db;
  await db.insert(cordisProjects).values([
    { id: '101', acronym: 'CATHODE', title: 'Cathode materials', conceptIds: ['cam.nmc', 'pcam'] },
    { id: '102', acronym: 'LOOP', title: 'Battery recycling', conceptIds: ['recycling.hydromet'] },
  ]);
  await db.insert(cordisOrganisations).values([
    { id: '9001', name: 'Kathoden GmbH', country: 'DE', sme: true, activityType: 'PRC' },
    { id: '9002', name: 'Återvinning AB', country: 'SE', sme: false, activityType: 'REC' },
    { id: '9003', name: 'Battery Inc', country: 'US', sme: false, activityType: 'PRC' },
  ]);
  await db.insert(cordisParticipations).values([
    { projectId: '101', organisationId: '9001', role: 'coordinator' },
    { projectId: '102', organisationId: '9002', role: 'participant' },
    { projectId: '102', organisationId: '9003', role: 'participant' },
  ]);
});
afterAll(async () => t.close());

describe('partners', () => {
  it('a coordinator of the project region adds partners; each write leaves one audit row', async () => {
    const coordinator = await call(t, coordKokkola, 'POST', `/api/projects/${projectId}/partners`, {
      ...partner('Centria', 'fi', { role: 'coordinator', organisationId: 'centria', isNonProfit: true }),
      personnelEur: 200_000,
    });
    expect(coordinator.statusCode, coordinator.body).toBe(201);
    expect(coordinator.json()).toMatchObject({ country: 'FI', role: 'coordinator', position: 0 });
    partners.centria = coordinator.json().id;
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, partners.centria!));
    expect(audits.map((a) => a.action)).toEqual(['create']);
    const list = await call(t, memberUef, 'GET', `/api/projects/${projectId}/partners`);
    expect(list.json()).toMatchObject({ canEdit: false, partners: [{ name: 'Centria' }] });
  });

  it('the members of the coordinator partner’s organisation may then edit; others may not', async () => {
    const company = await call(t, memberCentria, 'POST', `/api/projects/${projectId}/partners`, {
      ...partner('Cathode Oy', 'FI'),
      personnelEur: 300_000,
      subcontractingEur: 50_000,
      otherEur: 50_000,
    });
    expect(company.statusCode, company.body).toBe(201);
    partners.cathode = company.json().id;
    expect(
      (await call(t, memberUef, 'POST', `/api/projects/${projectId}/partners`, partner('X', 'SE')))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(t, coordVaasa, 'POST', `/api/projects/${projectId}/partners`, partner('X', 'SE')))
        .statusCode,
    ).toBe(403);
    expect((await call(t, null, 'GET', `/api/projects/${projectId}/partners`)).statusCode).toBe(401);
    expect((await call(t, admin, 'GET', '/api/projects/no-such/partners')).statusCode).toBe(404);
  });

  it('rejects what cannot be: an unknown organisation, a private one you cannot read, a dangling affiliation', async () => {
    const url = `/api/projects/${projectId}/partners`;
    const unknown = await call(
      t,
      coordKokkola,
      'POST',
      url,
      partner('X', 'FI', { organisationId: 'no-such-org' }),
    );
    expect(unknown.statusCode).toBe(400);
    const hidden = await call(
      t,
      memberCentria,
      'POST',
      url,
      partner('X', 'FI', { organisationId: 'hidden-kokkola' }),
    );
    expect(hidden.statusCode).toBe(400);
    const dangling = await call(
      t,
      coordKokkola,
      'POST',
      url,
      partner('X', 'FI', { role: 'affiliated_entity' }),
    );
    expect(dangling.statusCode).toBe(400);
    const wrongTie = await call(
      t,
      coordKokkola,
      'POST',
      url,
      partner('X', 'FI', { role: 'affiliated_entity', affiliatedToPartnerId: 'nope' }),
    );
    expect(wrongTie.statusCode).toBe(400);
    const badRegion = await call(t, coordKokkola, 'POST', url, partner('X', 'FI', { regionId: 'atlantis' }));
    expect(badRegion.statusCode).toBe(400);
    const badCountry = await call(t, coordKokkola, 'POST', url, partner('X', 'Finland'));
    expect(badCountry.statusCode).toBe(400);
  });
});

describe('budget and eligibility of the project', () => {
  it('the budget follows rules.md §1.3 (RIA: 100 %; IA company: the worked example 341,250)', async () => {
    const ria = (await call(t, memberUef, 'GET', `/api/projects/${projectId}/budget`)).json();
    expect(ria.actionType).toBe('RIA');
    expect(ria.partners.find((p: { name: string }) => p.name === 'Cathode Oy')).toMatchObject({
      directEur: 400_000,
      indirectEur: 87_500,
      totalEur: 487_500,
      grantEur: 487_500,
    });
    await t.database.db
      .update(projects)
      .set({ instrumentId: 'funding.horizon-europe.ia' })
      .where(eq(projects.id, projectId));
    const ia = (await call(t, memberUef, 'GET', `/api/projects/${projectId}/budget`)).json();
    expect(ia.partners.map((p: { grantEur: number }) => p.grantEur)).toEqual([250_000, 341_250]);
    expect(ia.totals).toMatchObject({ totalEur: 737_500, grantEur: 591_250 });
    await t.database.db
      .update(projects)
      .set({ instrumentId: 'funding.horizon-europe.ria' })
      .where(eq(projects.id, projectId));
  });

  it('two Finnish partners fail; adding Sweden and Norway turns the check green', async () => {
    const red = (await call(t, memberUef, 'GET', `/api/projects/${projectId}/eligibility`)).json();
    expect(red).toMatchObject({ applicable: true, eligible: false, actionType: 'RIA' });
    expect(red.rules.find((r: { code: string }) => r.code === 'min_independent_entities')).toMatchObject({
      passed: false,
      params: { required: 3, found: 2 },
    });
    const se = await call(
      t,
      coordKokkola,
      'POST',
      `/api/projects/${projectId}/partners`,
      partner('Återvinning AB', 'SE'),
    );
    partners.se = se.json().id;
    const stillRed = (await call(t, memberUef, 'GET', `/api/projects/${projectId}/eligibility`)).json();
    expect(stillRed.rules.find((r: { code: string }) => r.code === 'different_countries')).toMatchObject({
      passed: false,
      params: { found: 2 },
    });
    const no = await call(
      t,
      coordKokkola,
      'POST',
      `/api/projects/${projectId}/partners`,
      partner('Norsk Batteri AS', 'NO'),
    );
    partners.no = no.json().id;
    const green = (await call(t, memberUef, 'GET', `/api/projects/${projectId}/eligibility`)).json();
    expect(green.eligible).toBe(true);
  });

  it('turning Norway into an affiliated entity, or a shared legal-entity group, makes it red again', async () => {
    const url = `/api/projects/${projectId}/partners/${partners.no}`;
    const affiliated = await call(t, coordKokkola, 'PATCH', url, {
      role: 'affiliated_entity',
      affiliatedToPartnerId: partners.se,
    });
    expect(affiliated.statusCode, affiliated.body).toBe(200);
    expect((await call(t, admin, 'GET', `/api/projects/${projectId}/eligibility`)).json().eligible).toBe(
      false,
    );
    await call(t, coordKokkola, 'PATCH', url, {
      role: 'beneficiary',
      affiliatedToPartnerId: null,
      legalEntityGroup: 'nordic',
    });
    await call(t, coordKokkola, 'PATCH', `/api/projects/${projectId}/partners/${partners.se}`, {
      legalEntityGroup: 'nordic',
    });
    expect((await call(t, admin, 'GET', `/api/projects/${projectId}/eligibility`)).json().eligible).toBe(
      false,
    );
    await call(t, coordKokkola, 'PATCH', `/api/projects/${projectId}/partners/${partners.se}`, {
      legalEntityGroup: null,
    });
    expect((await call(t, admin, 'GET', `/api/projects/${projectId}/eligibility`)).json().eligible).toBe(
      true,
    );
  });

  it('programme countries are data: when an admin ends Norway’s association, Norway is a third country', async () => {
    const put = (who: Person | null, body: unknown) =>
      call(t, who, 'PUT', '/api/programme-countries/no', body);
    const ended = {
      name: 'Norway',
      status: 'associated',
      scope: 'full',
      fromDate: '2022-08-01',
      toDate: '2023-01-01',
    };
    expect((await put(coordKokkola, ended)).statusCode).toBe(403);
    expect((await put(null, ended)).statusCode).toBe(401);
    const changed = await put(admin, ended);
    expect(changed.statusCode, changed.body).toBe(200);
    const result = (await call(t, memberUef, 'GET', `/api/projects/${projectId}/eligibility`)).json();
    expect(result.eligible).toBe(false);
    expect(
      result.rules.find((r: { code: string }) => r.code === 'third_country_not_funded').params.countries,
    ).toEqual(['NO']);
    const budget = (await call(t, memberUef, 'GET', `/api/projects/${projectId}/budget`)).json();
    expect(budget.partners.find((p: { name: string }) => p.name === 'Norsk Batteri AS')).toMatchObject({
      funded: false,
      grantEur: 0,
    });
    expect((await put(admin, { ...ended, toDate: null })).statusCode).toBe(200);
    expect((await call(t, memberUef, 'GET', `/api/projects/${projectId}/eligibility`)).json().eligible).toBe(
      true,
    );
    const list = (await call(t, null, 'GET', '/api/programme-countries')).json();
    expect(list.filter((c: { status: string }) => c.status === 'member_state')).toHaveLength(27);
    expect((await put(admin, { ...ended, fromDate: '2024-01-01', toDate: '2023-01-01' })).statusCode).toBe(
      400,
    );
  });

  it('removing a partner records it and the check follows', async () => {
    const removed = await call(
      t,
      coordKokkola,
      'DELETE',
      `/api/projects/${projectId}/partners/${partners.no}`,
    );
    expect(removed.statusCode).toBe(204);
    expect(
      (await call(t, coordKokkola, 'DELETE', `/api/projects/${projectId}/partners/${partners.no}`))
        .statusCode,
    ).toBe(404);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, partners.no!));
    expect(audits.map((a) => a.action)).toContain('delete');
    expect((await call(t, memberUef, 'GET', `/api/projects/${projectId}/eligibility`)).json().eligible).toBe(
      false,
    );
  });

  it('a national instrument: no Horizon Europe rules, costs without a grant', async () => {
    const id = await newProject('cons-bf', 'funding.business-finland', null);
    await call(t, admin, 'POST', `/api/projects/${id}/partners`, {
      ...partner('Keliber', 'FI'),
      personnelEur: 100_000,
    });
    expect((await call(t, memberUef, 'GET', `/api/projects/${id}/eligibility`)).json()).toMatchObject({
      applicable: false,
      eligible: true,
    });
    const budget = (await call(t, memberUef, 'GET', `/api/projects/${id}/budget`)).json();
    expect(budget.partners[0]).toMatchObject({ totalEur: 125_000, grantEur: null, fundingRate: null });
  });
});

describe('consortium builder', () => {
  it('suggests a registry consortium covering the stages for a national instrument', async () => {
    const response = await call(t, memberUef, 'POST', '/api/consortia/suggest', {
      stageIds: ['refining', 'cam', 'recycling', 'pack'],
      instrumentId: 'funding.business-finland',
      size: { min: 2, max: 4 },
      regionIds: ['turku'],
    });
    expect(response.statusCode, response.body).toBe(200);
    const best = response.json().consortia[0];
    expect(best.coverage.missing).toEqual([]);
    expect(best.members.some((m: { regionId: string }) => m.regionId === 'turku')).toBe(true);
    expect(best.members.length).toBeLessThanOrEqual(4);
    expect(best.members.some((m: { organisationId: string }) => m.organisationId === 'hidden-kokkola')).toBe(
      false,
    );
  });

  it('for RIA, must-include CORDIS partners abroad make it eligible', async () => {
    const response = await call(t, memberUef, 'POST', '/api/consortia/suggest', {
      stageIds: ['cam', 'recycling', 'cell'],
      instrumentId: 'funding.horizon-europe.ria',
      size: { min: 3, max: 5 },
      mustInclude: ['cordis:9001', 'cordis:9002'],
      k: 2,
    });
    expect(response.statusCode, response.body).toBe(200);
    const { consortia } = response.json();
    expect(consortia.length).toBeGreaterThan(0);
    for (const c of consortia) {
      expect(c.eligibility.eligible).toBe(true);
      expect(c.members.map((m: { key: string }) => m.key)).toEqual(
        expect.arrayContaining(['cordis:9001', 'cordis:9002']),
      );
    }
    expect(consortia[0].tradeOffs[0].code).toBe('best');
  });

  it('built around a project: its counting partners, even name-only ones, are in every suggestion', async () => {
    const response = await call(t, memberUef, 'POST', '/api/consortia/suggest', {
      stageIds: ['cam', 'recycling'],
      instrumentId: 'funding.horizon-europe.ria',
      size: { min: 3, max: 4 },
      projectId,
    });
    expect(response.statusCode, response.body).toBe(200);
    const { consortia } = response.json();
    expect(consortia.length).toBeGreaterThan(0);
    for (const c of consortia) {
      const names = c.members.map((m: { name: string }) => m.name);
      expect(names).toEqual(expect.arrayContaining(['Cathode Oy', 'Återvinning AB']));
      expect(c.members.some((m: { key: string }) => m.key === 'registry:centria')).toBe(true);
      expect(c.eligibility.eligible).toBe(true);
    }
  });

  it('must-include keys that do not exist, or are private to others, are rejected', async () => {
    const body = { stageIds: ['cam'], instrumentId: 'funding.horizon-europe.ria', size: { min: 1, max: 3 } };
    expect(
      (await call(t, memberUef, 'POST', '/api/consortia/suggest', { ...body, mustInclude: ['cordis:0'] }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await call(t, memberUef, 'POST', '/api/consortia/suggest', {
          ...body,
          mustInclude: ['registry:hidden-kokkola'],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await call(t, memberUef, 'POST', '/api/consortia/suggest', { ...body, instrumentId: 'nope' }))
        .statusCode,
    ).toBe(400);
    expect((await call(t, null, 'POST', '/api/consortia/suggest', body)).statusCode).toBe(401);
  });

  it('swap-and-see: replacing the Swedish partner by an American one turns the check and coverage red', async () => {
    const base = { instrumentId: 'funding.horizon-europe.ria', stageIds: ['cam', 'recycling', 'cell'] };
    const before = (
      await call(t, memberUef, 'POST', '/api/consortia/evaluate', {
        ...base,
        members: ['registry:centria', 'cordis:9001', 'cordis:9002'],
      })
    ).json();
    expect(before.eligibility.eligible).toBe(true);
    expect(before.coverage).toEqual({ covered: ['cam', 'recycling', 'cell'], missing: [] });
    const after = (
      await call(t, memberUef, 'POST', '/api/consortia/evaluate', {
        ...base,
        members: ['registry:centria', 'cordis:9001', 'cordis:9003'],
      })
    ).json();
    expect(after.eligibility.eligible).toBe(false);
    expect(after.eligibility.partners[2]).toMatchObject({ standing: 'third_country', funded: false });
    const withObject = (
      await call(t, memberUef, 'POST', '/api/consortia/evaluate', {
        ...base,
        members: [
          'registry:centria',
          'cordis:9001',
          { name: 'Cellula AS', country: 'NO', stageIds: ['cell'], personnelEur: 100 },
        ],
      })
    ).json();
    expect(withObject.eligibility.eligible).toBe(true);
    expect(withObject.budget.partners[2]).toMatchObject({ totalEur: 125, grantEur: 125 });
  });
});
