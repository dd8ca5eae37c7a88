import { type Actor, isAdmin } from './roles.ts';

/**
 * Row-level permissions of the ecosystem registry, as in PRODUCT.md:
 * visitors read public rows; members edit their own organisation; coordinators curate their
 * region's organisations; admins do everything. Checked on the server for every row.
 */
export type OrganisationScope = { id: string; regionId: string | null; isPublic: boolean };

export function canReadOrganisation(actor: Actor, org: OrganisationScope): boolean {
  if (org.isPublic) return true;
  if (actor.kind !== 'user') return false;
  if (isAdmin(actor)) return true;
  if (actor.role === 'coordinator') return org.regionId !== null && org.regionId === actor.regionId;
  return actor.organisationId === org.id;
}

export function canEditOrganisation(actor: Actor, org: OrganisationScope): boolean {
  if (actor.kind !== 'user') return false;
  if (isAdmin(actor)) return true;
  if (actor.role === 'coordinator') return org.regionId !== null && org.regionId === actor.regionId;
  return actor.organisationId === org.id;
}

/** Which fields a role may change on an organisation it can edit. */
export function forbiddenOrganisationFields(
  actor: Actor,
  org: OrganisationScope,
  fields: {
    regionId?: string | null;
    type?: string;
  },
): string[] {
  if (isAdmin(actor) || actor.kind !== 'user') return [];
  const problems: string[] = [];
  if (actor.role === 'member') {
    if (fields.regionId !== undefined && fields.regionId !== org.regionId) problems.push('regionId');
    if (fields.type !== undefined) problems.push('type');
  }
  if (actor.role === 'coordinator' && fields.regionId !== undefined && fields.regionId !== actor.regionId) {
    problems.push('regionId');
  }
  return problems;
}

export function canCreateOrganisation(actor: Actor, regionId: string | null): boolean {
  if (isAdmin(actor)) return true;
  return (
    actor.kind === 'user' && actor.role === 'coordinator' && regionId !== null && regionId === actor.regionId
  );
}

export function canDeleteOrganisation(actor: Actor, org: OrganisationScope): boolean {
  if (isAdmin(actor)) return true;
  return (
    actor.kind === 'user' &&
    actor.role === 'coordinator' &&
    org.regionId !== null &&
    org.regionId === actor.regionId
  );
}

/** The SQL-side filter for lists: which private rows the actor may also see. */
export function organisationVisibility(
  actor: Actor,
): { all: true } | { all: false; privateRegionId: string | null; privateOrganisationId: string | null } {
  if (isAdmin(actor)) return { all: true };
  if (actor.kind !== 'user') return { all: false, privateRegionId: null, privateOrganisationId: null };
  return {
    all: false,
    privateRegionId: actor.role === 'coordinator' ? actor.regionId : null,
    privateOrganisationId: actor.organisationId,
  };
}
