import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../domain/auth/roles.ts';
import type { TrainingLevel } from '../../domain/skills/gap-definitions.ts';
import { LEVEL_ORDER } from '../../domain/training/path-validation.ts';
import type { Db } from '../create-db.ts';
import {
  concepts,
  organisations,
  trainingPaths,
  trainingPathSteps,
  trainingProgrammes,
} from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';
import type { ProgrammeWithOrganisation } from './training-programmes.ts';

/** Training paths: modules (training programmes) joined by prerequisites (issue 7). */

export type PathRow = typeof trainingPaths.$inferSelect;
export type PathStepRow = typeof trainingPathSteps.$inferSelect;
export type PathValues = Omit<PathRow, 'createdAt' | 'updatedAt'>;
export type PathWithSteps = PathRow & { steps: PathStepRow[] };

export type PathListRow = PathRow & { stepCount: number; levels: TrainingLevel[] };

/** Every path with its number of steps and the levels of its modules. */
export async function listPaths(db: Db): Promise<PathListRow[]> {
  const rows = await db
    .select()
    .from(trainingPaths)
    .orderBy(asc(trainingPaths.createdAt), asc(trainingPaths.id));
  const steps = await db
    .select({ pathId: trainingPathSteps.pathId, level: trainingProgrammes.level })
    .from(trainingPathSteps)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingPathSteps.programmeId));
  const counts = new Map<string, number>();
  const levels = new Map<string, Set<TrainingLevel>>();
  for (const s of steps) {
    counts.set(s.pathId, (counts.get(s.pathId) ?? 0) + 1);
    levels.set(s.pathId, (levels.get(s.pathId) ?? new Set()).add(s.level));
  }
  return rows.map((r) => ({
    ...r,
    stepCount: counts.get(r.id) ?? 0,
    levels: LEVEL_ORDER.filter((l) => levels.get(r.id)?.has(l)),
  }));
}

export async function findPath(db: Db, id: string): Promise<PathWithSteps | null> {
  const [row] = await db.select().from(trainingPaths).where(eq(trainingPaths.id, id)).limit(1);
  if (!row) return null;
  const steps = await db
    .select()
    .from(trainingPathSteps)
    .where(eq(trainingPathSteps.pathId, id))
    .orderBy(asc(trainingPathSteps.position), asc(trainingPathSteps.programmeId));
  return { ...row, steps };
}

export async function pathExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: trainingPaths.id }).from(trainingPaths).where(eq(trainingPaths.id, id));
  return Boolean(row);
}

export async function insertPath(tx: Db, actor: Actor, values: PathValues): Promise<PathRow> {
  const [row] = await tx.insert(trainingPaths).values(values).returning();
  await recordAudit(tx, {
    actor,
    action: 'create',
    entity: 'training_path',
    entityId: values.id,
    changes: values,
  });
  return row!;
}

export async function updatePath(
  tx: Db,
  actor: Actor,
  before: PathRow,
  set: Partial<Omit<PathValues, 'id' | 'createdBy'>>,
): Promise<void> {
  const changes = diffFields(before as unknown as Record<string, unknown>, set as Record<string, unknown>);
  if (Object.keys(changes).length === 0) return;
  await tx
    .update(trainingPaths)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(trainingPaths.id, before.id));
  await recordAudit(tx, { actor, action: 'update', entity: 'training_path', entityId: before.id, changes });
}

export async function deletePath(tx: Db, actor: Actor, before: PathRow): Promise<void> {
  await tx.delete(trainingPaths).where(eq(trainingPaths.id, before.id));
  await recordAudit(tx, {
    actor,
    action: 'delete',
    entity: 'training_path',
    entityId: before.id,
    changes: { title: before.title, status: before.status },
  });
}

/** Replaces the whole graph of a path (one audit row with the old and new steps). */
export async function replacePathSteps(
  tx: Db,
  actor: Actor,
  path: PathWithSteps,
  steps: readonly { programmeId: string; prerequisiteIds: readonly string[] }[],
): Promise<void> {
  await tx.delete(trainingPathSteps).where(eq(trainingPathSteps.pathId, path.id));
  if (steps.length)
    await tx.insert(trainingPathSteps).values(
      steps.map((s, position) => ({
        pathId: path.id,
        programmeId: s.programmeId,
        prerequisiteIds: [...s.prerequisiteIds],
        position,
      })),
    );
  await tx.update(trainingPaths).set({ updatedAt: new Date() }).where(eq(trainingPaths.id, path.id));
  await recordAudit(tx, {
    actor,
    action: 'update',
    entity: 'training_path',
    entityId: path.id,
    changes: {
      steps: {
        from: path.steps.map((s) => ({ programmeId: s.programmeId, prerequisiteIds: s.prerequisiteIds })),
        to: steps,
      },
    },
  });
}

/** Programmes and modules by id, with their institution (for steps, validation and the page). */
export async function findProgrammesByIds(
  db: Db,
  ids: readonly string[],
): Promise<ProgrammeWithOrganisation[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      programme: trainingProgrammes,
      organisationName: organisations.name,
      organisationRegionId: organisations.regionId,
    })
    .from(trainingProgrammes)
    .innerJoin(organisations, eq(organisations.id, trainingProgrammes.organisationId))
    .where(inArray(trainingProgrammes.id, [...new Set(ids)]));
  return rows.map((r) => ({
    ...r.programme,
    organisationName: r.organisationName,
    organisationRegionId: r.organisationRegionId,
  }));
}

/** The registry type of an organisation (who may start a path), null if it does not exist. */
export async function organisationType(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db
    .select({ type: organisations.type })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row?.type ?? null;
}

/** Public programmes of the network view, with their institution. */
export async function listPublicProgrammes(db: Db) {
  return db
    .select({
      id: trainingProgrammes.id,
      organisationId: trainingProgrammes.organisationId,
      organisationName: organisations.name,
      level: trainingProgrammes.level,
      eqfLevel: trainingProgrammes.eqfLevel,
      regionId: trainingProgrammes.regionId,
      competenceIds: trainingProgrammes.competenceIds,
    })
    .from(trainingProgrammes)
    .innerJoin(organisations, eq(organisations.id, trainingProgrammes.organisationId))
    .where(and(eq(trainingProgrammes.isPublic, true), eq(organisations.isPublic, true)));
}

/** The concepts of a scheme with their parents (to roll competences up to their area). */
export async function schemeTree(db: Db, scheme: string) {
  return db
    .select({ id: concepts.id, parentId: concepts.parentId, level: concepts.level, labels: concepts.labels })
    .from(concepts)
    .where(eq(concepts.scheme, scheme))
    .orderBy(asc(concepts.sortOrder));
}
