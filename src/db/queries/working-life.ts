import { randomUUID } from 'node:crypto';
import { aliasedTable, and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { PeriodFollowUp, PeriodStatus } from '../schema/training-paths.ts';
import type { Db } from '../create-db.ts';
import { hostOffers, organisations, teachers, workingLifePeriods } from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';

/** Teachers, host offers and working-life periods (issue 7). Every write: one transaction, one audit row. */

export type TeacherRow = typeof teachers.$inferSelect;
export type OfferRow = typeof hostOffers.$inferSelect;
export type PeriodRow = typeof workingLifePeriods.$inferSelect;

export type TeacherWithScope = TeacherRow & {
  organisationName: string;
  /** The teacher's region, else the organisation's. */
  effectiveRegionId: string | null;
  hostOrganisationIds: string[];
};
export type OfferWithHost = OfferRow & { organisationName: string; organisationIsPublic: boolean };
export type PeriodWithParties = PeriodRow & {
  teacherName: string;
  teacherUserId: string | null;
  teacherOrganisationId: string;
  teacherOrganisationName: string;
  teacherRegionId: string | null;
  hostOrganisationName: string;
  hostIsPublic: boolean;
  hostRegionId: string | null;
  offerTitle: OfferRow['title'] | null;
};

const teacherOrg = aliasedTable(organisations, 'teacher_org');
const hostOrg = aliasedTable(organisations, 'host_org');

async function teachersWhere(db: Db, where?: ReturnType<typeof eq>): Promise<TeacherWithScope[]> {
  const rows = await db
    .select({
      teacher: teachers,
      organisationName: organisations.name,
      organisationRegionId: organisations.regionId,
      hostOrganisationIds: sql<string[]>`coalesce((select array_agg(distinct p.host_organisation_id)
        from working_life_periods p where p.teacher_id = ${teachers.id}), '{}')`,
    })
    .from(teachers)
    .innerJoin(organisations, eq(organisations.id, teachers.organisationId))
    .where(where)
    .orderBy(asc(teachers.name), asc(teachers.id));
  return rows.map((r) => ({
    ...r.teacher,
    organisationName: r.organisationName,
    effectiveRegionId: r.teacher.regionId ?? r.organisationRegionId,
    hostOrganisationIds: r.hostOrganisationIds ?? [],
  }));
}

export const listTeachers = (db: Db) => teachersWhere(db);

export async function findTeacher(db: Db, id: string): Promise<TeacherWithScope | null> {
  return (await teachersWhere(db, eq(teachers.id, id)))[0] ?? null;
}

export type TeacherValues = Omit<TeacherRow, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertTeacher(db: Db, actor: Actor, values: TeacherValues): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(teachers).values({ ...values, id });
    await recordAudit(tx, { actor, action: 'create', entity: 'teacher', entityId: id, changes: values });
  });
  return id;
}

export async function updateTeacher(db: Db, actor: Actor, id: string, set: Partial<TeacherValues>) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(teachers).where(eq(teachers.id, id)).for('update');
    if (!before) throw notFound('Teacher');
    const changes = diffFields(before as Record<string, unknown>, set as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(teachers)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(teachers.id, id));
    await recordAudit(tx, { actor, action: 'update', entity: 'teacher', entityId: id, changes });
  });
}

export async function deleteTeacher(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(teachers).where(eq(teachers.id, id)).returning({ id: teachers.id });
    if (!row) throw notFound('Teacher');
    // The profile is personal data: the audit row keeps no name.
    await recordAudit(tx, { actor, action: 'delete', entity: 'teacher', entityId: id });
  });
}

const offerColumns = {
  offer: hostOffers,
  organisationName: organisations.name,
  organisationIsPublic: organisations.isPublic,
};

export async function listOffers(db: Db): Promise<OfferWithHost[]> {
  const rows = await db
    .select(offerColumns)
    .from(hostOffers)
    .innerJoin(organisations, eq(organisations.id, hostOffers.organisationId))
    .orderBy(asc(organisations.name), asc(hostOffers.createdAt), asc(hostOffers.id));
  return rows.map((r) => ({
    ...r.offer,
    organisationName: r.organisationName,
    organisationIsPublic: r.organisationIsPublic,
  }));
}

export async function findOffer(db: Db, id: string): Promise<OfferWithHost | null> {
  const [r] = await db
    .select(offerColumns)
    .from(hostOffers)
    .innerJoin(organisations, eq(organisations.id, hostOffers.organisationId))
    .where(eq(hostOffers.id, id))
    .limit(1);
  return r
    ? { ...r.offer, organisationName: r.organisationName, organisationIsPublic: r.organisationIsPublic }
    : null;
}

export type OfferValues = Omit<OfferRow, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertOffer(db: Db, actor: Actor, values: OfferValues): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(hostOffers).values({ ...values, id });
    await recordAudit(tx, { actor, action: 'create', entity: 'host_offer', entityId: id, changes: values });
  });
  return id;
}

export async function updateOffer(db: Db, actor: Actor, id: string, set: Partial<OfferValues>) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(hostOffers).where(eq(hostOffers.id, id)).for('update');
    if (!before) throw notFound('Host offer');
    const after = { ...before, ...set };
    if (after.availableFrom && after.availableTo && after.availableFrom > after.availableTo)
      throw new AppError('validation_failed', 'The offer must end after it starts', [
        { path: ['availableTo'], message: 'The offer must end after it starts' },
      ]);
    const changes = diffFields(before as Record<string, unknown>, set as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(hostOffers)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(hostOffers.id, id));
    await recordAudit(tx, { actor, action: 'update', entity: 'host_offer', entityId: id, changes });
  });
}

export async function deleteOffer(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(hostOffers)
      .where(eq(hostOffers.id, id))
      .returning({ id: hostOffers.id, title: hostOffers.title, organisationId: hostOffers.organisationId });
    if (!row) throw notFound('Host offer');
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entity: 'host_offer',
      entityId: id,
      changes: { title: row.title, organisationId: row.organisationId },
    });
  });
}

async function periodsWhere(db: Db, where?: ReturnType<typeof eq>): Promise<PeriodWithParties[]> {
  const rows = await db
    .select({
      period: workingLifePeriods,
      teacherName: teachers.name,
      teacherUserId: teachers.userId,
      teacherOrganisationId: teachers.organisationId,
      teacherOrganisationName: teacherOrg.name,
      teacherRegionId: sql<string | null>`coalesce(${teachers.regionId}, ${teacherOrg.regionId})`,
      hostOrganisationName: hostOrg.name,
      hostIsPublic: hostOrg.isPublic,
      hostRegionId: sql<string | null>`coalesce(${hostOffers.regionId}, ${hostOrg.regionId})`,
      offerTitle: hostOffers.title,
    })
    .from(workingLifePeriods)
    .innerJoin(teachers, eq(teachers.id, workingLifePeriods.teacherId))
    .innerJoin(teacherOrg, eq(teacherOrg.id, teachers.organisationId))
    .innerJoin(hostOrg, eq(hostOrg.id, workingLifePeriods.hostOrganisationId))
    .leftJoin(hostOffers, eq(hostOffers.id, workingLifePeriods.offerId))
    .where(where)
    .orderBy(asc(workingLifePeriods.startDate), asc(workingLifePeriods.id));
  return rows.map(({ period, ...rest }) => ({ ...period, ...rest }));
}

export const listPeriods = (db: Db) => periodsWhere(db);

export async function findPeriod(db: Db, id: string): Promise<PeriodWithParties | null> {
  return (await periodsWhere(db, eq(workingLifePeriods.id, id)))[0] ?? null;
}

export type PeriodValues = Omit<PeriodRow, 'id' | 'createdAt' | 'updatedAt' | 'followUp' | 'status'>;

export async function insertPeriod(db: Db, actor: Actor, values: PeriodValues): Promise<string> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(workingLifePeriods).values({ ...values, id, status: 'planned' });
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'working_life_period',
      entityId: id,
      changes: {
        teacherId: values.teacherId,
        hostOrganisationId: values.hostOrganisationId,
        startDate: values.startDate,
        endDate: values.endDate,
      },
    });
  });
  return id;
}

export type PeriodSet = Partial<
  Pick<PeriodRow, 'status' | 'startDate' | 'endDate' | 'goals' | 'supervisorName' | 'supervisorEmail'>
> & {
  followUp?: PeriodFollowUp;
};

/**
 * Changes a period after `check` approves the locked row (status moves are judged on the
 * stored status, so two concurrent changes cannot both pass).
 */
export async function updatePeriod(
  db: Db,
  actor: Actor,
  id: string,
  set: PeriodSet,
  check: (before: PeriodRow) => void,
  action = 'update',
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(workingLifePeriods)
      .where(eq(workingLifePeriods.id, id))
      .for('update');
    if (!before) throw notFound('Working-life period');
    check(before);
    const changes = diffFields(before as Record<string, unknown>, set as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(workingLifePeriods)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(workingLifePeriods.id, id));
    await recordAudit(tx, { actor, action, entity: 'working_life_period', entityId: id, changes });
  });
}

/** Planned and ongoing periods per offer that overlap the dates (all of them without dates). */
export async function bookedPlaces(
  db: Db,
  window: { from: string | null; to: string | null },
): Promise<Map<string, number>> {
  const conditions = [
    inArray(workingLifePeriods.status, ['planned', 'ongoing'] satisfies PeriodStatus[]),
    sql`${workingLifePeriods.offerId} is not null`,
  ];
  if (window.to) conditions.push(sql`${workingLifePeriods.startDate} <= ${window.to}`);
  if (window.from) conditions.push(sql`${workingLifePeriods.endDate} >= ${window.from}`);
  const rows = await db
    .select({ offerId: workingLifePeriods.offerId, n: sql<number>`count(*)::int` })
    .from(workingLifePeriods)
    .where(and(...conditions))
    .groupBy(workingLifePeriods.offerId);
  return new Map(rows.map((r) => [r.offerId!, Number(r.n)]));
}

/** Each of the concepts and every ancestor of them, with its parent: what the match needs of the taxonomy. */
export async function conceptLineage(db: Db, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const result = await db.execute<{ id: string; parent_id: string | null }>(sql`
    with recursive lineage(id, parent_id) as (
      select id, parent_id from concepts where id = any(${sql.param(ids)}::text[])
      union
      select c.id, c.parent_id from concepts c join lineage l on c.id = l.parent_id
    )
    select id, parent_id from lineage`);
  const rows = (result as unknown as { rows: { id: string; parent_id: string | null }[] }).rows;
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}
