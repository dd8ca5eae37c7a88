import { randomUUID } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import type { UserActor } from '../../domain/auth/roles.ts';
import { excerpt } from '../../domain/challenges/notifications.ts';
import type { Db } from '../create-db.ts';
import { challengeComments, challengeFollows, challengeSupports, users } from '../schema/index.ts';
import { recordAudit } from './audit.ts';
import { addHistory, type ChallengeRow, lockChallenge } from './challenges.ts';
import { notifyChallenge } from './notifications.ts';

/** Supports and follows: one row per person; putting one twice or removing a missing one changes nothing. */
async function setMembership(
  tx: Db,
  table: typeof challengeSupports | typeof challengeFollows,
  challengeId: string,
  userId: string,
  on: boolean,
): Promise<boolean> {
  const changed = on
    ? await tx.insert(table).values({ challengeId, userId }).onConflictDoNothing().returning()
    : await tx
        .delete(table)
        .where(and(eq(table.challengeId, challengeId), eq(table.userId, userId)))
        .returning();
  return changed.length > 0;
}

export async function setSupport(
  db: Db,
  actor: UserActor,
  challengeId: string,
  on: boolean,
  check: (row: ChallengeRow) => void,
): Promise<{ supportCount: number; supportedByMe: boolean }> {
  return db.transaction(async (tx) => {
    await lockChallenge(tx, challengeId, check, 'share');
    if (await setMembership(tx, challengeSupports, challengeId, actor.userId, on)) {
      await addHistory(tx, challengeId, actor, on ? 'supported' : 'support_withdrawn');
      await recordAudit(tx, {
        actor,
        action: on ? 'support' : 'unsupport',
        entity: 'challenge',
        entityId: challengeId,
      });
    }
    const [n] = await tx
      .select({ n: count() })
      .from(challengeSupports)
      .where(eq(challengeSupports.challengeId, challengeId));
    return { supportCount: Number(n?.n ?? 0), supportedByMe: on };
  });
}

/** Following is a person's own subscription: audited, but not in the challenge's public history. */
export async function setFollow(
  db: Db,
  actor: UserActor,
  challengeId: string,
  on: boolean,
  check: (row: ChallengeRow) => void,
): Promise<{ followedByMe: boolean }> {
  return db.transaction(async (tx) => {
    await lockChallenge(tx, challengeId, check, 'share');
    if (await setMembership(tx, challengeFollows, challengeId, actor.userId, on))
      await recordAudit(tx, {
        actor,
        action: on ? 'follow' : 'unfollow',
        entity: 'challenge',
        entityId: challengeId,
      });
    return { followedByMe: on };
  });
}

const commentColumns = {
  id: challengeComments.id,
  body: challengeComments.body,
  authorName: users.displayName,
  createdAt: challengeComments.createdAt,
};

export async function listComments(db: Db, challengeId: string) {
  return db
    .select(commentColumns)
    .from(challengeComments)
    .leftJoin(users, eq(users.id, challengeComments.userId))
    .where(eq(challengeComments.challengeId, challengeId))
    .orderBy(asc(challengeComments.createdAt), asc(challengeComments.id));
}

/** A comment; its author starts following the challenge, and the followers and author hear of it. */
export async function addComment(
  db: Db,
  actor: UserActor,
  challengeId: string,
  body: string,
  check: (row: ChallengeRow) => void,
) {
  return db.transaction(async (tx) => {
    const challenge = await lockChallenge(tx, challengeId, check, 'share');
    const id = randomUUID();
    await tx.insert(challengeComments).values({ id, challengeId, userId: actor.userId, body });
    await setMembership(tx, challengeFollows, challengeId, actor.userId, true);
    await addHistory(tx, challengeId, actor, 'commented', { commentId: id });
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'challenge_comment',
      entityId: id,
      changes: { challengeId, body },
    });
    await notifyChallenge(tx, {
      challenge,
      actorUserId: actor.userId,
      event: { kind: 'challenge_comment', excerpt: excerpt(body) },
    });
    const [comment] = await tx
      .select(commentColumns)
      .from(challengeComments)
      .leftJoin(users, eq(users.id, challengeComments.userId))
      .where(eq(challengeComments.id, id));
    return comment!;
  });
}
