import { type Actor, isAdmin } from '../auth/roles.ts';
import type { ChallengeScope } from './challenge-permissions.ts';

/**
 * canReadChallenge (challenge-permissions.ts) as a filter a query can apply to many rows:
 * public rows, plus private rows the actor created, of its organisation, or — for a
 * coordinator — of its region. Admins read everything.
 */
export type ChallengeVisibility =
  | { all: true }
  | { all: false; userId: string | null; organisationId: string | null; regionId: string | null };

export function challengeVisibility(actor: Actor): ChallengeVisibility {
  if (isAdmin(actor)) return { all: true };
  if (actor.kind !== 'user') return { all: false, userId: null, organisationId: null, regionId: null };
  return {
    all: false,
    userId: actor.userId,
    organisationId: actor.organisationId,
    regionId: actor.role === 'coordinator' ? actor.regionId : null,
  };
}

/** The same filter on one row (the SQL in src/db/queries/challenges.ts mirrors it). */
export function isVisible(v: ChallengeVisibility, c: ChallengeScope): boolean {
  if (v.all || c.isPublic) return true;
  return (
    (v.userId !== null && c.createdBy === v.userId) ||
    (v.organisationId !== null && c.organisationId === v.organisationId) ||
    (v.regionId !== null && c.regionId === v.regionId)
  );
}
