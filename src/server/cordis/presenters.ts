import type { CordisOrganisationRow, LinkListRow, TrackRecordRow } from '../../db/queries/cordis.ts';

export function presentCordisOrganisation(row: CordisOrganisationRow) {
  return {
    id: row.id,
    name: row.name,
    shortName: row.shortName,
    vatNumber: row.vatNumber,
    sme: row.sme,
    activityType: row.activityType,
    country: row.country,
    city: row.city,
    url: row.url,
  };
}

export function presentTrackRecordItem(row: TrackRecordRow) {
  return {
    projectId: row.projectId,
    acronym: row.acronym,
    title: row.title,
    role: row.role,
    ecContributionEur: row.ecContribution,
    totalCostEur: row.totalCost,
    active: row.active,
    frameworkProgramme: row.frameworkProgramme,
    fundingScheme: row.fundingScheme,
    startDate: row.startDate,
    endDate: row.endDate,
    topics: row.topics ?? [],
    conceptIds: row.conceptIds ?? [],
  };
}

export function presentLink(row: LinkListRow, status: 'suggested' | 'linked') {
  return {
    cordisOrganisation: {
      id: row.id,
      name: row.name,
      shortName: row.shortName,
      vatNumber: row.vatNumber,
      city: row.city,
      country: row.country,
    },
    participations: row.participations,
    registry: {
      id: (status === 'linked' ? row.registryOrganisationId : row.suggestedOrganisationId) ?? '',
      name: row.registryName ?? '',
      regionId: row.registryRegionId,
      businessId: row.registryBusinessId,
    },
    status,
    linkMethod: status === 'linked' ? row.linkMethod : null,
  };
}
