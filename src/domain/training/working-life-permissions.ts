import { type Actor, isAdmin } from '../auth/roles.ts';

/**
 * Row-level permissions of teachers' working-life periods and continuing education (issue 7):
 * - a teacher profile is personal data: read by the teacher, members of the teacher's
 *   organisation, the coordinator of its region, admins and members of a host organisation
 *   with a period planned with the teacher; written by the teacher, the region's coordinator
 *   and admins (a member creates only their own profile, in their own organisation).
 * - host offers: active ones (of public organisations) are read by everyone; written by the host organisation's
 *   members, the coordinator of its region and admins.
 * - periods: read by the teacher, the teacher's organisation, the host organisation, the
 *   coordinators of either region and admins; planned and changed by the teacher, the
 *   coordinator of the teacher's region and admins; the host's members set the supervisor;
 *   the follow-up report is the teacher's (and admins').
 * - enrolment interest: any signed-in person, for their own organisation; read by the
 *   providing organisation's members, the coordinator of the offer's region and admins.
 */
export type TeacherScope = {
  userId: string | null;
  organisationId: string;
  /** The teacher's region (else their organisation's). */
  regionId: string | null;
  /** Organisations hosting a period of this teacher. */
  hostOrganisationIds: readonly string[];
};
export type OfferScope = {
  organisationId: string;
  regionId: string | null;
  isActive: boolean;
  /** A private organisation's offers stay as private as the organisation. */
  organisationIsPublic: boolean;
};
export type PeriodScope = {
  teacher: Omit<TeacherScope, 'hostOrganisationIds'>;
  hostOrganisationId: string;
  hostRegionId: string | null;
};
export type ProviderScope = { organisationId: string; regionId: string | null };

function isRegionCoordinator(actor: Actor, regionId: string | null): boolean {
  return (
    actor.kind === 'user' && actor.role === 'coordinator' && regionId !== null && actor.regionId === regionId
  );
}
const isSelf = (actor: Actor, userId: string | null) =>
  actor.kind === 'user' && userId !== null && actor.userId === userId;
const isMemberOf = (actor: Actor, organisationId: string | null) =>
  actor.kind === 'user' && organisationId !== null && actor.organisationId === organisationId;

export function canEditTeacher(actor: Actor, t: Omit<TeacherScope, 'hostOrganisationIds'>): boolean {
  return isAdmin(actor) || isSelf(actor, t.userId) || isRegionCoordinator(actor, t.regionId);
}

export function canReadTeacher(actor: Actor, t: TeacherScope): boolean {
  if (canEditTeacher(actor, t) || isMemberOf(actor, t.organisationId)) return true;
  return t.hostOrganisationIds.some((id) => isMemberOf(actor, id));
}

/** A new profile: admins, the region's coordinator, or a member for themselves in their own organisation. */
export function canCreateTeacher(
  actor: Actor,
  t: { organisationId: string; regionId: string | null; isSelf: boolean },
): boolean {
  if (isAdmin(actor) || isRegionCoordinator(actor, t.regionId)) return true;
  return t.isSelf && isMemberOf(actor, t.organisationId);
}

export function canEditOffer(actor: Actor, o: Pick<OfferScope, 'organisationId' | 'regionId'>): boolean {
  return isAdmin(actor) || isRegionCoordinator(actor, o.regionId) || isMemberOf(actor, o.organisationId);
}

export function canReadOffer(actor: Actor, o: OfferScope): boolean {
  return (o.isActive && o.organisationIsPublic) || canEditOffer(actor, o);
}

export function canReadPeriod(actor: Actor, p: PeriodScope): boolean {
  return (
    canPlanPeriod(actor, p) ||
    isMemberOf(actor, p.teacher.organisationId) ||
    isMemberOf(actor, p.hostOrganisationId) ||
    isRegionCoordinator(actor, p.hostRegionId)
  );
}

/** Plan a period, change its dates, goals and status. */
export function canPlanPeriod(actor: Actor, p: Pick<PeriodScope, 'teacher'>): boolean {
  return canEditTeacher(actor, p.teacher);
}

/** Set who supervises: whoever plans, and the host organisation's members. */
export function canSetSupervisor(actor: Actor, p: PeriodScope): boolean {
  return canPlanPeriod(actor, p) || isMemberOf(actor, p.hostOrganisationId);
}

export function canWriteFollowUp(actor: Actor, p: Pick<PeriodScope, 'teacher'>): boolean {
  return isAdmin(actor) || isSelf(actor, p.teacher.userId);
}

export function canReadInterests(actor: Actor, provider: ProviderScope): boolean {
  return (
    isAdmin(actor) ||
    isRegionCoordinator(actor, provider.regionId) ||
    isMemberOf(actor, provider.organisationId)
  );
}
