import { setTimeout as sleep } from 'node:timers/promises';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, competenceSuggestionDecisions, concepts } from '../../db/schema/index.ts';
import { buildUser, createTestApp, errorCode, signIn, type TestApp } from '../../../test/support/test-app.ts';
import { VERSION_CHECK_INTERVAL_MS } from './organisation-read-model.ts';

/**
 * The parts of an organisation profile beyond its own row — competences, suggested
 * competences, research infrastructure, contacts — and full-text search, through the API.
 */
let t: TestApp;
type Client = Awaited<ReturnType<typeof signIn>>;
const as: Record<
  'admin' | 'memberCentria' | 'memberUmicore' | 'memberUef' | 'coordKokkola' | 'coordVaasa',
  Client
> = {} as never;

beforeAll(async () => {
  t = await createTestApp();
  const users = {
    admin: await buildUser(t.database, 'admin'),
    memberCentria: await buildUser(t.database, 'member', { organisationId: 'centria' }),
    memberUmicore: await buildUser(t.database, 'member', { organisationId: 'umicore-finland' }),
    memberUef: await buildUser(t.database, 'member', { organisationId: 'uef' }),
    coordKokkola: await buildUser(t.database, 'coordinator', { regionId: 'kokkola' }),
    coordVaasa: await buildUser(t.database, 'coordinator', { regionId: 'vaasa' }),
  };
  for (const [who, user] of Object.entries(users))
    as[who as keyof typeof as] = await signIn(t.app, user.email);
});
afterAll(async () => t.close());

type Page = { items: { id: string; regionId: string | null; type: string }[]; total: number };
type Competence = { conceptId: string; strength: string; evidence: string | null; source: string };
type Suggestion = { conceptId: string; label: { fi: string }; score: number; evidence: string[] };

async function call(
  client: Client | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  return t.app.inject({
    method,
    url,
    headers: client ? client.headers(method !== 'GET') : {},
    ...(payload ? { payload } : {}),
  });
}

async function list(query: string, client: Client | null = null): Promise<Page> {
  return (await call(client, 'GET', `/api/organisations?pageSize=100&${query}`)).json() as Page;
}
const ids = (page: Page) => page.items.map((o) => o.id);

async function lastAudit(entity: string, entityId: string) {
  const [row] = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe('competences', () => {
  it('lets a member add, change and remove a competence; audited; the concept filter follows at once', async () => {
    const url = '/api/organisations/centria/competences/refining.battery-chemicals';
    expect(ids(await list('concept=refining.battery-chemicals'))).not.toContain('centria');

    const added = await call(as.memberCentria, 'PUT', url, {
      strength: 'interest',
      evidence: 'Pilot project',
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toEqual({
      conceptId: 'refining.battery-chemicals',
      strength: 'interest',
      evidence: 'Pilot project',
      source: 'manual',
    });
    expect(await lastAudit('organisation_competence', 'centria/refining.battery-chemicals')).toMatchObject({
      action: 'create',
      actorKind: 'user',
    });
    expect(ids(await list('concept=refining.battery-chemicals'))).toContain('centria');
    expect(ids(await list('concept=refining'))).toContain('centria');

    const changed = await call(as.memberCentria, 'PUT', url, { strength: 'core' });
    expect(changed.json()).toMatchObject({ strength: 'core', evidence: 'Pilot project' });
    const audit = await lastAudit('organisation_competence', 'centria/refining.battery-chemicals');
    expect(audit).toMatchObject({
      action: 'update',
      changes: { strength: { from: 'interest', to: 'core' } },
    });
    const profile = (await call(null, 'GET', '/api/organisations/centria')).json();
    expect(profile.competences).toContainEqual({
      conceptId: 'refining.battery-chemicals',
      strength: 'core',
      evidence: 'Pilot project',
      source: 'manual',
    });

    expect((await call(as.memberCentria, 'DELETE', url)).statusCode).toBe(204);
    expect((await lastAudit('organisation_competence', 'centria/refining.battery-chemicals'))?.action).toBe(
      'delete',
    );
    expect(ids(await list('concept=refining.battery-chemicals'))).not.toContain('centria');
    // Removing what is not there changes nothing and is not an error.
    expect((await call(as.memberCentria, 'DELETE', url)).statusCode).toBe(204);
  });

  it('accepts value-chain concepts only, and valid strengths', async () => {
    await t.database.db.insert(concepts).values({
      id: 'esco.test-skill',
      scheme: 'esco-skills',
      parentId: null,
      level: 1,
      labels: { fi: 'Testitaito', sv: 'Testfärdighet', en: 'Test skill' },
    });
    const otherScheme = await call(
      as.admin,
      'PUT',
      '/api/organisations/centria/competences/esco.test-skill',
      {
        strength: 'core',
      },
    );
    expect(otherScheme.statusCode).toBe(404);
    const unknown = await call(as.admin, 'PUT', '/api/organisations/centria/competences/no-such-concept', {
      strength: 'core',
    });
    expect(unknown.statusCode).toBe(404);
    const badStrength = await call(as.admin, 'PUT', '/api/organisations/centria/competences/cam', {
      strength: 'legendary',
    });
    expect(badStrength.statusCode).toBe(400);
    expect(errorCode(badStrength)).toBe('validation_failed');
  });

  it('is editable by the region coordinator and admins, not by other members or regions', async () => {
    const url = '/api/organisations/centria/competences/cell.assembly';
    expect((await call(null, 'PUT', url, { strength: 'active' })).statusCode).toBe(401);
    expect((await call(as.memberUef, 'PUT', url, { strength: 'active' })).statusCode).toBe(403);
    expect((await call(as.coordVaasa, 'PUT', url, { strength: 'active' })).statusCode).toBe(403);
    expect((await call(as.coordVaasa, 'DELETE', url)).statusCode).toBe(403);
    expect((await call(as.coordKokkola, 'PUT', url, { strength: 'active' })).statusCode).toBe(200);
    expect((await call(as.admin, 'DELETE', url)).statusCode).toBe(204);
  });
});

describe('suggested competences', () => {
  const base = '/api/organisations/umicore-finland/competence-suggestions';

  it("suggests concepts from the organisation's descriptions with the matched words, minus existing ones", async () => {
    const response = await call(as.memberUmicore, 'GET', base);
    expect(response.statusCode, response.body).toBe(200);
    const suggestions = response.json() as Suggestion[];
    const cam = suggestions.find((s) => s.conceptId === 'cam');
    // The Finnish description speaks of "katodimateriaalien" (cathode materials, genitive plural).
    expect(cam).toMatchObject({ label: { fi: expect.any(String) } });
    expect(cam!.evidence).toContain('katodimateriaalien');
    const profile = (await call(null, 'GET', '/api/organisations/umicore-finland')).json();
    const existing = (profile.competences as Competence[]).map((c) => c.conceptId);
    expect(existing.length).toBeGreaterThan(0);
    expect(suggestions.map((s) => s.conceptId).filter((id) => existing.includes(id))).toEqual([]);
    for (const s of suggestions) {
      expect(s.score).toBeGreaterThan(0);
      expect(s.evidence.length).toBeGreaterThan(0);
    }
  });

  it('accepts a suggestion as a competence from a suggestion, and does not suggest it again', async () => {
    const accepted = await call(as.memberUmicore, 'POST', `${base}/cam/accept`, { strength: 'active' });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ conceptId: 'cam', strength: 'active', source: 'suggestion' });
    expect(accepted.json().evidence).toContain('katodimateriaalien');
    expect((await lastAudit('organisation_competence', 'umicore-finland/cam'))?.action).toBe(
      'accept_suggestion',
    );
    const after = (await call(as.memberUmicore, 'GET', base)).json() as Suggestion[];
    expect(after.map((s) => s.conceptId)).not.toContain('cam');
    expect(ids(await list('concept=cam'))).toContain('umicore-finland');

    const again = await call(as.memberUmicore, 'POST', `${base}/cam/accept`, { strength: 'active' });
    expect(again.statusCode).toBe(409);
    const notSuggested = await call(as.memberUmicore, 'POST', `${base}/raw.mining/accept`, {
      strength: 'core',
    });
    expect(notSuggested.statusCode).toBe(404);
  });

  it('records a rejection, so the concept is not suggested again', async () => {
    const before = (await call(as.memberUmicore, 'GET', base)).json() as Suggestion[];
    const target = before[0]!.conceptId;
    const rejected = await call(as.memberUmicore, 'POST', `${base}/${target}/reject`);
    expect(rejected.statusCode, rejected.body).toBe(204);
    const after = (await call(as.memberUmicore, 'GET', base)).json() as Suggestion[];
    expect(after.map((s) => s.conceptId)).not.toContain(target);
    expect(after.length).toBe(before.length - 1);
    const [decision] = await t.database.db
      .select()
      .from(competenceSuggestionDecisions)
      .where(eq(competenceSuggestionDecisions.organisationId, 'umicore-finland'));
    expect(decision).toMatchObject({ conceptId: target, decision: 'rejected' });
    expect((await lastAudit('organisation_competence', `umicore-finland/${target}`))?.action).toBe(
      'reject_suggestion',
    );
    // A rejected concept cannot be accepted as a suggestion (it can still be added by hand).
    expect(
      (await call(as.memberUmicore, 'POST', `${base}/${target}/accept`, { strength: 'core' })).statusCode,
    ).toBe(404);
    expect((await call(as.memberUmicore, 'POST', `${base}/no-such-concept/reject`)).statusCode).toBe(404);
  });

  it('follows the descriptions as they are edited, in any of the three languages', async () => {
    const patched = await call(as.memberUef, 'PATCH', '/api/organisations/uef', {
      description: { sv: 'Vi forskar också i återvinning av svartmassa.' },
    });
    expect(patched.statusCode).toBe(200);
    const suggestions = (
      await call(as.memberUef, 'GET', '/api/organisations/uef/competence-suggestions')
    ).json() as Suggestion[];
    const blackMass = suggestions.find((s) => s.conceptId === 'recycling.black-mass');
    expect(blackMass?.evidence).toContain('svartmassa');
  });

  it('is only for those who may edit the organisation', async () => {
    expect((await call(null, 'GET', base)).statusCode).toBe(401);
    expect((await call(as.memberCentria, 'GET', base)).statusCode).toBe(403);
    expect((await call(as.coordVaasa, 'GET', base)).statusCode).toBe(403);
    expect((await call(as.admin, 'GET', base)).statusCode).toBe(200);
    expect((await call(as.memberCentria, 'POST', `${base}/cam/reject`)).statusCode).toBe(403);
  });
});

describe('research infrastructure', () => {
  it('is created, changed and removed by editors; hidden from visitors unless public', async () => {
    const created = await call(as.memberCentria, 'POST', '/api/organisations/centria/infrastructure', {
      name: { fi: 'Kuivahuonelaboratorio', en: 'Dry-room laboratory' },
      description: { en: 'Coin and pouch cell assembly.' },
      conceptIds: ['cell.assembly'],
      url: 'https://www.centria.fi/dry-room',
      isPublic: false,
    });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({
      name: { fi: 'Kuivahuonelaboratorio', sv: '', en: 'Dry-room laboratory' },
      description: { fi: '', sv: '', en: 'Coin and pouch cell assembly.' },
      conceptIds: ['cell.assembly'],
      isPublic: false,
    });
    expect((await lastAudit('research_infrastructure', item.id))?.action).toBe('create');

    const visitorView = (await call(null, 'GET', '/api/organisations/centria')).json();
    expect(visitorView.infrastructure.map((i: { id: string }) => i.id)).not.toContain(item.id);
    const networkView = (await call(as.memberUef, 'GET', '/api/organisations/centria/infrastructure')).json();
    expect(networkView.map((i: { id: string }) => i.id)).toContain(item.id);

    const patched = await call(
      as.coordKokkola,
      'PATCH',
      `/api/organisations/centria/infrastructure/${item.id}`,
      {
        name: { sv: 'Torrumslaboratorium' },
        isPublic: true,
      },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().name).toEqual({
      fi: 'Kuivahuonelaboratorio',
      sv: 'Torrumslaboratorium',
      en: 'Dry-room laboratory',
    });
    const publicView = (await call(null, 'GET', '/api/organisations/centria/infrastructure')).json();
    expect(publicView.map((i: { id: string }) => i.id)).toContain(item.id);

    // Another organisation's editor cannot touch it, not even through its own organisation's address.
    expect(
      (await call(as.memberUef, 'DELETE', `/api/organisations/centria/infrastructure/${item.id}`)).statusCode,
    ).toBe(403);
    expect(
      (await call(as.memberUef, 'DELETE', `/api/organisations/uef/infrastructure/${item.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await call(as.memberCentria, 'DELETE', `/api/organisations/centria/infrastructure/${item.id}`))
        .statusCode,
    ).toBe(204);
    expect(
      (
        await call(as.memberCentria, 'PATCH', `/api/organisations/centria/infrastructure/${item.id}`, {
          isPublic: false,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('validates names, concepts and addresses', async () => {
    const url = '/api/organisations/centria/infrastructure';
    const noName = await call(as.admin, 'POST', url, { name: { fi: '  ' } });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: ['name'] })]),
    );
    const badConcept = await call(as.admin, 'POST', url, { name: { en: 'Lab' }, conceptIds: ['nope'] });
    expect(badConcept.statusCode).toBe(400);
    const badUrl = await call(as.admin, 'POST', url, { name: { en: 'Lab' }, url: 'javascript:alert(1)' });
    expect(badUrl.statusCode).toBe(400);
  });
});

describe('contacts', () => {
  let publicId = '';
  let privateId = '';

  beforeAll(async () => {
    const make = async (payload: object) => {
      const response = await call(as.memberCentria, 'POST', '/api/organisations/centria/contacts', payload);
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    publicId = await make({
      name: 'Paula Public',
      title: 'Research manager',
      email: 'paula.public@centria.example',
      phone: '+358 40 123 4567',
      isPublic: true,
    });
    privateId = await make({ name: 'Niko Network', email: 'niko.network@centria.example' });
  });

  it('shows visitors only contacts marked public, and signed-in users all of them', async () => {
    const visitor = (await call(null, 'GET', '/api/organisations/centria/contacts')).json();
    expect(visitor.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([publicId]));
    expect(visitor.map((c: { id: string }) => c.id)).not.toContain(privateId);
    const visitorProfile = (await call(null, 'GET', '/api/organisations/centria')).json();
    expect(visitorProfile.contacts.map((c: { id: string }) => c.id)).not.toContain(privateId);
    expect(JSON.stringify(visitorProfile)).not.toContain('niko.network');

    for (const client of [as.memberUef, as.coordVaasa, as.memberCentria, as.admin]) {
      const seen = (await call(client, 'GET', '/api/organisations/centria/contacts')).json();
      expect(seen.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([publicId, privateId]));
      const profile = (await call(client, 'GET', '/api/organisations/centria')).json();
      expect(profile.contacts.map((c: { id: string }) => c.id)).toEqual(
        expect.arrayContaining([publicId, privateId]),
      );
    }
  });

  it("shows a private organisation's contacts only to those who may read the organisation", async () => {
    const created = await call(as.admin, 'POST', '/api/organisations', {
      name: 'Quiet Anode Oy',
      type: 'company',
      regionId: 'kokkola',
      isPublic: false,
    });
    const id = created.json().id as string;
    const contact = await call(as.coordKokkola, 'POST', `/api/organisations/${id}/contacts`, {
      name: 'Quiet Person',
      isPublic: true,
    });
    expect(contact.statusCode).toBe(201);
    expect((await call(null, 'GET', `/api/organisations/${id}/contacts`)).statusCode).toBe(404);
    expect((await call(as.memberUef, 'GET', `/api/organisations/${id}/contacts`)).statusCode).toBe(404);
    expect((await call(as.coordVaasa, 'GET', `/api/organisations/${id}/contacts`)).statusCode).toBe(404);
    const coordinator = await call(as.coordKokkola, 'GET', `/api/organisations/${id}/contacts`);
    expect(coordinator.json().map((c: { name: string }) => c.name)).toEqual(['Quiet Person']);
  });

  it('is edited by editors only, validates, and keeps personal data out of the audit log', async () => {
    const url = `/api/organisations/centria/contacts/${privateId}`;
    expect((await call(as.memberUef, 'PATCH', url, { isPublic: true })).statusCode).toBe(403);
    const badEmail = await call(as.memberCentria, 'PATCH', url, { email: 'not an address' });
    expect(badEmail.statusCode).toBe(400);
    const badPhone = await call(as.memberCentria, 'PATCH', url, { phone: 'call me' });
    expect(badPhone.statusCode).toBe(400);
    const changed = await call(as.memberCentria, 'PATCH', url, {
      title: 'Lab engineer',
      phone: '06 123 4567',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Niko Network', title: 'Lab engineer', isPublic: false });
    const audit = await lastAudit('organisation_contact', privateId);
    expect(audit).toMatchObject({ action: 'update', changes: { fields: ['phone', 'title'] } });
    expect(JSON.stringify(audit!.changes)).not.toContain('123 4567');
    const created = await lastAuditOf('create', privateId);
    expect(JSON.stringify(created!.changes)).not.toContain('niko.network');

    expect((await call(as.coordKokkola, 'DELETE', url)).statusCode).toBe(204);
    const remaining = (await call(as.admin, 'GET', '/api/organisations/centria/contacts')).json();
    expect(remaining.map((c: { id: string }) => c.id)).not.toContain(privateId);
  });
});

async function lastAuditOf(action: string, entityId: string) {
  const [row] = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe('full-text search over names and descriptions', () => {
  it('finds Finnish descriptions by a base form of an inflected word', async () => {
    // The descriptions say "katodimateriaalien", "katodimateriaaleja" …
    const found = ids(await list('q=katodimateriaali'));
    expect(found).toEqual(expect.arrayContaining(['umicore-finland', 'basf-harjavalta']));
    // Prefix matching of the last word: what a person has typed so far already finds them.
    expect(ids(await list('q=katodimat'))).toEqual(
      expect.arrayContaining(['umicore-finland', 'basf-harjavalta']),
    );
  });

  it('finds Swedish and English descriptions', async () => {
    expect(ids(await list('q=%C3%A5tervinning'))).toEqual(
      expect.arrayContaining(['fortum-battery-recycling', 'basf-harjavalta', 'metso-pori']),
    );
    const recycling = await list('q=recycling');
    // Centria's name says nothing of recycling; its English description does.
    expect(ids(recycling)).toEqual(expect.arrayContaining(['centria', 'xamk', 'fortum-battery-recycling']));
    // A name match comes first.
    expect(ids(recycling)[0]).toBe('fortum-battery-recycling');
  });

  it('combines the text with region, type and concept filters and paging', async () => {
    const kokkola = await list('q=recycling&region=kokkola');
    expect(ids(kokkola)).toContain('centria');
    expect(kokkola.items.every((o) => o.regionId === 'kokkola')).toBe(true);
    const uas = await list('q=recycling&type=uas');
    expect(ids(uas)).toEqual(expect.arrayContaining(['centria', 'xamk']));
    expect(uas.items.every((o) => o.type === 'uas')).toBe(true);
    const all = await list('q=recycling');
    const firstPage = (await call(null, 'GET', '/api/organisations?q=recycling&pageSize=2')).json() as Page;
    const secondPage = (
      await call(null, 'GET', '/api/organisations?q=recycling&pageSize=2&page=2')
    ).json() as Page;
    expect(firstPage.total).toBe(all.total);
    expect([...ids(firstPage), ...ids(secondPage)]).toEqual(ids(all).slice(0, 4));
    const withConcept = await list('q=recycling&concept=recycling');
    expect(withConcept.total).toBeLessThanOrEqual(all.total);
    expect(ids(withConcept)).toContain('fortum-battery-recycling');
  });

  it('sees description changes at once and keeps private descriptions private', async () => {
    expect((await list('q=zirkoniumoksidikalvo')).total).toBe(0);
    const created = await call(as.admin, 'POST', '/api/organisations', {
      name: 'Hush Membranes Oy',
      type: 'company',
      regionId: 'vaasa',
      isPublic: false,
      description: { fi: 'Valmistamme zirkoniumoksidikalvoja erottimiin.' },
    });
    expect(created.statusCode).toBe(201);
    expect((await list('q=zirkoniumoksidikalvo')).total).toBe(0);
    expect((await list('q=zirkoniumoksidikalvo', as.coordKokkola)).total).toBe(0);
    expect(ids(await list('q=zirkoniumoksidikalvo', as.coordVaasa))).toEqual(['hush-membranes-oy']);
    expect(ids(await list('q=zirkoniumoksidikalvo', as.admin))).toEqual(['hush-membranes-oy']);
  });

  it('takes any typed text without errors', async () => {
    for (const q of ['%', '"unclosed', 'a & b | !c', ':*', '(((', 'or', '-', 'x'.repeat(200), '\\']) {
      const response = await call(null, 'GET', `/api/organisations?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(200);
    }
    expect((await list(`q=${encodeURIComponent('%')}`)).total).toBe(0);
  });
});

describe('POST /api/concepts/tag', () => {
  it('tags Finnish, Swedish and English text with evidence', async () => {
    const fi = await call(null, 'POST', '/api/concepts/tag', {
      text: 'Yritys investoi akkukemikaalien valmistukseen.',
    });
    expect(fi.statusCode).toBe(200);
    expect(fi.json()).toContainEqual(
      expect.objectContaining({ conceptId: 'refining.battery-chemicals', evidence: ['akkukemikaalien'] }),
    );
    const sv = (
      await call(null, 'POST', '/api/concepts/tag', { text: 'Återvinning av svartmassa.', lang: 'sv' })
    ).json() as Suggestion[];
    expect(sv.map((r) => r.conceptId)).toContain('recycling.black-mass');
    const en = (
      await call(null, 'POST', '/api/concepts/tag', { text: 'We make cathode materials.', lang: 'en' })
    ).json() as Suggestion[];
    expect(en.find((r) => r.conceptId === 'cam')?.evidence).toEqual(['cathode', 'materials']);
  });

  it('refuses texts over 20,000 characters and bad languages', async () => {
    expect((await call(null, 'POST', '/api/concepts/tag', { text: 'a '.repeat(10_001) })).statusCode).toBe(
      400,
    );
    expect((await call(null, 'POST', '/api/concepts/tag', { text: 'akku', lang: 'de' })).statusCode).toBe(
      400,
    );
    expect((await call(null, 'POST', '/api/concepts/tag', { text: '' })).json()).toEqual([]);
    const huge = await call(null, 'POST', '/api/concepts/tag', { text: 'x'.repeat(200_000) });
    expect(huge.statusCode).toBe(413);
    expect(errorCode(huge)).toBe('payload_too_large');
  });

  it('follows taxonomy changes through the taxonomy data version', async () => {
    const word = 'zorbliumkenno';
    expect((await call(null, 'POST', '/api/concepts/tag', { text: word, lang: 'fi' })).json()).toEqual([]);
    await t.database.db
      .update(concepts)
      .set({
        altLabels: sql`jsonb_set(${concepts.altLabels}, '{fi}', (${concepts.altLabels}->'fi') || '["zorbliumkenno"]'::jsonb)`,
      })
      .where(eq(concepts.id, 'cell'));
    await sleep(VERSION_CHECK_INTERVAL_MS + 50);
    const tagged = (
      await call(null, 'POST', '/api/concepts/tag', { text: word, lang: 'fi' })
    ).json() as Suggestion[];
    expect(tagged.map((r) => r.conceptId)).toContain('cell');
  });
});
