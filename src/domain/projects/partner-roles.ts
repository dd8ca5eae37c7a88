/** Roles of a consortium partner (shared by the server and the web app, so this module imports nothing). */
export const PARTNER_ROLES = [
  'coordinator',
  'beneficiary',
  'affiliated_entity',
  'associated_partner',
] as const;
export type PartnerRoleName = (typeof PARTNER_ROLES)[number];
