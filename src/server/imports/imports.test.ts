import { and, count, eq, sql } from 'drizzle-orm';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/queries/organisations.ts';
import { auditLog, imports, organisationCompetences, organisations } from '../../db/schema/index.ts';
import { type ImportRunner, startImportRunner } from '../../jobs/imports/import-runner.ts';
import type { ImportProgress } from '../../jobs/imports/run-import.ts';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/support/test-app.ts';
import { EXPORT_COLUMNS } from './organisation-export.ts';

/**
 * Imports end to end through the API, on PGlite and PostgreSQL: every malformed file is refused
 * with a report and stores nothing; a good one lands whole; the same file again changes nothing.
 */
let t: TestApp;
let runner: ImportRunner;
let progressHook: ((p: ImportProgress) => Promise<void>) | null = null;
type Client = Awaited<ReturnType<typeof signIn>>;
let admin: Client;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp();
  runner = startImportRunner(t.database.db, {
    pollMs: 50,
    progressEvery: 100,
    onProgress: async (p) => progressHook?.(p),
  });
  const user = await buildUser(t.database, 'admin');
  adminId = user.id;
  admin = await signIn(t.app, user.email);
});
afterAll(async () => {
  await runner.stop();
  await t.close();
});

type ImportView = {
  id: string;
  status: string;
  rows: number;
  progress: { done: number; total: number };
  phase: string | null;
  errors: { row: number; column: string | null; message: string; code?: string; field?: string }[];
  errorCount: number;
  moreErrors: number;
  failure: { code: string; message: string } | null;
  summary: { created: number; updated: number; unchanged: number } | null;
  preview: { headers: string[]; rows: string[][] };
  suggestedMapping: Record<string, string>;
  savedMappingName: string | null;
  missingRequired: string[];
  fields: { key: string; required: boolean }[];
  attempts: number;
};

function form(
  file: { name: string; data: Buffer | string },
  fields: { kind?: string; mapping?: unknown } = {},
) {
  const body = new FormData();
  body.append('kind', fields.kind ?? 'organisations');
  if (fields.mapping !== undefined) body.append('mapping', JSON.stringify(fields.mapping));
  const bytes = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : file.data;
  body.append('file', new Blob([new Uint8Array(bytes)]), file.name);
  return body;
}

async function upload(
  client: Client | null,
  file: { name: string; data: Buffer | string },
  fields: { kind?: string; mapping?: unknown } = {},
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/imports',
    headers: client ? client.headers(true) : {},
    payload: form(file, fields),
  });
}

async function getImport(client: Client, id: string): Promise<ImportView> {
  const response = await t.app.inject({ url: `/api/imports/${id}`, headers: client.headers(false) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ImportView;
}

async function waitForImport(client: Client, id: string): Promise<ImportView> {
  const started = Date.now();
  for (;;) {
    const view = await getImport(client, id);
    if (view.status === 'done' || view.status === 'failed') return view;
    if (Date.now() - started > 25_000) throw new Error(`import ${id} still ${view.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function commit(client: Client, id: string, mapping: Record<string, string>, saveMappingAs?: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/imports/${id}/commit`,
    headers: client.headers(true),
    payload: { mapping, ...(saveMappingAs ? { saveMappingAs } : {}) },
  });
}

/** Uploads with the suggested mapping and waits for the end. */
async function importFile(
  client: Client,
  file: { name: string; data: Buffer | string },
): Promise<ImportView> {
  const uploaded = await upload(client, file);
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const { id } = uploaded.json() as { id: string };
  const view = await getImport(client, id);
  const queued = await commit(client, id, view.suggestedMapping);
  expect(queued.statusCode, queued.body).toBe(202);
  return waitForImport(client, id);
}

/** What "nothing stored" is measured by: organisations, their competences, their audit rows. */
async function storedState() {
  const db = t.database.db;
  const [orgs] = await db.select({ n: count() }).from(organisations);
  const [competences] = await db.select({ n: count() }).from(organisationCompetences);
  const [audits] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.entity, 'organisation'));
  const [latest] = await db
    .select({ at: sql<string>`max(${organisations.updatedAt})::text` })
    .from(organisations);
  return { organisations: orgs!.n, competences: competences!.n, audits: audits!.n, latest: latest!.at };
}

const csv = (lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;

/** A business ID with a correct check digit, from a 7-digit base (skipping remainder-1 bases). */
function businessId(base: number): string {
  for (let b = base; ; b++) {
    const digits = String(b).padStart(7, '0');
    const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * [7, 9, 10, 5, 8, 4, 2][i]!, 0);
    const r = sum % 11;
    if (r !== 1) return `${digits}-${r === 0 ? 0 : 11 - r}`;
  }
}

const HEADER = 'Nimi;Tyyppi;Y-tunnus;Alue;Kunta;Verkkosivut;Kuvaus;Arvoketju;Julkinen';

describe('a good file', () => {
  const file = {
    name: 'jasenet.csv',
    data: csv([
      HEADER,
      `Akkuosa Oy;Yritys;${businessId(3100001)};Kokkola;Kokkola;www.akkuosa.example;"Akkujen osia.\nMonirivinen kuvaus; puolipisteellä";cam;kyllä`,
      `Litiumpaja Oy;company;${businessId(3100101)};vaasa;Mustasaari;https://litiumpaja.example;;refining.lithium-chemicals;ei`,
      `Kierrätys Ab;Yritys;;Åbo;Turku;;Återvinning;recycling;`,
    ]),
  };

  it('shows a preview and suggests the mapping from Finnish headers', async () => {
    const uploaded = await upload(admin, file);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const view = await getImport(admin, (uploaded.json() as { id: string }).id);
    expect(view).toMatchObject({ status: 'uploaded', rows: 3, missingRequired: [] });
    expect(view.preview.headers).toEqual(HEADER.split(';'));
    expect(view.preview.rows[0]![6]).toBe('Akkujen osia.\nMonirivinen kuvaus; puolipisteellä');
    expect(view.suggestedMapping).toEqual({
      name: 'Nimi',
      type: 'Tyyppi',
      businessId: 'Y-tunnus',
      regionId: 'Alue',
      municipality: 'Kunta',
      website: 'Verkkosivut',
      description_fi: 'Kuvaus',
      isPublic: 'Julkinen',
      valueChainIds: 'Arvoketju',
    });
    expect(view.fields.filter((f) => f.required).map((f) => f.key)).toEqual(['name', 'type']);
  });

  it('imports every row in one go, and the same file again changes nothing', async () => {
    const before = await storedState();
    const uploaded = await upload(admin, file);
    const id = (uploaded.json() as { id: string }).id;
    const view = await getImport(admin, id);
    expect((await commit(admin, id, view.suggestedMapping, 'Jäsenluettelo')).statusCode).toBe(202);
    const done = await waitForImport(admin, id);
    expect(done).toMatchObject({ status: 'done', summary: { created: 3, updated: 0, unchanged: 0 } });
    expect(done.progress).toEqual({ done: 3, total: 3 });

    const [akkuosa] = await t.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, 'akkuosa-oy'));
    expect(akkuosa).toMatchObject({
      name: 'Akkuosa Oy',
      type: 'company',
      regionId: 'kokkola',
      website: 'https://www.akkuosa.example',
      businessId: businessId(3100001),
      isPublic: true,
    });
    expect(akkuosa!.description.fi).toBe('Akkujen osia.\nMonirivinen kuvaus; puolipisteellä');
    const [kierratys] = await t.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, 'kierratys-ab'));
    expect(kierratys).toMatchObject({ regionId: 'turku', isPublic: true });
    const [litium] = await t.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, 'litiumpaja-oy'));
    expect(litium!.isPublic).toBe(false);
    const competences = await t.database.db
      .select()
      .from(organisationCompetences)
      .where(eq(organisationCompetences.organisationId, 'akkuosa-oy'));
    expect(competences).toMatchObject([{ conceptId: 'cam', source: 'import' }]);

    const after = await storedState();
    expect(after.organisations).toBe(before.organisations + 3);
    expect(after.audits).toBe(before.audits + 3);
    const [importAudit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'import'), eq(auditLog.entityId, id), eq(auditLog.action, 'import')));
    expect(importAudit).toMatchObject({ actorUserId: adminId, changes: { summary: { created: 3 } } });

    // The same file again: found by business ID and by name, nothing written.
    const again = await upload(admin, file);
    const againId = (again.json() as { id: string }).id;
    const againView = await getImport(admin, againId);
    expect(againView.savedMappingName).toBe('Jäsenluettelo');
    expect(againView.suggestedMapping).toEqual(view.suggestedMapping);
    await commit(admin, againId, againView.suggestedMapping);
    const repeat = await waitForImport(admin, againId);
    expect(repeat).toMatchObject({ status: 'done', summary: { created: 0, updated: 0, unchanged: 3 } });
    expect(await storedState()).toEqual(after);
  });

  it('updates only what changed, and an empty cell keeps the stored value', async () => {
    await importFile(admin, {
      name: 'a.csv',
      data: csv([
        'Nimi;Tyyppi;Kuvaus;Verkkosivut',
        'Päivitys Oy;Yritys;Ensimmäinen;https://paivitys.example',
      ]),
    });
    const before = await storedState();
    const changed = await importFile(admin, {
      name: 'b.csv',
      data: csv(['Nimi;Tyyppi;Kuvaus;Verkkosivut', 'PÄIVITYS OY;yritys;Toinen;']),
    });
    expect(changed.summary).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const [row] = await t.database.db.select().from(organisations).where(eq(organisations.id, 'paivitys-oy'));
    expect(row).toMatchObject({ name: 'PÄIVITYS OY', website: 'https://paivitys.example' });
    expect(row!.description.fi).toBe('Toinen');
    expect((await storedState()).audits).toBe(before.audits + 1);
  });

  it('reports progress while it checks the rows, then while it saves', async () => {
    const lines = [HEADER.split(';').slice(0, 2).join(';')];
    for (let i = 0; i < 450; i++) lines.push(`Edistys ${i} Oy;Yritys`);
    const seen: { done: number; phase: string | null; status: string }[] = [];
    progressHook = async (p) => {
      const view = await getImport(admin, p.id);
      seen.push({ done: view.progress.done, phase: view.phase, status: view.status });
    };
    try {
      const done = await importFile(admin, { name: 'big.csv', data: csv(lines) });
      expect(done).toMatchObject({
        status: 'done',
        summary: { created: 450 },
        progress: { done: 450, total: 450 },
      });
    } finally {
      progressHook = null;
    }
    expect(seen).toEqual([
      { done: 0, phase: 'validating', status: 'running' },
      { done: 100, phase: 'validating', status: 'running' },
      { done: 200, phase: 'validating', status: 'running' },
      { done: 300, phase: 'validating', status: 'running' },
      { done: 400, phase: 'validating', status: 'running' },
      { done: 450, phase: 'saving', status: 'running' },
    ]);
  });

  it('queues at once when the upload carries the mapping, and reads XLSX with shared strings', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Jäsenet');
    sheet.addRow(['Name', 'Type', 'Business ID', 'Founded']);
    sheet.addRow(['Xlsx Cells Oy', 'company', businessId(3200001), new Date(Date.UTC(2020, 4, 17))]);
    sheet.addRow(['Xlsx Anodes Oy', 'University', '', 2021]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings: true }));
    const uploaded = await upload(
      admin,
      { name: 'members.xlsx', data },
      {
        mapping: { name: 'Name', type: 'Type', businessId: 'Business ID' },
      },
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const id = (uploaded.json() as { id: string }).id;
    const done = await waitForImport(admin, id);
    expect(done).toMatchObject({ status: 'done', summary: { created: 2 } });
    expect(done.preview.rows).toEqual([
      ['Xlsx Cells Oy', 'company', businessId(3200001), '2020-05-17'],
      ['Xlsx Anodes Oy', 'University', '', '2021'],
    ]);
    const [row] = await t.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, 'xlsx-anodes-oy'));
    expect(row!.type).toBe('university');
  });
});

describe('a file with problems imports nothing and says what to fix', () => {
  it('reports each bad row, column and reason: business IDs (check digit, remainder 1), types, regions, concepts', async () => {
    const before = await storedState();
    const view = await importFile(admin, {
      name: 'virheet.csv',
      data: csv([
        HEADER,
        `Hyvä Rivi Oy;Yritys;${businessId(3300001)};Kokkola;;;;;`,
        'Tarkiste Oy;Yritys;2077474-1;Kokkola;;;;;',
        'Jakojäännös Oy;Yritys;1000040-0;Kokkola;;;;;',
        'Muoto Oy;Yritys;12345;Kokkola;;;;;',
        'Avaruus Oy;Avaruusalus;;Atlantis;;;;cam;ehkä',
        'Käsite Oy;Yritys;;;;;;"cam;no-such-concept";',
        ';Yritys;;;;;;;',
      ]),
    });
    expect(view.status).toBe('failed');
    expect(view.failure?.code).toBe('rows_rejected');
    const summary = view.errors.map((e) => [e.row, e.column, e.code]);
    expect(summary).toEqual([
      [3, 'Y-tunnus', 'business_id_check_digit'],
      [4, 'Y-tunnus', 'business_id_remainder'],
      [5, 'Y-tunnus', 'business_id_format'],
      [6, 'Tyyppi', 'unknown_type'],
      [6, 'Alue', 'unknown_region'],
      [6, 'Julkinen', 'not_boolean'],
      [7, 'Arvoketju', 'unknown_concept'],
      [8, 'Nimi', 'required'],
    ]);
    expect(view.errors.find((e) => e.row === 7)!.message).toContain('no-such-concept');
    expect(view.errors.find((e) => e.row === 3)!.message).toContain('check digit');
    expect(view.errorCount).toBe(8);
    expect(await storedState()).toEqual(before);
    const [hyva] = await t.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, 'hyva-rivi-oy'));
    expect(hyva).toBeUndefined();
  });

  it('names both rows of a duplicate: same business ID, or same name without business IDs', async () => {
    const before = await storedState();
    const id = businessId(3400001);
    const view = await importFile(admin, {
      name: 'tuplat.csv',
      data: csv([
        'Nimi;Tyyppi;Y-tunnus',
        `Tupla Oy;Yritys;${id}`,
        `Toinen Nimi Oy;Yritys;${id}`,
        'Kaksonen Oy;Yritys;',
        'KAKSONEN OY;Yritys;',
        `Samanniminen Oy;Yritys;${businessId(3400101)}`,
        `Samanniminen Oy;Yritys;${businessId(3400201)}`,
      ]),
    });
    expect(view.status).toBe('failed');
    expect(view.errors.map((e) => [e.row, e.code, e.message])).toEqual([
      [3, 'duplicate_business_id', `Rows 2 and 3 have the same business ID ${id}`],
      [
        5,
        'duplicate_name',
        'Rows 4 and 5 have the same name "KAKSONEN OY" without business IDs that tell them apart',
      ],
    ]);
    expect(await storedState()).toEqual(before);
  });

  it('refuses a Latin-1 file at upload, naming the likely encoding', async () => {
    const before = await storedState();
    const [importsBefore] = await t.database.db.select({ n: count() }).from(imports);
    const latin1 = Buffer.from('Nimi;Tyyppi\r\nJyväskylän Akku Oy;Yritys\r\nKöö Oy;Yritys\r\n', 'latin1');
    const response = await upload(admin, { name: 'latin1.csv', data: latin1 });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('not UTF-8');
    expect(error.message).toContain('Windows-1252 / ISO-8859-1');
    expect(error.details.fileError).toMatchObject({ code: 'not_utf8', params: { line: 2, byte: '0xE4' } });
    expect(await storedState()).toEqual(before);
    const [importsAfter] = await t.database.db.select({ n: count() }).from(imports);
    expect(importsAfter!.n).toBe(importsBefore!.n);
  });

  it('lists the required fields a file lacks, and will not queue it', async () => {
    const before = await storedState();
    const uploaded = await upload(admin, {
      name: 'vajaa.csv',
      data: csv(['Nimi;Kunta', 'Vajaa Oy;Vaasa']),
    });
    expect(uploaded.statusCode).toBe(201);
    const id = (uploaded.json() as { id: string }).id;
    const view = await getImport(admin, id);
    expect(view.missingRequired).toEqual(['type']);
    const refused = await commit(admin, id, view.suggestedMapping);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe('Map the required fields: type');
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({ path: ['mapping', 'type'], code: 'required' }),
    ]);
    expect((await getImport(admin, id)).status).toBe('uploaded');
    const direct = await upload(
      admin,
      { name: 'vajaa.csv', data: csv(['Nimi;Kunta', 'Vajaa Oy;Vaasa']) },
      {
        mapping: { name: 'Nimi' },
      },
    );
    expect(direct.statusCode).toBe(400);
    expect(await storedState()).toEqual(before);
  });

  it('refuses a 50 MB file before parsing it, whichever part of the form comes first', async () => {
    const [importsBefore] = await t.database.db.select({ n: count() }).from(imports);
    const big = Buffer.alloc(50 * 1024 * 1024, 'a');
    big.write('Nimi;Tyyppi\n');
    const kindFirst = await upload(admin, { name: 'huge.csv', data: big });
    const fileFirst = new FormData();
    fileFirst.append('file', new Blob([new Uint8Array(big)]), 'huge.csv');
    fileFirst.append('kind', 'organisations');
    const afterFile = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: admin.headers(true),
      payload: fileFirst,
    });
    for (const response of [kindFirst, afterFile]) {
      expect(response.statusCode).toBe(413);
      expect(response.json().error).toMatchObject({
        code: 'payload_too_large',
        message: 'The file is larger than 20 MB, the limit of this import',
        details: { fileError: { code: 'too_large', params: { maxMb: 20 } } },
      });
    }
    const [importsAfter] = await t.database.db.select({ n: count() }).from(imports);
    expect(importsAfter!.n).toBe(importsBefore!.n);
  }, 120_000);

  it('rejects formulas in an XLSX file as row errors, and stores nothing', async () => {
    const before = await storedState();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['Nimi', 'Tyyppi']);
    sheet.addRow(['Kaava Oy', 'Yritys']);
    sheet.addRow([{ formula: 'A2&" 2"', result: 'Kaava Oy 2' }, 'Yritys']);
    sheet.addRow(['Kaava 3 Oy', { formula: 'B2', result: 'Yritys' }]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const view = await importFile(admin, { name: 'kaavat.xlsx', data });
    expect(view.status).toBe('failed');
    expect(view.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, 'Nimi', 'Formulas are not accepted — paste values'],
      [4, 'Tyyppi', 'Formulas are not accepted — paste values'],
    ]);
    expect(await storedState()).toEqual(before);
  });

  it('tells by content, not by name, what a file is', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
    const image = await upload(admin, { name: 'members.csv', data: png });
    expect(image.statusCode).toBe(415);
    expect(image.json().error.details.fileError.code).toBe('unsupported_type');
    const xls = await upload(admin, { name: 'old.xlsx', data: Buffer.from('d0cf11e0a1b11ae1000000', 'hex') });
    expect(xls.json().error.details.fileError.code).toBe('old_xls');
    const csvNamedXlsx = await upload(admin, {
      name: 'really-a.xlsx',
      data: csv(['Nimi;Tyyppi', 'X Oy;Yritys']),
    });
    expect(csvNamedXlsx.statusCode).toBe(201);
    const empty = await upload(admin, { name: 'empty.csv', data: '' });
    expect(empty.json().error.details.fileError.code).toBe('empty');
    const headerOnly = await upload(admin, { name: 'header.csv', data: 'Nimi;Tyyppi\n' });
    expect(headerOnly.json().error.details.fileError.code).toBe('no_rows');
    const twice = await upload(admin, { name: 'twice.csv', data: 'Nimi;Tyyppi;nimi\nA;B;C\n' });
    expect(twice.json().error).toMatchObject({
      message: 'The header "nimi" appears twice (columns A, C). Every column needs a name of its own.',
      details: { fileError: { code: 'duplicate_header' } },
    });
    const noHeader = await upload(admin, {
      name: 'data.csv',
      data: `Eka Oy;company;${businessId(3500001)}\nToka Oy;company;${businessId(3500101)}\n`,
    });
    expect(noHeader.json().error.details.fileError.code).toBe('no_header');
  });

  it('stores at most 1,000 row errors and says how many more there were', async () => {
    const lines = ['Nimi;Tyyppi'];
    for (let i = 0; i < 1100; i++) lines.push(`Väärä ${i} Oy;Avaruusalus`);
    const view = await importFile(admin, { name: 'many.csv', data: csv(lines) });
    expect(view.status).toBe('failed');
    expect(view.errors).toHaveLength(1000);
    expect(view.errors[999]!.row).toBe(1001);
    expect(view).toMatchObject({ errorCount: 1100, moreErrors: 100 });
  });
});

describe('the job', () => {
  async function stagedImport(state: { claimedBy: string; heartbeatAgoSeconds: number; attempts: number }) {
    const uploaded = await upload(admin, {
      name: 'jobs.csv',
      data: csv(['Nimi;Tyyppi', `Työ ${state.claimedBy} ${Date.now()} Oy;Yritys`]),
    });
    const id = (uploaded.json() as { id: string }).id;
    // As a runner that was killed mid-import leaves it.
    await t.database.db.execute(sql`
      update imports set status = 'running', claimed_by = ${state.claimedBy},
        mapping = ${JSON.stringify({ name: 'Nimi', type: 'Tyyppi' })}::jsonb,
        heartbeat_at = now() - make_interval(secs => ${state.heartbeatAgoSeconds}),
        attempts = ${state.attempts}, started_at = now()
      where id = ${id}`);
    return id;
  }

  it('takes over an import whose runner stopped sending heartbeats more than 60 s ago', async () => {
    const id = await stagedImport({ claimedBy: 'killed-worker', heartbeatAgoSeconds: 61, attempts: 1 });
    const view = await waitForImport(admin, id);
    expect(view).toMatchObject({ status: 'done', attempts: 2, summary: { created: 1 } });
    const [row] = await t.database.db
      .select({ claimedBy: imports.claimedBy })
      .from(imports)
      .where(eq(imports.id, id));
    expect(row!.claimedBy).toBe(runner.workerId);
  });

  it('leaves an import alone while its runner is alive, and gives up after three interrupted runs', async () => {
    const alive = await stagedImport({ claimedBy: 'alive-worker', heartbeatAgoSeconds: 5, attempts: 1 });
    const exhausted = await stagedImport({
      claimedBy: 'killed-again',
      heartbeatAgoSeconds: 120,
      attempts: 3,
    });
    const gaveUp = await waitForImport(admin, exhausted);
    expect(gaveUp.failure).toMatchObject({ code: 'interrupted' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [row] = await t.database.db
      .select({ status: imports.status, claimedBy: imports.claimedBy })
      .from(imports)
      .where(eq(imports.id, alive));
    expect(row).toEqual({ status: 'running', claimedBy: 'alive-worker' });
    await t.database.db.update(imports).set({ status: 'failed' }).where(eq(imports.id, alive));
  });
});

describe('coordinators', () => {
  let kokkola: Client;
  beforeAll(async () => {
    kokkola = await signIn(
      t.app,
      (await buildUser(t.database, 'coordinator', { regionId: 'kokkola' })).email,
    );
  });

  it('import organisations of their own region only; other regions are row errors', async () => {
    const before = await storedState();
    const vaasaOrg = (
      await t.database.db.select().from(organisations).where(eq(organisations.regionId, 'vaasa')).limit(1)
    )[0]!;
    const view = await importFile(kokkola, {
      name: 'alue.csv',
      data: csv([
        'Nimi;Tyyppi;Alue',
        'Oma Alue Oy;Yritys;Kokkola',
        'Vieras Alue Oy;Yritys;Vaasa',
        'Ilman Aluetta Oy;Yritys;',
        `"${vaasaOrg.name.replaceAll('"', '""')}";Yritys;`,
      ]),
    });
    expect(view.status).toBe('failed');
    expect(view.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'Alue', 'other_region'],
      [5, 'Alue', 'not_allowed'],
    ]);
    expect(await storedState()).toEqual(before);

    const ok = await importFile(kokkola, {
      name: 'alue.csv',
      data: csv(['Nimi;Tyyppi;Alue', 'Oma Alue Oy;Yritys;Karleby', 'Ilman Aluetta Oy;Yritys;']),
    });
    expect(ok).toMatchObject({ status: 'done', summary: { created: 2 } });
    const rows = await t.database.db
      .select({ id: organisations.id, regionId: organisations.regionId })
      .from(organisations)
      .where(sql`${organisations.id} in ('oma-alue-oy', 'ilman-aluetta-oy')`);
    expect(rows.map((r) => r.regionId)).toEqual(['kokkola', 'kokkola']);
  });

  it('see their own imports only; members and visitors may not import', async () => {
    const mine = await upload(kokkola, { name: 'oma.csv', data: csv(['Nimi;Tyyppi', 'Oma Oy;Yritys']) });
    const theirs = await upload(admin, { name: 'admin.csv', data: csv(['Nimi;Tyyppi', 'Admin Oy;Yritys']) });
    const mineId = (mine.json() as { id: string }).id;
    const theirsId = (theirs.json() as { id: string }).id;
    const hidden = await t.app.inject({ url: `/api/imports/${theirsId}`, headers: kokkola.headers(false) });
    expect(hidden.statusCode).toBe(404);
    const list = (await t.app.inject({ url: '/api/imports', headers: kokkola.headers(false) })).json() as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).toContain(mineId);
    expect(list.items.map((i) => i.id)).not.toContain(theirsId);
    const all = (await t.app.inject({ url: '/api/imports', headers: admin.headers(false) })).json() as {
      items: { id: string }[];
    };
    expect(all.items.map((i) => i.id)).toEqual(expect.arrayContaining([mineId, theirsId]));

    const member = await signIn(
      t.app,
      (await buildUser(t.database, 'member', { organisationId: 'centria' })).email,
    );
    expect((await upload(member, { name: 'm.csv', data: 'Nimi;Tyyppi\nM Oy;Yritys\n' })).statusCode).toBe(
      403,
    );
    expect((await upload(null, { name: 'v.csv', data: 'Nimi;Tyyppi\nV Oy;Yritys\n' })).statusCode).toBe(401);
  });
});

describe('GET /api/organisations/export', () => {
  beforeAll(async () => {
    const system = { kind: 'system' } as never;
    await createOrganisation(t.database.db, system, 'formula-oy', {
      name: "=cmd|' /C calc'!A0",
      type: 'company',
      regionId: 'kokkola',
      description: { fi: '@SUM(1+1)', sv: '', en: '' },
    });
    await createOrganisation(t.database.db, system, 'salainen-oy', {
      name: 'Salainen Oy',
      type: 'company',
      regionId: 'kokkola',
      isPublic: false,
    });
  });

  it('writes CSV for Finnish Excel: BOM, semicolons, CRLF, formulas neutralised, visibility applied', async () => {
    const response = await t.app.inject({ url: '/api/organisations/export?format=csv&region=kokkola' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="kenno-organisations-.*\.csv"$/,
    );
    const body = response.rawPayload;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(';'));
    const formula = lines.find((l) => l.startsWith('formula-oy;'))!;
    expect(formula).toBe(`formula-oy;'=cmd|' /C calc'!A0;;company;kokkola;;;;'@SUM(1+1);;;true;;`);
    expect(text).not.toContain('salainen-oy');
    expect(lines.slice(1, -1).every((l) => l.split(';')[4] === 'kokkola' || l.includes('"'))).toBe(true);
    const asAdmin = await t.app.inject({
      url: '/api/organisations/export?format=csv&region=kokkola',
      headers: admin.headers(false),
    });
    expect(asAdmin.body).toContain('salainen-oy;Salainen Oy');
  });

  it('writes XLSX with the same cells, neutralised', async () => {
    const response = await t.app.inject({
      url: '/api/organisations/export?format=xlsx&type=company&region=kokkola',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_COLUMNS]);
    let found = false;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      expect(row.getCell(4).value).toBe('company');
      if (row.getCell(1).value === 'formula-oy') {
        found = true;
        expect(row.getCell(2).value).toBe("'=cmd|' /C calc'!A0");
        expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
        expect(row.getCell(9).value).toBe("'@SUM(1+1)");
      }
    });
    expect(found).toBe(true);
  });

  it('applies the same filters as the list, text search in descriptions included', async () => {
    const ids = async (url: string) => {
      const response = await t.app.inject({ url, headers: admin.headers(false) });
      const [, ...rows] = parseCsv(response.body.slice(1), { delimiter: ';' }) as string[][];
      return rows.map((row) => row[0]!).sort();
    };
    for (const query of [
      'q=litium',
      'q=recycling&region=pori',
      'type=uas',
      'concept=recycling',
      'q=Salainen',
    ]) {
      const list = (
        await t.app.inject({ url: `/api/organisations?${query}&pageSize=100`, headers: admin.headers(false) })
      ).json() as { items: { id: string }[]; total: number };
      expect(list.total, query).toBeGreaterThan(0);
      expect(await ids(`/api/organisations/export?format=csv&${query}`), query).toEqual(
        list.items.map((i) => i.id).sort(),
      );
    }
  });

  it('exports a file that imports back without changing anything', async () => {
    const exported = await t.app.inject({
      url: '/api/organisations/export?format=csv&region=kokkola',
      headers: admin.headers(false),
    });
    const rows = exported.body.split('\r\n').length - 2;
    expect(rows).toBeGreaterThan(10);
    const before = await storedState();
    const view = await importFile(admin, { name: 'export.csv', data: exported.rawPayload });
    expect(view.errors).toEqual([]);
    expect(view).toMatchObject({ status: 'done', summary: { created: 0, updated: 0, unchanged: rows } });
    expect(await storedState()).toEqual(before);
  });
});
