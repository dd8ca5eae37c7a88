/** Organisation types and competence strengths: shared by the server and the web app, so
 * this module imports nothing. */
export const ORGANISATION_TYPES = [
  'company',
  'company_rd',
  'state_company',
  'university',
  'uas',
  'vocational',
  'research_org',
  'city',
  'municipality',
  'development_company',
  'industrial_park_operator',
  'cluster_organisation',
  'association',
  'funder',
  'port',
  'utility',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const COMPETENCE_STRENGTHS = ['core', 'active', 'interest'] as const;
export type CompetenceStrength = (typeof COMPETENCE_STRENGTHS)[number];
