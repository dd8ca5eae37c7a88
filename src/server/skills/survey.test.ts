import { desc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, emailOutbox, surveyAnswers, surveyRespondents } from '../../db/schema/index.ts';
import { hashSecret } from '../../domain/auth/secrets.ts';
import { buildUser, createTestApp, errorCode, signIn, type TestApp } from '../../../test/support/test-app.ts';
import { answer, createRound, gaps, invite, need, survey } from './skills-test-kit.ts';

/**
 * Survey rounds and personal answer links, end to end: one respondent per token, expiry,
 * revocation, no access to anyone else's answers, save and return, submit, reminders with a
 * fresh link, response rates only for who runs the round — and the gap cube following each answer.
 */
let t: TestApp;
type Client = Awaited<ReturnType<typeof signIn>>;
let coordKokkola: Client;
let coordVaasa: Client;
let admin: Client;
let member: Client;

beforeAll(async () => {
  t = await createTestApp();
  coordKokkola = await signIn(
    t.app,
    (await buildUser(t.database, 'coordinator', { regionId: 'kokkola' })).email,
  );
  coordVaasa = await signIn(t.app, (await buildUser(t.database, 'coordinator', { regionId: 'vaasa' })).email);
  admin = await signIn(t.app, (await buildUser(t.database, 'admin')).email);
  member = await signIn(
    t.app,
    (await buildUser(t.database, 'member', { organisationId: 'umicore-finland' })).email,
  );
});
afterAll(async () => t.close());

describe('survey rounds', () => {
  it('a coordinator creates a draft round of their region, opens it, and only then can it be answered', async () => {
    const draft = await createRound(t, coordKokkola, { regionId: 'kokkola', open: false });
    expect(draft.status).toBe('draft');
    // Others do not see a draft.
    expect((await t.app.inject({ url: `/api/survey-rounds/${draft.id}` })).statusCode).toBe(404);
    const list = (await t.app.inject({ url: '/api/survey-rounds' })).json() as { id: string }[];
    expect(list.map((r) => r.id)).not.toContain(draft.id);
    const [link] = await invite(t, coordKokkola, draft.id, [{ organisationId: 'keliber' }]);
    const early = await survey(t, link!.token);
    expect(early.statusCode).toBe(409);
    expect((early.json() as { error: { details: { reason: string } } }).error.details.reason).toBe(
      'round_not_open',
    );
    await t.app.inject({
      method: 'PATCH',
      url: `/api/survey-rounds/${draft.id}`,
      headers: coordKokkola.headers(true),
      payload: { status: 'open' },
    });
    expect((await survey(t, link!.token)).statusCode).toBe(200);
    // The questions cannot change once the round has opened.
    const change = await t.app.inject({
      method: 'PATCH',
      url: `/api/survey-rounds/${draft.id}`,
      headers: coordKokkola.headers(true),
      payload: { instrument: { roleIds: ['job-role.chemical-engineer'], eqfLevels: [7] } },
    });
    expect(change.statusCode).toBe(409);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, draft.id))
      .orderBy(desc(auditLog.at));
    expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
  });

  it('refuses another region, unknown concepts, and a coordinator of another region', async () => {
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/survey-rounds',
      headers: coordVaasa.headers(true),
      payload: {
        title: { fi: 'X' },
        regionId: 'kokkola',
        instrument: { roleIds: ['job-role.chemical-engineer'], eqfLevels: [6] },
      },
    });
    expect(other.statusCode).toBe(403);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/survey-rounds',
      headers: coordVaasa.headers(true),
      payload: {
        title: { fi: 'X' },
        regionId: 'vaasa',
        instrument: { roleIds: ['job-role.astronaut', 'cam'], skillIds: ['nope'], eqfLevels: [6] },
      },
    });
    expect(unknown.statusCode).toBe(400);
    const issues = (unknown.json() as { error: { details: { path: unknown[] }[] } }).error.details;
    expect(issues.map((i) => i.path.join('.'))).toEqual([
      'instrument.roleIds.0',
      'instrument.roleIds.1',
      'instrument.skillIds.0',
    ]);
    const round = await createRound(t, coordKokkola, { regionId: 'kokkola' });
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/survey-rounds/${round.id}`,
      headers: coordVaasa.headers(true),
      payload: { status: 'closed' },
    });
    expect(patch.statusCode).toBe(403);
    // Response rates and respondents: not for another region's coordinator.
    const detail = (
      await t.app.inject({ url: `/api/survey-rounds/${round.id}`, headers: coordVaasa.headers(false) })
    ).json() as {
      stats: unknown;
      canManage: boolean;
    };
    expect(detail).toMatchObject({ stats: null, canManage: false });
    const respondents = await t.app.inject({
      url: `/api/survey-rounds/${round.id}/respondents`,
      headers: coordVaasa.headers(false),
    });
    expect(respondents.statusCode).toBe(403);
  });
});

describe('personal answer links', () => {
  let roundId: string;
  let umicore: { respondentId: string; token: string; link: string };
  let jervois: { respondentId: string; token: string };

  beforeAll(async () => {
    roundId = (await createRound(t, coordKokkola, { regionId: 'kokkola', title: 'Kokkolan tarpeet' })).id;
    const links = await invite(t, coordKokkola, roundId, [
      { organisationId: 'umicore-finland', email: 'rekry@umicore.example', language: 'en' },
      { organisationId: 'jervois-finland' },
    ]);
    umicore = links[0]!;
    jervois = links[1]!;
  });

  it('gives one random link per respondent, stores only its hash and mails it once', async () => {
    expect(umicore.link).toMatch(/^\/survey\/kenno_srv_[A-Za-z0-9_-]{40,}$/);
    expect(umicore.token).not.toBe(jervois.token);
    const [row] = await t.database.db
      .select()
      .from(surveyRespondents)
      .where(eq(surveyRespondents.id, umicore.respondentId));
    expect(row!.tokenHash).toBe(hashSecret(umicore.token));
    expect(JSON.stringify(row)).not.toContain(umicore.token);
    const mails = await t.database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, 'rekry@umicore.example'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain(umicore.link);
    expect(mails[0]!.subject).toContain('competence-needs survey');
    // The respondent list shows status, never a token.
    const list = await t.app.inject({
      url: `/api/survey-rounds/${roundId}/respondents`,
      headers: coordKokkola.headers(false),
    });
    expect(list.body).not.toContain(umicore.token);
    expect(list.body).not.toContain(hashSecret(umicore.token));
    expect((list.json() as { status: string }[]).map((r) => r.status)).toEqual(['invited', 'invited']);
  });

  it('opens the survey with labels in three languages, the organisation and nothing of anyone else', async () => {
    const response = await survey(t, umicore.token);
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      organisation: { id: string };
      language: string;
      round: {
        instrument: {
          roles: { id: string; label: { fi: string; sv: string; en: string } }[];
          regions: { id: string }[];
        };
      };
      answers: unknown[];
    };
    expect(body.organisation.id).toBe('umicore-finland');
    expect(body.language).toBe('en');
    expect(body.round.instrument.roles[0]!.label.fi).toBeTruthy();
    expect(body.round.instrument.roles[0]!.label.sv).toBeTruthy();
    // A Kokkola round takes needs in Kokkola only.
    expect(body.round.instrument.regions.map((r) => r.id)).toEqual(['kokkola']);
    expect(body.answers).toEqual([]);
  });

  it('saves, comes back, submits; answering again replaces — and the gap figures follow at once', async () => {
    // Before any answer the round's total is the region's supply alone.
    const [before] = await gaps(t, `round=${roundId}&groupBy=`, admin);
    expect(before).toMatchObject({ demand: 0, employers: 0 });
    expect(before!.supply).toBeGreaterThan(0);
    const saved = await answer(
      t,
      umicore.token,
      [need('process-engineer-chemicals', 6, 'kokkola', [2, 5, 8], { recruitmentDifficulty: 4 })],
      false,
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as { submittedAt: string | null }).submittedAt).toBeNull();
    // Saved, not submitted: not in the analysis yet.
    expect((await gaps(t, `round=${roundId}&groupBy=`, admin))[0]).toMatchObject({ demand: 0, employers: 0 });
    const back = (await survey(t, umicore.token)).json() as {
      answers: { headcount3to5: number; recruitmentDifficulty: number }[];
    };
    expect(back.answers).toMatchObject([{ headcount3to5: 8, recruitmentDifficulty: 4 }]);
    const submitted = await answer(
      t,
      umicore.token,
      [need('process-engineer-chemicals', 6, 'kokkola', [2, 5, 8])],
      true,
    );
    expect((submitted.json() as { submittedAt: string | null }).submittedAt).not.toBeNull();
    const [total] = await gaps(t, `round=${roundId}&groupBy=`, admin);
    expect(total).toMatchObject({ demand: 15, employers: 1, restricted: true });
    // Everyone else sees it suppressed: a single employer.
    const [publicTotal] = await gaps(t, `round=${roundId}&groupBy=`);
    expect(publicTotal).toMatchObject({ demand: null, gap: null, employers: null, suppressed: true });
    // Answering again replaces the answers, and the figures with them.
    await answer(
      t,
      umicore.token,
      [
        need('process-engineer-chemicals', 6, 'kokkola', [1, 1, 1]),
        need('chemistry-technician', 4, 'kokkola', [3, 0, 0]),
      ],
      true,
    );
    const [after] = await gaps(t, `round=${roundId}&groupBy=`, admin);
    expect(after).toMatchObject({ demand: 6, employers: 1 });
    const status = (
      (
        await t.app.inject({
          url: `/api/survey-rounds/${roundId}/respondents`,
          headers: coordKokkola.headers(false),
        })
      ).json() as {
        organisationId: string;
        status: string;
      }[]
    ).find((r) => r.organisationId === 'umicore-finland');
    expect(status?.status).toBe('submitted');
  });

  it('one respondent per token: another token sees only its own (empty) answers and cannot touch them', async () => {
    const other = (await survey(t, jervois.token)).json() as {
      organisation: { id: string };
      answers: unknown[];
    };
    expect(other.organisation.id).toBe('jervois-finland');
    expect(other.answers).toEqual([]);
    await answer(t, jervois.token, [need('recycling-specialist', 7, 'kokkola', [1, 1, 1])], true);
    const umicoreView = (await survey(t, umicore.token)).json() as { answers: { roleId: string }[] };
    expect(umicoreView.answers.map((a) => a.roleId)).not.toContain('job-role.recycling-specialist');
    const rows = await t.database.db
      .select()
      .from(surveyAnswers)
      .where(eq(surveyAnswers.respondentId, umicore.respondentId));
    expect(rows.every((r) => r.organisationId === 'umicore-finland')).toBe(true);
  });

  it('refuses answers outside the survey: other roles, levels, regions, skills, and one need twice', async () => {
    const bad = await answer(
      t,
      jervois.token,
      [
        need('chemical-engineer', 6, 'kokkola', [1, 1, 1]),
        need('chemistry-technician', 8, 'kokkola', [1, 1, 1]),
        need('chemistry-technician', 4, 'vaasa', [1, 1, 1]),
        need('chemistry-technician', 5, 'kokkola', [1, 1, 1], { skillIds: ['cam'] }),
        need('recycling-specialist', 7, 'kokkola', [2, 2, 2]),
        need('recycling-specialist', 7, 'kokkola', [3, 3, 3]),
      ],
      true,
    );
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json() as { error: { details: { path: unknown[] }[] } }).error.details.map((d) =>
      d.path.join('.'),
    );
    expect(paths).toEqual([
      'answers.0.roleId',
      'answers.1.eqfLevel',
      'answers.2.regionId',
      'answers.3.skillIds.0',
      'answers.5',
    ]);
    // Nothing of it was stored.
    const view = (await survey(t, jervois.token)).json() as { answers: { headcountNow: number }[] };
    expect(view.answers.map((a) => a.headcountNow)).toEqual([1]);
  });

  it('an unknown, malformed or missing token gets 401; the header is the only way in', async () => {
    for (const token of [`kenno_srv_${'A'.repeat(43)}`, 'kenno_srv_short', 'not-a-token', null]) {
      const response = await survey(t, token);
      expect(response.statusCode).toBe(401);
      expect(errorCode(response)).toBe('unauthenticated');
    }
    // A token in the query string is not read.
    const inQuery = await t.app.inject({ url: `/api/survey?token=${umicore.token}` });
    expect(inQuery.statusCode).toBe(401);
  });

  it('an expired link gets 410 and saves nothing', async () => {
    const [link] = await invite(t, coordKokkola, roundId, [{ organisationId: 'keliber' }], 1);
    await t.database.db
      .update(surveyRespondents)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(surveyRespondents.id, link!.respondentId));
    const response = await answer(
      t,
      link!.token,
      [need('chemistry-technician', 4, 'kokkola', [1, 1, 1])],
      true,
    );
    expect(response.statusCode).toBe(410);
    expect((response.json() as { error: { details: { reason: string } } }).error.details.reason).toBe(
      'expired',
    );
    const rows = await t.database.db
      .select()
      .from(surveyAnswers)
      .where(eq(surveyAnswers.respondentId, link!.respondentId));
    expect(rows).toEqual([]);
  });

  it('a revoked link gets 410 and its answers leave the analysis', async () => {
    const [link] = await invite(t, coordKokkola, roundId, [{ organisationId: 'boliden-kokkola' }]);
    await answer(t, link!.token, [need('chemistry-technician', 5, 'kokkola', [10, 10, 10])], true);
    const [withIt] = await gaps(t, `round=${roundId}&groupBy=`, admin);
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/survey-rounds/${roundId}/respondents/${link!.respondentId}/revoke`,
      headers: coordKokkola.headers(true),
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((revoked.json() as { status: string }).status).toBe('revoked');
    const response = await survey(t, link!.token);
    expect(response.statusCode).toBe(410);
    expect((response.json() as { error: { details: { reason: string } } }).error.details.reason).toBe(
      'revoked',
    );
    const [without] = await gaps(t, `round=${roundId}&groupBy=`, admin);
    expect(without!.demand).toBe(withIt!.demand! - 30);
    expect(without!.employers).toBe(withIt!.employers! - 1);
  });

  it('reminders go to those not submitted, with a fresh link; the old one stops working', async () => {
    const [pending] = await invite(t, coordKokkola, roundId, [
      { organisationId: 'hycamite', email: 'hr@hycamite.example', language: 'sv' },
    ]);
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/survey-rounds/${roundId}/reminders`,
      headers: coordKokkola.headers(true),
    });
    expect(sent.statusCode, sent.body).toBe(200);
    // Umicore has submitted (not reminded); Hycamite has not; the others have no address.
    expect(sent.json()).toEqual({ sent: 1 });
    const mails = await t.database.db
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.toAddress, 'hr@hycamite.example'))
      .orderBy(desc(emailOutbox.createdAt));
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toMatch(/^Påminnelse/);
    const fresh = /\/survey\/(kenno_srv_[A-Za-z0-9_-]+)/.exec(mails[0]!.body)![1]!;
    expect(fresh).not.toBe(pending!.token);
    expect((await survey(t, pending!.token)).statusCode).toBe(401);
    expect((await survey(t, fresh)).statusCode).toBe(200);
    const [row] = await t.database.db
      .select()
      .from(surveyRespondents)
      .where(eq(surveyRespondents.id, pending!.respondentId));
    expect(row!.remindersSent).toBe(1);
  });

  it('shows response rates to the round’s coordinator and admins', async () => {
    const detail = (
      await t.app.inject({ url: `/api/survey-rounds/${roundId}`, headers: coordKokkola.headers(false) })
    ).json() as {
      stats: { submitted: number; revoked: number; expired: number; invited: number; responseRate: number };
    };
    expect(detail.stats).toMatchObject({ submitted: 2, revoked: 1, expired: 1, invited: 1 });
    expect(detail.stats.responseRate).toBeCloseTo(2 / 4, 3);
    const forMember = (
      await t.app.inject({ url: `/api/survey-rounds/${roundId}`, headers: member.headers(false) })
    ).json() as {
      stats: unknown;
    };
    expect(forMember.stats).toBeNull();
  });

  it('a closed round takes no more answers', async () => {
    await t.app.inject({
      method: 'PATCH',
      url: `/api/survey-rounds/${roundId}`,
      headers: coordKokkola.headers(true),
      payload: { status: 'closed' },
    });
    const response = await answer(t, umicore.token, [], true);
    expect(response.statusCode).toBe(410);
    expect((response.json() as { error: { details: { reason: string } } }).error.details.reason).toBe(
      'round_closed',
    );
    const reminders = await t.app.inject({
      method: 'POST',
      url: `/api/survey-rounds/${roundId}/reminders`,
      headers: coordKokkola.headers(true),
    });
    expect(reminders.statusCode).toBe(409);
  });
});
