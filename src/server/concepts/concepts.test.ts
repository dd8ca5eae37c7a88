import { and, count, desc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, conceptHistory, concepts } from '../../db/schema/index.ts';
import {
  bearerFor,
  buildUser,
  createTestApp,
  errorCode,
  signIn,
  type TestApp,
} from '../../../test/support/test-app.ts';

/**
 * The concepts API on the demo network (PGlite and PostgreSQL): schemes shipped as data,
 * search over labels and alternative labels in three languages, concept pages with relations
 * both ways, SKOS export, and admin edits with history and audit.
 */
let t: TestApp;
type Client = Awaited<ReturnType<typeof signIn>>;
let admin: Client;
let member: Client;
let coordinator: Client;
let adminToken: string;
let adminName: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await buildUser(t.database, 'admin');
  adminName = a.displayName;
  admin = await signIn(t.app, a.email);
  adminToken = await bearerFor(t.database, a.id);
  member = await signIn(t.app, (await buildUser(t.database, 'member', { organisationId: 'centria' })).email);
  coordinator = await signIn(
    t.app,
    (await buildUser(t.database, 'coordinator', { regionId: 'kokkola' })).email,
  );
});
afterAll(async () => t.close());

type ConceptDetail = {
  id: string;
  scheme: string;
  level: number;
  parentId: string | null;
  labels: Record<string, string>;
  altLabels: Record<string, string[]>;
  notation: string | null;
  parent: { id: string } | null;
  children: { id: string }[];
  relations: {
    outgoing: { kind: string; concept: { id: string; uri: string | null } }[];
    incoming: { kind: string; concept: { id: string } }[];
  };
  exactMatch: string[];
  canEdit: boolean;
};

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
const detail = async (id: string) =>
  (await get(`/api/concepts/${encodeURIComponent(id)}`)).json() as ConceptDetail;
const ids = (body: unknown) => (body as { id: string }[]).map((c) => c.id);

describe('reading the taxonomy', () => {
  it('lists every scheme with its title in three languages and its number of concepts', async () => {
    const response = await get('/api/concept-schemes');
    expect(response.statusCode).toBe(200);
    const schemes = response.json() as { id: string; title: Record<string, string>; conceptCount: number }[];
    expect(Object.fromEntries(schemes.map((s) => [s.id, s.conceptCount]))).toEqual({
      'value-chain': 73,
      'education-levels': 19,
      regions: 36,
      'funding-instruments': 15,
      'battery-job-roles': 40,
      'esco-occupations': 0,
      'esco-skills': 0,
    });
    for (const s of schemes) for (const lang of ['fi', 'sv', 'en']) expect(s.title[lang]).not.toBe('');
  });

  it('lists a scheme in its own order', async () => {
    const body = (await get('/api/concepts?scheme=education-levels')).json();
    expect(ids(body).slice(0, 4)).toEqual([
      'edu.eqf-1',
      'edu.eqf-2',
      'edu.perusopetuksen-oppimaara',
      'edu.eqf-3',
    ]);
    expect((body as { notation: string }[])[0]!.notation).toBe('1');
  });

  it('searches labels and alternative labels in Finnish, Swedish and English', async () => {
    // An alternative label in Swedish.
    expect(ids((await get('/api/concepts?q=YH-examen&lang=sv')).json())).toEqual([
      'edu.ammattikorkeakoulututkinto',
      'edu.ylempi-ammattikorkeakoulututkinto',
    ]);
    // A Swedish preferred label, whatever the UI language.
    expect(ids((await get('/api/concepts?q=Karleby&lang=en')).json())).toContain('region.kokkola');
    // An English alternative label of a job role (its ESCO name).
    expect(ids((await get('/api/concepts?scheme=battery-job-roles&q=purchase planner')).json())).toEqual([
      'job-role.battery-material-planner',
    ]);
    // A notation.
    expect(ids((await get('/api/concepts?scheme=regions&q=905')).json())).toEqual(['municipality.905']);
    // Wildcards typed by a person are literal.
    expect((await get('/api/concepts?q=%25%25')).json()).toEqual([]);
  });

  it('ranks a label that starts with the words first', async () => {
    const body = (await get('/api/concepts?scheme=education-levels&q=tutkinto&lang=fi')).json() as {
      labels: { fi: string };
    }[];
    expect(body[0]!.labels.fi.toLowerCase().startsWith('tutkinto')).toBe(false);
    const exact = (await get('/api/concepts?q=ammattitutkinto&lang=fi')).json();
    expect(ids(exact)[0]).toBe('edu.ammattitutkinto');
  });

  it('pages big lists and tells the total', async () => {
    const first = await get('/api/concepts?scheme=regions&limit=10&offset=0');
    const second = await get('/api/concepts?scheme=regions&limit=10&offset=10');
    expect(first.headers['x-total-count']).toBe('36');
    expect(ids(first.json())).toHaveLength(10);
    expect(ids(second.json())[0]).not.toBe(ids(first.json())[0]);
    const children = await get('/api/concepts?parent=region.kymenlaakso');
    expect(ids(children.json()).sort()).toEqual(
      [
        'municipality.075',
        'municipality.285',
        'municipality.286',
        'municipality.489',
        'municipality.624',
        'municipality.935',
      ].sort(),
    );
    expect((await get('/api/concepts?limit=0')).statusCode).toBe(400);
  });

  it('shows a concept with its parent, children and relations both ways', async () => {
    const kotka = await detail('municipality.285');
    expect(kotka.parent?.id).toBe('region.kymenlaakso');
    expect(kotka.notation).toBe('285');
    expect(kotka.relations.outgoing).toEqual([
      expect.objectContaining({
        kind: 'broader',
        concept: expect.objectContaining({ id: 'region.lappeenranta' }),
      }),
    ]);
    const lappeenranta = await detail('region.lappeenranta');
    expect(lappeenranta.children.map((c) => c.id)).toEqual(['municipality.405']);
    expect(lappeenranta.relations.incoming.map((r) => r.concept.id).sort()).toEqual([
      'municipality.075',
      'municipality.285',
    ]);
    const role = await detail('job-role.battery-system-engineer');
    expect(role.exactMatch).toEqual([
      'http://data.europa.eu/esco/occupation/7648d5d9-cfab-4981-ba82-b66a9a41d37e',
    ]);
    expect(role.relations.outgoing.filter((r) => r.kind === 'related').map((r) => r.concept.id)).toContain(
      'pack.bms',
    );
    // The value-chain stage knows its job roles.
    const bms = await detail('pack.bms');
    expect(bms.relations.incoming.map((r) => r.concept.id)).toContain('job-role.battery-system-engineer');
    expect(bms.canEdit).toBe(false);
    expect((await get('/api/concepts/no.such')).statusCode).toBe(404);
  });
});

describe('SKOS export', () => {
  it('answers JSON-LD with language-tagged labels and ids built from the request’s host', async () => {
    const response = await get('/api/concept-schemes/regions/skos', { host: 'kenno.example.org' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/ld\+json/);
    const doc = response.json() as {
      '@context': Record<string, string>;
      '@graph': Record<string, unknown>[];
    };
    expect(doc['@context'].skos).toBe('http://www.w3.org/2004/02/skos/core#');
    const [scheme, ...nodes] = doc['@graph'];
    expect(scheme!['@type']).toBe('skos:ConceptScheme');
    expect(scheme!['@id']).toBe('http://kenno.example.org/api/concept-schemes/regions/skos');
    expect(nodes).toHaveLength(36);
    const kotka = nodes.find((n) => n['dct:identifier'] === 'municipality.285')!;
    expect(kotka['@id']).toBe('http://kenno.example.org/api/concepts/municipality.285');
    expect(kotka['skos:prefLabel']).toEqual([
      { '@value': 'Kotka', '@language': 'fi' },
      { '@value': 'Kotka', '@language': 'sv' },
      { '@value': 'Kotka', '@language': 'en' },
    ]);
    expect(kotka['skos:notation']).toBe('285');
    expect(kotka['skos:broader']).toEqual([
      { '@id': 'http://kenno.example.org/api/concepts/region.kymenlaakso' },
      { '@id': 'http://kenno.example.org/api/concepts/region.lappeenranta' },
    ]);
  });

  it('gives job roles their ESCO occupation as skos:exactMatch', async () => {
    const doc = (await get('/api/concept-schemes/battery-job-roles/skos')).json() as {
      '@graph': Record<string, unknown>[];
    };
    const role = doc['@graph'].find((n) => n['dct:identifier'] === 'job-role.battery-assembler')!;
    expect(role['skos:exactMatch']).toEqual([
      { '@id': 'http://data.europa.eu/esco/occupation/718bba63-75b7-4b3a-9912-e201b729fe4c' },
    ]);
    expect(doc['@graph']).toHaveLength(41);
    expect((await get('/api/concept-schemes/no-such/skos')).statusCode).toBe(404);
  });
});

describe('editing the taxonomy', () => {
  it('lets an admin change labels, writing history and the audit log', async () => {
    const before = await detail('funding.erasmus-plus');
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/concepts/funding.erasmus-plus',
      headers: admin.headers(true),
      payload: { labels: { sv: 'Erasmus+-programmet' }, altLabels: { en: ['Erasmus Plus', 'Erasmus Plus'] } },
    });
    expect(response.statusCode, response.body).toBe(200);
    const after = response.json() as ConceptDetail;
    expect(after.labels).toEqual({ ...before.labels, sv: 'Erasmus+-programmet' });
    expect(after.altLabels.en).toEqual(['Erasmus Plus']);
    expect(after.canEdit).toBe(true);

    const history = await t.database.db
      .select()
      .from(conceptHistory)
      .where(eq(conceptHistory.conceptId, 'funding.erasmus-plus'))
      .orderBy(desc(conceptHistory.id));
    expect(history[0]).toMatchObject({
      action: 'update',
      before: { labels: before.labels, altLabels: before.altLabels },
      after: { labels: after.labels, altLabels: after.altLabels },
    });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'concept'), eq(auditLog.entityId, 'funding.erasmus-plus')))
      .orderBy(desc(auditLog.id));
    expect(audit).toMatchObject({ action: 'update', actorKind: 'user' });
    expect((audit!.changes as Record<string, { to: unknown }>).labels!.to).toEqual(after.labels);

    // The history, newest first; the editor's name only for admins.
    const forAdmin = (
      await get('/api/concepts/funding.erasmus-plus/history', admin.headers(false))
    ).json() as {
      action: string;
      actor: { name: string } | null;
      after: { labels?: Record<string, string> };
    }[];
    expect(forAdmin[0]).toMatchObject({ action: 'update', actor: { name: adminName } });
    expect(forAdmin[0]!.after.labels!.sv).toBe('Erasmus+-programmet');
    const forVisitor = (await get('/api/concepts/funding.erasmus-plus/history')).json() as {
      actor: unknown;
    }[];
    expect(forVisitor[0]!.actor).toBeNull();
  });

  it('writes nothing when nothing changes', async () => {
    const countHistory = async () =>
      Number(
        (
          await t.database.db
            .select({ n: count() })
            .from(conceptHistory)
            .where(eq(conceptHistory.conceptId, 'funding.business-finland'))
        )[0]!.n,
      );
    const n = await countHistory();
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/concepts/funding.business-finland',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: { labels: { fi: 'Business Finland' } },
    });
    expect(response.statusCode).toBe(200);
    expect(await countHistory()).toBe(n);
  });

  it('refuses everyone but admins', async () => {
    const patch = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/concepts/cell',
        headers,
        payload: { labels: { en: 'Cells!' } },
      });
    expect((await patch({})).statusCode).toBe(401);
    expect((await patch(member.headers(true))).statusCode).toBe(403);
    expect((await patch(coordinator.headers(true))).statusCode).toBe(403);
    expect((await detail('cell')).labels.en).not.toBe('Cells!');
    const remove = await t.app.inject({
      method: 'DELETE',
      url: '/api/concepts/funding.interreg.aurora',
      headers: member.headers(true),
    });
    expect(remove.statusCode).toBe(403);
  });

  it('validates labels, parents and fields', async () => {
    const patch = (id: string, payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/concepts/${id}`, headers: admin.headers(true), payload });
    const empty = await patch('funding.jtf', { labels: { fi: '', sv: '', en: ' ' } });
    expect(empty.statusCode).toBe(400);
    expect(errorCode(empty)).toBe('validation_failed');
    // Its own descendant as parent: a cycle.
    const cycle = await patch('funding.horizon-europe', { parentId: 'funding.horizon-europe.ria' });
    expect(cycle.statusCode).toBe(400);
    expect((cycle.json() as { error: { details: { path: string[] }[] } }).error.details[0]!.path).toEqual([
      'parentId',
    ]);
    expect((await patch('funding.horizon-europe', { parentId: 'cell' })).statusCode).toBe(400);
    expect((await patch('funding.horizon-europe', { parentId: 'no.such' })).statusCode).toBe(400);
    expect((await patch('funding.horizon-europe', { level: 5 })).statusCode).toBe(400);
    expect((await patch('funding.horizon-europe', { altLabels: { fi: [''] } })).statusCode).toBe(400);
    expect((await patch('no.such', { labels: { fi: 'x' } })).statusCode).toBe(404);
  });

  it('moves a concept with its narrower concepts, levels following', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/concepts/funding.interreg',
      headers: admin.headers(true),
      payload: { parentId: 'funding.eu-cohesion-finland' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as ConceptDetail).level).toBe(2);
    const [aurora] = await t.database.db
      .select()
      .from(concepts)
      .where(eq(concepts.id, 'funding.interreg.aurora'));
    expect(aurora!.level).toBe(3);
    await t.app.inject({
      method: 'PATCH',
      url: '/api/concepts/funding.interreg',
      headers: admin.headers(true),
      payload: { parentId: null },
    });
    expect((await detail('funding.interreg.aurora')).level).toBe(2);
  });

  it('adds and removes a concept, with history', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/concepts',
      headers: admin.headers(true),
      payload: {
        scheme: 'funding-instruments',
        parentId: 'funding.horizon-europe',
        labels: { fi: 'EIC Accelerator', sv: 'EIC Accelerator', en: 'EIC Accelerator' },
        altLabels: { en: ['European Innovation Council Accelerator'] },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const concept = created.json() as ConceptDetail;
    expect(concept).toMatchObject({
      id: 'funding.horizon-europe.eic-accelerator',
      level: 2,
      parentId: 'funding.horizon-europe',
    });
    expect((await detail('funding.horizon-europe')).children.map((c) => c.id)).toContain(concept.id);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/concepts',
      headers: admin.headers(true),
      payload: { scheme: 'funding-instruments', id: concept.id, labels: { en: 'Twice' } },
    });
    expect(again.statusCode).toBe(409);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/concepts',
          headers: admin.headers(true),
          payload: { scheme: 'no-such', labels: { en: 'x' } },
        })
      ).statusCode,
    ).toBe(400);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/concepts/${concept.id}`,
      headers: admin.headers(true),
    });
    expect(removed.statusCode).toBe(204);
    expect((await get(`/api/concepts/${concept.id}`)).statusCode).toBe(404);
    const history = (await get(`/api/concepts/${concept.id}/history`, admin.headers(false))).json() as {
      action: string;
    }[];
    expect(history.map((h) => h.action)).toEqual(['delete', 'create']);
  });

  it('refuses to remove a concept with narrower concepts or one organisations use', async () => {
    const parent = await t.app.inject({
      method: 'DELETE',
      url: '/api/concepts/funding.interreg',
      headers: admin.headers(true),
    });
    expect(parent.statusCode).toBe(409);
    // The value-chain concept `cam` is a competence of demo organisations.
    const used = await t.app.inject({
      method: 'DELETE',
      url: '/api/concepts/cam',
      headers: admin.headers(true),
    });
    expect(used.statusCode).toBe(409);
    expect((await get('/api/concepts/cam')).statusCode).toBe(200);
  });
});

describe('hostile input', () => {
  const nasty = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 400 }),
    fc.constantFrom(
      "'; drop table concepts; --",
      '<script>alert(1)</script>',
      '%',
      '_',
      '\\',
      '\u0000',
      'a'.repeat(5000),
      '🔋',
    ),
  );
  const anyJson = fc.jsonValue({ maxDepth: 3 });
  const lists = fc.oneof(fc.array(nasty, { maxLength: 5 }), anyJson);
  const localized = fc.oneof(fc.record({ fi: nasty, sv: nasty, en: nasty }, { requiredKeys: [] }), anyJson);
  const body = fc.record(
    {
      scheme: fc.oneof(fc.constantFrom('education-levels', 'regions', 'nope'), nasty, anyJson),
      id: fc.oneof(nasty, anyJson),
      labels: localized,
      altLabels: fc.oneof(fc.record({ fi: lists, sv: lists, en: lists }, { requiredKeys: [] }), anyJson),
      description: localized,
      parentId: fc.oneof(fc.constantFrom('edu.eqf-3', 'edu.eqf-8', 'cell', null), nasty, anyJson),
      notation: fc.oneof(nasty, fc.constant(null), anyJson),
      uri: fc.oneof(fc.webUrl(), nasty, fc.constant(null)),
    },
    { requiredKeys: [] },
  );
  const expectNo5xx = (response: { statusCode: number; body: string }) =>
    expect(response.statusCode, response.body).toBeLessThan(500);

  it('never answers 5xx to generated concept writes, searches and ids', async () => {
    await fc.assert(
      fc.asyncProperty(body, nasty, async (payload, text) => {
        expectNo5xx(
          await t.app.inject({
            method: 'PATCH',
            url: '/api/concepts/edu.eqf-4',
            headers: admin.headers(true),
            payload,
          }),
        );
        expectNo5xx(
          await t.app.inject({ method: 'POST', url: '/api/concepts', headers: admin.headers(true), payload }),
        );
        expectNo5xx(
          await t.app.inject({
            url: '/api/concepts',
            query: { q: text, scheme: text, parent: text, lang: text, limit: text, offset: text },
          }),
        );
        expectNo5xx(await t.app.inject({ url: `/api/concepts/${encodeURIComponent(text)}` }));
        expectNo5xx(await t.app.inject({ url: `/api/concepts/${encodeURIComponent(text)}/history` }));
        expectNo5xx(await t.app.inject({ url: `/api/concept-schemes/${encodeURIComponent(text)}/skos` }));
      }),
      { numRuns: 60 },
    );
  });
});
