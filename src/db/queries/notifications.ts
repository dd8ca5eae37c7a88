import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { UserActor } from '../../domain/auth/roles.ts';
import {
  type ChallengeEvent,
  challengeEmail,
  notificationRecipients,
} from '../../domain/challenges/notifications.ts';
import type { Db } from '../create-db.ts';
import { challengeFollows, type challenges, emailOutbox, notifications, users } from '../schema/index.ts';
import { recordAudit } from './audit.ts';

type ChallengeRow = typeof challenges.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof emailOutbox.$inferSelect;

/**
 * Tells the followers and the author of `challenge` (plus `alsoUserIds`) about an event, in
 * the app and by e-mail, inside the caller's transaction: the event, its notifications and
 * its e-mails commit together or not at all. `about` is the challenge the message names and
 * links to (the merged duplicate in a merge); by default `challenge` itself.
 */
export async function notifyChallenge(
  tx: Db,
  input: {
    challenge: ChallengeRow;
    about?: { id: string; title: string };
    alsoUserIds?: (string | null)[];
    actorUserId: string | null;
    event: ChallengeEvent;
  },
): Promise<number> {
  const { challenge, event, actorUserId } = input;
  const about = input.about ?? challenge;
  const direct = [challenge.createdBy, ...(input.alsoUserIds ?? [])].filter(
    (id): id is string => id !== null,
  );
  const followers = tx
    .select({ userId: challengeFollows.userId })
    .from(challengeFollows)
    .where(eq(challengeFollows.challengeId, challenge.id));
  const candidates = await tx
    .select({
      userId: users.id,
      email: users.email,
      role: users.role,
      organisationId: users.organisationId,
      regionId: users.regionId,
    })
    .from(users)
    .where(or(inArray(users.id, followers), direct.length ? inArray(users.id, direct) : undefined))
    .orderBy(users.id);
  const recipients = notificationRecipients(candidates, challenge, actorUserId);
  if (recipients.length === 0) return 0;
  const [actor] = actorUserId
    ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actorUserId))
    : [];
  const actorName = actor?.name ?? 'Kenno';
  const link = `/challenges/${about.id}`;
  const mail = challengeEmail(event, about, actorName, link);
  await tx.insert(notifications).values(
    recipients.map((r) => ({
      id: randomUUID(),
      userId: r.userId,
      kind: event.kind,
      link,
      payload: { ...event, challengeId: about.id, title: about.title, actorName },
    })),
  );
  await tx
    .insert(emailOutbox)
    .values(recipients.map((r) => ({ id: randomUUID(), toAddress: r.email, ...mail })));
  return recipients.length;
}

export async function listNotifications(db: Db, userId: string, limit = 50) {
  const [items, [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return { items, unread: Number(unread?.n ?? 0) };
}

/** Marks the user's notifications read (the given ones, or all); answers how many stay unread. */
export async function markNotificationsRead(db: Db, actor: UserActor, ids?: string[]): Promise<number> {
  return db.transaction(async (tx) => {
    const mine = and(eq(notifications.userId, actor.userId), isNull(notifications.readAt));
    const marked =
      ids?.length === 0
        ? []
        : await tx
            .update(notifications)
            .set({ readAt: new Date() })
            .where(ids ? and(mine, inArray(notifications.id, ids)) : mine)
            .returning({ id: notifications.id });
    if (marked.length)
      await recordAudit(tx, {
        actor,
        action: 'read',
        entity: 'notification',
        entityId: null,
        changes: { count: marked.length },
      });
    const [unread] = await tx.select({ n: count() }).from(notifications).where(mine);
    return Number(unread?.n ?? 0);
  });
}

// ── E-mail outbox ─────────────────────────────────────────────────────────────────────────
// A claim appends an attempt {at}; a row whose last attempt is younger than `retryAfterMs` is
// being sent by someone (or waits for its retry), so no other sender takes it. The claim runs
// with FOR UPDATE SKIP LOCKED: two servers never claim the same row, and nobody holds a
// transaction open while talking to the SMTP server.

export async function claimEmails(
  db: Db,
  options: { limit: number; retryAfterMs: number },
): Promise<Pick<OutboxRow, 'id' | 'toAddress' | 'subject' | 'body' | 'attempts'>[]> {
  const result = await db.execute(sql`
    update email_outbox
    set attempts = attempts || jsonb_build_array(jsonb_build_object('at', now()))
    where id in (
      select id from email_outbox
      where status = 'pending'
        and (jsonb_array_length(attempts) = 0
             or (attempts->-1->>'at')::timestamptz < now() - make_interval(secs => ${options.retryAfterMs / 1000}))
      order by created_at, id
      limit ${options.limit}
      for update skip locked
    )
    returning id, to_address as "toAddress", subject, body, attempts`);
  return (
    result as unknown as { rows: Pick<OutboxRow, 'id' | 'toAddress' | 'subject' | 'body' | 'attempts'>[] }
  ).rows;
}

export async function markEmailSent(db: Db, id: string): Promise<void> {
  await db.update(emailOutbox).set({ status: 'sent', sentAt: new Date() }).where(eq(emailOutbox.id, id));
}

/** Records why the last attempt failed; `giveUp` ends the retries (status failed). */
export async function recordEmailFailure(db: Db, id: string, error: string, giveUp: boolean): Promise<void> {
  await db
    .update(emailOutbox)
    .set({
      status: giveUp ? 'failed' : 'pending',
      attempts: sql`jsonb_set(${emailOutbox.attempts}, '{-1,error}', to_jsonb(${error.slice(0, 1000)}::text))`,
    })
    .where(eq(emailOutbox.id, id));
}
