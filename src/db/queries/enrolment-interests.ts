import { randomUUID } from 'node:crypto';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/auth/roles.ts';
import type { Db } from '../create-db.ts';
import { enrolmentInterests, organisations, trainingProgrammes } from '../schema/index.ts';
import { recordAudit } from './audit.ts';

/** Interest of member companies' employees in continuing-education offers (issue 7). */

export type InterestRow = typeof enrolmentInterests.$inferSelect;
export type InterestWithProgramme = InterestRow & {
  programmeName: (typeof trainingProgrammes.$inferSelect)['name'];
  providerOrganisationId: string;
  providerRegionId: string | null;
  organisationName: string | null;
};

export type InterestValues = Omit<InterestRow, 'id' | 'createdAt'>;

export async function insertInterest(db: Db, actor: Actor, values: InterestValues): Promise<InterestRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(enrolmentInterests)
      .values({ ...values, id: randomUUID() })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'enrolment_interest',
      entityId: row!.id,
      changes: {
        programmeId: values.programmeId,
        organisationId: values.organisationId,
        headcount: values.headcount,
      },
    });
    return row!;
  });
}

/** Every interest with its programme's provider (the route keeps the ones the caller may read). */
export async function listInterests(db: Db): Promise<InterestWithProgramme[]> {
  const rows = await db
    .select({
      interest: enrolmentInterests,
      programmeName: trainingProgrammes.name,
      providerOrganisationId: trainingProgrammes.organisationId,
      providerRegionId: trainingProgrammes.regionId,
      organisationName: organisations.name,
    })
    .from(enrolmentInterests)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, enrolmentInterests.programmeId))
    .leftJoin(organisations, eq(organisations.id, enrolmentInterests.organisationId))
    .orderBy(desc(enrolmentInterests.createdAt), asc(enrolmentInterests.id));
  return rows.map(({ interest, ...rest }) => ({ ...interest, ...rest }));
}

/** Interested people (summed headcounts) and organisations per programme. */
export async function interestTotals(
  db: Db,
): Promise<Map<string, { headcount: number; organisations: number }>> {
  const rows = await db
    .select({
      programmeId: enrolmentInterests.programmeId,
      headcount: sql<number>`coalesce(sum(${enrolmentInterests.headcount}), 0)::int`,
      organisations: sql<number>`count(distinct ${enrolmentInterests.organisationId})::int`,
    })
    .from(enrolmentInterests)
    .groupBy(enrolmentInterests.programmeId);
  return new Map(
    rows.map((r) => [
      r.programmeId,
      { headcount: Number(r.headcount), organisations: Number(r.organisations) },
    ]),
  );
}
