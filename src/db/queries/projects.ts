import { randomUUID } from 'node:crypto';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { UserActor } from '../../domain/auth/roles.ts';
import { projectStatusProblem } from '../../domain/challenges/challenge.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Db } from '../create-db.ts';
import { challenges, projects } from '../schema/index.ts';
import { recordAudit } from './audit.ts';
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
