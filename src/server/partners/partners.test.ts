import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  challenges,
  cordisOrganisations,
  cordisParticipations,
  organisations,
  projectPartners,
  projects,
} from '../../db/schema/index.ts';
import { buildUser, createTestApp, errorCode, signIn, type TestApp } from '../../../test/support/test-app.ts';
import { handleFor, partnerReadModelFor } from './partner-read-model.ts';
import { insertPartnerCorpus } from './partners-test-kit.ts';

/**
 * POST /api/partners/search over registry and CORDIS rows as the CORDIS import leaves them, and
 * the index staying correct as organisations change (patched, not rebuilt, when only rows of
 * organisations changed).
 */
let t: TestApp;
let member: Awaited<ReturnType<typeof signIn>>;
let coordinator: Awaited<ReturnType<typeof signIn>>;
let corpus: Awaited<ReturnType<typeof insertPartnerCorpus>>;

type Result = {
  results: {
    candidate: {
      key: string;
      name: string;
      country: string;
      isSme: boolean;
      cordisOrganisationId: string | null;
    };
    score: number;
    parts: Record<string, number>;
    reasons: { code: string; params: Record<string, unknown> }[];
  }[];
  total: number;
  query: { conceptIds: string[]; chosen: { key: string; name: string }[] };
};

beforeAll(async () => {
  t = await createTestApp();
  corpus = await insertPartnerCorpus(t.database.db, 'ptest');
  member = await signIn(t.app, (await buildUser(t.database, 'member', { organisationId: 'centria' })).email);
  coordinator = await signIn(
    t.app,
    (await buildUser(t.database, 'coordinator', { regionId: 'kokkola' })).email,
  );
});
afterAll(async () => t.close());

async function search(who: typeof member, body: unknown) {
  return t.app.inject({
    method: 'POST',
    url: '/api/partners/search',
    headers: who.headers(true),
    payload: body as object,
  });
}
const keys = (r: Result) => r.results.map((x) => x.candidate.key);

describe('POST /api/partners/search', () => {
  it('finds a recent coordinator of matching work first, with its track record as the reason', async () => {
    const response = await search(member, {
      text: 'black mass recycling, hydrometallurgical leaching',
      limit: 10,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as Result;
    const k = keys(body);
    expect(k.indexOf(`cordis:${corpus.coordinator}`)).toBeGreaterThanOrEqual(0);
    expect(k.indexOf(`cordis:${corpus.coordinator}`)).toBeLessThan(k.indexOf(`cordis:${corpus.veteran}`));
    const hit = body.results.find((r) => r.candidate.key === `cordis:${corpus.coordinator}`)!;
    expect(hit.reasons).toContainEqual({
      code: 'trackRecord',
      params: expect.objectContaining({
        coordinated: 1,
        best: expect.objectContaining({ acronym: 'BLAXMASS' }),
      }),
    });
    expect(body.query.conceptIds.length).toBeGreaterThan(0);
  });

  it('refuses visitors and a request with nothing to search for', async () => {
    const visitor = await t.app.inject({
      method: 'POST',
      url: '/api/partners/search',
      payload: { text: 'x' },
    });
    expect(visitor.statusCode).toBe(401);
    const empty = await search(member, { filters: { sme: true } });
    expect(empty.statusCode).toBe(400);
    expect(errorCode(empty)).toBe('validation_failed');
  });

  it('searches a call topic and filters by country (CORDIS EL as GR) and SME', async () => {
    const response = await search(member, {
      topic: 'HORIZON-CL5-2024-D2-01',
      filters: { countries: ['GR'], sme: true },
    });
    const body = response.json() as Result;
    expect(keys(body)).toEqual([`cordis:${corpus.cellmaker}`]);
    expect(body.results[0]!.candidate.country).toBe('GR');
    expect(body.results[0]!.reasons.map((r) => r.code)).toContain('topic');
  });

  it('finds a registry company as an SME once a person marks it one on its profile', async () => {
    const smeSearch = async () =>
      keys(
        (
          await search(member, { text: 'lithium hydroxide refinery', filters: { sme: true }, limit: 100 })
        ).json() as Result,
      );
    expect(await smeSearch()).not.toContain('registry:keliber');
    const admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
    const marked = await t.app.inject({
      method: 'PATCH',
      url: '/api/organisations/keliber',
      headers: admin.headers(true),
      payload: { sme: true },
    });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().sme).toBe(true);
    await partnerReadModelFor(t.database.db).refresh();
    expect(await smeSearch()).toContain('registry:keliber');
    const refused = await t.app.inject({
      method: 'PATCH',
      url: '/api/organisations/keliber',
      headers: admin.headers(true),
      payload: { sme: 'kyllä' },
    });
    expect(errorCode(refused)).toBe('validation_failed');
    const unknown = await t.app.inject({
      method: 'PATCH',
      url: '/api/organisations/keliber',
      headers: admin.headers(true),
      payload: { sme: null },
    });
    expect(unknown.json().sme).toBeNull();
  });

  it('shows a private registry organisation, with its linked CORDIS record, only to those who may read it', async () => {
    const body = { text: 'Zyxwv cathode active materials', limit: 50 };
    const forMember = (await search(member, body)).json() as Result;
    expect(keys(forMember)).not.toContain(`registry:${corpus.registry}`);
    expect(keys(forMember)).not.toContain(`cordis:${corpus.linked}`);
    const forCoordinator = (await search(coordinator, body)).json() as Result;
    const hit = forCoordinator.results.find((r) => r.candidate.key === `registry:${corpus.registry}`)!;
    expect(hit.candidate.cordisOrganisationId).toBe(corpus.linked);
    expect(hit.candidate.isSme).toBe(true);
    expect(hit.parts.trackRecord).toBeGreaterThan(0);
    expect(keys(forCoordinator)).not.toContain(`cordis:${corpus.linked}`);
  });

  it('starts from a challenge the caller may read, and hides one it may not', async () => {
    const { db } = t.database;
    await db.insert(challenges).values([
      {
        id: 'ptest-challenge',
        title: 'Black mass leaching yields',
        description: 'We need better recovery of cobalt from black mass.',
        language: 'en',
        regionId: 'kokkola',
        conceptIds: ['recycling.black-mass'],
      },
      {
        id: 'ptest-private-challenge',
        title: 'Secret',
        description: 'Secret black mass plans.',
        language: 'en',
        regionId: 'vaasa',
        organisationId: 'uef',
        isPublic: false,
      },
    ]);
    const ok = (await search(member, { challengeId: 'ptest-challenge' })).json() as Result;
    expect(ok.query.conceptIds).toContain('recycling.black-mass');
    expect(keys(ok)).toContain(`cordis:${corpus.coordinator}`);
    const hidden = await search(member, { challengeId: 'ptest-private-challenge' });
    expect(hidden.statusCode).toBe(404);
  });

  it("takes a project's partners as chosen and favours partners adding the stages they lack", async () => {
    const { db } = t.database;
    await db.insert(projects).values({
      id: 'ptest-project',
      title: 'Closed loop',
      conceptIds: ['recycling.black-mass', 'electrolyte'],
    });
    await db.insert(projectPartners).values({
      id: 'ptest-partner',
      projectId: 'ptest-project',
      cordisOrganisationId: corpus.coordinator,
      name: 'Qwerty',
      country: 'DE',
      role: 'coordinator',
    });
    const body = (await search(member, { projectId: 'ptest-project', limit: 50 })).json() as Result;
    expect(body.query.chosen).toEqual([
      { key: `cordis:${corpus.coordinator}`, name: 'Qwerty Recycling Institute ptest' },
    ]);
    expect(keys(body)).not.toContain(`cordis:${corpus.coordinator}`);
    const cell = body.results.find((r) => r.candidate.key === `cordis:${corpus.cellmaker}`)!;
    expect(cell.reasons).toContainEqual({ code: 'complementarity', params: { stageIds: ['electrolyte'] } });
    expect((await search(member, { projectId: 'no-such-project' })).statusCode).toBe(404);
  });
});

describe('the partner index stays correct as organisations change', () => {
  it('patches a renamed registry organisation and a changed CORDIS organisation in place', async () => {
    const { db } = t.database;
    const model = partnerReadModelFor(db);
    await model.refresh();
    await db
      .update(organisations)
      .set({ name: 'Plover Batteries Oy', isPublic: true, updatedAt: new Date() })
      .where(eq(organisations.id, corpus.registry));
    await db
      .update(cordisOrganisations)
      .set({ name: 'Kestrel Leaching GmbH', country: 'IT', updatedAt: new Date() })
      .where(eq(cordisOrganisations.id, corpus.veteran));
    await model.refresh();
    expect(model.lastUpdate().kind).toBe('patch');
    const renamed = (await search(member, { text: 'plover' })).json() as Result;
    expect(keys(renamed)[0]).toBe(`registry:${corpus.registry}`);
    const moved = (await search(member, { text: 'Kestrel' })).json() as Result;
    expect(moved.results[0]!.candidate).toMatchObject({ key: `cordis:${corpus.veteran}`, country: 'IT' });
    expect(
      ((await search(member, { text: 'Old Leaching' })).json() as Result).results.map(
        (r) => r.candidate.name,
      ),
    ).not.toContain(`Old Leaching ptest GmbH`);
  });

  it('rebuilds when participations change (an import), and then counts the new work', async () => {
    const { db } = t.database;
    const model = partnerReadModelFor(db);
    await db.insert(cordisParticipations).values({
      projectId: corpus.project('p-electrolyte'),
      organisationId: corpus.veteran,
      role: 'participant',
      ecContribution: 10_000,
    });
    await model.refresh();
    expect(model.lastUpdate().kind).toBe('build');
    const body = (await search(member, { topic: 'HORIZON-CL5-2023-D2-01-01' })).json() as Result;
    expect(keys(body)).toContain(`cordis:${corpus.veteran}`);
  });

  it('gives the consortium builder candidates per stage through the partner index handle', async () => {
    const user = await buildUser(t.database, 'member', { organisationId: 'centria' });
    const actor = {
      kind: 'user' as const,
      userId: user.id,
      role: 'member' as const,
      organisationId: 'centria',
      regionId: null,
      via: 'session' as const,
    };
    const pool = await handleFor(t.database.db).candidatesForStages({
      stageIds: ['recycling', 'electrolyte'],
      query: { text: 'black mass' },
      actor,
      perStage: 5,
    });
    const poolKeys = pool.map((c) => c.key);
    expect(poolKeys).toEqual(
      expect.arrayContaining([`cordis:${corpus.coordinator}`, `cordis:${corpus.cellmaker}`]),
    );
    for (const c of pool) expect(c.relevance).toBeGreaterThan(0);
  });
});
