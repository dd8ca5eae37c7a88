import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError } from '../../domain/errors.ts';
import type { SupplyProgramme } from '../../domain/skills/gap-cube.ts';
import type { Db } from '../create-db.ts';
import { organisations, trainingProgrammes } from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';

/** Training supply: programmes and modules of institutions. */

export type ProgrammeRow = typeof trainingProgrammes.$inferSelect;
export type ProgrammeWithOrganisation = ProgrammeRow & {
  organisationName: string;
  organisationRegionId: string | null;
};
export type ProgrammeValues = Omit<ProgrammeRow, 'createdAt' | 'updatedAt'>;

const withOrganisation = {
  programme: trainingProgrammes,
  organisationName: organisations.name,
  organisationRegionId: organisations.regionId,
};

function flatten(
  rows: { programme: ProgrammeRow; organisationName: string; organisationRegionId: string | null }[],
) {
  return rows.map((r) => ({
    ...r.programme,
    organisationName: r.organisationName,
    organisationRegionId: r.organisationRegionId,
  }));
}

export async function listProgrammes(
  db: Db,
  filter: { regionId?: string; level?: string; organisationId?: string },
): Promise<ProgrammeWithOrganisation[]> {
  const conditions: SQL[] = [];
  if (filter.regionId) conditions.push(eq(trainingProgrammes.regionId, filter.regionId));
  if (filter.level) conditions.push(eq(trainingProgrammes.level, filter.level as ProgrammeRow['level']));
  if (filter.organisationId) conditions.push(eq(trainingProgrammes.organisationId, filter.organisationId));
  const rows = await db
    .select(withOrganisation)
    .from(trainingProgrammes)
    .innerJoin(organisations, eq(organisations.id, trainingProgrammes.organisationId))
    .where(and(...conditions))
    .orderBy(asc(organisations.name), asc(trainingProgrammes.eqfLevel), asc(trainingProgrammes.id));
  return flatten(rows);
}

export async function findProgramme(db: Db, id: string): Promise<ProgrammeWithOrganisation | null> {
  const rows = await db
    .select(withOrganisation)
    .from(trainingProgrammes)
    .innerJoin(organisations, eq(organisations.id, trainingProgrammes.organisationId))
    .where(eq(trainingProgrammes.id, id))
    .limit(1);
  return flatten(rows)[0] ?? null;
}

export async function findOrganisationScope(db: Db, id: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, regionId: organisations.regionId })
    .from(organisations)
    .where(eq(organisations.id, id))
    .limit(1);
  return row ?? null;
}

export async function insertProgramme(tx: Db, actor: Actor, values: ProgrammeValues): Promise<ProgrammeRow> {
  const [existing] = await tx
    .select({ id: trainingProgrammes.id })
    .from(trainingProgrammes)
    .where(eq(trainingProgrammes.id, values.id));
  if (existing) throw new AppError('conflict', `A programme with the id "${values.id}" exists already`);
  const [row] = await tx.insert(trainingProgrammes).values(values).returning();
  await recordAudit(tx, {
    actor,
    action: 'create',
    entity: 'training_programme',
    entityId: values.id,
    changes: values,
  });
  return row!;
}

export async function updateProgramme(
  tx: Db,
  actor: Actor,
  before: ProgrammeRow,
  set: Partial<ProgrammeValues>,
): Promise<ProgrammeRow> {
  const changes = diffFields(before as unknown as Record<string, unknown>, set as Record<string, unknown>);
  if (Object.keys(changes).length === 0) return before;
  const [row] = await tx
    .update(trainingProgrammes)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(trainingProgrammes.id, before.id))
    .returning();
  await recordAudit(tx, {
    actor,
    action: 'update',
    entity: 'training_programme',
    entityId: before.id,
    changes,
  });
  return row!;
}

export async function deleteProgramme(tx: Db, actor: Actor, before: ProgrammeRow): Promise<void> {
  await tx.delete(trainingProgrammes).where(eq(trainingProgrammes.id, before.id));
  await recordAudit(tx, {
    actor,
    action: 'delete',
    entity: 'training_programme',
    entityId: before.id,
    changes: { organisationId: before.organisationId, name: before.name },
  });
}

/** What supply counts: public programmes (gap-definitions.ts). */
export async function loadSupplyProgrammes(db: Db): Promise<SupplyProgramme[]> {
  return db
    .select({
      roleIds: trainingProgrammes.roleIds,
      eqfLevel: trainingProgrammes.eqfLevel,
      regionId: trainingProgrammes.regionId,
      yearlyGraduates: trainingProgrammes.yearlyGraduates,
    })
    .from(trainingProgrammes)
    .where(eq(trainingProgrammes.isPublic, true));
}
