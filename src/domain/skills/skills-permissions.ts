import { type Actor, isAdmin } from '../auth/roles.ts';
import type { GapViewer } from './gap-query.ts';

/**
 * Row-level permissions of skills intelligence (PRODUCT.md):
 * - a survey round is run — created, changed, respondents invited, reminded and revoked, response
 *   rates seen — by the coordinator of the round's region or an admin; a network-wide round
 *   (no region) by admins only. Open and closed rounds are listed for everyone; drafts only for
 *   those who run them.
 * - employers answer through a personal link (the token is the permission; see the survey routes).
 * - training programmes are changed by the institution's members, the coordinator of the
 *   programme's region and admins; everyone reads public ones.
 * - gap figures: admins see every figure, a coordinator their own region's figures un-suppressed,
 *   everyone else the disclosure-controlled release.
 */
export type RoundScope = { regionId: string | null; status: 'draft' | 'open' | 'closed' };
export type ProgrammeScope = { organisationId: string; regionId: string | null; isPublic: boolean };

function isRegionCoordinator(actor: Actor, regionId: string | null): boolean {
  return (
    actor.kind === 'user' && actor.role === 'coordinator' && regionId !== null && actor.regionId === regionId
  );
}

export function canRunRound(actor: Actor, round: Pick<RoundScope, 'regionId'>): boolean {
  return isAdmin(actor) || isRegionCoordinator(actor, round.regionId);
}

export function canReadRound(actor: Actor, round: RoundScope): boolean {
  return round.status !== 'draft' || canRunRound(actor, round);
}

/** Response rates and respondents: only who runs the round. */
export function canSeeResponses(actor: Actor, round: Pick<RoundScope, 'regionId'>): boolean {
  return canRunRound(actor, round);
}

export function canEditProgramme(actor: Actor, programme: Omit<ProgrammeScope, 'isPublic'>): boolean {
  if (isAdmin(actor) || isRegionCoordinator(actor, programme.regionId)) return true;
  return actor.kind === 'user' && actor.organisationId === programme.organisationId;
}

export function canReadProgramme(actor: Actor, programme: ProgrammeScope): boolean {
  return programme.isPublic || canEditProgramme(actor, programme);
}

/** Which gap figures the actor sees un-suppressed. */
export function gapViewerFor(actor: Actor): GapViewer {
  if (isAdmin(actor)) return { kind: 'all' };
  if (actor.kind === 'user' && actor.role === 'coordinator' && actor.regionId)
    return { kind: 'region', regionId: actor.regionId };
  return { kind: 'public' };
}
