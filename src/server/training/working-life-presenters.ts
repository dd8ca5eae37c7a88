import type { OfferWithHost, PeriodWithParties, TeacherWithScope } from '../../db/queries/working-life.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { DEMO_TEACHER_PREFIX, effectiveStatus, followUpProblem } from '../../domain/training/working-life.ts';
import {
  canEditOffer,
  canEditTeacher,
  canPlanPeriod,
  canSetSupervisor,
  canWriteFollowUp,
  type PeriodScope,
} from '../../domain/training/working-life-permissions.ts';

/** The output shapes of teachers, host offers and periods (see working-life-schema.ts). */

/** The demo's teachers are invented persons (data/demo/working-life.json): the pages say so. */
export const isDemoTeacher = (id: string) => id.startsWith(DEMO_TEACHER_PREFIX);

export function teacherScope(t: TeacherWithScope) {
  return {
    userId: t.userId,
    organisationId: t.organisationId,
    regionId: t.effectiveRegionId,
    hostOrganisationIds: t.hostOrganisationIds,
  };
}

export function presentTeacher(t: TeacherWithScope, actor: Actor) {
  return {
    id: t.id,
    name: t.name,
    email: t.email,
    organisationId: t.organisationId,
    organisationName: t.organisationName,
    regionId: t.effectiveRegionId,
    subjects: t.subjects,
    developmentGoals: t.developmentGoals,
    conceptIds: t.conceptIds,
    languages: t.languages,
    isMine: actor.kind === 'user' && t.userId === actor.userId,
    illustrative: isDemoTeacher(t.id),
    canEdit: canEditTeacher(actor, teacherScope(t)),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function presentOffer(o: OfferWithHost, actor: Actor) {
  return {
    id: o.id,
    organisationId: o.organisationId,
    organisationName: o.organisationName,
    regionId: o.regionId,
    title: o.title,
    description: o.description,
    conceptIds: o.conceptIds,
    languages: o.languages,
    capacity: o.capacity,
    durationWeeks: o.durationWeeks,
    availableFrom: o.availableFrom,
    availableTo: o.availableTo,
    isActive: o.isActive,
    canEdit: canEditOffer(actor, o),
  };
}

export function periodScope(p: PeriodWithParties): PeriodScope {
  return {
    teacher: {
      userId: p.teacherUserId,
      organisationId: p.teacherOrganisationId,
      regionId: p.teacherRegionId,
    },
    hostOrganisationId: p.hostOrganisationId,
    hostRegionId: p.hostRegionId,
  };
}

export function presentPeriod(p: PeriodWithParties, actor: Actor, today: string) {
  const scope = periodScope(p);
  return {
    id: p.id,
    teacherId: p.teacherId,
    teacherName: p.teacherName,
    teacherOrganisationId: p.teacherOrganisationId,
    teacherOrganisationName: p.teacherOrganisationName,
    teacherRegionId: p.teacherRegionId,
    offerId: p.offerId,
    offerTitle: p.offerTitle,
    hostOrganisationId: p.hostOrganisationId,
    hostOrganisationName: p.hostOrganisationName,
    hostRegionId: p.hostRegionId,
    status: p.status,
    currentStatus: effectiveStatus(p, today),
    startDate: p.startDate,
    endDate: p.endDate,
    goals: p.goals,
    supervisorName: p.supervisorName,
    supervisorEmail: p.supervisorEmail,
    followUp: p.followUp,
    followUpOpen: followUpProblem(p, today) === null,
    canPlan: canPlanPeriod(actor, scope),
    canSetSupervisor: canSetSupervisor(actor, scope),
    canWriteFollowUp: canWriteFollowUp(actor, scope),
  };
}
