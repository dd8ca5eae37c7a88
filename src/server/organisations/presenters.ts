import type {
  CompetenceRow,
  ContactRow,
  InfrastructureRow,
  OrganisationRow,
} from '../../db/queries/organisations.ts';
import type { Organisation } from './schema.ts';

type SummaryFields = Pick<
  OrganisationRow,
  'id' | 'name' | 'nameEn' | 'type' | 'regionId' | 'municipality' | 'website' | 'isPublic'
> & {
  conceptIds: string[];
};

export function presentOrganisationSummary(row: SummaryFields) {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.nameEn,
    type: row.type,
    regionId: row.regionId,
    municipality: row.municipality,
    website: row.website,
    isPublic: row.isPublic,
    conceptIds: row.conceptIds,
  };
}

export function presentCompetence(c: CompetenceRow) {
  return { conceptId: c.conceptId, strength: c.strength, evidence: c.evidence, source: c.source };
}

export function presentInfrastructure(row: InfrastructureRow) {
  return {
    id: row.id,
    name: { fi: row.name.fi ?? '', sv: row.name.sv ?? '', en: row.name.en ?? '' },
    description: {
      fi: row.description.fi ?? '',
      sv: row.description.sv ?? '',
      en: row.description.en ?? '',
    },
    conceptIds: row.conceptIds,
    url: row.url,
    isPublic: row.isPublic,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentContact(row: ContactRow) {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    email: row.email,
    phone: row.phone,
    isPublic: row.isPublic,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Infrastructure and contacts already filtered to what the caller may see. */
export type VisibleDetails = { infrastructure: InfrastructureRow[]; contacts: ContactRow[] };

export function presentOrganisation(
  row: OrganisationRow,
  competences: CompetenceRow[],
  details: VisibleDetails,
  canEdit: boolean,
): Organisation {
  return {
    ...presentOrganisationSummary({ ...row, conceptIds: competences.map((c) => c.conceptId) }),
    businessId: row.businessId,
    sme: row.sme,
    description: { fi: row.description.fi ?? '', sv: row.description.sv ?? '', en: row.description.en ?? '' },
    competences: competences.map(presentCompetence),
    infrastructure: details.infrastructure.map(presentInfrastructure),
    contacts: details.contacts.map(presentContact),
    sources: row.sources,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canEdit,
  };
}
