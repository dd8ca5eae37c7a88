import type { Db } from '../../db/create-db.ts';
import { type ChallengeRow, findChallenge } from '../../db/queries/challenges.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { canEngageChallenge, canReadChallenge } from '../../domain/challenges/challenge-permissions.ts';
import { AppError, notFound } from '../../domain/errors.ts';

/** A challenge the actor may not read does not exist for it (404). */
export function requireReadable(actor: Actor, row: ChallengeRow): void {
  if (!canReadChallenge(actor, row)) throw notFound('Challenge');
}

/** Supports, follows, comments and evaluations go to open challenges, never to a merged one. */
export function requireOpen(actor: Actor, row: ChallengeRow): void {
  requireReadable(actor, row);
  if (!canEngageChallenge(actor, row)) throw new AppError('forbidden', 'Sign in to take part');
  if (row.status === 'merged')
    throw new AppError('conflict', 'This challenge was merged into another; continue there', {
      mergedIntoId: row.mergedIntoId,
    });
}

export async function loadReadableChallenge(db: Db, actor: Actor, id: string) {
  const row = await findChallenge(db, id);
  if (!row) throw notFound('Challenge');
  requireReadable(actor, row);
  return row;
}
