import type { AnswerRow, RespondentListRow, RoundRow } from '../../db/queries/skills.ts';
import type { ProgrammeWithOrganisation } from '../../db/queries/training-programmes.ts';
import { respondentStatus, type RoundStats } from '../../domain/skills/survey.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentRound(round: RoundRow, canManage: boolean) {
  return {
    id: round.id,
    title: round.title,
    intro: round.intro,
    regionId: round.regionId,
    status: round.status,
    instrument: round.instrument,
    opensAt: iso(round.opensAt),
    closesAt: iso(round.closesAt),
    createdAt: round.createdAt.toISOString(),
    updatedAt: round.updatedAt.toISOString(),
    canManage,
  };
}

export function presentRoundDetail(round: RoundRow, canManage: boolean, stats: RoundStats | null) {
  return { ...presentRound(round, canManage), stats };
}

export function presentRespondent(r: RespondentListRow, now: Date) {
  return {
    respondentId: r.id,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    email: r.email,
    language: r.language,
    status: respondentStatus(r, now),
    remindersSent: r.remindersSent,
    expiresAt: r.expiresAt.toISOString(),
    startedAt: iso(r.startedAt),
    submittedAt: iso(r.submittedAt),
  };
}

export function presentAnswer(a: AnswerRow) {
  return {
    roleId: a.roleId,
    skillIds: a.skillIds,
    eqfLevel: a.eqfLevel,
    regionId: a.regionId,
    headcountNow: a.headcountNow,
    headcount1to3: a.headcount1to3,
    headcount3to5: a.headcount3to5,
    recruitmentDifficulty: a.recruitmentDifficulty,
    freeText: a.freeText,
  };
}

export function presentProgramme(p: ProgrammeWithOrganisation, canEdit: boolean) {
  return {
    id: p.id,
    organisationId: p.organisationId,
    organisationName: p.organisationName,
    kind: p.kind,
    name: p.name,
    level: p.level,
    eqfLevel: p.eqfLevel,
    regionId: p.regionId,
    yearlyIntake: p.yearlyIntake,
    yearlyGraduates: p.yearlyGraduates,
    roleIds: p.roleIds,
    competenceIds: p.competenceIds,
    credits: p.credits,
    creditUnit: p.creditUnit,
    language: p.language,
    url: p.url,
    isPublic: p.isPublic,
    sources: p.sources,
    delivery: p.delivery,
    workBasedShare: p.workBasedShare,
    learningOutcomes: p.learningOutcomes,
    canEdit,
  };
}
