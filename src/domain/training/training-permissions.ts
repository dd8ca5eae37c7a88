import { type Actor, isAdmin } from '../auth/roles.ts';

/**
 * Row-level permissions of training paths (issue 7; PRODUCT.md's roles):
 * - a published path is read by everyone (the public path pages); a draft by admins, the
 *   coordinators of the path's regions, members of the owner organisation and its creator.
 * - paths are created by admins, coordinators and members of education organisations
 *   (registry types university, uas, vocational).
 * - a path is changed or removed by admins, its creator, members of the owner organisation and
 *   the coordinators of the path's regions.
 * - modules (training programmes) keep the skills module's rules (skills-permissions.ts).
 */
export type PathScope = {
  status: 'draft' | 'published';
  regionIds: readonly string[];
  ownerOrganisationId: string | null;
  createdBy: string | null;
};

/** Registry types whose members build paths (src/domain/registry/organisation-types.ts). */
export const EDUCATION_ORGANISATION_TYPES = ['university', 'uas', 'vocational'] as const;

export function isEducationOrganisationType(type: string | null | undefined): boolean {
  return (EDUCATION_ORGANISATION_TYPES as readonly (string | null | undefined)[]).includes(type);
}

function coordinatesOneOf(actor: Actor, regionIds: readonly string[]): boolean {
  return (
    actor.kind === 'user' &&
    actor.role === 'coordinator' &&
    actor.regionId !== null &&
    regionIds.includes(actor.regionId)
  );
}

export function canEditPath(actor: Actor, path: Omit<PathScope, 'status'>): boolean {
  if (actor.kind !== 'user') return false;
  if (isAdmin(actor) || coordinatesOneOf(actor, path.regionIds)) return true;
  if (path.createdBy !== null && actor.userId === path.createdBy) return true;
  return path.ownerOrganisationId !== null && actor.organisationId === path.ownerOrganisationId;
}

export function canReadPath(actor: Actor, path: PathScope): boolean {
  return path.status === 'published' || canEditPath(actor, path);
}

/**
 * Who starts a path: admins, coordinators, members of an education organisation (its type
 * from the registry, given by the caller since the actor does not carry it).
 */
export function canCreatePath(actor: Actor, actorOrganisationType: string | null): boolean {
  if (actor.kind !== 'user') return false;
  if (isAdmin(actor) || actor.role === 'coordinator') return true;
  return actor.organisationId !== null && isEducationOrganisationType(actorOrganisationType);
}

/**
 * The owner organisation a new path may name: a member only their own; coordinators and admins
 * any (or none).
 */
export function canOwnPathAs(actor: Actor, ownerOrganisationId: string | null): boolean {
  if (actor.kind !== 'user') return false;
  if (isAdmin(actor) || actor.role === 'coordinator') return true;
  return ownerOrganisationId !== null && ownerOrganisationId === actor.organisationId;
}

/**
 * A coordinator may only give a path regions that keep it in their hands (one of the regions
 * must be theirs), unless they are also its creator's organisation — kept simple: an admin may
 * set any; others must still be able to edit the path after the change.
 */
export function canSetPathRegions(
  actor: Actor,
  path: Omit<PathScope, 'status' | 'regionIds'>,
  regionIds: readonly string[],
): boolean {
  return canEditPath(actor, { ...path, regionIds });
}
