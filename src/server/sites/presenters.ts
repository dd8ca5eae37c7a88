import type { SiteRow } from '../../db/queries/sites.ts';
import { canReadOrganisation } from '../../domain/auth/permissions.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import type { IndexedOrganisation } from '../../domain/registry/organisation-index.ts';
import { availableLandHa, type SiteFacts } from '../../domain/sites/site.ts';
import { canEditSite } from '../../domain/sites/site-permissions.ts';
import type { Site, SiteSummary } from './schema.ts';

/** What matching and comparison read from a stored site. */
export function siteFacts(row: SiteRow): SiteFacts {
  return {
    id: row.id,
    name: row.name,
    regionId: row.regionId,
    status: row.status,
    totalAreaHa: row.totalAreaHa,
    availableAreaHa: row.availableAreaHa,
    plots: row.plots,
    utilities: row.utilities,
    fairwayDepthM: row.fairwayDepthM,
    portDistanceKm: row.portDistanceKm,
    rail: row.rail,
    chemicalsHandling: row.chemicalsHandling,
    permitStatus: row.permitStatus,
    readyInMonths: row.readyInMonths,
    sharedServices: row.sharedServices,
    tenants: row.tenants,
  };
}

export function presentSiteSummary(row: SiteRow): SiteSummary {
  return {
    id: row.id,
    name: row.name,
    regionId: row.regionId,
    municipality: row.municipality,
    lat: row.lat,
    lon: row.lon,
    status: row.status,
    totalAreaHa: row.totalAreaHa,
    availableAreaHa: availableLandHa(row),
    fairwayDepthM: row.fairwayDepthM,
    rail: row.rail,
    chemicalsHandling: row.chemicalsHandling,
    permitStatus: row.permitStatus,
    utilityKinds: row.utilities.map((u) => u.kind),
    isPublic: row.isPublic,
  };
}

/** A full site as the actor may see it: organisations it may not read are left out. */
export function presentSite(
  row: SiteRow,
  actor: Actor,
  organisations: ReadonlyMap<string, IndexedOrganisation>,
): Site {
  const readable = (id: string | null) => {
    const org = id ? organisations.get(id) : undefined;
    return org && canReadOrganisation(actor, org) ? org : null;
  };
  const operator = readable(row.operatorOrganisationId);
  return {
    id: row.id,
    name: row.name,
    operatorOrganisationId: operator?.id ?? null,
    operatorName: operator?.name ?? null,
    regionId: row.regionId,
    municipality: row.municipality,
    lat: row.lat,
    lon: row.lon,
    status: row.status,
    description: { fi: row.description.fi ?? '', sv: row.description.sv ?? '', en: row.description.en ?? '' },
    totalAreaHa: row.totalAreaHa,
    availableAreaHa: row.availableAreaHa,
    plots: row.plots,
    utilities: row.utilities,
    portName: row.portName,
    fairwayDepthM: row.fairwayDepthM,
    portDistanceKm: row.portDistanceKm,
    rail: row.rail,
    chemicalsHandling: row.chemicalsHandling,
    permitStatus: row.permitStatus,
    permitNote: row.permitNote,
    readyInMonths: row.readyInMonths,
    sharedServices: row.sharedServices,
    tenants: row.tenants,
    tenantOrganisationIds: row.tenantOrganisationIds.filter((id) => readable(id) !== null),
    contacts: row.contacts,
    sources: row.sources,
    isPublic: row.isPublic,
    canEdit: canEditSite(actor, row),
  };
}
