import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, trainingPathSteps } from '../../db/schema/index.ts';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { buildUser, createTestApp, errorCode, signIn, type TestApp } from '../../../test/support/test-app.ts';

/**
 * Training paths on the demo network: who starts them, the whole graph saved only when valid
 * (the report explains why not), publishing, coverage of the published gap analysis, the PDF
 * and the network view.
 */
let t: TestApp;
type Client = Awaited<ReturnType<typeof signIn>>;
let memberCentria: Client;
let memberCompany: Client;
let memberUef: Client;
let coordKokkola: Client;

const KPEDU = 'kpedu.prosessiteollisuuden-perustutkinto';
const CENTRIA = 'centria.insinoori-amk-kemiantekniikka';
const LUT = 'lut.kemiantekniikan-maisteriohjelma';

type Issue = { code: string; stepIds: string[]; params: Record<string, unknown>; message: string };
type Validation = {
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
  notes: Issue[];
  credits: { level: string; unit: string; total: number; status: string }[];
};
type Detail = {
  id: string;
  status: string;
  canEdit: boolean;
  steps: { programmeId: string; prerequisiteIds: string[]; module: { organisationName: string } | null }[];
  validation: Validation;
};
type Cell = {
  roleId: string;
  eqf: number;
  regionId: string | null;
  gap: number;
  demand: number;
  stepIds: string[];
};
type Coverage = {
  round: { id: string } | null;
  closed: Cell[];
  remaining: Cell[];
  suppressedInScope: number;
  byLevel: { key: number; closed: number; remaining: number }[];
  roles: Record<string, { en: string }>;
};

const threeLevels = {
  steps: [
    { programmeId: KPEDU, prerequisiteIds: [] },
    { programmeId: CENTRIA, prerequisiteIds: [KPEDU] },
    { programmeId: LUT, prerequisiteIds: [CENTRIA] },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  const user = async (
    role: 'member' | 'coordinator',
    scope: { organisationId?: string; regionId?: string },
  ) => signIn(t.app, (await buildUser(t.database, role, scope)).email);
  memberCentria = await user('member', { organisationId: 'centria' });
  memberCompany = await user('member', { organisationId: 'keliber' });
  memberUef = await user('member', { organisationId: 'uef' });
  coordKokkola = await user('coordinator', { regionId: 'kokkola' });
});
afterAll(async () => t.close());

async function putSteps(pathId: string, steps: { programmeId: string; prerequisiteIds: string[] }[]) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/paths/${pathId}/steps`,
    headers: memberCentria.headers(true),
    payload: { steps },
  });
}

/** The validation report of a refused graph. */
const reportOf = (response: { json(): unknown }) =>
  (response.json() as { error: { details: { validation: Validation } } }).error.details.validation;

async function createPath(client: Client, body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/paths', headers: client.headers(true), payload: body });
}

describe('training paths', () => {
  let pathId: string;

  it('are started by education organisations, not by companies', async () => {
    const company = await createPath(memberCompany, { title: { fi: 'Yrityksen polku' } });
    expect(company.statusCode).toBe(403);
    const created = await createPath(memberCentria, {
      title: { fi: 'Prosessiteollisuudesta kemiantekniikan maisteriksi', en: 'From process industry to MSc' },
      summary: { en: 'Vocational, UAS and university studies in chemistry.' },
      regionIds: ['kokkola', 'lappeenranta'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const path = created.json() as Detail & { ownerOrganisationId: string };
    expect(path).toMatchObject({ status: 'draft', ownerOrganisationId: 'centria', canEdit: true, steps: [] });
    pathId = path.id;
    // A member cannot start a path in another organisation's name.
    const other = await createPath(memberCentria, { title: { en: 'For UEF' }, ownerOrganisationId: 'uef' });
    expect(other.statusCode).toBe(403);
  });

  it('keeps a draft from the public and other organisations', async () => {
    expect((await t.app.inject({ url: `/api/paths/${pathId}` })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/paths/${pathId}`, headers: memberUef.headers(false) })).statusCode,
    ).toBe(404);
    const coordinator = await t.app.inject({
      url: `/api/paths/${pathId}`,
      headers: coordKokkola.headers(false),
    });
    expect(coordinator.statusCode).toBe(200);
    const list = (await t.app.inject({ url: '/api/paths' })).json() as { id: string }[];
    expect(list.map((p) => p.id)).not.toContain(pathId);
  });

  it('saves nothing when the graph has a cycle, and says which modules form it', async () => {
    const response = await putSteps(pathId, [
      { programmeId: KPEDU, prerequisiteIds: [LUT] },
      { programmeId: CENTRIA, prerequisiteIds: [KPEDU] },
      { programmeId: LUT, prerequisiteIds: [CENTRIA] },
    ]);
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('validation_failed');
    const validation = reportOf(response);
    expect(validation.errors.map((e) => e.code)).toEqual(['cycle']);
    expect(new Set(validation.errors[0]!.stepIds)).toEqual(new Set([KPEDU, CENTRIA, LUT]));
    const saved = await t.database.db
      .select()
      .from(trainingPathSteps)
      .where(eq(trainingPathSteps.pathId, pathId));
    expect(saved).toEqual([]);
  });

  it('rejects a jump from vocational straight to a master programme', async () => {
    const response = await putSteps(pathId, [
      { programmeId: KPEDU, prerequisiteIds: [] },
      { programmeId: LUT, prerequisiteIds: [KPEDU] },
    ]);
    expect(response.statusCode).toBe(400);
    expect(reportOf(response).errors[0]).toMatchObject({
      code: 'level_jump',
      params: { from: 4, to: 7, missing: [5, 6] },
    });
  });

  it('saves a path across three levels with credit totals per level, and audits it', async () => {
    const response = await putSteps(pathId, threeLevels.steps);
    expect(response.statusCode, response.body).toBe(200);
    const path = response.json() as Detail;
    expect(path.steps.map((s) => s.programmeId)).toEqual([KPEDU, CENTRIA, LUT]);
    expect(path.steps[2]!.module?.organisationName).toMatch(/LUT/);
    expect(path.validation.valid).toBe(true);
    expect(path.validation.credits.map((c) => `${c.level} ${c.total} ${c.unit} ${c.status}`)).toEqual([
      'vocational 180 osp matches',
      'applied_sciences 240 ects matches',
      'university 120 ects matches',
    ]);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'training_path'), eq(auditLog.entityId, pathId)));
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('is published for everyone once valid', async () => {
    const publish = await t.app.inject({
      method: 'PATCH',
      url: `/api/paths/${pathId}`,
      headers: memberCentria.headers(true),
      payload: { status: 'published' },
    });
    expect(publish.statusCode, publish.body).toBe(200);
    const visitor = await t.app.inject({ url: `/api/paths/${pathId}` });
    expect(visitor.statusCode).toBe(200);
    expect(visitor.json()).toMatchObject({ status: 'published', canEdit: false });
    const list = (await t.app.inject({ url: '/api/paths' })).json() as { id: string }[];
    expect(list.map((p) => p.id)).toContain(pathId);
    // Another organisation's member reads it but may not change it.
    const change = await t.app.inject({
      method: 'PATCH',
      url: `/api/paths/${pathId}`,
      headers: memberUef.headers(true),
      payload: { audience: 'employees' },
    });
    expect(change.statusCode).toBe(403);
  });

  it('refuses to publish a path with errors', async () => {
    const created = (await createPath(coordKokkola, { title: { en: 'Empty path' } })).json() as Detail & {
      regionIds: string[];
    };
    expect(created.regionIds).toEqual(['kokkola']);
    const publish = await t.app.inject({
      method: 'PATCH',
      url: `/api/paths/${created.id}`,
      headers: coordKokkola.headers(true),
      payload: { status: 'published' },
    });
    expect(publish.statusCode).toBe(400);
    expect(reportOf(publish).errors.map((e) => e.code)).toEqual(['empty_path']);
  });

  it('shows which published gaps it closes and which remain, never a suppressed figure', async () => {
    const response = await t.app.inject({ url: `/api/paths/${pathId}/coverage` });
    expect(response.statusCode).toBe(200);
    const coverage = response.json() as Coverage;
    expect(coverage.round?.id).toBe('demo-skills-2026');
    // Every figure is one the public gap view publishes for the same cell.
    const published = (await t.app.inject({ url: '/api/skills/gaps?groupBy=role,eqf,region' })).json() as {
      roleId: string;
      eqf: number;
      region: string;
      gap: number | null;
      suppressed: boolean;
    }[];
    const network = (
      await t.app.inject({ url: '/api/skills/gaps?groupBy=role,eqf' })
    ).json() as typeof published;
    const find = (c: Cell) =>
      (c.regionId === null ? network : published).find(
        (p) => p.roleId === c.roleId && p.eqf === c.eqf && (c.regionId === null || p.region === c.regionId),
      );
    const cells = [...coverage.closed, ...coverage.remaining];
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      const p = find(c);
      expect(p?.suppressed, JSON.stringify(c)).toBe(false);
      expect(p?.gap).toBe(c.gap);
      expect(c.gap).toBeGreaterThan(0);
      expect(c.eqf === 4 || c.eqf === 5 || c.eqf === 6 || c.eqf === 7).toBe(true);
      expect(c.regionId === null || ['kokkola', 'lappeenranta'].includes(c.regionId)).toBe(true);
      expect(coverage.roles[c.roleId]?.en).toBeTruthy();
    }
    // A closed cell is one a module of the path prepares for, at its level.
    for (const c of coverage.closed) expect(c.stepIds.length).toBeGreaterThan(0);
    expect(coverage.closed.some((c) => c.stepIds.includes(CENTRIA) && c.eqf === 6)).toBe(true);
    const sum = coverage.byLevel.reduce((n, g) => n + g.closed + g.remaining, 0);
    expect(sum).toBe(cells.length);
  });

  it('prints the path as a PDF in the language asked for', async () => {
    const response = await t.app.inject({ url: `/api/paths/${pathId}/pdf?lang=sv` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Utbildningsväg');
    expect(text).toContain('Yrkesutbildning');
    expect(text).toContain('Yrkeshögskola');
    expect(text).toContain('Universitet');
    expect(text).toContain('180 kp');
    expect(text).toContain('240 sp');
  });

  it('is removed by its editors only', async () => {
    const denied = await t.app.inject({
      method: 'DELETE',
      url: `/api/paths/${pathId}`,
      headers: memberUef.headers(true),
    });
    expect(denied.statusCode).toBe(403);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/paths/${pathId}`,
      headers: coordKokkola.headers(true),
    });
    expect(removed.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/paths/${pathId}` })).statusCode).toBe(404);
  });
});

describe('the network view', () => {
  type Network = {
    regions: { id: string }[];
    byLevel: { regionId: string; key: string; providers: { organisationId: string }[] }[];
    byCompetence: { regionId: string; key: string; providers: { organisationId: string }[] }[];
  };

  it('shows who delivers which level where, and the empty cells', async () => {
    const network = (await t.app.inject({ url: '/api/training/network' })).json() as Network;
    const cell = (regionId: string, key: string) =>
      network.byLevel.find((c) => c.regionId === regionId && c.key === key)!;
    expect(cell('kokkola', 'vocational').providers.map((p) => p.organisationId)).toEqual(['kpedu']);
    expect(
      cell('vaasa', 'applied_sciences')
        .providers.map((p) => p.organisationId)
        .sort(),
    ).toEqual(['novia', 'vamk']);
    // Nobody in the demo gives vocational education in Vaasa.
    expect(cell('vaasa', 'vocational').providers).toEqual([]);
    expect(network.byLevel).toHaveLength(network.regions.length * 4);
    const recycling = network.byCompetence.find(
      (c) => c.regionId === 'kymenlaakso' && c.key === 'recycling',
    )!;
    expect(recycling.providers.map((p) => p.organisationId)).toContain('lut');
  });

  it('filters by region and level', async () => {
    const network = (
      await t.app.inject({ url: '/api/training/network?regionId=vaasa&level=university' })
    ).json() as Network;
    expect(network.regions.map((r) => r.id)).toEqual(['vaasa']);
    expect(network.byLevel.map((c) => [c.key, c.providers.map((p) => p.organisationId)])).toEqual([
      ['university', ['uwasa']],
    ]);
  });
});

describe('the demo paths', () => {
  it('are published, valid and climb three levels', async () => {
    const list = (await t.app.inject({ url: '/api/paths' })).json() as {
      id: string;
      status: string;
      levels: string[];
    }[];
    const demo = list.filter((p) => p.id.startsWith('path-') && p.status === 'published');
    expect(list.find((p) => p.id === 'path-satakunta-turku-materials')?.levels).toEqual([
      'vocational',
      'applied_sciences',
      'university',
    ]);
    expect(demo.map((p) => p.id).sort()).toEqual([
      'path-kokkola-chemistry',
      'path-satakunta-turku-materials',
      'path-southeast-energy-storage',
      'path-vaasa-battery-modules',
    ]);
    for (const { id } of demo) {
      const path = (await t.app.inject({ url: `/api/paths/${id}` })).json() as Detail;
      expect(path.validation.errors, id).toEqual([]);
      expect(
        path.steps.every((s) => s.module !== null),
        id,
      ).toBe(true);
    }
    const kokkola = (await t.app.inject({ url: '/api/paths/path-kokkola-chemistry' })).json() as Detail;
    expect(new Set(kokkola.validation.credits.map((c) => c.level))).toEqual(
      new Set(['vocational', 'applied_sciences', 'university', 'continuing']),
    );
  });
});
