import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Person, person, submitChallenge } from '../../../test/support/challenge-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let member: Person;
let coordKokkola: Person;

beforeAll(async () => {
  t = await createTestApp();
  member = await person(t, 'member', { organisationId: 'centria' });
  coordKokkola = await person(t, 'coordinator', { regionId: 'kokkola' });
});
afterAll(async () => t.close());

describe('project ideas from common challenges', () => {
  it('record the challenges, their regions and concepts, and move the challenges to in_project', async () => {
    const kokkola = await submitChallenge(t, member, { conceptIds: ['recycling.black-mass'] });
    const vaasa = await submitChallenge(t, member, {
      regionId: 'vaasa',
      conceptIds: ['recycling.hydromet', 'cam'],
    });
    await call(t, member, 'PUT', `/api/challenges/${vaasa.id}/follow`);
    await call(t, coordKokkola, 'PATCH', `/api/challenges/${kokkola.id}`, { status: 'validated' });
    await call(t, coordKokkola, 'PATCH', `/api/challenges/${kokkola.id}`, { status: 'common' });

    const byMember = await call(t, member, 'POST', '/api/projects', {
      title: 'Idea',
      challengeIds: [kokkola.id],
    });
    expect(byMember.statusCode).toBe(403);
    const response = await call(t, coordKokkola, 'POST', '/api/projects', {
      title: 'Black mass hydrometallurgy pilot',
      summary: 'A joint pilot of Kokkola and Vaasa.',
      sourceClusterId: `cc-${kokkola.id}`,
      challengeIds: [kokkola.id, vaasa.id, kokkola.id],
    });
    expect(response.statusCode, response.body).toBe(201);
    const project = response.json();
    expect(project).toMatchObject({
      title: 'Black mass hydrometallurgy pilot',
      stage: 'idea',
      sourceClusterId: `cc-${kokkola.id}`,
      challengeIds: [kokkola.id, vaasa.id],
      regionIds: ['kokkola', 'vaasa'],
      conceptIds: ['recycling.black-mass', 'recycling.hydromet', 'cam'],
    });

    for (const [id, from] of [
      [kokkola.id, 'common'],
      [vaasa.id, 'new'],
    ] as const) {
      const c = (await call(t, member, 'GET', `/api/challenges/${id}`)).json();
      expect(c.status).toBe('in_project');
      expect(c.history.at(-1)).toMatchObject({
        event: 'added_to_project',
        details: { projectId: project.id, from, to: 'in_project' },
      });
    }
    const note = (await call(t, member, 'GET', '/api/notifications')).json().items[0];
    expect(note).toMatchObject({
      kind: 'challenge_in_project',
      payload: { projectTitle: 'Black mass hydrometallurgy pilot' },
    });

    const detail = (await call(t, member, 'GET', `/api/projects/${project.id}`)).json();
    expect(detail.challenges.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      [kokkola.id, 'in_project'],
      [vaasa.id, 'in_project'],
    ]);
    expect((await call(t, member, 'GET', '/api/projects')).json().map((p: { id: string }) => p.id)).toContain(
      project.id,
    );
    expect((await call(t, null, 'GET', '/api/projects')).statusCode).toBe(401);
  });

  it('refuses merged, rejected and unknown challenges, and changes nothing then', async () => {
    const open = await submitChallenge(t, member);
    const rejected = await submitChallenge(t, member);
    await call(t, coordKokkola, 'PATCH', `/api/challenges/${rejected.id}`, { status: 'rejected' });
    const duplicate = await submitChallenge(t, member);
    await call(t, coordKokkola, 'POST', `/api/challenges/${duplicate.id}/merge`, { targetId: open.id });
    for (const bad of [rejected.id, duplicate.id, 'no-such-challenge']) {
      const response = await call(t, coordKokkola, 'POST', '/api/projects', {
        title: 'Idea',
        challengeIds: [open.id, bad],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].path).toEqual(['challengeIds', '1']);
    }
    expect((await call(t, member, 'GET', `/api/challenges/${open.id}`)).json().status).toBe('new');
    expect((await call(t, member, 'GET', '/api/projects/no-such')).statusCode).toBe(404);
  });
});
