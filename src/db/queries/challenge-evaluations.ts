import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { UserActor } from '../../domain/auth/roles.ts';
import type { CriterionInput, CriterionPatch, Scores } from '../../domain/challenges/evaluation.ts';
import type { ChallengeVisibility } from '../../domain/challenges/visibility.ts';
import { notFound } from '../../domain/errors.ts';
import type { Db } from '../create-db.ts';
import { challengeEvaluations, challenges, evaluationCriteria } from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';
import {
  addHistory,
  type ChallengeFilter,
  type ChallengeRow,
  challengeConditions,
  lockChallenge,
} from './challenges.ts';

export type CriterionRow = typeof evaluationCriteria.$inferSelect;

export async function listCriteria(db: Db): Promise<CriterionRow[]> {
  return db
    .select()
    .from(evaluationCriteria)
    .orderBy(asc(evaluationCriteria.position), asc(evaluationCriteria.createdAt), asc(evaluationCriteria.id));
}

export async function createCriterion(
  db: Db,
  actor: UserActor,
  input: CriterionInput,
): Promise<CriterionRow> {
  return db.transaction(async (tx) => {
    const [last] = await tx
      .select({ max: sql<number | null>`max(${evaluationCriteria.position})` })
      .from(evaluationCriteria);
    const values = {
      id: randomUUID(),
      label: input.label,
      description: { fi: '', sv: '', en: '', ...input.description },
      weight: input.weight,
      maxScore: input.maxScore,
      position: input.position ?? Number(last?.max ?? 0) + 1,
      active: input.active,
    };
    const [row] = await tx.insert(evaluationCriteria).values(values).returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'evaluation_criterion',
      entityId: values.id,
      changes: values,
    });
    return row!;
  });
}

export async function updateCriterion(
  db: Db,
  actor: UserActor,
  id: string,
  patch: CriterionPatch,
): Promise<CriterionRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(evaluationCriteria)
      .where(eq(evaluationCriteria.id, id))
      .for('update');
    if (!before) throw notFound('Evaluation criterion');
    const next = {
      ...patch,
      label: patch.label ? { ...before.label, ...patch.label } : undefined,
      description: patch.description ? { ...before.description, ...patch.description } : undefined,
    };
    const changes = diffFields(before as unknown as Record<string, unknown>, next as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return before;
    const [row] = await tx
      .update(evaluationCriteria)
      .set(next)
      .where(eq(evaluationCriteria.id, id))
      .returning();
    await recordAudit(tx, { actor, action: 'update', entity: 'evaluation_criterion', entityId: id, changes });
    return row!;
  });
}

/** Scores already given on it stay stored but no longer count (like a deactivated criterion). */
export async function deleteCriterion(db: Db, actor: UserActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(evaluationCriteria).where(eq(evaluationCriteria.id, id)).returning();
    if (!row) throw notFound('Evaluation criterion');
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entity: 'evaluation_criterion',
      entityId: id,
      changes: { label: row.label },
    });
  });
}

/** Everyone's scores (never their notes), and the asking evaluator's own scores and note. */
export async function loadEvaluations(db: Db, challengeId: string, evaluatorId: string) {
  const rows = await db
    .select({ evaluatorId: challengeEvaluations.evaluatorId, scores: challengeEvaluations.scores })
    .from(challengeEvaluations)
    .where(eq(challengeEvaluations.challengeId, challengeId));
  const [mine] = await db
    .select({ scores: challengeEvaluations.scores, note: challengeEvaluations.note })
    .from(challengeEvaluations)
    .where(
      and(
        eq(challengeEvaluations.challengeId, challengeId),
        eq(challengeEvaluations.evaluatorId, evaluatorId),
      ),
    );
  return { all: rows, mine: mine ?? null };
}

export async function saveEvaluation(
  db: Db,
  actor: UserActor,
  challengeId: string,
  input: { scores: Scores; note: string },
  check: (row: ChallengeRow) => void,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockChallenge(tx, challengeId, check, 'share');
    const values = { scores: input.scores, note: input.note, updatedAt: new Date() };
    await tx
      .insert(challengeEvaluations)
      .values({ challengeId, evaluatorId: actor.userId, ...values })
      .onConflictDoUpdate({
        target: [challengeEvaluations.challengeId, challengeEvaluations.evaluatorId],
        set: values,
      });
    // The history says that it was evaluated; the scores and the private note stay out of it.
    await addHistory(tx, challengeId, actor, 'evaluated');
    await recordAudit(tx, {
      actor,
      action: 'evaluate',
      entity: 'challenge',
      entityId: challengeId,
      changes: { scores: input.scores, noteLength: input.note.length },
    });
  });
}

/** Every evaluation's scores of the visible, filtered challenges, by challenge id. */
export async function loadEvaluationScores(
  db: Db,
  v: ChallengeVisibility,
  filter: Pick<ChallengeFilter, 'regionId' | 'status'>,
): Promise<Map<string, { scores: Scores }[]>> {
  const evaluations = await db
    .select({ challengeId: challengeEvaluations.challengeId, scores: challengeEvaluations.scores })
    .from(challengeEvaluations)
    .innerJoin(challenges, eq(challenges.id, challengeEvaluations.challengeId))
    .where(challengeConditions(v, filter))
    // Oldest challenge first: the ranking's order among equal scores.
    .orderBy(asc(challenges.createdAt), asc(challenges.id));
  const scores = new Map<string, { scores: Scores }[]>();
  for (const e of evaluations) {
    const list = scores.get(e.challengeId) ?? [];
    list.push({ scores: e.scores });
    scores.set(e.challengeId, list);
  }
  return scores;
}
