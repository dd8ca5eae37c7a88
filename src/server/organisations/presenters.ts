import type { CompetenceRow, OrganisationRow } from '../../db/queries/organisations.ts';
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

export function presentOrganisation(
  row: OrganisationRow,
  competences: CompetenceRow[],
  canEdit: boolean,
): Organisation {
  return {
    ...presentOrganisationSummary({ ...row, conceptIds: competences.map((c) => c.conceptId) }),
    businessId: row.businessId,
    description: { fi: row.description.fi ?? '', sv: row.description.sv ?? '', en: row.description.en ?? '' },
    competences: competences.map((c) => ({
      conceptId: c.conceptId,
      strength: c.strength,
      evidence: c.evidence,
    })),
    sources: row.sources,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canEdit,
  };
}
