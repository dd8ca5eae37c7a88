import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, trainingProgrammes } from '../../db/schema/index.ts';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/support/test-app.ts';
import { gaps } from './skills-test-kit.ts';

/**
 * Training supply: programmes and modules by institution — who may add and change them, what
 * they must name, who sees unpublished ones — and the supply of the gap analysis following them.
 */
let t: TestApp;
type Client = Awaited<ReturnType<typeof signIn>>;
let memberCentria: Client;
let memberUef: Client;
let coordKokkola: Client;
let coordVaasa: Client;

type Programme = {
  id: string;
  yearlyGraduates: number | null;
  eqfLevel: number;
  regionId: string | null;
  canEdit: boolean;
};

beforeAll(async () => {
  t = await createTestApp();
  memberCentria = await signIn(
    t.app,
    (await buildUser(t.database, 'member', { organisationId: 'centria' })).email,
  );
  memberUef = await signIn(t.app, (await buildUser(t.database, 'member', { organisationId: 'uef' })).email);
  coordKokkola = await signIn(
    t.app,
    (await buildUser(t.database, 'coordinator', { regionId: 'kokkola' })).email,
  );
  coordVaasa = await signIn(t.app, (await buildUser(t.database, 'coordinator', { regionId: 'vaasa' })).email);
});
afterAll(async () => t.close());

const role = 'job-role.recycling-specialist';

/** The supply of one cell; a cell with neither answers nor supply is not listed (0). */
async function supplyOf(query: string): Promise<number> {
  const [cell] = await gaps(t, `${query}&groupBy=`);
  return cell?.supply ?? 0;
}

describe('training programmes', () => {
  it('lists the demo supply by region and level', async () => {
    const vaasa = (
      await t.app.inject({ url: '/api/training-programmes?region=vaasa' })
    ).json() as Programme[];
    expect(vaasa.length).toBeGreaterThanOrEqual(4);
    expect(vaasa.every((p) => p.regionId === 'vaasa')).toBe(true);
    const vocational = (
      await t.app.inject({ url: '/api/training-programmes?level=vocational' })
    ).json() as Programme[];
    expect(vocational.every((p) => p.eqfLevel === 4)).toBe(true);
  });

  it("an institution's member adds a programme; its graduates become supply at once, shared among its roles", async () => {
    const before = await supplyOf(`role=${role}&region=kokkola&eqf=6&horizon=now`);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/training-programmes',
      headers: memberCentria.headers(true),
      payload: {
        organisationId: 'centria',
        name: { fi: 'Akkujen kierrätyksen asiantuntija', en: 'Battery recycling specialist' },
        level: 'applied_sciences',
        yearlyIntake: 30,
        yearlyGraduates: 20,
        roleIds: [role, 'job-role.environmental-engineer'],
        competenceIds: ['recycling.hydromet'],
        credits: 60,
        creditUnit: 'ects',
        url: 'https://www.centria.fi',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const programme = created.json() as Programme;
    expect(programme).toMatchObject({
      id: 'centria.akkujen-kierratyksen-asiantuntija',
      eqfLevel: 6,
      regionId: 'kokkola',
      canEdit: true,
    });
    // 20 graduates a year, two roles: 10 a year for this role; "now" is one year.
    expect(await supplyOf(`role=${role}&region=kokkola&eqf=6&horizon=now`)).toBeCloseTo(before + 10, 5);
    expect(await supplyOf(`role=${role}&region=kokkola&eqf=6&horizon=3-5`)).toBeCloseTo(before * 2 + 20, 5);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/training-programmes/${programme.id}`,
      headers: coordKokkola.headers(true),
      payload: { yearlyGraduates: 40 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await supplyOf(`role=${role}&region=kokkola&eqf=6&horizon=now`)).toBeCloseTo(before + 20, 5);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, programme.id))
      .orderBy(desc(auditLog.at));
    expect(audit[0]!.changes).toEqual({ yearlyGraduates: { from: 20, to: 40 } });
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/training-programmes/${programme.id}`,
      headers: memberCentria.headers(true),
    });
    expect(removed.statusCode).toBe(204);
    expect(await supplyOf(`role=${role}&region=kokkola&eqf=6&horizon=now`)).toBeCloseTo(before, 5);
  });

  it('refuses another institution, another region’s coordinator, and moving a programme out of reach', async () => {
    const payload = {
      organisationId: 'centria',
      name: { en: 'Not yours' },
      level: 'continuing',
      eqfLevel: 5,
    };
    for (const client of [memberUef, coordVaasa]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/training-programmes',
        headers: client.headers(true),
        payload,
      });
      expect(response.statusCode).toBe(403);
    }
    const moved = await t.app.inject({
      method: 'PATCH',
      url: '/api/training-programmes/centria.insinoori-amk-kemiantekniikka',
      headers: coordKokkola.headers(true),
      payload: { regionId: 'vaasa' },
    });
    expect(moved.statusCode).toBe(403);
  });

  it('validates what a programme names: roles, competences, region, EQF of continuing education, credit unit', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/training-programmes',
      headers: memberCentria.headers(true),
      payload: {
        organisationId: 'centria',
        name: { en: 'Broken' },
        level: 'continuing',
        regionId: 'atlantis',
        roleIds: ['cam'],
        competenceIds: ['no.such.concept'],
        credits: 5,
      },
    });
    expect(response.statusCode).toBe(400);
    const paths = (response.json() as { error: { details: { path: unknown[] }[] } }).error.details.map((d) =>
      d.path.join('.'),
    );
    expect(paths).toEqual(['regionId', 'roleIds.0', 'competenceIds.0', 'eqfLevel', 'creditUnit']);
    const nameless = await t.app.inject({
      method: 'POST',
      url: '/api/training-programmes',
      headers: memberCentria.headers(true),
      payload: { organisationId: 'centria', name: { fi: '', sv: '  ' }, level: 'vocational' },
    });
    expect(nameless.statusCode).toBe(400);
  });

  it('keeps an unpublished programme to its editors and out of the supply', async () => {
    const before = await supplyOf('region=kokkola&eqf=5');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/training-programmes',
      headers: memberCentria.headers(true),
      payload: {
        organisationId: 'centria',
        name: { fi: 'Luonnos' },
        level: 'continuing',
        eqfLevel: 5,
        yearlyGraduates: 50,
        roleIds: [role],
        isPublic: false,
      },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as Programme;
    expect((await t.app.inject({ url: `/api/training-programmes/${id}` })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/training-programmes/${id}`, headers: coordKokkola.headers(false) }))
        .statusCode,
    ).toBe(200);
    const list = (
      await t.app.inject({ url: '/api/training-programmes?organisation=centria' })
    ).json() as Programme[];
    expect(list.map((p) => p.id)).not.toContain(id);
    expect(await supplyOf('region=kokkola&eqf=5')).toBe(before);
    const [row] = await t.database.db.select().from(trainingProgrammes).where(eq(trainingProgrammes.id, id));
    expect(row!.isPublic).toBe(false);
  });
});
