import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../create-db.ts';
import {
  concepts,
  organisationCompetences,
  organisations,
  regionMunicipalities,
  regions,
} from '../schema/index.ts';

export type RegionRow = typeof regions.$inferSelect;
export type RegionMunicipalityRow = typeof regionMunicipalities.$inferSelect;

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

/** Every region in display order, without counts (the ecosystem views count for the caller). */
export async function listRegionRows(db: Db): Promise<RegionRow[]> {
  return db.select().from(regions).orderBy(asc(regions.sortOrder));
}

export async function findRegion(db: Db, id: string): Promise<RegionRow | null> {
  const [row] = await db.select().from(regions).where(eq(regions.id, id)).limit(1);
  return row ?? null;
}

/** Municipalities of every network region (or of one), by region and Finnish name. */
export async function listRegionMunicipalities(db: Db, regionId?: string): Promise<RegionMunicipalityRow[]> {
  return db
    .select()
    .from(regionMunicipalities)
    .where(regionId ? eq(regionMunicipalities.regionId, regionId) : undefined)
    .orderBy(asc(regionMunicipalities.regionId), asc(regionMunicipalities.nameFi));
}

export type EcosystemOrganisationRow = {
  id: string;
  name: string;
  nameEn: string | null;
  regionId: string | null;
  municipality: string | null;
  isPublic: boolean;
  /** Core competences first, then active, then interest. */
  conceptIds: string[];
};

/** Every organisation with its competences' concept ids, for the ecosystem map, matrix and index. */
export async function loadEcosystemOrganisations(db: Db): Promise<EcosystemOrganisationRow[]> {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      nameEn: organisations.nameEn,
      regionId: organisations.regionId,
      municipality: organisations.municipality,
      isPublic: organisations.isPublic,
      conceptIds: sql<string[]>`array(
        select oc.concept_id from ${organisationCompetences} oc
        where oc.organisation_id = ${organisations.id}
        order by case oc.strength when 'core' then 0 when 'active' then 1 else 2 end, oc.concept_id)`,
    })
    .from(organisations)
    .orderBy(asc(organisations.id));
}

export type SchemeConceptRow = {
  id: string;
  parentId: string | null;
  level: number;
  labels: { fi: string; sv: string; en: string };
};

/** The concepts of one scheme in taxonomy order. */
export async function listSchemeConcepts(db: Db, scheme: string): Promise<SchemeConceptRow[]> {
  return db
    .select({ id: concepts.id, parentId: concepts.parentId, level: concepts.level, labels: concepts.labels })
    .from(concepts)
    .where(eq(concepts.scheme, scheme))
    .orderBy(asc(concepts.sortOrder), asc(concepts.id));
}
