import { type Actor, isAdmin } from '../auth/roles.ts';

/**
 * Row-level permissions of the sites and services module: visitors read public rows; the
 * operator organisation's members edit their site; coordinators curate their region's sites;
 * admins do everything. Streams and services belong to an organisation and follow it.
 */
export type SiteScope = { regionId: string | null; operatorOrganisationId: string | null; isPublic: boolean };
export type OwnedByOrganisation = {
  organisationId: string | null;
  /** The owning organisation's region. */
  regionId: string | null;
  isPublic: boolean;
};

function isRegionCoordinator(actor: Actor, regionId: string | null): boolean {
  return (
    actor.kind === 'user' && actor.role === 'coordinator' && regionId !== null && actor.regionId === regionId
  );
}

export function canReadSite(actor: Actor, s: SiteScope): boolean {
  if (s.isPublic || isAdmin(actor)) return true;
  if (isRegionCoordinator(actor, s.regionId)) return true;
  return (
    actor.kind === 'user' &&
    s.operatorOrganisationId !== null &&
    actor.organisationId === s.operatorOrganisationId
  );
}

export function canEditSite(actor: Actor, s: SiteScope): boolean {
  if (isAdmin(actor) || isRegionCoordinator(actor, s.regionId)) return true;
  return (
    actor.kind === 'user' &&
    s.operatorOrganisationId !== null &&
    actor.organisationId === s.operatorOrganisationId
  );
}

export function canCreateSite(actor: Actor, regionId: string | null): boolean {
  return isAdmin(actor) || isRegionCoordinator(actor, regionId);
}

export function canReadOwned(actor: Actor, row: OwnedByOrganisation): boolean {
  return row.isPublic || canEditOwned(actor, row);
}

export function canEditOwned(actor: Actor, row: OwnedByOrganisation): boolean {
  if (isAdmin(actor) || isRegionCoordinator(actor, row.regionId)) return true;
  return actor.kind === 'user' && row.organisationId !== null && actor.organisationId === row.organisationId;
}
