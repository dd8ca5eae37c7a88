import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, surveyAnswers, trainingProgrammes } from '../../db/schema/index.ts';
import { type ImportRunner, startImportRunner } from '../../jobs/imports/import-runner.ts';
import { buildUser, createTestApp, signIn, type TestApp } from '../../../test/support/test-app.ts';
import { answer, createRound, gaps, invite, need } from './skills-test-kit.ts';

/**
 * The survey-responses and training-supply imports through the import API, with files shaped like
 * real survey-tool exports (Webropol CSV in Finnish with semicolons, Google Forms CSV in English
 * with commas, a Microsoft Forms XLSX in Swedish) and malformed ones: every bad file is refused
 * or ends with a report naming the row, the column and the reason, and stores nothing; a good
 * one lands whole; the same file again changes nothing.
 */
const FIXTURES = path.resolve('test/fixtures/skills');
let t: TestApp;
let runner: ImportRunner;
type Client = Awaited<ReturnType<typeof signIn>>;
let admin: Client;
let coordKokkola: Client;
let coordVaasa: Client;
let networkRound: string;
let kokkolaRound: string;

const INSTRUMENT = {
  roleIds: [
    'job-role.chemical-plant-control-room-operator',
    'job-role.process-engineer-chemicals',
    'job-role.chemistry-technician',
    'job-role.environmental-engineer',
    'job-role.metallurgical-technician',
    'job-role.energy-systems-engineer',
    'job-role.power-electronics-engineer',
  ],
  skillIds: [],
  eqfLevels: [4, 5, 6, 7],
  askRecruitmentDifficulty: true,
  askFreeText: true,
};

type ImportView = {
  id: string;
  status: string;
  summary: { created: number; updated: number; unchanged: number } | null;
  errors: { row: number; column: string | null; code?: string; field?: string; message: string }[];
  failure: { code: string; message: string } | null;
  suggestedMapping: Record<string, string>;
  missingRequired: string[];
  params: Record<string, string>;
};

function form(file: string, kind: string, params?: Record<string, string>) {
  const body = new FormData();
  body.append('kind', kind);
  if (params) body.append('params', JSON.stringify(params));
  const bytes = fs.readFileSync(path.join(FIXTURES, file));
  body.append('file', new Blob([new Uint8Array(bytes)]), file);
  return body;
}

async function upload(client: Client, file: string, kind: string, params?: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url: '/api/imports',
    headers: client.headers(true),
    payload: form(file, kind, params),
  });
}

async function view(client: Client, id: string): Promise<ImportView> {
  return (
    await t.app.inject({ url: `/api/imports/${id}`, headers: client.headers(false) })
  ).json() as ImportView;
}

/** Uploads, commits with the suggested mapping, waits for the end. */
async function importFile(
  client: Client,
  file: string,
  kind: string,
  params?: Record<string, string>,
): Promise<ImportView> {
  const uploaded = await upload(client, file, kind, params);
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const { id } = uploaded.json() as { id: string };
  const before = await view(client, id);
  expect(before.missingRequired).toEqual([]);
  const queued = await t.app.inject({
    method: 'POST',
    url: `/api/imports/${id}/commit`,
    headers: client.headers(true),
    payload: { mapping: before.suggestedMapping },
  });
  expect(queued.statusCode, queued.body).toBe(202);
  const started = Date.now();
  for (;;) {
    const current = await view(client, id);
    if (current.status === 'done' || current.status === 'failed') return current;
    if (Date.now() - started > 25_000) throw new Error(`import ${id} still ${current.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function answersOf(roundId: string) {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.roundId, roundId), isNull(surveyAnswers.respondentId)));
  return row!.n;
}

beforeAll(async () => {
  t = await createTestApp();
  runner = startImportRunner(t.database.db, { pollMs: 50 });
  admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
  coordKokkola = await signIn(
    t.app,
    (await buildUser(t.database, 'coordinator', { regionId: 'kokkola' })).email,
  );
  coordVaasa = await signIn(t.app, (await buildUser(t.database, 'coordinator', { regionId: 'vaasa' })).email);
  networkRound = (await createRound(t, admin, { regionId: null, instrument: INSTRUMENT, title: 'Tuonti' }))
    .id;
  kokkolaRound = (await createRound(t, coordKokkola, { regionId: 'kokkola', instrument: INSTRUMENT })).id;
});
afterAll(async () => {
  await runner.stop();
  await t.close();
});

describe('survey-responses import', () => {
  it('imports a Webropol export (Finnish, semicolons) whole, and again changes nothing', async () => {
    const done = await importFile(admin, 'webropol-vastaukset-fi.csv', 'survey-responses', {
      roundId: networkRound,
    });
    expect(done.failure, JSON.stringify(done.errors)).toBeNull();
    expect(done).toMatchObject({
      status: 'done',
      summary: { created: 10, updated: 0, unchanged: 0 },
      params: { roundId: networkRound },
    });
    // Qualifications, "EQF 4", "4", Swedish region names and the business ID all resolved.
    const [keliber] = await t.database.db
      .select()
      .from(surveyAnswers)
      .where(
        and(
          eq(surveyAnswers.roundId, networkRound),
          eq(surveyAnswers.organisationId, 'keliber'),
          eq(surveyAnswers.eqfLevel, 6),
        ),
      );
    expect(keliber).toMatchObject({
      roleId: 'job-role.process-engineer-chemicals',
      regionId: 'kokkola',
      headcount1to3: 3,
      recruitmentDifficulty: 4,
    });
    const [city] = await t.database.db
      .select()
      .from(surveyAnswers)
      .where(
        and(eq(surveyAnswers.roundId, networkRound), eq(surveyAnswers.organisationId, 'city-of-kokkola')),
      );
    expect(city).toMatchObject({ roleId: 'job-role.environmental-engineer', eqfLevel: 6 });
    // The answers count in the gap analysis as soon as the cube sees the version change (it
    // checks at most every 250 ms).
    await expect
      .poll(
        async () =>
          (
            await gaps(
              t,
              `round=${networkRound}&role=job-role.chemical-plant-control-room-operator&eqf=4&region=kokkola&horizon=1-3&groupBy=`,
              admin,
            )
          )[0],
        { timeout: 5000, interval: 100 },
      )
      .toMatchObject({ demand: 14 + 5 + 8, employers: 3 });
    const audits = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.entity, 'survey_answer'));
    const again = await importFile(admin, 'webropol-vastaukset-fi.csv', 'survey-responses', {
      roundId: networkRound,
    });
    expect(again).toMatchObject({ status: 'done', summary: { created: 0, updated: 0, unchanged: 10 } });
    const auditsAfter = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.entity, 'survey_answer'));
    expect(auditsAfter[0]!.n).toBe(audits[0]!.n);
  });

  it('imports a Google Forms export (English, commas, quoted headers)', async () => {
    const done = await importFile(admin, 'google-forms-responses-en.csv', 'survey-responses', {
      roundId: networkRound,
    });
    expect(done).toMatchObject({ status: 'done', summary: { created: 6 } });
    const [hitachi] = await t.database.db
      .select()
      .from(surveyAnswers)
      .where(
        and(
          eq(surveyAnswers.roundId, networkRound),
          eq(surveyAnswers.organisationId, 'hitachi-energy-finland'),
        ),
      );
    expect(hitachi).toMatchObject({ eqfLevel: 7, regionId: 'vaasa', freeText: "=cmd|' /C calc'!A0" });
  });

  it('imports a Microsoft Forms XLSX (Swedish questions and answers)', async () => {
    const round = (await createRound(t, coordVaasa, { regionId: 'vaasa', instrument: INSTRUMENT })).id;
    const done = await importFile(coordVaasa, 'microsoft-forms-svar-sv.xlsx', 'survey-responses', {
      roundId: round,
    });
    expect(done).toMatchObject({ status: 'done', summary: { created: 4 } });
    const rows = await t.database.db.select().from(surveyAnswers).where(eq(surveyAnswers.roundId, round));
    expect(rows.map((r) => [r.organisationId, r.roleId, r.eqfLevel]).sort()).toEqual([
      ['abb-vaasa', 'job-role.power-electronics-engineer', 6],
      ['hitachi-energy-finland', 'job-role.power-electronics-engineer', 7],
      ['vaasan-sahko', 'job-role.energy-systems-engineer', 6],
      ['wartsila', 'job-role.energy-systems-engineer', 7],
    ]);
  });

  it('reports every bad row of a malformed file — row, column, reason — and stores nothing', async () => {
    const round = (await createRound(t, admin, { regionId: null, instrument: INSTRUMENT })).id;
    const failed = await importFile(admin, 'webropol-virheellinen-fi.csv', 'survey-responses', {
      roundId: round,
    });
    expect(failed.status).toBe('failed');
    const found = failed.errors.map((e) => [e.row, e.column, e.code]);
    expect(found).toEqual([
      [3, 'Organisaation nimi', 'unknown_organisation'],
      [4, 'Ammattirooli', 'unknown'],
      [5, 'Koulutustaso (EQF)', 'unknown_level'],
      [6, 'Alue', 'unknown_region'],
      [7, 'Tarve nyt (hlöä)', 'not_a_headcount'],
      [7, 'Tarve 1–3 vuoden kuluttua', 'not_a_headcount'],
      [7, 'Tarve 3–5 vuoden kuluttua', 'not_a_headcount'],
      [8, 'Tarve nyt (hlöä)', 'no_headcount'],
      [9, 'Rekrytoinnin vaikeus (1–5)', 'not_a_difficulty'],
      [10, 'Ammattirooli', 'duplicate_need'],
      [11, 'Y-tunnus', 'unknown_business_id'],
      [12, 'Ammattirooli', 'required'],
    ]);
    expect(await answersOf(round)).toBe(0);
  });

  it('refuses files it cannot read at upload: Windows-1252, no header row', async () => {
    const latin = await upload(admin, 'webropol-windows-1252.csv', 'survey-responses', {
      roundId: networkRound,
    });
    expect(latin.statusCode).toBe(400);
    expect(
      (latin.json() as { error: { details: { fileError: { code: string } } } }).error.details.fileError.code,
    ).toBe('not_utf8');
    const headless = await upload(admin, 'no-header.csv', 'survey-responses', { roundId: networkRound });
    expect(headless.statusCode).toBe(400);
    expect(
      (headless.json() as { error: { details: { fileError: { code: string } } } }).error.details.fileError
        .code,
    ).toBe('no_header');
  });

  it('will not commit without the required columns mapped', async () => {
    const uploaded = await upload(admin, 'missing-role-column.csv', 'survey-responses', {
      roundId: networkRound,
    });
    const { id } = uploaded.json() as { id: string };
    const pending = await view(admin, id);
    expect(pending.missingRequired).toEqual(['role']);
    const commit = await t.app.inject({
      method: 'POST',
      url: `/api/imports/${id}/commit`,
      headers: admin.headers(true),
      payload: { mapping: pending.suggestedMapping },
    });
    expect(commit.statusCode).toBe(400);
  });

  it('refuses a formula cell in an XLSX, naming its row and column', async () => {
    const round = (await createRound(t, admin, { regionId: null, instrument: INSTRUMENT })).id;
    const failed = await importFile(admin, 'microsoft-forms-formula.xlsx', 'survey-responses', {
      roundId: round,
    });
    expect(failed.status).toBe('failed');
    expect(failed.errors.map((e) => [e.row, e.column])).toEqual([[3, 'Behov om 1–3 år']]);
    expect(await answersOf(round)).toBe(0);
  });

  it('needs a round the importer runs: missing, unknown, or another region’s', async () => {
    const missing = await upload(admin, 'webropol-vastaukset-fi.csv', 'survey-responses');
    expect(missing.statusCode).toBe(400);
    const unknown = await upload(admin, 'webropol-vastaukset-fi.csv', 'survey-responses', {
      roundId: 'nope',
    });
    expect(unknown.statusCode).toBe(404);
    const other = await upload(coordVaasa, 'webropol-vastaukset-fi.csv', 'survey-responses', {
      roundId: kokkolaRound,
    });
    expect(other.statusCode).toBe(403);
    const extra = await upload(admin, 'webropol-vastaukset-fi.csv', 'survey-responses', {
      roundId: networkRound,
      x: 'y',
    });
    expect(extra.statusCode).toBe(400);
  });

  it('keeps a regional round to its region and leaves link answers alone', async () => {
    // Pori's rows in the Webropol file do not belong to a Kokkola round.
    const regional = await importFile(coordKokkola, 'webropol-vastaukset-fi.csv', 'survey-responses', {
      roundId: kokkolaRound,
    });
    expect(regional.status).toBe('failed');
    expect(regional.errors.map((e) => [e.row, e.code])).toEqual([
      [9, 'region_not_in_round'],
      [10, 'region_not_in_round'],
      [11, 'region_not_in_round'],
    ]);
    // An employer that answered through its personal link is not imported over.
    const round = (await createRound(t, admin, { regionId: null, instrument: INSTRUMENT })).id;
    const [link] = await invite(t, admin, round, [{ organisationId: 'keliber' }]);
    await answer(t, link!.token, [need('chemistry-technician', 5, 'kokkola', [1, 1, 1])], true);
    const clash = await importFile(admin, 'webropol-vastaukset-fi.csv', 'survey-responses', {
      roundId: round,
    });
    expect(clash.status).toBe('failed');
    expect(clash.errors.map((e) => [e.row, e.code])).toEqual([
      [6, 'answered_by_link'],
      [7, 'answered_by_link'],
    ]);
  });
});

describe('training-supply import', () => {
  it('imports programmes with roles, credits and units written as people write them; again changes nothing', async () => {
    const done = await importFile(admin, 'koulutustarjonta-fi.csv', 'training-supply');
    expect(done.failure, JSON.stringify(done.errors)).toBeNull();
    expect(done).toMatchObject({ status: 'done', summary: { created: 3, updated: 0, unchanged: 0 } });
    const [centria] = await t.database.db
      .select()
      .from(trainingProgrammes)
      .where(eq(trainingProgrammes.id, 'centria.akkukemian-erikoistumisopinnot'));
    expect(centria).toMatchObject({
      kind: 'module',
      level: 'continuing',
      eqfLevel: 6,
      regionId: 'kokkola',
      yearlyGraduates: 16,
      roleIds: ['job-role.process-engineer-chemicals'],
      competenceIds: ['pcam.coprecipitation'],
      credits: 30,
      creditUnit: 'ects',
      language: 'fi',
    });
    const [kpedu] = await t.database.db
      .select()
      .from(trainingProgrammes)
      .where(eq(trainingProgrammes.id, 'kpedu.prosessiteollisuuden-ammattitutkinto'));
    expect(kpedu).toMatchObject({ level: 'vocational', eqfLevel: 4, credits: 150, creditUnit: 'osp' });
    const [novia] = await t.database.db
      .select()
      .from(trainingProgrammes)
      .where(eq(trainingProgrammes.organisationId, 'novia'));
    expect(novia).toBeDefined();
    const again = await importFile(admin, 'koulutustarjonta-fi.csv', 'training-supply');
    expect(again).toMatchObject({ status: 'done', summary: { created: 0, updated: 0, unchanged: 3 } });
  });

  it('reports the malformed rows and stores none of them', async () => {
    const [before] = await t.database.db.select({ n: count() }).from(trainingProgrammes);
    const failed = await importFile(admin, 'koulutustarjonta-virheellinen-fi.csv', 'training-supply');
    expect(failed.status).toBe('failed');
    expect(failed.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'Koulutuksen nimi', 'required'],
      [3, 'Oppilaitos', 'unknown_organisation'],
      [4, 'EQF-taso', 'required'],
      [5, 'Koulutusaste', 'unknown_level'],
      [6, 'Aloituspaikat', 'not_a_count'],
      [6, 'Ammattiroolit', 'unknown'],
      [6, 'Laajuus', 'not_credits'],
    ]);
    const [after] = await t.database.db.select({ n: count() }).from(trainingProgrammes);
    expect(after!.n).toBe(before!.n);
  });

  it("lets a coordinator import their own region's programmes only", async () => {
    const failed = await importFile(coordVaasa, 'koulutustarjonta-fi.csv', 'training-supply');
    expect(failed.status).toBe('failed');
    expect(failed.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'not_allowed'],
      [3, 'not_allowed'],
    ]);
  });
});
