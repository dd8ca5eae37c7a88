import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Person, person, submitChallenge } from '../../../test/support/challenge-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let member: Person;
let coordKokkola: Person;
let coordVaasa: Person;
let admin: Person;

beforeAll(async () => {
  t = await createTestApp();
  member = await person(t, 'member', { organisationId: 'centria' });
  coordKokkola = await person(t, 'coordinator', { regionId: 'kokkola' });
  coordVaasa = await person(t, 'coordinator', { regionId: 'vaasa' });
  admin = await person(t, 'admin');
});
afterAll(async () => t.close());

type Criterion = { id: string; weight: number; maxScore: number; active: boolean };
type Ranked = {
  challenge: { id: string };
  score: number;
  evaluatorCount: number;
  perCriterion: Record<string, number>;
};
const criteria = async () => (await call(t, member, 'GET', '/api/evaluation-criteria')).json() as Criterion[];
const ranking = async (who: Person, query = '') =>
  (await call(t, who, 'GET', `/api/challenges/ranking${query}`)).json() as Ranked[];

describe('evaluation criteria', () => {
  it('come with the five defaults, in order, readable by anyone signed in', async () => {
    const list = await criteria();
    expect(list.map((c) => c.id)).toEqual([
      'industry-relevance',
      'regions-concerned',
      'specialisation-fit',
      'funding-fit',
      'trl-gap',
    ]);
    expect(list[0]).toMatchObject({
      weight: 1,
      maxScore: 5,
      active: true,
      label: { fi: 'Teollinen merkitys' },
    });
    expect((await call(t, null, 'GET', '/api/evaluation-criteria')).statusCode).toBe(401);
  });

  it('are added, changed and removed by admins only', async () => {
    const input = {
      label: { fi: 'Ilmastovaikutus', sv: 'Klimatpåverkan', en: 'Climate impact' },
      weight: 2,
      maxScore: 10,
    };
    expect((await call(t, coordKokkola, 'POST', '/api/evaluation-criteria', input)).statusCode).toBe(403);
    const created = await call(t, admin, 'POST', '/api/evaluation-criteria', input);
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ ...input, position: 6, active: true, description: { fi: '', sv: '', en: '' } });
    const changed = await call(t, admin, 'PATCH', `/api/evaluation-criteria/${c.id}`, {
      label: { en: 'Climate effect' },
      active: false,
    });
    expect(changed.json()).toMatchObject({
      label: { fi: 'Ilmastovaikutus', en: 'Climate effect' },
      active: false,
    });
    expect(
      (await call(t, admin, 'PATCH', `/api/evaluation-criteria/${c.id}`, { maxScore: 0 })).statusCode,
    ).toBe(400);
    expect((await call(t, admin, 'DELETE', `/api/evaluation-criteria/${c.id}`)).statusCode).toBe(204);
    expect((await call(t, admin, 'DELETE', `/api/evaluation-criteria/${c.id}`)).statusCode).toBe(404);
    expect((await criteria()).map((x) => x.id)).not.toContain(c.id);
  });
});

describe('evaluating and ranking', () => {
  let strong: string;
  let weak: string;
  let unscored: string;
  let vaasa: string;

  beforeAll(async () => {
    strong = (await submitChallenge(t, member)).id;
    weak = (await submitChallenge(t, member)).id;
    unscored = (await submitChallenge(t, member)).id;
    vaasa = (await submitChallenge(t, coordVaasa, { regionId: 'vaasa' })).id;
  });

  it('keeps each evaluator’s note private and shows everyone the mean scores', async () => {
    const mine = await call(t, coordKokkola, 'PUT', `/api/challenges/${strong}/evaluation`, {
      scores: { 'industry-relevance': 5, 'regions-concerned': 4 },
      note: 'Kokkola companies asked for this twice.',
    });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({
      mine: {
        scores: { 'industry-relevance': 5, 'regions-concerned': 4 },
        note: 'Kokkola companies asked for this twice.',
      },
      summary: {
        score: 90,
        evaluatorCount: 1,
        perCriterion: { 'industry-relevance': 5, 'regions-concerned': 4 },
      },
    });
    await call(t, admin, 'PUT', `/api/challenges/${strong}/evaluation`, {
      scores: { 'industry-relevance': 3 },
      note: 'Admin only note',
    });
    const seenByCoord = await call(t, coordKokkola, 'GET', `/api/challenges/${strong}/evaluation`);
    expect(seenByCoord.body).not.toContain('Admin only note');
    expect(seenByCoord.json()).toMatchObject({
      mine: { note: 'Kokkola companies asked for this twice.' },
      // industry-relevance: mean 4 of 5; regions-concerned: 4 of 5 → 80
      summary: {
        score: 80,
        evaluatorCount: 2,
        perCriterion: { 'industry-relevance': 4, 'regions-concerned': 4 },
      },
    });
    const seenByAdmin = await call(t, admin, 'GET', `/api/challenges/${strong}/evaluation`);
    expect(seenByAdmin.body).not.toContain('Kokkola companies');
    const fresh = await call(t, coordVaasa, 'GET', `/api/challenges/${unscored}/evaluation`);
    expect(fresh.json()).toMatchObject({
      mine: null,
      summary: { score: null, evaluatorCount: 0, perCriterion: {} },
    });
    expect(fresh.json().criteria).toHaveLength(5);
  });

  it('is for coordinators and admins, with valid scores only', async () => {
    expect((await call(t, member, 'GET', `/api/challenges/${strong}/evaluation`)).statusCode).toBe(403);
    expect((await call(t, member, 'GET', '/api/challenges/ranking')).statusCode).toBe(403);
    const outOfScale = await call(t, coordKokkola, 'PUT', `/api/challenges/${weak}/evaluation`, {
      scores: { 'industry-relevance': 6, 'no-such': 1 },
    });
    expect(outOfScale.statusCode).toBe(400);
    expect(outOfScale.json().error.details.map((d: { path: string[] }) => d.path[1])).toEqual([
      'industry-relevance',
      'no-such',
    ]);
  });

  it('ranks evaluated challenges by score with their per-criterion means', async () => {
    await call(t, coordKokkola, 'PUT', `/api/challenges/${weak}/evaluation`, {
      scores: { 'industry-relevance': 1, 'funding-fit': 2 },
    });
    await call(t, coordVaasa, 'PUT', `/api/challenges/${vaasa}/evaluation`, { scores: { 'trl-gap': 3 } });
    const all = await ranking(admin);
    expect(all.map((r) => [r.challenge.id, r.score])).toEqual([
      [strong, 80],
      [vaasa, 60],
      [weak, 30],
    ]);
    expect(all[2]).toMatchObject({
      evaluatorCount: 1,
      perCriterion: { 'industry-relevance': 1, 'funding-fit': 2 },
    });
    expect((await ranking(admin, '?region=vaasa')).map((r) => r.challenge.id)).toEqual([vaasa]);
    expect((await ranking(admin, '?limit=1')).map((r) => r.challenge.id)).toEqual([strong]);
    expect((await ranking(admin, '?status=validated')).map((r) => r.challenge.id)).toEqual([]);
  });

  it('follows the criteria admins configure: a deactivated criterion stops counting', async () => {
    await call(t, admin, 'PATCH', '/api/evaluation-criteria/industry-relevance', { active: false });
    const all = await ranking(coordKokkola);
    // strong: only regions-concerned left, 4/5; weak: funding-fit 2/5.
    expect(all.find((r) => r.challenge.id === strong)?.score).toBe(80);
    expect(all.find((r) => r.challenge.id === weak)?.score).toBe(40);
    await call(t, admin, 'PATCH', '/api/evaluation-criteria/industry-relevance', { active: true, weight: 3 });
    // strong: (3·0.8 + 1·0.8) / 4 = 80; weak: (3·0.2 + 1·0.4) / 4 = 25
    expect((await ranking(coordKokkola)).find((r) => r.challenge.id === weak)?.score).toBe(25);
  });
});
