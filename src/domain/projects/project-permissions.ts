import { type Actor, isAdmin } from '../auth/roles.ts';

/**
 * Row-level permissions of the projects module (issue 5, projects-api.md):
 * - projects, partners, budget, eligibility, work packages: read = any signed-in user; edit =
 *   admin, the project's creator, a coordinator of any of the project's regions, or a member of
 *   the organisation of the project's coordinator partner;
 * - calls: read = everyone; write = coordinators and admins;
 * - programme countries: read = everyone; write = admins;
 * - partner search, consortium suggest/evaluate, CORDIS organisation pages: signed-in users;
 * - CORDIS link confirm/reject: admins, or the coordinator of the registry organisation's region;
 * - KPIs: signed-in users; their exports: coordinators and admins.
 * Pure functions, checked on the server per row.
 */
export type ProjectScope = {
  createdBy: string | null;
  regionIds: readonly string[];
  /** Registry organisation of the project's coordinator partner (null if none or not in the registry). */
  coordinatorOrganisationId: string | null;
};

export function canReadProject(actor: Actor): boolean {
  return actor.kind === 'user';
}

export function canEditProject(actor: Actor, project: ProjectScope): boolean {
  if (actor.kind !== 'user') return false;
  if (isAdmin(actor)) return true;
  if (project.createdBy !== null && project.createdBy === actor.userId) return true;
  if (actor.role === 'coordinator' && actor.regionId !== null && project.regionIds.includes(actor.regionId))
    return true;
  return (
    project.coordinatorOrganisationId !== null && actor.organisationId === project.coordinatorOrganisationId
  );
}

export function canReadCalls(_actor: Actor): boolean {
  return true;
}

export function canWriteCalls(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.role === 'coordinator' || actor.role === 'admin');
}

export function canReadProgrammeCountries(_actor: Actor): boolean {
  return true;
}

export function canWriteProgrammeCountries(actor: Actor): boolean {
  return isAdmin(actor);
}

/** Partner search, consortium suggest/evaluate and CORDIS organisation pages. */
export function canSearchPartners(actor: Actor): boolean {
  return actor.kind === 'user';
}

/** Confirm, reject or unlink a CORDIS ↔ registry link of a registry organisation in `regionId`. */
export function canManageCordisLink(actor: Actor, registryRegionId: string | null): boolean {
  if (isAdmin(actor)) return true;
  return (
    actor.kind === 'user' &&
    actor.role === 'coordinator' &&
    registryRegionId !== null &&
    actor.regionId === registryRegionId
  );
}

export function canReadKpis(actor: Actor): boolean {
  return actor.kind === 'user';
}

export function canExportKpis(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.role === 'coordinator' || actor.role === 'admin');
}
