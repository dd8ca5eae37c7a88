import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../create-db.ts';
import {
  apiTokens,
  auditLog,
  challengeComments,
  challengeEvaluations,
  challengeFollows,
  challengeHistory,
  challengeSupports,
  challenges,
  emailOutbox,
  enrolmentInterests,
  loginAttempts,
  notifications,
  organisationContacts,
  projects,
  sessions,
  surveyRespondents,
  teachers,
  users,
  workingLifePeriods,
} from '../schema/index.ts';

/**
 * A person's own data (GDPR articles 15 and 17): everything Kenno holds about one user, and its
 * erasure. The registry's organisations, challenges and projects belong to organisations and
 * stay; what identifies the person in them (author links, names in texts Kenno wrote such as
 * notifications and e-mails, audit details) is removed.
 */
export async function exportPersonalData(db: Db, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const email = user.email.toLowerCase();
  const [
    sessionRows,
    tokenRows,
    challengeRows,
    commentRows,
    supportRows,
    followRows,
    evaluationRows,
    notificationRows,
    auditRows,
    contactRows,
    loginRows,
    teacherRows,
    interestRows,
  ] = await Promise.all([
    db
      .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.userId, userId)),
    db
      .select({
        name: apiTokens.name,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .where(eq(apiTokens.userId, userId)),
    db
      .select({ id: challenges.id, title: challenges.title, createdAt: challenges.createdAt })
      .from(challenges)
      .where(eq(challenges.createdBy, userId)),
    db.select().from(challengeComments).where(eq(challengeComments.userId, userId)),
    db.select().from(challengeSupports).where(eq(challengeSupports.userId, userId)),
    db.select().from(challengeFollows).where(eq(challengeFollows.userId, userId)),
    db.select().from(challengeEvaluations).where(eq(challengeEvaluations.evaluatorId, userId)),
    db.select().from(notifications).where(eq(notifications.userId, userId)),
    db
      .select({
        at: auditLog.at,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
      })
      .from(auditLog)
      .where(eq(auditLog.actorUserId, userId)),
    db.select().from(organisationContacts).where(sql`lower(${organisationContacts.email}) = ${email}`),
    db
      .select({ at: loginAttempts.at, ip: loginAttempts.ip, success: loginAttempts.success })
      .from(loginAttempts)
      .where(sql`lower(${loginAttempts.email}) = ${email}`),
    // Teacher profiles: linked to the account, or naming the person's address.
    db
      .select()
      .from(teachers)
      .where(or(eq(teachers.userId, userId), sql`lower(${teachers.email}) = ${email}`)),
    db.select().from(enrolmentInterests).where(eq(enrolmentInterests.userId, userId)),
  ]);
  const periodRows = teacherRows.length
    ? await db
        .select()
        .from(workingLifePeriods)
        .where(sql`${workingLifePeriods.teacherId} = any(${sql.param(teacherRows.map((t) => t.id))}::text[])`)
    : [];
  const { passwordHash: _hash, ...account } = user;
  return {
    exportedAt: new Date().toISOString(),
    account,
    sessions: sessionRows,
    apiTokens: tokenRows,
    signIns: loginRows,
    challengesSubmitted: challengeRows,
    comments: commentRows,
    supports: supportRows,
    follows: followRows,
    evaluations: evaluationRows,
    notifications: notificationRows,
    contactEntries: contactRows,
    teacherProfiles: teacherRows,
    workingLifePeriods: periodRows,
    enrolmentInterests: interestRows,
    actions: auditRows,
  };
}

export type PersonalDataExport = NonNullable<Awaited<ReturnType<typeof exportPersonalData>>>;

/** JSON text of `value` without the quotes, to find and replace it inside stored JSON. */
const inJson = (value: string) => JSON.stringify(value).slice(1, -1);

/**
 * Erases a user in one transaction. Deleted: the account with its sessions, tokens, supports,
 * follows, evaluations and notifications (by cascade), the person's comments, sign-in records,
 * e-mails to them, contact entries with their address and their teacher profile (with its
 * working-life periods). Unlinked: enrolment interest they registered, challenges, projects and
 * history rows they wrote keep no pointer to them. Scrubbed: their name and address in other
 * people's notifications and e-mails, and the details of audit rows that mention them — the
 * audit rows themselves stay (who did what stays countable, not who it was).
 */
export async function erasePersonalData(db: Db, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user) return false;
    const email = user.email.toLowerCase();
    const words = [user.email, user.displayName].filter((s) => s.trim().length >= 3);
    const mentions = (column: unknown) =>
      or(...words.map((word) => sql`strpos(lower(${column}::text), lower(${inJson(word)})) > 0`))!;
    const mentionsId = (column: unknown) => sql`strpos(${column}::text, ${userId}) > 0`;

    await tx.delete(challengeComments).where(eq(challengeComments.userId, userId));
    await tx.update(challenges).set({ createdBy: null }).where(eq(challenges.createdBy, userId));
    await tx.update(projects).set({ createdBy: null }).where(eq(projects.createdBy, userId));
    await tx
      .update(challengeHistory)
      .set({ actorUserId: null })
      .where(eq(challengeHistory.actorUserId, userId));
    await tx.delete(loginAttempts).where(sql`lower(${loginAttempts.email}) = ${email}`);
    await tx.delete(emailOutbox).where(sql`lower(${emailOutbox.toAddress}) = ${email}`);
    await tx.delete(organisationContacts).where(sql`lower(${organisationContacts.email}) = ${email}`);
    // A teacher profile is the person's: it goes, with its periods (by cascade). Interest an
    // organisation registered stays, without the person; a period they supervise loses the address.
    await tx
      .delete(teachers)
      .where(or(eq(teachers.userId, userId), sql`lower(${teachers.email}) = ${email}`));
    await tx
      .update(enrolmentInterests)
      .set({ userId: null, contactName: 'a former user', contactEmail: null })
      .where(
        or(eq(enrolmentInterests.userId, userId), sql`lower(${enrolmentInterests.contactEmail}) = ${email}`),
      );
    await tx
      .update(workingLifePeriods)
      .set({ supervisorName: '', supervisorEmail: null })
      .where(sql`lower(${workingLifePeriods.supervisorEmail}) = ${email}`);
    await tx
      .update(surveyRespondents)
      .set({ email: null })
      .where(sql`lower(${surveyRespondents.email}) = ${email}`);
    for (const word of words) {
      const json = inJson(word);
      await tx
        .update(notifications)
        .set({ payload: sql`replace(${notifications.payload}::text, ${json}, 'a former user')::jsonb` })
        .where(sql`strpos(${notifications.payload}::text, ${json}) > 0`);
      await tx
        .update(emailOutbox)
        .set({
          subject: sql`replace(${emailOutbox.subject}, ${word}, 'a former user')`,
          body: sql`replace(${emailOutbox.body}, ${word}, 'a former user')`,
        })
        .where(
          or(sql`strpos(${emailOutbox.subject}, ${word}) > 0`, sql`strpos(${emailOutbox.body}, ${word}) > 0`),
        );
    }
    await tx
      .update(auditLog)
      .set({ changes: { erased: true } })
      .where(
        and(
          sql`${auditLog.changes} is not null`,
          or(mentions(auditLog.changes), mentionsId(auditLog.changes)),
        ),
      );
    await tx
      .update(auditLog)
      .set({ entityId: null, changes: { erased: true } })
      .where(eq(auditLog.entityId, userId));
    await tx.update(auditLog).set({ actorUserId: null }).where(eq(auditLog.actorUserId, userId));
    await tx.delete(users).where(eq(users.id, userId));
    // One row saying that an erasure happened, with nothing that identifies the person.
    await tx
      .insert(auditLog)
      .values({ actorKind: 'system', action: 'erase', entity: 'user', entityId: null, changes: null });
    return true;
  });
}
