import fs from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sites } from '../../db/schema/index.ts';
import { type ImportRunner, startImportRunner } from '../../jobs/imports/import-runner.ts';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/support/test-app.ts';
import { VERSION_CHECK_INTERVAL_MS } from '../organisations/versioned-read-model.ts';

/**
 * The `sites` import end to end: a semicolon CSV with WKT points and an XLSX land whole, the
 * same file again changes nothing, and a malformed file imports nothing and says which row,
 * column and why.
 */
let t: TestApp;
let runner: ImportRunner;
type Client = Awaited<ReturnType<typeof signIn>>;
let admin: Client;
let coordKokkola: Client;

const fixture = (name: string) =>
  fs.readFileSync(new URL(`../../../test/fixtures/sites/${name}`, import.meta.url));

beforeAll(async () => {
  t = await createTestApp();
  runner = startImportRunner(t.database.db, { pollMs: 50 });
  admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
  coordKokkola = await signIn(
    t.app,
    (await buildUser(t.database, 'coordinator', { regionId: 'kokkola' })).email,
  );
});
afterAll(async () => {
  await runner.stop();
  await t.close();
});

type ImportView = {
  status: string;
  suggestedMapping: Record<string, string>;
  missingRequired: string[];
  summary: { created: number; updated: number; unchanged: number } | null;
  errors: { row: number; column: string | null; field?: string; code?: string; message: string }[];
  failure: { code: string; message: string } | null;
};

async function view(client: Client, id: string): Promise<ImportView> {
  const response = await t.app.inject({ url: `/api/imports/${id}`, headers: client.headers(false) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ImportView;
}

/** Uploads, commits with the mapping Kenno suggests, and waits for the end. */
async function importFile(client: Client, name: string, data: Buffer): Promise<ImportView> {
  const form = new FormData();
  form.append('kind', 'sites');
  form.append('file', new Blob([new Uint8Array(data)]), name);
  const uploaded = await t.app.inject({
    method: 'POST',
    url: '/api/imports',
    headers: client.headers(true),
    payload: form,
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const { id } = uploaded.json() as { id: string };
  const before = await view(client, id);
  expect(before.missingRequired).toEqual([]);
  const committed = await t.app.inject({
    method: 'POST',
    url: `/api/imports/${id}/commit`,
    headers: client.headers(true),
    payload: { mapping: before.suggestedMapping },
  });
  expect(committed.statusCode, committed.body).toBe(202);
  const started = Date.now();
  for (;;) {
    const current = await view(client, id);
    if (current.status === 'done' || current.status === 'failed') {
      // The job writes outside the routes: the sites read model sees it at its next version
      // check, at most VERSION_CHECK_INTERVAL_MS after its last one.
      await new Promise((resolve) => setTimeout(resolve, VERSION_CHECK_INTERVAL_MS));
      return current;
    }
    if (Date.now() - started > 25_000) throw new Error(`import ${id} still ${current.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function stored() {
  const [siteCount] = await t.database.db.select({ n: count() }).from(sites);
  const [audits] = await t.database.db
    .select({ n: count() })
    .from(auditLog)
    .where(eq(auditLog.entity, 'site'));
  return { sites: siteCount!.n, audits: audits!.n };
}

describe('the sites import', () => {
  it('is offered to coordinators and admins with fields in three languages', async () => {
    const kinds = (
      await t.app.inject({ url: '/api/import-kinds', headers: coordKokkola.headers(false) })
    ).json() as {
      kind: string;
      fields: { key: string; label: Record<string, string> }[];
    }[];
    const kind = kinds.find((k) => k.kind === 'sites')!;
    expect(kind.fields.find((f) => f.key === 'geometry')!.label).toEqual({
      fi: 'Sijainti (WKT)',
      sv: 'Läge (WKT)',
      en: 'Location (WKT)',
    });
  });

  it('imports a semicolon CSV with WKT points, and the same file again changes nothing', async () => {
    const before = await stored();
    const done = await importFile(admin, 'sites.csv', fixture('sites-semicolon-wkt.csv'));
    expect(done.status, JSON.stringify(done.errors)).toBe('done');
    expect(done.summary).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect((await stored()).sites).toBe(before.sites + 3);

    const north = (await t.app.inject({ url: '/api/sites/testipuisto-pohjoinen' })).json();
    expect(north).toMatchObject({
      regionId: 'kokkola',
      lat: 63.86,
      lon: 23.05,
      totalAreaHa: 120,
      availableAreaHa: 45.5,
      fairwayDepthM: 11,
      rail: true,
      chemicalsHandling: true,
      permitStatus: 'environmental_permit',
      status: 'operating',
      readyInMonths: 6,
      description: { fi: 'Testiaineiston teollisuuspuisto; ei todellinen kohde.' },
      sources: ['https://example.org/testipuisto'],
    });
    expect(north.utilities).toEqual(
      expect.arrayContaining([
        { kind: 'electricity', capacity: 80, capacityUnit: 'MW', price: 42.5, priceUnit: '€/MWh' },
        { kind: 'process_water', capacity: 300, capacityUnit: 'm³/h', price: null, priceUnit: '€/m³' },
      ]),
    );
    // Lower case and spaces in the EWKT; "200 ha", "15,3 m" and "18 kk" with their units.
    const south = (await t.app.inject({ url: '/api/sites/testipuisto-etela' })).json();
    expect(south).toMatchObject({
      lat: 60.45,
      lon: 26.9,
      totalAreaHa: 200,
      fairwayDepthM: 15.3,
      readyInMonths: 18,
    });
    expect(south.permitStatus).toBe('eia_done');

    const afterFirst = await stored();
    const again = await importFile(admin, 'sites.csv', fixture('sites-semicolon-wkt.csv'));
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await stored()).toEqual(afterFirst);
  });

  it('stores an empty rail, chemicals or permit cell as not stated, and "ei" as no', async () => {
    const csv = [
      'Nimi;Alue;Raideyhteys;Kemikaalien käsittely;Luvitus',
      'Tyhjät Solut Puisto;Kokkola;;;',
      'Kielletty Puisto;Kokkola;ei;ei;ei lupia',
    ].join('\n');
    const done = await importFile(admin, 'unknown.csv', Buffer.from(csv, 'utf8'));
    expect(done.status, JSON.stringify(done.errors)).toBe('done');
    const empty = (await t.app.inject({ url: '/api/sites/tyhjat-solut-puisto' })).json();
    expect(empty).toMatchObject({ rail: null, chemicalsHandling: null, permitStatus: null });
    const no = (await t.app.inject({ url: '/api/sites/kielletty-puisto' })).json();
    expect(no).toMatchObject({ rail: false, chemicalsHandling: false, permitStatus: 'none' });
  });

  it('imports an XLSX with latitude and longitude columns', async () => {
    const done = await importFile(admin, 'sites.xlsx', fixture('sites.xlsx'));
    expect(done.status, JSON.stringify(done.errors)).toBe('done');
    expect(done.summary).toMatchObject({ created: 2 });
    const one = (await t.app.inject({ url: '/api/sites/fixture-park-one' })).json();
    expect(one).toMatchObject({
      regionId: 'pori',
      lat: 61.6,
      lon: 21.5,
      availableAreaHa: 30,
      permitStatus: 'zoned',
    });
    const two = (await t.app.inject({ url: '/api/sites/fixture-park-two' })).json();
    expect(two).toMatchObject({
      regionId: 'turku',
      rail: false,
      permitStatus: 'eia_done',
      status: 'planned',
    });
    // Imported sites take part in matching at once.
    const matched = await t.app.inject({
      method: 'POST',
      url: '/api/sites/match',
      payload: {
        requirements: { landHa: { value: 30, hard: true }, regionIds: { value: ['pori'], hard: true } },
      },
    });
    expect(matched.json().map((r: { siteId: string }) => r.siteId)).toEqual(['fixture-park-one']);
  });

  it('rejects a malformed file whole, naming row, column and reason', async () => {
    const before = await stored();
    const failed = await importFile(admin, 'malformed.csv', fixture('sites-malformed.csv'));
    expect(failed.status).toBe('failed');
    expect(failed.failure?.code).toBe('rows_rejected');
    expect(failed.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'Sijainti', 'wkt_syntax'],
      [3, 'Pinta-ala (ha)', 'not_a_number'],
      [4, 'Nimi', 'required'],
      [5, 'Alue', 'unknown_region'],
      [6, 'Sijainti', 'wkt_srid'],
    ]);
    expect(failed.errors[1]!.message).toBe('"noin sata" is not a number');
    expect(failed.errors[3]!.message).toBe('"Atlantis" is not a region of the network');
    // Row 7 is fine, and still nothing was stored.
    expect(await stored()).toEqual(before);
    expect((await t.app.inject({ url: '/api/sites/hyva-puisto' })).statusCode).toBe(404);
  });

  it('keeps a coordinator to their own region', async () => {
    const failed = await importFile(coordKokkola, 'sites.xlsx', fixture('sites.xlsx'));
    expect(failed.status).toBe('failed');
    expect(failed.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'Region', 'other_region'],
      [3, 'Region', 'other_region'],
    ]);
  });
});
