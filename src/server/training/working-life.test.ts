import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditsOf, type Client, requests, signedIn } from '../sites/module-test-kit.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

/**
 * Teachers' working-life periods on the demo network: a teacher's profile, the match to host
 * offers with reasons, planning a period (places, dates), the host setting the supervisor,
 * the lifecycle and the follow-up report, the counts for the KPI dashboard; continuing
 * education with enrolment interest.
 */
let t: TestApp;
const { get, send } = requests(() => t);
let teacherCentria: Client; // a Centria member who becomes a teacher
let otherCentria: Client; // a colleague at Centria
let umicore: Client; // a member of the host
let keliber: Client;
let uef: Client; // outside: another organisation and region
let coordKokkola: Client;
let coordVaasa: Client;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  [teacherCentria, otherCentria, umicore, keliber, uef, coordKokkola, coordVaasa, admin] = await Promise.all([
    signedIn(t, 'member', { organisationId: 'centria' }),
    signedIn(t, 'member', { organisationId: 'centria' }),
    signedIn(t, 'member', { organisationId: 'umicore-finland' }),
    signedIn(t, 'member', { organisationId: 'keliber' }),
    signedIn(t, 'member', { organisationId: 'uef' }),
    signedIn(t, 'coordinator', { regionId: 'kokkola' }),
    signedIn(t, 'coordinator', { regionId: 'vaasa' }),
    signedIn(t, 'admin'),
  ]);
});
afterAll(async () => t.close());

const UMICORE_OFFER = 'demo-offer-umicore-kokkola';
/** A day `offset` days from today: plans lie ahead of whenever the test runs. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const START = day(90);
const END = day(115);
let teacherId = '';
let periodId = '';

describe('teacher profiles', () => {
  it('lets a member add their own profile, linked to them, and refuses a profile for someone else', async () => {
    const mine = await send('POST', '/api/teachers', teacherCentria, {
      name: 'Testi Opettaja',
      organisationId: 'centria',
      subjects: 'Kemiantekniikka',
      developmentGoals: 'Hydrometallurgia ja sulfaatit',
      conceptIds: ['recycling.hydromet', 'refining.metal-sulphates'],
      languages: ['fi', 'sv'],
      isSelf: true,
    });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({
      isMine: true,
      canEdit: true,
      regionId: 'kokkola',
      organisationName: 'Centria-ammattikorkeakoulu',
    });
    teacherId = mine.json().id;
    expect((await auditsOf(t, 'teacher', teacherId)).map((a) => a.action)).toEqual(['create']);

    const again = await send('POST', '/api/teachers', teacherCentria, {
      name: 'Toinen',
      organisationId: 'centria',
      isSelf: true,
    });
    expect(again.statusCode).toBe(409);
    const forOther = await send('POST', '/api/teachers', otherCentria, {
      name: 'Joku muu',
      organisationId: 'centria',
    });
    expect(forOther.statusCode).toBe(403);
    const otherOrg = await send('POST', '/api/teachers', uef, {
      name: 'X',
      organisationId: 'centria',
      isSelf: true,
    });
    expect(otherOrg.statusCode).toBe(403);
  });

  it('names unknown concepts and regions', async () => {
    const response = await send('POST', '/api/teachers', admin, {
      name: 'Y',
      organisationId: 'centria',
      conceptIds: ['no.such.concept'],
      regionId: 'atlantis',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { path: ['regionId'], message: 'Unknown region' },
      { path: ['conceptIds', 0], message: '"no.such.concept" is not a concept' },
    ]);
  });

  it('shows the profile to the organisation and its coordinator, not to outsiders or visitors', async () => {
    expect((await get(`/api/teachers/${teacherId}`, otherCentria)).json()).toMatchObject({ canEdit: false });
    expect((await get(`/api/teachers/${teacherId}`, coordKokkola)).json()).toMatchObject({ canEdit: true });
    expect((await get(`/api/teachers/${teacherId}`, uef)).statusCode).toBe(404);
    expect((await get(`/api/teachers/${teacherId}`, umicore)).statusCode).toBe(404);
    expect((await get(`/api/teachers/${teacherId}`, coordVaasa)).statusCode).toBe(404);
    expect((await get('/api/teachers', null)).statusCode).toBe(401);
    const seenByUef = (await get('/api/teachers', uef)).json() as { id: string }[];
    expect(seenByUef.map((x) => x.id)).not.toContain(teacherId);
    // The demo's teachers are invented persons, and say so; real profiles do not.
    const all = (await get('/api/teachers', admin)).json() as {
      id: string;
      name: string;
      illustrative: boolean;
    }[];
    expect(all.filter((x) => x.illustrative).map((x) => x.name)).toEqual([
      'Aino Esimerkki',
      'Bertil Exempel',
      'Eero Esimerkki',
      'Tiina Esimerkki',
    ]);
    expect(all.find((x) => x.id === teacherId)!.illustrative).toBe(false);
  });
});

describe('matching teachers to host offers', () => {
  it('ranks the demo hosts by competence, region and language, with reasons', async () => {
    const response = await get(`/api/teachers/${teacherId}/matches`, teacherCentria);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as {
      offer: { id: string; organisationName: string };
      score: number;
      reasons: { code: string }[];
    }[];
    // Umicore in Kokkola refines metal sulphates hydrometallurgically: the teacher's own region and goals.
    expect(items[0]!.offer.id).toBe(UMICORE_OFFER);
    // Metal sulphates: the same concept; hydrometallurgical recycling is not refining (no credit).
    expect(items[0]!.score).toBe(70);
    expect(items[0]!.reasons.map((r) => r.code)).toEqual([
      'competence_exact',
      'region_same',
      'language_common',
      'places_free',
    ]);
    // Fortum recycles hydrometallurgically, in Pori: the same goal, another region.
    const fortum = items.find((i) => i.offer.id === 'demo-offer-fortum-harjavalta')!;
    expect(fortum.reasons.map((r) => r.code)).toContain('competence_exact');
    expect(fortum.score).toBeLessThan(items[0]!.score);
    // Nothing about battery packs in Turku.
    expect(items.map((i) => i.offer.id)).not.toContain('demo-offer-valmet-uusikaupunki');
  });

  it('leaves out offers closed on the wanted dates, and says why when asked', async () => {
    const url = `/api/teachers/${teacherId}/matches?from=2026-09-01&to=2026-10-30&includeExcluded=true`;
    const items = (await get(url, teacherCentria)).json().items as {
      offer: { id: string };
      eligible: boolean;
      unmet: { code: string }[];
    }[];
    const fortum = items.find((i) => i.offer.id === 'demo-offer-fortum-harjavalta')!;
    expect(fortum.eligible).toBe(false);
    expect(fortum.unmet.map((u) => u.code)).toContain('dates_outside');
    expect(
      (await get(`/api/teachers/${teacherId}/matches?from=2027-02-01&to=2026-01-01`, teacherCentria))
        .statusCode,
    ).toBe(400);
  });
});

describe('planning a period and following it up', () => {
  it('plans a period at an offer; the host’s members then see it and the teacher', async () => {
    const response = await send('POST', '/api/working-life-periods', teacherCentria, {
      teacherId,
      offerId: UMICORE_OFFER,
      startDate: START,
      endDate: END,
      goals: 'Liuotus, uutto, kiteytys',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'planned',
      hostOrganisationId: 'umicore-finland',
      hostOrganisationName: expect.stringContaining('Umicore'),
      canPlan: true,
      canWriteFollowUp: true,
      followUpOpen: false,
    });
    periodId = response.json().id;
    expect((await get(`/api/working-life-periods/${periodId}`, umicore)).json()).toMatchObject({
      canPlan: false,
      canSetSupervisor: true,
      canWriteFollowUp: false,
    });
    expect((await get(`/api/teachers/${teacherId}`, umicore)).statusCode).toBe(200);
    expect((await get(`/api/working-life-periods/${periodId}`, keliber)).statusCode).toBe(404);
    expect((await get(`/api/working-life-periods/${periodId}`, uef)).statusCode).toBe(404);
  });

  it('refuses dates outside the offer, dates in the wrong order and a full offer', async () => {
    const plan = (body: object) =>
      send('POST', '/api/working-life-periods', teacherCentria, {
        teacherId,
        offerId: UMICORE_OFFER,
        ...body,
      });
    // Wärtsilä's offer runs 11 Jan – 28 May 2027.
    const outside = await send('POST', '/api/working-life-periods', teacherCentria, {
      teacherId,
      offerId: 'demo-offer-wartsila-vaasa',
      startDate: '2027-06-20',
      endDate: '2027-07-20',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].message).toMatch(/available 2027-01-11 – 2027-05-28/);
    expect((await plan({ startDate: day(100), endDate: day(95) })).statusCode).toBe(400);
    // Two places: this teacher's period and one more overlapping fill them.
    expect((await plan({ startDate: day(100), endDate: day(120) })).statusCode).toBe(201);
    const full = await plan({ startDate: day(105), endDate: day(125) });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toMatch(/no free place/);
    // Someone else may not plan for this teacher.
    const other = await send('POST', '/api/working-life-periods', otherCentria, {
      teacherId,
      offerId: 'demo-offer-keliber-kip',
      startDate: '2027-05-03',
      endDate: '2027-05-21',
    });
    expect(other.statusCode).toBe(403);
  });

  it('lets the host set the supervisor, and only that', async () => {
    const ok = await send('PATCH', `/api/working-life-periods/${periodId}`, umicore, {
      supervisorName: 'Prosessi-insinööri',
      supervisorEmail: 'supervisor@example.org',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      supervisorName: 'Prosessi-insinööri',
      supervisorEmail: 'supervisor@example.org',
    });
    const goals = await send('PATCH', `/api/working-life-periods/${periodId}`, umicore, { goals: 'Muuta' });
    expect(goals.statusCode).toBe(403);
    expect(
      (await send('PATCH', `/api/working-life-periods/${periodId}`, keliber, { supervisorName: 'X' }))
        .statusCode,
    ).toBe(404);
    expect((await auditsOf(t, 'working_life_period', periodId)).map((a) => a.action)).toEqual([
      'update',
      'create',
    ]);
  });

  it('moves through the lifecycle only forwards', async () => {
    const move = (status: string) =>
      send('PATCH', `/api/working-life-periods/${periodId}`, teacherCentria, { status });
    const back = await move('completed');
    expect(back.statusCode).toBe(409);
    expect(back.json().error.details).toMatchObject({ from: 'planned', allowed: ['ongoing', 'cancelled'] });
    expect((await move('ongoing')).json()).toMatchObject({ status: 'ongoing', currentStatus: 'ongoing' });
    expect((await move('planned')).statusCode).toBe(409);
  });

  it('takes the follow-up report only from the end date on, and only from the teacher', async () => {
    const report = {
      goalsAchieved: 'Kaikki',
      outcomes: 'Uusi harjoitustyö',
      changesToTeaching: 'Kiteytys',
      days: 20,
      rating: 4,
    };
    const early = await send(
      'POST',
      `/api/working-life-periods/${periodId}/follow-up`,
      teacherCentria,
      report,
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain(`from the end date (${END})`);
    // The host may not write it.
    expect(
      (await send('POST', `/api/working-life-periods/${periodId}/follow-up`, umicore, report)).statusCode,
    ).toBe(403);
    // Once the period is completed, the report can be written (and it keeps it completed).
    expect(
      (await send('PATCH', `/api/working-life-periods/${periodId}`, teacherCentria, { status: 'completed' }))
        .statusCode,
    ).toBe(200);
    const done = await send(
      'POST',
      `/api/working-life-periods/${periodId}/follow-up`,
      teacherCentria,
      report,
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'completed',
      followUp: { ...report, submittedAt: expect.any(String) },
    });
    // A closed period's plan no longer changes.
    const replan = await send('PATCH', `/api/working-life-periods/${periodId}`, teacherCentria, {
      goals: 'Uudet',
    });
    expect(replan.statusCode).toBe(409);
  });

  it('opens the follow-up of a period whose end date has passed, and completes it', async () => {
    const past = await send('POST', '/api/working-life-periods', coordKokkola, {
      teacherId,
      hostOrganisationId: 'boliden-kokkola',
      startDate: '2025-05-05',
      endDate: '2025-05-30',
    });
    expect(past.statusCode, past.body).toBe(201);
    expect(past.json()).toMatchObject({ status: 'planned', currentStatus: 'ongoing', followUpOpen: true });
    const done = await send('POST', `/api/working-life-periods/${past.json().id}/follow-up`, teacherCentria, {
      goalsAchieved: 'Sinkin jalostus nähty',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', followUp: { days: null, rating: null } });
  });

  it('counts periods by status, region and host for the KPI dashboard, for everyone', async () => {
    const summary = (await get('/api/working-life/summary', null)).json();
    // Demo: one completed, one planned (ongoing from its start date, 1 Feb 2027); here: three more —
    // two completed, one planned at Umicore.
    expect(summary.byStatus.completed).toBe(3);
    expect(summary.byStatus.planned + summary.byStatus.ongoing).toBe(2);
    expect(summary.byStatus.cancelled).toBe(0);
    expect(summary.periods).toBe(5);
    expect(summary.followUps).toBe(3);
    expect(summary.followUpDays).toBe(40);
    expect(summary.byHost[0]).toEqual({
      organisationId: 'umicore-finland',
      name: expect.any(String),
      periods: 3,
    });
    expect(summary.byRegion).toContainEqual({ regionId: 'kokkola', periods: 4 });
    expect(summary.teachers).toBe(5);
    expect(JSON.stringify(summary)).not.toContain('Testi Opettaja');
  });

  it('removes a profile with its periods', async () => {
    const extra = await send('POST', '/api/teachers', coordKokkola, {
      name: 'Poistettava',
      organisationId: 'kpedu',
    });
    expect(extra.statusCode).toBe(201);
    expect((await send('DELETE', `/api/teachers/${extra.json().id}`, otherCentria)).statusCode).toBe(404);
    expect((await send('DELETE', `/api/teachers/${extra.json().id}`, coordKokkola)).statusCode).toBe(204);
    expect((await get(`/api/teachers/${extra.json().id}`, admin)).statusCode).toBe(404);
  });
});

describe('host offers', () => {
  it('lets the host add an offer in its region; a closed offer is seen only by those who edit it', async () => {
    const created = await send('POST', '/api/host-offers', keliber, {
      organisationId: 'keliber',
      title: { fi: 'Rikastamo' },
      conceptIds: ['raw.beneficiation'],
      languages: ['fi'],
      isActive: false,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      regionId: 'kokkola',
      title: { fi: 'Rikastamo', sv: '', en: '' },
      canEdit: true,
    });
    const id = created.json().id as string;
    expect((await get(`/api/host-offers/${id}`, null)).statusCode).toBe(404);
    expect((await get(`/api/host-offers/${id}`, coordKokkola)).statusCode).toBe(200);
    expect((await send('PATCH', `/api/host-offers/${id}`, umicore, { isActive: true })).statusCode).toBe(404);
    expect((await send('PATCH', `/api/host-offers/${id}`, keliber, { isActive: true })).statusCode).toBe(200);
    expect((await get(`/api/host-offers/${id}`, null)).json()).toMatchObject({
      isActive: true,
      canEdit: false,
    });
    expect(
      (
        await send('PATCH', `/api/host-offers/${id}`, keliber, {
          availableFrom: '2027-05-01',
          availableTo: '2027-04-01',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await send('POST', '/api/host-offers', umicore, { organisationId: 'keliber', title: { fi: 'X' } }))
        .statusCode,
    ).toBe(403);
    expect((await send('DELETE', `/api/host-offers/${id}`, coordVaasa)).statusCode).toBe(403);
    expect((await send('DELETE', `/api/host-offers/${id}`, keliber)).statusCode).toBe(204);
  });

  it('lists active offers for visitors, filtered by region and concept', async () => {
    const vaasa = (await get('/api/host-offers?region=vaasa', null)).json() as { organisationId: string }[];
    expect(vaasa.map((o) => o.organisationId).sort()).toEqual(['hitachi-energy-finland', 'wartsila']);
    const recycling = (await get('/api/host-offers?concept=recycling.hydromet', null)).json() as {
      id: string;
    }[];
    expect(recycling.map((o) => o.id)).toEqual(['demo-offer-fortum-harjavalta']);
  });
});

describe('continuing education', () => {
  type Offer = { id: string; organisationId: string; interest: { headcount: number } | null };
  let programmeId = '';

  it('lists continuing-education offers with filters; interest figures only for the provider', async () => {
    const all = (await get('/api/continuing-education', null)).json() as Offer[];
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.every((o) => o.interest === null)).toBe(true);
    const kokkola = (await get('/api/continuing-education?region=kokkola', otherCentria)).json() as Offer[];
    const centria = kokkola.find((o) => o.organisationId === 'centria')!;
    programmeId = centria.id;
    expect(centria.interest).toEqual({ headcount: 0, organisations: 0 });
    const searched = (await get('/api/continuing-education?q=AKKUKEMIA', null)).json() as Offer[];
    expect(searched.map((o) => o.id)).toContain(programmeId);
    expect(((await get('/api/continuing-education?q=no-such-course', null)).json() as Offer[]).length).toBe(
      0,
    );
  });

  it('takes a company’s interest with a headcount, shown to the provider and the coordinator only', async () => {
    expect(
      (
        await send('POST', `/api/continuing-education/${programmeId}/interest`, null, {
          contactName: 'X',
          headcount: 1,
        })
      ).statusCode,
    ).toBe(401);
    const response = await send('POST', `/api/continuing-education/${programmeId}/interest`, umicore, {
      contactName: 'HR-yhteyshenkilö',
      contactEmail: 'hr@example.org',
      headcount: 6,
      message: 'Prosessinhoitajille',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ organisationId: 'umicore-finland', headcount: 6 });
    expect(
      (
        await send('POST', `/api/continuing-education/${programmeId}/interest`, umicore, {
          contactName: 'X',
          headcount: 0,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await send('POST', '/api/continuing-education/no-such-programme/interest', umicore, {
          contactName: 'X',
          headcount: 1,
        })
      ).statusCode,
    ).toBe(404);
    const forProvider = (await get('/api/continuing-education/interests', otherCentria)).json() as {
      contactName: string;
    }[];
    expect(forProvider.map((i) => i.contactName)).toEqual(['HR-yhteyshenkilö']);
    expect((await get('/api/continuing-education/interests', coordKokkola)).json()).toHaveLength(1);
    expect((await get('/api/continuing-education/interests', coordVaasa)).json()).toEqual([]);
    expect((await get('/api/continuing-education/interests', umicore)).json()).toEqual([]);
    const offers = (await get('/api/continuing-education?region=kokkola', coordKokkola)).json() as Offer[];
    expect(offers.find((o) => o.id === programmeId)!.interest).toEqual({ headcount: 6, organisations: 1 });
  });
});
