import { PassThrough } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../db/backup.ts';
import {
  auditLog,
  challengeComments,
  challengeFollows,
  challengeSupports,
  challenges,
  emailOutbox,
  enrolmentInterests,
  notifications,
  organisationContacts,
  teachers,
  trainingProgrammes,
  workingLifePeriods,
} from '../../db/schema/index.ts';
import {
  bearerFor,
  buildUser,
  createTestApp,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/support/test-app.ts';

/** QUALITY.md: "a person can export and erase their own data"; erasure leaves no trace. */
describe('personal data: export and erasure', () => {
  let t: TestApp;
  let person: Awaited<ReturnType<typeof buildUser>>;
  let other: Awaited<ReturnType<typeof buildUser>>;
  const NAME = 'Erkki Erasable-Öhman';

  beforeAll(async () => {
    t = await createTestApp();
    const { db } = t.database;
    person = await buildUser(t.database, 'member', { organisationId: 'centria' });
    other = await buildUser(t.database, 'member', { organisationId: 'uef' });
    await db.execute(
      // The factory names users after their role; give this one a real-looking name.
      (await import('drizzle-orm')).sql`update users set display_name = ${NAME} where id = ${person.id}`,
    );
    await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: person.email, password: 'wrong-password' },
    });
    await bearerFor(t.database, person.id);
    await db.insert(challenges).values({
      id: 'erase-challenge',
      title: 'Mustan massan liuotus',
      description: 'Miten liuotus tehdään ilman sulfaattijätettä?',
      language: 'fi',
      regionId: 'kokkola',
      organisationId: 'centria',
      createdBy: person.id,
    });
    await db.insert(challengeComments).values({
      id: 'erase-comment',
      challengeId: 'erase-challenge',
      userId: person.id,
      body: 'Terveisin Erkki',
    });
    await db.insert(challengeSupports).values({ challengeId: 'erase-challenge', userId: person.id });
    await db.insert(challengeFollows).values({ challengeId: 'erase-challenge', userId: other.id });
    await db.insert(notifications).values({
      id: 'erase-notification',
      userId: other.id,
      kind: 'comment',
      link: '/challenges/erase-challenge',
      payload: { actorName: NAME, title: 'Mustan massan liuotus' },
    });
    await db.insert(emailOutbox).values({
      id: 'erase-mail-other',
      toAddress: other.email,
      subject: `${NAME} commented`,
      body: `${NAME} wrote a comment on “Mustan massan liuotus”.`,
    });
    await db
      .insert(emailOutbox)
      .values({ id: 'erase-mail-self', toAddress: person.email, subject: 'Hello', body: 'Hi' });
    await db.insert(organisationContacts).values({
      id: 'erase-contact',
      organisationId: 'centria',
      name: NAME,
      email: person.email.toUpperCase(),
      isPublic: true,
    });
    await db.insert(auditLog).values({
      actorKind: 'user',
      actorUserId: other.id,
      action: 'create',
      entity: 'organisation_contact',
      entityId: 'erase-contact',
      changes: { name: NAME, email: person.email },
    });
    // Teachers' working-life periods: the person's own teacher profile and period, interest they
    // registered for their organisation, and another teacher's period they supervise.
    await db.insert(teachers).values({
      id: 'erase-teacher',
      userId: person.id,
      name: NAME,
      email: person.email,
      organisationId: 'centria',
      developmentGoals: 'Erkin kehittymistavoitteet',
    });
    await db.insert(workingLifePeriods).values([
      {
        id: 'erase-period',
        teacherId: 'erase-teacher',
        hostOrganisationId: 'umicore-finland',
        startDate: '2026-09-07',
        endDate: '2026-10-02',
        goals: 'Erkin jakso',
      },
      {
        id: 'erase-supervised',
        teacherId: 'demo-teacher-novia-electrical',
        hostOrganisationId: 'centria',
        startDate: '2027-09-06',
        endDate: '2027-09-24',
        supervisorName: NAME,
        supervisorEmail: person.email,
      },
    ]);
    const [programme] = await db.select({ id: trainingProgrammes.id }).from(trainingProgrammes).limit(1);
    await db.insert(enrolmentInterests).values({
      id: 'erase-interest',
      programmeId: programme!.id,
      organisationId: 'centria',
      userId: person.id,
      contactName: NAME,
      contactEmail: person.email,
      headcount: 4,
    });
  });
  afterAll(async () => t.close());

  it('exports everything held about the signed-in person, and only theirs', async () => {
    const client = await signIn(t.app, person.email);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/me/data',
      headers: client.headers(false),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('kenno-my-data.json');
    const data = response.json();
    expect(data.account).toMatchObject({ email: person.email, displayName: NAME, organisationId: 'centria' });
    expect(data.account.passwordHash).toBeUndefined();
    expect(JSON.stringify(data)).not.toMatch(/argon2|token_hash|tokenHash/);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.apiTokens).toHaveLength(1);
    expect(data.signIns.some((s: { success: boolean }) => !s.success)).toBe(true);
    expect(data.challengesSubmitted.map((c: { id: string }) => c.id)).toEqual(['erase-challenge']);
    expect(data.comments.map((c: { body: string }) => c.body)).toEqual(['Terveisin Erkki']);
    expect(data.supports).toHaveLength(1);
    expect(data.follows).toHaveLength(0);
    expect(data.contactEntries.map((c: { id: string }) => c.id)).toEqual(['erase-contact']);
    expect(data.notifications).toHaveLength(0);
    expect(data.teacherProfiles.map((p: { id: string }) => p.id)).toEqual(['erase-teacher']);
    expect(data.workingLifePeriods.map((p: { id: string }) => p.id)).toEqual(['erase-period']);
    expect(data.enrolmentInterests).toMatchObject([{ id: 'erase-interest', headcount: 4 }]);

    const visitor = await t.app.inject({ method: 'GET', url: '/api/me/data' });
    expect(visitor.statusCode).toBe(401);
  });

  it('refuses erasure without the right password and changes nothing', async () => {
    const client = await signIn(t.app, person.email);
    const response = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: client.headers(true),
      payload: { password: 'not-my-password' },
    });
    expect(response.statusCode).toBe(401);
    const still = await t.app.inject({ method: 'GET', url: '/api/me/data', headers: client.headers(false) });
    expect(still.statusCode).toBe(200);
  });

  it('erases the person: no trace in any table, search or export; the network’s content stays', async () => {
    const client = await signIn(t.app, person.email);
    const response = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: client.headers(true),
      payload: { password: TEST_PASSWORD },
    });
    expect(response.statusCode, response.body).toBe(204);
    expect(response.headers['set-cookie']).toBeDefined();

    const session = await t.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: client.headers(false),
    });
    expect(session.json().user).toBeNull();

    // Every row of every table, as a backup would write them.
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await backupDatabase(t.database.db, out);
    out.end();
    const everything = Buffer.concat(chunks).toString('utf8').toLowerCase();
    expect(everything).not.toContain(person.email.toLowerCase());
    expect(everything).not.toContain(NAME.toLowerCase());
    const tablesWith = (needle: string) => {
      let table = '';
      const found: string[] = [];
      for (const line of everything.split('\n')) {
        if (line.startsWith('{"table":')) table = line;
        else if (line.includes(needle)) found.push(`${table} ${line.slice(0, 200)}`);
      }
      return found;
    };
    expect(tablesWith(person.id.toLowerCase())).toEqual([]);
    expect(everything).not.toContain('terveisin erkki');

    // The challenge stays with its organisation; the other person's notification and mail stay, without the name.
    const challenge = await t.database.db.query.challenges.findFirst({
      where: (c, { eq }) => eq(c.id, 'erase-challenge'),
    });
    expect(challenge).toMatchObject({ organisationId: 'centria', createdBy: null });
    const notification = await t.database.db.query.notifications.findFirst({
      where: (n, { eq }) => eq(n.id, 'erase-notification'),
    });
    expect(notification?.payload).toEqual({ actorName: 'a former user', title: 'Mustan massan liuotus' });
    const mail = await t.database.db.query.emailOutbox.findFirst({
      where: (m, { eq }) => eq(m.id, 'erase-mail-other'),
    });
    expect(mail?.subject).toBe('a former user commented');

    // The teacher profile and its period are gone; the organisation's interest stays, without the
    // person; the period they supervised stays, without their name and address.
    expect(await t.database.db.select().from(teachers).where(eq(teachers.id, 'erase-teacher'))).toEqual([]);
    expect(
      await t.database.db.select().from(workingLifePeriods).where(eq(workingLifePeriods.id, 'erase-period')),
    ).toEqual([]);
    const [interest] = await t.database.db
      .select()
      .from(enrolmentInterests)
      .where(eq(enrolmentInterests.id, 'erase-interest'));
    expect(interest).toMatchObject({
      organisationId: 'centria',
      headcount: 4,
      userId: null,
      contactEmail: null,
    });
    const [supervised] = await t.database.db
      .select()
      .from(workingLifePeriods)
      .where(eq(workingLifePeriods.id, 'erase-supervised'));
    expect(supervised).toMatchObject({ supervisorName: '', supervisorEmail: null });

    const search = await t.app.inject({ method: 'GET', url: `/api/organisations/centria` });
    expect(search.body.toLowerCase()).not.toContain('erkki');
    const exportFile = await t.app.inject({
      method: 'GET',
      url: '/api/organisations/export?format=csv',
      headers: {
        authorization: `Bearer ${await bearerFor(t.database, (await buildUser(t.database, 'admin')).id)}`,
      },
    });
    expect(exportFile.statusCode).toBe(200);
    expect(exportFile.body.toLowerCase()).not.toContain('erkki');
  });
});
