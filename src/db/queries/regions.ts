import { asc, sql } from 'drizzle-orm';
import type { Db } from '../create-db.ts';
import { organisations, regions } from '../schema/index.ts';

export async function listRegions(db: Db) {
  const counts = db
    .select({ regionId: organisations.regionId, n: sql<number>`count(*)::int`.as('n') })
    .from(organisations)
    .where(sql`${organisations.isPublic}`)
    .groupBy(organisations.regionId)
    .as('counts');
  return db
    .select({ region: regions, organisationCount: sql<number>`coalesce(${counts.n}, 0)` })
    .from(regions)
    .leftJoin(counts, sql`${counts.regionId} = ${regions.id}`)
    .orderBy(asc(regions.sortOrder));
}

export async function regionExists(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: regions.id }).from(regions).where(sql`${regions.id} = ${id}`).limit(1);
  return rows.length > 0;
}
