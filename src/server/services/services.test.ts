import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/queries/organisations.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { auditsOf, type Client, requests, signedIn } from '../sites/module-test-kit.ts';

/** The service directory, categories and subcontracting chains through the API. */
let t: TestApp;
let admin: Client;
let memberCentria: Client;
let memberUef: Client;
let memberQuiet: Client;
let coordVaasa: Client;

beforeAll(async () => {
  t = await createTestApp();
  await createOrganisation(t.database.db, { kind: 'system' } as never, 'quiet-lab', {
    name: 'Quiet Lab Oy',
    type: 'company',
    regionId: 'kokkola',
    isPublic: false,
  });
  admin = await signedIn(t, 'admin');
  memberCentria = await signedIn(t, 'member', { organisationId: 'centria' });
  memberUef = await signedIn(t, 'member', { organisationId: 'uef' });
  memberQuiet = await signedIn(t, 'member', { organisationId: 'quiet-lab' });
  coordVaasa = await signedIn(t, 'coordinator', { regionId: 'vaasa' });
});
afterAll(async () => t.close());

type Service = {
  id: string;
  organisationId: string;
  organisationName: string;
  category: string;
  canEdit: boolean;
};
type Chain = {
  nodes: { id: string; name: string; type: string }[];
  links: { id: string; supplierId: string; customerId: string; what: { en: string }; sources: string[] }[];
};
const { get, send } = requests(() => t);
const services = async (query: string, client?: Client) =>
  (await get(`/api/services${query}`, client)).json() as Service[];
const audits = (entity: string, entityId: string) => auditsOf(t, entity, entityId);

describe('service categories', () => {
  it('lists the twelve categories with labels in three languages', async () => {
    const categories = (await get('/api/service-categories')).json() as {
      key: string;
      label: Record<string, string>;
    }[];
    expect(categories.map((c) => c.key)).toEqual([
      'maintenance',
      'engineering',
      'logistics',
      'laboratory_analysis',
      'recycling',
      'automation',
      'construction',
      'consulting',
      'equipment',
      'chemicals_supply',
      'waste_management',
      'training',
    ]);
    expect(categories.find((c) => c.key === 'logistics')!.label).toEqual({
      fi: 'Logistiikka',
      sv: 'Logistik',
      en: 'Logistics',
    });
  });
});

describe('GET /api/services', () => {
  it('finds providers by category, region, value-chain concept and words in any language', async () => {
    const logistics = await services('?category=logistics');
    expect(logistics.map((s) => s.organisationId).sort()).toEqual([
      'port-of-haminakotka',
      'port-of-kokkola',
      'port-of-pori',
    ]);
    // Category names match in every language.
    expect((await services('?q=logistiikka')).map((s) => s.id).sort()).toEqual(
      logistics.map((s) => s.id).sort(),
    );
    const recyclers = (await services('?category=recycling')).map((s) => s.id);
    expect(recyclers.length).toBeGreaterThan(2);
    expect((await services('?q=Återvinning')).map((s) => s.id)).toEqual(expect.arrayContaining(recyclers));
    expect((await services('?q=mustamassa')).map((s) => s.organisationId)).toContain(
      'fortum-battery-recycling',
    );
    const pori = await services('?region=pori');
    expect(pori.length).toBeGreaterThan(0);
    expect(pori.map((s) => s.organisationId)).toEqual(
      expect.arrayContaining(['port-of-pori', 'fortum-battery-recycling', 'metso-pori', 'sataedu']),
    );
    const recycling = await services('?concept=recycling');
    expect(recycling.map((s) => s.organisationId)).toEqual(
      expect.arrayContaining(['fortum-battery-recycling', 'akkuser']),
    );
    expect((await services('?category=automation')).length).toBe(0);
  });

  it('sorts by organisation name', async () => {
    const names = (await services('')).map((s) => s.organisationName);
    expect(names).toEqual([...names].sort(new Intl.Collator('fi', { sensitivity: 'base' }).compare));
  });
});

describe('writing services', () => {
  it('lets a member offer, change and withdraw their organisation’s service, each write audited', async () => {
    const created = await send('POST', '/api/services', memberCentria, {
      organisationId: 'centria',
      category: 'laboratory_analysis',
      description: { fi: 'Kennoanalyysit', en: 'Cell analyses' },
      conceptIds: ['cell.formation'],
      regionIds: ['vaasa'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const service = created.json();
    expect(service).toMatchObject({
      organisationName: 'Centria-ammattikorkeakoulu',
      organisationRegionId: 'kokkola',
      description: { fi: 'Kennoanalyysit', sv: '', en: 'Cell analyses' },
      canEdit: true,
    });
    // Offered in Vaasa too.
    expect((await services('?region=vaasa')).map((s) => s.id)).toContain(service.id);
    expect((await audits('service_offering', service.id))[0]).toMatchObject({ action: 'create' });

    expect(
      (await send('PATCH', `/api/services/${service.id}`, memberUef, { category: 'consulting' })).statusCode,
    ).toBe(403);
    const changed = await send('PATCH', `/api/services/${service.id}`, memberCentria, {
      category: 'consulting',
    });
    expect(changed.json().category).toBe('consulting');
    expect((await audits('service_offering', service.id))[0]).toMatchObject({
      action: 'update',
      changes: { category: { from: 'laboratory_analysis', to: 'consulting' } },
    });
    expect((await send('DELETE', `/api/services/${service.id}`, memberCentria)).statusCode).toBe(204);
    expect((await services('')).map((s) => s.id)).not.toContain(service.id);
    expect((await audits('service_offering', service.id))[0]).toMatchObject({ action: 'delete' });
  });

  it('refuses unknown concepts, regions and categories, and other organisations', async () => {
    const base = { organisationId: 'centria', category: 'training', description: { en: 'Courses' } };
    expect(
      (await send('POST', '/api/services', memberCentria, { ...base, conceptIds: ['no.such'] })).statusCode,
    ).toBe(400);
    expect(
      (await send('POST', '/api/services', memberCentria, { ...base, regionIds: ['atlantis'] })).statusCode,
    ).toBe(400);
    expect(
      (await send('POST', '/api/services', memberCentria, { ...base, category: 'catering' })).statusCode,
    ).toBe(400);
    expect(
      (await send('POST', '/api/services', memberCentria, { ...base, description: { en: '' } })).statusCode,
    ).toBe(400);
    expect((await send('POST', '/api/services', memberUef, base)).statusCode).toBe(403);
  });

  it('keeps a private organisation’s services to those who may see it', async () => {
    const created = await send('POST', '/api/services', memberQuiet, {
      organisationId: 'quiet-lab',
      category: 'laboratory_analysis',
      description: { en: 'Quiet ICP-MS analyses' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await services('?q=quiet')).length).toBe(0);
    expect((await services('?q=quiet', memberCentria)).length).toBe(0);
    expect((await services('?q=quiet', memberQuiet)).map((s) => s.canEdit)).toEqual([true]);
    expect((await services('?q=quiet', admin)).length).toBe(1);
    expect(
      (await send('PATCH', `/api/services/${created.json().id}`, coordVaasa, { isPublic: true })).statusCode,
    ).toBe(404);
  });
});

describe('GET /api/supply-chain', () => {
  it('shows the chain around an organisation: suppliers upstream, customers downstream, with sources', async () => {
    const chain = (await get('/api/supply-chain?organisation=nornickel-harjavalta')).json() as Chain;
    expect(chain.nodes.map((n) => n.id)).toEqual([
      'basf-harjavalta',
      'boliden-harjavalta',
      'nornickel-harjavalta',
    ]);
    expect(chain.links.map((l) => [l.supplierId, l.customerId])).toEqual([
      ['boliden-harjavalta', 'nornickel-harjavalta'],
      ['nornickel-harjavalta', 'basf-harjavalta'],
    ]);
    expect(chain.links[0]!.sources).toEqual([
      'https://ar2019.nornickel.com/business-overview/operational-performance/finland',
    ]);
    // From BASF, two steps upstream reach Boliden.
    const basf = (await get('/api/supply-chain?organisation=basf-harjavalta')).json() as Chain;
    expect(basf.nodes.map((n) => n.id)).toContain('boliden-harjavalta');
    // An organisation without links is a lone node.
    expect((await get('/api/supply-chain?organisation=centria')).json()).toEqual({
      nodes: [{ id: 'centria', name: 'Centria-ammattikorkeakoulu', regionId: 'kokkola', type: 'uas' }],
      links: [],
    });
  });

  it('filters the whole network by category and concept', async () => {
    const all = (await get('/api/supply-chain')).json() as Chain;
    expect(all.links.length).toBeGreaterThanOrEqual(4);
    const engineering = (await get('/api/supply-chain?category=engineering')).json() as Chain;
    expect(engineering.links.map((l) => [l.supplierId, l.customerId])).toEqual([['metso-pori', 'keliber']]);
    const pcam = (await get('/api/supply-chain?concept=pcam')).json() as Chain;
    expect(pcam.links.map((l) => l.customerId)).toEqual(['basf-harjavalta']);
  });

  it('lets either party record a link, and shows a private one to the parties only', async () => {
    const created = await send('POST', '/api/supply-links', memberUef, {
      supplierId: 'centria',
      customerId: 'uef',
      what: { en: 'Pouch cells for testing' },
      category: 'laboratory_analysis',
      isPublic: false,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await audits('supply_link', id))[0]).toMatchObject({ action: 'create' });
    const linkIds = async (client?: Client) =>
      ((await get('/api/supply-chain?organisation=uef', client)).json() as Chain).links.map((l) => l.id);
    expect(await linkIds()).toEqual([]);
    expect(await linkIds(memberCentria)).toEqual([id]);
    expect(await linkIds(memberUef)).toEqual([id]);
    expect(await linkIds(coordVaasa)).toEqual([]);

    expect((await send('DELETE', `/api/supply-links/${id}`, coordVaasa)).statusCode).toBe(404);
    expect((await send('DELETE', `/api/supply-links/${id}`, memberCentria)).statusCode).toBe(204);
    expect((await audits('supply_link', id))[0]).toMatchObject({ action: 'delete' });
  });

  it('refuses a link of an organisation to itself, or between others', async () => {
    const self = await send('POST', '/api/supply-links', memberCentria, {
      supplierId: 'centria',
      customerId: 'centria',
      what: { en: 'x' },
    });
    expect(self.statusCode).toBe(400);
    const others = await send('POST', '/api/supply-links', memberCentria, {
      supplierId: 'uef',
      customerId: 'keliber',
      what: { en: 'x' },
    });
    expect(others.statusCode).toBe(403);
  });

  it('does not reveal a private organisation’s chain', async () => {
    expect((await get('/api/supply-chain?organisation=quiet-lab')).statusCode).toBe(404);
    expect((await get('/api/supply-chain?organisation=quiet-lab', memberQuiet)).statusCode).toBe(200);
  });
});
