/**
 * How the row permissions of site-permissions.ts apply to the module's rows: a service or a
 * stream is private when it or its organisation is; a stream without an organisation follows
 * its site; a supply link is seen by those who see both organisations, and a private one only
 * by the two parties' editors. Fields a role may not change on a site are listed here too.
 */
import { canReadOrganisation } from '../auth/permissions.ts';
import { type Actor, isAdmin } from '../auth/roles.ts';
import {
  canCreateSite,
  canEditOwned,
  canEditSite,
  canReadOwned,
  canReadSite,
  type OwnedByOrganisation,
  type SiteScope,
} from './site-permissions.ts';

export type OrganisationFacts = { id: string; regionId: string | null; isPublic: boolean };

/** A row of an organisation as the permission functions see it. */
export function ownedScope(row: { isPublic: boolean }, org: OrganisationFacts | null): OwnedByOrganisation {
  return {
    organisationId: org?.id ?? null,
    regionId: org?.regionId ?? null,
    isPublic: row.isPublic && (org?.isPublic ?? true),
  };
}

export function canReadStream(
  actor: Actor,
  stream: { isPublic: boolean },
  org: OrganisationFacts | null,
  site: SiteScope | null,
): boolean {
  if (org) return canReadOwned(actor, ownedScope(stream, org));
  if (site) return (stream.isPublic && canReadSite(actor, site)) || canEditSite(actor, site);
  return stream.isPublic || isAdmin(actor);
}

export function canEditStream(
  actor: Actor,
  stream: { isPublic: boolean },
  org: OrganisationFacts | null,
  site: SiteScope | null,
): boolean {
  if (org) return canEditOwned(actor, ownedScope(stream, org));
  if (site) return canEditSite(actor, site);
  return isAdmin(actor);
}

export function canEditLink(actor: Actor, supplier: OrganisationFacts, customer: OrganisationFacts): boolean {
  return (
    canEditOwned(actor, ownedScope({ isPublic: true }, supplier)) ||
    canEditOwned(actor, ownedScope({ isPublic: true }, customer))
  );
}

export function canReadLink(
  actor: Actor,
  link: { isPublic: boolean },
  supplier: OrganisationFacts,
  customer: OrganisationFacts,
): boolean {
  if (!canReadOrganisation(actor, supplier) || !canReadOrganisation(actor, customer)) return false;
  return link.isPublic || canEditLink(actor, supplier, customer);
}

/** Removing a site is for admins and the region's coordinator, as for organisations. */
export function canDeleteSite(actor: Actor, site: SiteScope): boolean {
  return canCreateSite(actor, site.regionId);
}

/** Fields of a site the actor may edit but not change: its region, and for members its operator. */
export function forbiddenSiteFields(
  actor: Actor,
  site: SiteScope,
  patch: { regionId?: string | null; operatorOrganisationId?: string | null },
): string[] {
  if (actor.kind !== 'user' || isAdmin(actor)) return [];
  const problems: string[] = [];
  const regionChanges = patch.regionId !== undefined && patch.regionId !== site.regionId;
  if (actor.role === 'coordinator') {
    if (regionChanges && patch.regionId !== actor.regionId) problems.push('regionId');
    return problems;
  }
  if (regionChanges) problems.push('regionId');
  if (
    patch.operatorOrganisationId !== undefined &&
    patch.operatorOrganisationId !== site.operatorOrganisationId
  )
    problems.push('operatorOrganisationId');
  return problems;
}
