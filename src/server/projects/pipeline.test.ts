import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Person, person, submitChallenge } from '../../../test/support/challenge-fixtures.ts';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { sendDueDeadlineReminders } from '../../db/queries/deadline-reminders.ts';
import { emailOutbox, notifications, projectPartners, projects } from '../../db/schema/index.ts';

let t: TestApp;
let member: Person;
let memberUef: Person;
let coordKokkola: Person;
let coordVaasa: Person;
let coordKuopio: Person;
let admin: Person;

beforeAll(async () => {
  t = await createTestApp();
  member = await person(t, 'member', { organisationId: 'centria' });
  memberUef = await person(t, 'member', { organisationId: 'uef' });
  coordKokkola = await person(t, 'coordinator', { regionId: 'kokkola' });
  coordVaasa = await person(t, 'coordinator', { regionId: 'vaasa' });
  coordKuopio = await person(t, 'coordinator', { regionId: 'kuopio' });
  admin = await person(t, 'admin');
});
afterAll(async () => t.close());

/** A project idea of Kokkola and Vaasa started by the Kokkola coordinator. */
async function startProject(title = 'Black mass pilot'): Promise<{ id: string }> {
  const a = await submitChallenge(t, member, { conceptIds: ['recycling.black-mass'] });
  const b = await submitChallenge(t, member, { regionId: 'vaasa', conceptIds: ['recycling'] });
  const response = await call(t, coordKokkola, 'POST', '/api/projects', {
    title,
    challengeIds: [a.id, b.id],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function addPartner(projectId: string, fields: Partial<typeof projectPartners.$inferInsert>) {
  const id = randomUUID();
  await t.database.db.insert(projectPartners).values({
    id,
    projectId,
    name: 'Partner',
    country: 'FI',
    role: 'beneficiary',
    ...fields,
  });
  return id;
}

async function newCall(fields: Record<string, unknown> = {}) {
  const response = await call(t, coordKokkola, 'POST', '/api/calls', {
    instrumentId: 'funding.horizon-europe.ia',
    topicId: 'HORIZON-CL5-2024-D2-01-03',
    title: 'Innovative battery recycling',
    deadline: new Date(Date.now() + 60 * 86_400_000).toISOString(),
    actionType: 'IA',
    budgetEur: 30_000_000,
    ...fields,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; deadline: string };
}

describe('instruments and calls', () => {
  it('list the seeded instruments, Horizon Europe first, to everyone', async () => {
    const response = await call(t, null, 'GET', '/api/instruments');
    expect(response.statusCode).toBe(200);
    const list = response.json() as { id: string; track: string; actionType: string | null }[];
    expect(
      list
        .slice(0, 3)
        .map((i) => i.id)
        .sort(),
    ).toEqual(['funding.horizon-europe.csa', 'funding.horizon-europe.ia', 'funding.horizon-europe.ria']);
    expect(list.find((i) => i.id === 'funding.business-finland')).toMatchObject({
      track: 'national',
      actionType: null,
    });
  });

  it('are kept by coordinators and admins, read by everyone, soonest deadline first', async () => {
    expect(
      (await call(t, member, 'POST', '/api/calls', { instrumentId: 'funding.erdf', title: 'x call' }))
        .statusCode,
    ).toBe(403);
    const bad = await call(t, coordKokkola, 'POST', '/api/calls', {
      instrumentId: 'funding.nope',
      title: 'Call',
    });
    expect(bad.statusCode).toBe(400);
    const later = await newCall({
      title: 'Later call',
      deadline: new Date(Date.now() + 90 * 86_400_000).toISOString(),
    });
    const sooner = await newCall({
      title: 'Sooner call',
      deadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    });
    const past = await newCall({
      title: 'Past call',
      deadline: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const all = (await call(t, null, 'GET', '/api/calls')).json() as { id: string }[];
    const ids = all.map((c) => c.id);
    expect(ids.indexOf(past.id)).toBeLessThan(ids.indexOf(sooner.id));
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    const upcoming = (
      (await call(t, null, 'GET', '/api/calls?upcoming=true')).json() as { id: string }[]
    ).map((c) => c.id);
    expect(upcoming).toContain(sooner.id);
    expect(upcoming).not.toContain(past.id);
    const erdf = (await call(t, null, 'GET', '/api/calls?instrumentId=funding.erdf')).json();
    expect(erdf).toEqual([]);

    const patched = await call(t, admin, 'PATCH', `/api/calls/${later.id}`, {
      budgetEur: 12_000_000,
      url: 'https://ec.europa.eu/x',
    });
    expect(patched.json()).toMatchObject({
      budgetEur: 12_000_000,
      url: 'https://ec.europa.eu/x',
      title: 'Later call',
    });
    expect(
      (await call(t, admin, 'PATCH', `/api/calls/${later.id}`, { url: 'javascript:alert(1)' })).statusCode,
    ).toBe(400);
    expect((await call(t, member, 'DELETE', `/api/calls/${past.id}`)).statusCode).toBe(403);
    expect((await call(t, coordVaasa, 'DELETE', `/api/calls/${past.id}`)).statusCode).toBe(204);
    expect((await call(t, coordVaasa, 'DELETE', `/api/calls/${past.id}`)).statusCode).toBe(404);
  });
});

describe('the pipeline', () => {
  it('gives a project a call (and so its instrument), money and a work-package outline', async () => {
    const project = await startProject();
    const c = await newCall();
    const partnerId = await addPartner(project.id, {
      name: 'Centria',
      organisationId: 'centria',
      role: 'coordinator',
      isNonProfit: true,
      personnelEur: 300_000,
      otherEur: 20_000,
    });
    await addPartner(project.id, {
      name: 'Umicore',
      country: 'BE',
      personnelEur: 400_000,
      subcontractingEur: 50_000,
    });
    const response = await call(t, coordKokkola, 'PATCH', `/api/projects/${project.id}`, {
      callId: c.id,
      workPackages: [
        { code: 'WP1', title: 'Management', leadPartnerId: partnerId, startMonth: 1, endMonth: 36 },
        {
          code: 'WP2',
          title: 'Hydrometallurgy pilot',
          startMonth: 6,
          endMonth: 30,
          conceptIds: ['recycling.hydromet'],
        },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json();
    // IA: Centria non-profit 100 % of (320,000 + 25 % of 320,000) = 400,000;
    // the company 70 % of (450,000 + 25 % of 400,000) = 385,000.
    expect(detail).toMatchObject({
      instrument: { id: 'funding.horizon-europe.ia', track: 'horizon_europe', actionType: 'IA' },
      call: { id: c.id, topicId: 'HORIZON-CL5-2024-D2-01-03' },
      deadline: c.deadline,
      partnerCount: 2,
      coordinatorName: 'Centria',
      budgetGrantEur: 785_000,
      appliedEur: 785_000,
      workPackageCount: 2,
      canEdit: true,
      nextStages: ['concept_note'],
    });
    expect(detail.workPackages[1]).toMatchObject({
      code: 'WP2',
      leadPartnerId: null,
      conceptIds: ['recycling.hydromet'],
    });

    const own = await call(t, coordKokkola, 'PATCH', `/api/projects/${project.id}`, {
      requestedEur: 900_000,
    });
    expect(own.json()).toMatchObject({ requestedEur: 900_000, appliedEur: 900_000, budgetGrantEur: 785_000 });

    const notAPartner = await call(t, coordKokkola, 'PATCH', `/api/projects/${project.id}`, {
      workPackages: [{ code: 'WP1', title: 'x', leadPartnerId: 'someone-else' }],
    });
    expect(notAPartner.statusCode).toBe(400);
    const duplicate = await call(t, coordKokkola, 'PATCH', `/api/projects/${project.id}`, {
      workPackages: [
        { code: 'WP1', title: 'a' },
        { code: 'WP1', title: 'b' },
      ],
    });
    expect(duplicate.statusCode).toBe(400);
    const mismatch = await call(t, coordKokkola, 'PATCH', `/api/projects/${project.id}`, {
      instrumentId: 'funding.business-finland',
      callId: c.id,
    });
    expect(mismatch.statusCode).toBe(400);
    const national = await call(t, coordKokkola, 'PATCH', `/api/projects/${project.id}`, {
      instrumentId: 'funding.business-finland',
    });
    expect(national.json()).toMatchObject({
      instrument: { id: 'funding.business-finland' },
      call: null,
      deadline: null,
    });
  });

  it('lets only the creator, coordinators of its regions, its coordinator partner and admins edit', async () => {
    const project = await startProject('Permissions');
    const edit = (who: Person) =>
      call(t, who, 'PATCH', `/api/projects/${project.id}`, { summary: 'New summary.' });
    expect((await edit(coordKuopio)).statusCode).toBe(403);
    expect((await edit(memberUef)).statusCode).toBe(403);
    expect((await edit(coordVaasa)).statusCode).toBe(200);
    expect((await edit(admin)).statusCode).toBe(200);
    await addPartner(project.id, { name: 'UEF', organisationId: 'uef', role: 'coordinator' });
    expect((await edit(memberUef)).statusCode).toBe(200);
    const seen = (await call(t, coordKuopio, 'GET', `/api/projects/${project.id}`)).json();
    expect(seen).toMatchObject({ summary: 'New summary.', canEdit: false });
    expect((await call(t, null, 'GET', `/api/projects/${project.id}`)).statusCode).toBe(401);
    expect(
      (await call(t, coordKuopio, 'POST', `/api/projects/${project.id}/stage`, { stage: 'concept_note' }))
        .statusCode,
    ).toBe(403);
  });

  it('moves a project stage by stage; funded only from submitted and with the granted sum', async () => {
    const project = await startProject('Stages');
    const move = (stage: string, extra: Record<string, unknown> = {}) =>
      call(t, coordKokkola, 'POST', `/api/projects/${project.id}/stage`, { stage, ...extra });
    expect((await move('proposal')).statusCode).toBe(409);
    for (const stage of ['concept_note', 'consortium', 'proposal'])
      expect((await move(stage)).statusCode).toBe(200);
    expect((await move('funded', { grantedEur: 1 })).statusCode).toBe(409);
    expect((await move('submitted')).json()).toMatchObject({
      stage: 'submitted',
      nextStages: ['idea', 'concept_note', 'consortium', 'proposal', 'funded', 'not_funded'],
    });
    const noSum = await move('funded');
    expect(noSum.statusCode).toBe(400);
    expect(noSum.json().error.details[0].path).toEqual(['grantedEur']);
    const funded = await move('funded', { grantedEur: 1_250_000 });
    expect(funded.json()).toMatchObject({ stage: 'funded', grantedEur: 1_250_000 });
    const [row] = await t.database.db.select().from(projects).where(eq(projects.id, project.id));
    expect(row!.stageChangedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);

    const fundedList = (await call(t, member, 'GET', '/api/projects?stage=funded')).json() as {
      id: string;
      stage: string;
    }[];
    expect(fundedList.map((p) => p.id)).toContain(project.id);
    expect(fundedList.every((p) => p.stage === 'funded')).toBe(true);
    expect((await call(t, member, 'GET', '/api/projects?q=STAGES')).json()).toHaveLength(1);
    const kuopio = (await call(t, member, 'GET', '/api/projects?regionId=kuopio')).json() as {
      id: string;
      regionIds: string[];
    }[];
    expect(kuopio.map((p) => p.id)).not.toContain(project.id);
    expect(kuopio.every((p) => p.regionIds.includes('kuopio'))).toBe(true);
  });
});

describe('the demo pipeline', () => {
  it('has real calls and illustrative projects at several stages with budget sketches', async () => {
    const calls = (await call(t, null, 'GET', '/api/calls')).json() as { topicId: string | null }[];
    expect(calls.map((c) => c.topicId)).toEqual(
      expect.arrayContaining(['HORIZON-CL5-2026-01-D2-01', 'HORIZON-CL5-2027-05-D2-08']),
    );
    const sodium = (await call(t, member, 'GET', '/api/projects/demo-project-sodium-ion-cam')).json();
    // IA: non-profits 100 %, companies 70 % of direct + 25 % of direct without subcontracting.
    expect(sodium).toMatchObject({
      stage: 'funded',
      partnerCount: 5,
      budgetGrantEur: 3_495_000,
      grantedEur: 3_950_000,
    });
    expect(sodium.workPackages[1]).toMatchObject({
      code: 'WP2',
      leadPartnerId: 'demo-project-sodium-ion-cam-p2',
    });
    const stages = new Set(
      ((await call(t, member, 'GET', '/api/projects')).json() as { id: string; stage: string }[])
        .filter((p) => p.id.startsWith('demo-'))
        .map((p) => p.stage),
    );
    expect(stages.size).toBeGreaterThanOrEqual(4);
  });
});

describe('deadline reminders', () => {
  it('reach the creator and the coordinators of the regions 30, 7 and 1 days before, once each', async () => {
    const project = await startProject('Reminded');
    const deadline = new Date('2030-05-20T15:00:00Z');
    const c = await newCall({ deadline: deadline.toISOString() });
    await call(t, coordKokkola, 'PATCH', `/api/projects/${project.id}`, { callId: c.id });
    const at = (daysBefore: number) => new Date(deadline.getTime() - daysBefore * 86_400_000 + 3_600_000);
    const mine = async () =>
      t.database.db.select().from(notifications).where(eq(notifications.kind, 'project_deadline'));

    await sendDueDeadlineReminders(t.database.db, at(31));
    expect((await mine()).filter((n) => n.link === `/projects/${project.id}`)).toHaveLength(0);
    await sendDueDeadlineReminders(t.database.db, at(30));
    await sendDueDeadlineReminders(t.database.db, at(29.5));
    const first = (await mine()).filter((n) => n.link === `/projects/${project.id}`);
    expect(first.map((n) => n.userId).sort()).toEqual([coordKokkola.user.id, coordVaasa.user.id].sort());
    expect(first[0]!.payload).toMatchObject({ daysLeft: 30, topicId: 'HORIZON-CL5-2024-D2-01-03' });
    const mail = await t.database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, coordVaasa.user.email));
    expect(mail.at(-1)!.subject).toContain('30 days');
    expect(mail.at(-1)!.body).toContain(`/projects/${project.id}`);

    // Submitted: no more reminders.
    for (const stage of ['concept_note', 'consortium', 'proposal', 'submitted'])
      await call(t, coordKokkola, 'POST', `/api/projects/${project.id}/stage`, { stage });
    await sendDueDeadlineReminders(t.database.db, at(7));
    expect((await mine()).filter((n) => n.link === `/projects/${project.id}`)).toHaveLength(2);

    // Back in preparation with a new deadline: the reminders start again for it.
    await call(t, coordKokkola, 'POST', `/api/projects/${project.id}/stage`, { stage: 'proposal' });
    await call(t, admin, 'PATCH', `/api/calls/${c.id}`, {
      deadline: new Date(deadline.getTime() + 86_400_000).toISOString(),
    });
    await sendDueDeadlineReminders(t.database.db, at(6));
    const again = (await mine()).filter((n) => n.link === `/projects/${project.id}`);
    expect(again).toHaveLength(4);
    expect(again.at(-1)!.payload).toMatchObject({ daysLeft: 7 });
  });
});

describe('KPIs', () => {
  it('count projects against the targets, money, partners and regions; exports for coordinators', async () => {
    const before = (await call(t, member, 'GET', '/api/kpis')).json();
    const he = await startProject('=HYPERLINK("http://evil") consortium');
    const c = await newCall();
    await call(t, coordKokkola, 'PATCH', `/api/projects/${he.id}`, { callId: c.id, requestedEur: 2_000_000 });
    await addPartner(he.id, { name: 'Fraunhofer', country: 'DE', role: 'beneficiary' });
    for (const stage of ['concept_note', 'consortium', 'proposal', 'submitted'])
      await call(t, coordKokkola, 'POST', `/api/projects/${he.id}/stage`, { stage });

    const response = await call(t, member, 'GET', '/api/kpis');
    expect(response.statusCode).toBe(200);
    const k = response.json();
    const heTrack = k.tracks.find((x: { track: string }) => x.track === 'horizon_europe');
    const heBefore = before.tracks.find((x: { track: string }) => x.track === 'horizon_europe');
    expect(heTrack.reached).toBe(heBefore.reached + 1);
    expect(heTrack.byStage.submitted).toBe(heBefore.byStage.submitted + 1);
    expect(k.money.appliedEur).toBe(before.money.appliedEur + 2_000_000);
    expect(k.partners.countries).toContain('DE');
    expect(k.regions.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['kokkola', 'vaasa']));
    expect(k.challenges.total).toBeGreaterThan(0);
    expect(k.projectList.find((p: { id: string }) => p.id === he.id)).toMatchObject({
      countsTowardTarget: true,
      partnerCount: 1,
    });
    expect(Object.keys(k.workingLifePeriods).sort()).toEqual([
      'cancelled',
      'completed',
      'ongoing',
      'planned',
    ]);
    expect((await call(t, null, 'GET', '/api/kpis')).statusCode).toBe(401);

    expect((await call(t, member, 'GET', '/api/kpis/export.xlsx')).statusCode).toBe(403);
    const xlsx = await call(t, coordVaasa, 'GET', '/api/kpis/export.xlsx?lang=fi');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/kenno-kpis-\d{4}-\d{2}-\d{2}\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Yhteenveto', 'Hankkeet', 'Alueet']);
    const titles = book.getWorksheet('Hankkeet')!.getColumn(1).values.map(String);
    expect(titles).toContain(`'=HYPERLINK("http://evil") consortium`);
    const summary = book.getWorksheet('Yhteenveto')!;
    const row = summary
      .getRows(1, summary.rowCount)!
      .find((r) => r.getCell(1).value === 'Horisontti Eurooppa -konsortiot');
    expect(row!.getCell(3).value).toBe(heTrack.reached);

    const pdf = await call(t, admin, 'GET', '/api/kpis/export.pdf?lang=sv');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Nätverkets nyckeltal');
    expect(text).toContain('=HYPERLINK("http://evil") consortium');
  });
});
