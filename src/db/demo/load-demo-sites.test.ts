import fs from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-db.ts';
import type { Database } from '../create-db.ts';
import { meta, serviceOfferings, sites, supplyLinks, symbiosisStreams } from '../schema/index.ts';
import { loadDemoNetwork } from './load-demo.ts';
import { readDemoSiteFiles } from './load-demo-sites.ts';

/** The demo sites, services, supply links and streams: complete, sourced, and reloaded by a reset. */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

async function counts() {
  const db = database.db;
  const n = async (
    table: typeof sites | typeof serviceOfferings | typeof supplyLinks | typeof symbiosisStreams,
  ) => (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    sites: await n(sites),
    services: await n(serviceOfferings),
    supplyLinks: await n(supplyLinks),
    streams: await n(symbiosisStreams),
  };
}

const reference = JSON.parse(
  fs.readFileSync(new URL('../../../data/reference/industrial-sites.json', import.meta.url), 'utf8'),
) as { sites: { id: string; source: string[]; facts: { area_ha?: unknown } }[] };

describe('the demo sites', () => {
  it('are all loaded with the demo network: nothing points at a missing organisation', async () => {
    const files = readDemoSiteFiles();
    expect(await counts()).toEqual({
      sites: files.sites.length,
      services: files.services.length,
      supplyLinks: files.supplyLinks.length,
      streams: files.streams.length,
    });
    expect(files.sites).toHaveLength(14);
    const rows = await database.db.select().from(sites);
    for (const file of files.sites) {
      const row = rows.find((r) => r.id === file.id)!;
      expect(row.operatorOrganisationId).toBe(file.operatorOrganisationId);
      expect(row.tenantOrganisationIds).toEqual(file.tenantOrganisationIds);
    }
  });

  it('keep every source of the reference file, and state an area only where it does', async () => {
    const rows = await database.db.select().from(sites);
    expect(rows.map((r) => r.id).sort()).toEqual(reference.sites.map((s) => s.id).sort());
    for (const ref of reference.sites) {
      const row = rows.find((r) => r.id === ref.id)!;
      expect(row.sources).toEqual(expect.arrayContaining(ref.source));
      if (typeof ref.facts.area_ha === 'number') expect(row.totalAreaHa).toBe(ref.facts.area_ha);
      if (ref.facts.area_ha === null || ref.facts.area_ha === undefined) expect(row.totalAreaHa).toBeNull();
      expect(row.description.fi && row.description.sv && row.description.en).toBeTruthy();
    }
    // No site publishes a utility price or capacity: none is shown.
    expect(rows.flatMap((r) => r.utilities).every((u) => u.price === null && u.capacity === null)).toBe(true);
  });

  it('state rail, chemicals handling and permits only where a source does, and leave the rest unknown', async () => {
    const rows = await database.db.select().from(sites);
    const of = (id: string) => rows.find((r) => r.id === id)!;
    // KIP's sources: railways inside the park, heavy chemical industry, 70 ha zoned.
    expect(of('kip')).toMatchObject({ rail: true, chemicalsHandling: true, permitStatus: 'zoned' });
    // Kristinestad's source: chemical-industry zoning is still needed.
    expect(of('kristinestad')).toMatchObject({ rail: null, chemicalsHandling: null, permitStatus: 'none' });
    // GigaVaasa's sources name rail only as a goal and no permit: not stated.
    expect(of('gigavaasa')).toMatchObject({ rail: null, chemicalsHandling: null, permitStatus: null });
    // Every site whose reference facts describe a railway has rail; no source says "no rail".
    for (const ref of reference.sites) {
      if ('rail' in ref.facts) expect(of(ref.id).rail, ref.id).toBe(true);
    }
    expect(rows.filter((r) => r.rail === false || r.chemicalsHandling === false)).toEqual([]);
  });

  it('come back with a reset, which also removes sites added since', async () => {
    const db = database.db;
    await db.delete(sites).where(eq(sites.id, 'gigavaasa'));
    await db.insert(sites).values({ id: 'user-added', name: 'User Added Park' });
    // A restart (no reset) does not bring back what someone removed.
    await loadDemoNetwork(db, { reset: false });
    expect((await db.select().from(sites).where(eq(sites.id, 'gigavaasa'))).length).toBe(0);

    await loadDemoNetwork(db, { reset: true });
    const ids = (await db.select({ id: sites.id }).from(sites)).map((r) => r.id);
    expect(ids).toContain('gigavaasa');
    expect(ids).not.toContain('user-added');
    expect((await counts()).sites).toBe(14);
    expect((await counts()).streams).toBe(readDemoSiteFiles().streams.length);
  });

  it('are added once to a database whose demo network predates them', async () => {
    const db = database.db;
    await db.delete(symbiosisStreams);
    await db.delete(supplyLinks);
    await db.delete(serviceOfferings);
    await db.delete(sites);
    await db.delete(meta).where(eq(meta.key, 'demo_sites_loaded_at'));
    await loadDemoNetwork(db, { reset: false });
    expect((await counts()).sites).toBe(14);
    expect((await counts()).services).toBe(readDemoSiteFiles().services.length);
  });
});
