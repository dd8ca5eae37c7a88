import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestApp, errorCode, signIn, type TestApp } from '../../../test/support/test-app.ts';

/**
 * Modules for training paths: the training-programme routes take delivery, the share of
 * work-based learning and learning outcomes linked to competence concepts (issue 7).
 */
let t: TestApp;
let memberCentria: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await createTestApp();
  memberCentria = await signIn(
    t.app,
    (await buildUser(t.database, 'member', { organisationId: 'centria' })).email,
  );
});
afterAll(async () => t.close());

const module = {
  organisationId: 'centria',
  kind: 'module',
  name: { fi: 'Akkumateriaalien karakterisointi', en: 'Characterisation of battery materials' },
  level: 'applied_sciences',
  credits: 5,
  creditUnit: 'ects',
  delivery: 'blended',
  workBasedShare: 0.25,
  learningOutcomes: [
    {
      text: { fi: 'Analysoi katodimateriaaleja', en: 'Analyses cathode materials' },
      conceptIds: ['cam', 'cross.characterisation.materials'],
    },
  ],
};

describe('modules with delivery, work-based share and learning outcomes', () => {
  it('stores and returns them', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/training-programmes',
      headers: memberCentria.headers(true),
      payload: module,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: string }).id;
    const read = (await t.app.inject({ url: `/api/training-programmes/${id}` })).json();
    expect(read).toMatchObject({
      delivery: 'blended',
      workBasedShare: 0.25,
      learningOutcomes: [
        {
          text: { fi: 'Analysoi katodimateriaaleja', sv: '', en: 'Analyses cathode materials' },
          conceptIds: ['cam', 'cross.characterisation.materials'],
        },
      ],
    });
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/training-programmes/${id}`,
      headers: memberCentria.headers(true),
      payload: { delivery: 'online', workBasedShare: null },
    });
    expect(patched.json()).toMatchObject({ delivery: 'online', workBasedShare: null });
  });

  it('refuses an outcome linked to a concept that does not exist, and a share above 1', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/training-programmes',
      headers: memberCentria.headers(true),
      payload: {
        ...module,
        name: { en: 'Another module' },
        learningOutcomes: [{ text: { en: 'x' }, conceptIds: ['no.such.concept'] }],
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as { error: { details: { path: unknown[] }[] } }).error.details[0]!.path).toEqual([
      'learningOutcomes',
      0,
      'conceptIds',
      0,
    ]);
    const share = await t.app.inject({
      method: 'POST',
      url: '/api/training-programmes',
      headers: memberCentria.headers(true),
      payload: { ...module, name: { en: 'Third module' }, workBasedShare: 40 },
    });
    expect(share.statusCode).toBe(400);
    expect(errorCode(share)).toBe('validation_failed');
  });
});
