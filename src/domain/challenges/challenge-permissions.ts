import { type Actor, isAdmin } from '../auth/roles.ts';

/**
 * Row-level permissions of the challenges module (PRODUCT.md): visitors read public
 * challenges; members submit, support, comment and follow, and edit their organisation's
 * challenges; coordinators curate their region's challenges (validate, merge) and evaluate;
 * admins do everything. Evaluators are the coordinators and admins.
 */
export type ChallengeScope = {
  regionId: string | null;
  organisationId: string | null;
  createdBy: string | null;
  isPublic: boolean;
};

function isRegionCoordinator(actor: Actor, regionId: string | null): boolean {
  return (
    actor.kind === 'user' && actor.role === 'coordinator' && regionId !== null && actor.regionId === regionId
  );
}

function isOwner(actor: Actor, c: ChallengeScope): boolean {
  if (actor.kind !== 'user') return false;
  if (c.createdBy !== null && c.createdBy === actor.userId) return true;
  return c.organisationId !== null && actor.organisationId === c.organisationId;
}

export function canReadChallenge(actor: Actor, c: ChallengeScope): boolean {
  if (c.isPublic) return true;
  if (isAdmin(actor)) return true;
  return isRegionCoordinator(actor, c.regionId) || isOwner(actor, c);
}

export function canSubmitChallenge(actor: Actor): boolean {
  return actor.kind === 'user';
}

/** Title, text, concepts, TRL, horizon and visibility. */
export function canEditChallenge(actor: Actor, c: ChallengeScope): boolean {
  if (isAdmin(actor)) return true;
  return isRegionCoordinator(actor, c.regionId) || isOwner(actor, c);
}

/** Status changes and merging a duplicate away. */
export function canModerateChallenge(actor: Actor, c: ChallengeScope): boolean {
  return isAdmin(actor) || isRegionCoordinator(actor, c.regionId);
}

/** Support, comment, follow: any signed-in person who can read the challenge. */
export function canEngageChallenge(actor: Actor, c: ChallengeScope): boolean {
  return actor.kind === 'user' && canReadChallenge(actor, c);
}

export function canEvaluateChallenges(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.role === 'coordinator' || actor.role === 'admin');
}

export function canConfigureEvaluation(actor: Actor): boolean {
  return isAdmin(actor);
}

/** Starting a project idea from a common challenge. */
export function canStartProjectIdea(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.role === 'coordinator' || actor.role === 'admin');
}
