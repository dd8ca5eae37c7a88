import { randomUUID } from 'node:crypto';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { UserActor } from '../../domain/auth/roles.ts';
import { projectStatusProblem } from '../../domain/challenges/challenge.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { type ProjectStage, STAGE_PROBLEM_MESSAGE, stageProblem } from '../../domain/projects/pipeline.ts';
import type { ProjectScope } from '../../domain/projects/project-permissions.ts';
import type { Db } from '../create-db.ts';
import {
  challenges,
  fundingCalls,
  fundingInstruments,
  projectPartners,
  projects,
  type WorkPackage,
} from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';
import type { CallRow, InstrumentRow } from './funding-calls.ts';
import { addHistory, type ChallengeRow } from './challenges.ts';
import { notifyChallenge } from './notifications.ts';

export type ProjectRow = typeof projects.$inferSelect;

export type ProjectInput = {
  title: string;
  summary: string;
  sourceClusterId: string | null;
  challengeIds: string[];
};

/**
 * A project idea from challenges (typically the members of a common challenge). Its regions and
 * concepts are those of its challenges; each challenge goes to status in_project, with a history
 * row and a notification to its followers. `check` sees each locked challenge (permissions).
 */
export async function createProject(
  db: Db,
  actor: UserActor,
  input: ProjectInput,
  check: (row: ChallengeRow, index: number) => void,
): Promise<ProjectRow> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(challenges)
      .where(inArray(challenges.id, input.challengeIds))
      .orderBy(asc(challenges.id))
      .for('update');
    const byId = new Map(rows.map((r) => [r.id, r]));
    const members = input.challengeIds.map((id, i) => {
      const row = byId.get(id);
      if (!row) throw unknownChallenge(i, 'No such challenge');
      check(row, i);
      const problem = projectStatusProblem(row.status);
      if (problem) throw unknownChallenge(i, problem);
      return row;
    });
    const id = randomUUID();
    const [project] = await tx
      .insert(projects)
      .values({
        id,
        title: input.title,
        summary: input.summary,
        sourceClusterId: input.sourceClusterId,
        challengeIds: input.challengeIds,
        regionIds: [...new Set(members.flatMap((m) => (m.regionId ? [m.regionId] : [])))].sort(),
        conceptIds: [...new Set(members.flatMap((m) => m.conceptIds))],
        createdBy: actor.userId,
      })
      .returning();
    await tx
      .update(challenges)
      .set({ status: 'in_project', updatedAt: new Date() })
      .where(inArray(challenges.id, input.challengeIds));
    for (const member of members) {
      await addHistory(tx, member.id, actor, 'added_to_project', {
        projectId: id,
        projectTitle: input.title,
        from: member.status,
        to: 'in_project',
      });
      await notifyChallenge(tx, {
        challenge: { ...member, status: 'in_project' },
        actorUserId: actor.userId,
        event: { kind: 'challenge_in_project', projectId: id, projectTitle: input.title },
      });
    }
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'project',
      entityId: id,
      changes: { ...input },
    });
    return project!;
  });
}

function unknownChallenge(index: number, message: string): AppError {
  return new AppError('validation_failed', message, [{ path: ['challengeIds', String(index)], message }]);
}

export async function listProjects(db: Db): Promise<ProjectRow[]> {
  return db.select().from(projects).orderBy(desc(projects.createdAt), asc(projects.id));
}

export async function findProject(db: Db, id: string): Promise<ProjectRow> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id)).limit(1);
  if (!row) throw notFound('Project');
  return row;
}

export type ProjectPartnerRow = typeof projectPartners.$inferSelect;

/** A project with what the pipeline shows beside it: instrument, call and consortium. */
export type ProjectBundle = {
  project: ProjectRow;
  instrument: InstrumentRow | null;
  call: CallRow | null;
  partners: ProjectPartnerRow[];
};

/** Who may edit a project (project-permissions.ts): its creator, regions and coordinator partner. */
export function projectScope(bundle: Pick<ProjectBundle, 'project' | 'partners'>): ProjectScope {
  const coordinator = bundle.partners.find((p) => p.role === 'coordinator' && p.organisationId);
  return {
    createdBy: bundle.project.createdBy,
    regionIds: bundle.project.regionIds,
    coordinatorOrganisationId: coordinator?.organisationId ?? null,
  };
}

/**
 * Projects (all, or those of `ids`) with their instrument, call and partners, newest first. Four
 * queries whatever the number of projects (a network has tens of them, not thousands).
 */
export async function loadProjectBundles(db: Db, ids?: string[]): Promise<ProjectBundle[]> {
  const rows = await db
    .select()
    .from(projects)
    .where(ids ? inArray(projects.id, ids) : undefined)
    .orderBy(desc(projects.createdAt), asc(projects.id));
  if (rows.length === 0) return [];
  const projectIds = rows.map((r) => r.id);
  const instrumentIds = [...new Set(rows.flatMap((r) => (r.instrumentId ? [r.instrumentId] : [])))];
  const callIds = [...new Set(rows.flatMap((r) => (r.callId ? [r.callId] : [])))];
  const [instruments, calls, partners] = await Promise.all([
    instrumentIds.length
      ? db.select().from(fundingInstruments).where(inArray(fundingInstruments.id, instrumentIds))
      : [],
    callIds.length ? db.select().from(fundingCalls).where(inArray(fundingCalls.id, callIds)) : [],
    db
      .select()
      .from(projectPartners)
      .where(inArray(projectPartners.projectId, projectIds))
      .orderBy(asc(projectPartners.position), asc(projectPartners.createdAt), asc(projectPartners.id)),
  ]);
  const instrumentById = new Map(instruments.map((i) => [i.id, i]));
  const callById = new Map(calls.map((c) => [c.id, c]));
  const partnersOf = new Map<string, ProjectPartnerRow[]>();
  for (const p of partners) partnersOf.set(p.projectId, [...(partnersOf.get(p.projectId) ?? []), p]);
  return rows.map((project) => ({
    project,
    instrument: project.instrumentId ? (instrumentById.get(project.instrumentId) ?? null) : null,
    call: project.callId ? (callById.get(project.callId) ?? null) : null,
    partners: partnersOf.get(project.id) ?? [],
  }));
}

export async function findProjectBundle(db: Db, id: string): Promise<ProjectBundle> {
  const [bundle] = await loadProjectBundles(db, [id]);
  if (!bundle) throw notFound('Project');
  return bundle;
}

export type ProjectPatch = {
  title?: string;
  summary?: string;
  instrumentId?: string | null;
  callId?: string | null;
  requestedEur?: number | null;
  grantedEur?: number | null;
  workPackages?: WorkPackage[];
};

function invalid(path: string[], message: string): AppError {
  return new AppError('validation_failed', message, [{ path, message }]);
}

/** Locks a project and answers it with its partners, after `check` (permissions) saw it. */
async function lockProject(
  tx: Db,
  id: string,
  check: (bundle: Pick<ProjectBundle, 'project' | 'partners'>) => void,
): Promise<{ project: ProjectRow; partners: ProjectPartnerRow[] }> {
  const [project] = await tx.select().from(projects).where(eq(projects.id, id)).for('update');
  if (!project) throw notFound('Project');
  const partners = await tx.select().from(projectPartners).where(eq(projectPartners.projectId, id));
  check({ project, partners });
  return { project, partners };
}

/**
 * Changes a project's fields. A call brings its instrument (a call of another instrument than the
 * one given is refused); a changed call resets the deadline reminders; a work package's lead must
 * be one of the project's partners.
 */
export async function updateProject(
  db: Db,
  actor: UserActor,
  id: string,
  patch: ProjectPatch,
  check: (bundle: Pick<ProjectBundle, 'project' | 'partners'>) => void,
): Promise<ProjectRow> {
  return db.transaction(async (tx) => {
    const { project: before, partners } = await lockProject(tx, id, check);
    const values: Partial<typeof projects.$inferInsert> = { ...patch };
    if (patch.instrumentId) {
      const [found] = await tx
        .select({ id: fundingInstruments.id })
        .from(fundingInstruments)
        .where(eq(fundingInstruments.id, patch.instrumentId));
      if (!found) throw invalid(['instrumentId'], 'No such instrument');
    }
    if (patch.callId) {
      const [call] = await tx.select().from(fundingCalls).where(eq(fundingCalls.id, patch.callId));
      if (!call) throw invalid(['callId'], 'No such call');
      if (patch.instrumentId && patch.instrumentId !== call.instrumentId)
        throw invalid(['callId'], 'The call belongs to another instrument');
      values.instrumentId = call.instrumentId;
    } else if (patch.instrumentId !== undefined && patch.callId === undefined && before.callId) {
      // A new instrument drops a call of another instrument.
      const [call] = await tx.select().from(fundingCalls).where(eq(fundingCalls.id, before.callId));
      if (call && call.instrumentId !== patch.instrumentId) values.callId = null;
    }
    if (patch.workPackages) {
      const partnerIds = new Set(partners.map((p) => p.id));
      patch.workPackages.forEach((wp, i) => {
        if (wp.leadPartnerId && !partnerIds.has(wp.leadPartnerId))
          throw invalid(['workPackages', String(i), 'leadPartnerId'], 'Not a partner of this project');
      });
    }
    if (values.callId !== undefined && values.callId !== before.callId) values.deadlineRemindersSent = [];
    const changes = diffFields(before as Record<string, unknown>, values as Record<string, unknown>);
    delete changes.deadlineRemindersSent;
    const [row] = await tx
      .update(projects)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(projects.id, id))
      .returning();
    await recordAudit(tx, { actor, action: 'update', entity: 'project', entityId: id, changes });
    return row!;
  });
}

/** Moves a project to `to` (pipeline.ts transitions); `grantedEur` is recorded with it when given. */
export async function changeProjectStage(
  db: Db,
  actor: UserActor,
  id: string,
  input: { stage: ProjectStage; grantedEur?: number | undefined },
  check: (bundle: Pick<ProjectBundle, 'project' | 'partners'>) => void,
): Promise<ProjectRow> {
  return db.transaction(async (tx) => {
    const { project: before } = await lockProject(tx, id, check);
    const granted = input.grantedEur ?? before.grantedEur;
    const problem = stageProblem(before.stage, input.stage, granted);
    if (problem)
      throw new AppError(
        problem === 'granted_required' ? 'validation_failed' : 'conflict',
        STAGE_PROBLEM_MESSAGE[problem],
        [
          {
            path: [problem === 'granted_required' ? 'grantedEur' : 'stage'],
            message: STAGE_PROBLEM_MESSAGE[problem],
          },
        ],
      );
    const [row] = await tx
      .update(projects)
      .set({
        stage: input.stage,
        stageChangedAt: new Date(),
        updatedAt: new Date(),
        ...(input.grantedEur !== undefined ? { grantedEur: input.grantedEur } : {}),
      })
      .where(eq(projects.id, id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'stage',
      entity: 'project',
      entityId: id,
      changes: {
        stage: { from: before.stage, to: input.stage },
        ...(input.grantedEur !== undefined
          ? { grantedEur: { from: before.grantedEur, to: input.grantedEur } }
          : {}),
      },
    });
    return row!;
  });
}
