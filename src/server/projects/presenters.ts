import type { CallWithUse, InstrumentRow } from '../../db/queries/funding-calls.ts';
import { type ProjectBundle, projectScope } from '../../db/queries/projects.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { consortiumBudget } from '../../domain/projects/budget.ts';
import { allowedStages } from '../../domain/projects/pipeline.ts';
import { canEditProject } from '../../domain/projects/project-permissions.ts';

export function presentInstrument(row: InstrumentRow) {
  return {
    id: row.id,
    name: row.name,
    funder: row.funder,
    track: row.track,
    actionType: row.actionType,
    url: row.url,
    sources: row.sources,
  };
}

export function presentCall(row: Omit<CallWithUse, 'projectCount'> & { projectCount?: number }) {
  return {
    id: row.id,
    instrumentId: row.instrumentId,
    topicId: row.topicId,
    title: row.title,
    description: row.description,
    deadline: row.deadline?.toISOString() ?? null,
    actionType: row.actionType,
    budgetEur: row.budgetEur,
    url: row.url,
    conceptIds: row.conceptIds,
    projectCount: row.projectCount ?? 0,
  };
}

/**
 * The money of a project: the grant of its budget sketch (budget.ts; associated partners and
 * partners outside the Member States and Associated Countries get none) and what it applies for —
 * its own figure when set, else that grant.
 */
export function projectMoney(bundle: ProjectBundle, programmeCountries: ReadonlySet<string>) {
  const actionType = bundle.call?.actionType ?? bundle.instrument?.actionType ?? null;
  const budgetGrantEur =
    bundle.partners.length === 0
      ? null
      : consortiumBudget(
          bundle.partners.map((p) => ({
            personnelEur: p.personnelEur,
            subcontractingEur: p.subcontractingEur,
            otherEur: p.otherEur,
            isNonProfit: p.isNonProfit,
            funded: p.role !== 'associated_partner' && programmeCountries.has(p.country),
          })),
          actionType,
        ).totals.grantEur;
  return { budgetGrantEur, appliedEur: bundle.project.requestedEur ?? budgetGrantEur };
}

export function presentProject(bundle: ProjectBundle, actor: Actor, programmeCountries: ReadonlySet<string>) {
  const { project, instrument, call, partners } = bundle;
  return {
    id: project.id,
    title: project.title,
    summary: project.summary,
    stage: project.stage,
    sourceClusterId: project.sourceClusterId,
    challengeIds: project.challengeIds,
    regionIds: project.regionIds,
    conceptIds: project.conceptIds,
    createdAt: project.createdAt.toISOString(),
    stageChangedAt: project.stageChangedAt.toISOString(),
    instrument: instrument
      ? {
          id: instrument.id,
          name: instrument.name,
          track: instrument.track,
          actionType: instrument.actionType,
        }
      : null,
    call: call
      ? {
          id: call.id,
          title: call.title,
          topicId: call.topicId,
          deadline: call.deadline?.toISOString() ?? null,
          actionType: call.actionType,
        }
      : null,
    deadline: call?.deadline?.toISOString() ?? null,
    partnerCount: partners.length,
    coordinatorName: partners.find((p) => p.role === 'coordinator')?.name ?? null,
    requestedEur: project.requestedEur,
    grantedEur: project.grantedEur,
    ...projectMoney(bundle, programmeCountries),
    workPackageCount: project.workPackages.length,
    canEdit: canEditProject(actor, projectScope(bundle)),
  };
}

export function presentProjectDetail(
  bundle: ProjectBundle,
  actor: Actor,
  programmeCountries: ReadonlySet<string>,
) {
  return {
    ...presentProject(bundle, actor, programmeCountries),
    workPackages: bundle.project.workPackages,
    partners: bundle.partners.map((p) => ({ id: p.id, name: p.name, country: p.country, role: p.role })),
    nextStages: allowedStages(bundle.project.stage),
  };
}
