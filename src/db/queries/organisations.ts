import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { organisationVisibility } from '../../domain/auth/permissions.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { OrganisationInput, OrganisationPatch } from '../../domain/registry/organisation.ts';
import type { Db } from '../create-db.ts';
import { organisationCompetences, organisations } from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';
import { escapeLike } from './concepts.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type CompetenceRow = typeof organisationCompetences.$inferSelect;

export type OrganisationFilter = {
  q?: string;
  regionId?: string;
  type?: string;
  conceptId?: string;
  page: number;
  pageSize: number;
};

const strengthRank = sql`case ${organisationCompetences.strength} when 'core' then 0 when 'active' then 1 else 2 end`;

const conceptIdsOf = sql<string[]>`array(
  select oc.concept_id from ${organisationCompetences} oc
  where oc.organisation_id = ${organisations.id}
  order by case oc.strength when 'core' then 0 when 'active' then 1 else 2 end, oc.concept_id)`;

function visibilityCondition(actor: Actor): SQL | undefined {
  const v = organisationVisibility(actor);
  if (v.all) return undefined;
  const parts = [sql`${organisations.isPublic}`];
  if (v.privateRegionId) parts.push(sql`${organisations.regionId} = ${v.privateRegionId}`);
  if (v.privateOrganisationId) parts.push(sql`${organisations.id} = ${v.privateOrganisationId}`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

export async function listOrganisations(db: Db, actor: Actor, filter: OrganisationFilter) {
  const conditions: (SQL | undefined)[] = [visibilityCondition(actor)];
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(
      sql`(${organisations.name} ilike ${pattern} or ${organisations.nameEn} ilike ${pattern})`,
    );
  }
  if (filter.regionId) conditions.push(eq(organisations.regionId, filter.regionId));
  if (filter.type) conditions.push(eq(organisations.type, filter.type));
  if (filter.conceptId) {
    conditions.push(
      sql`exists (select 1 from ${organisationCompetences} oc where oc.organisation_id = ${organisations.id}
        and (oc.concept_id = ${filter.conceptId} or oc.concept_id like ${`${escapeLike(filter.conceptId)}.%`}))`,
    );
  }
  const where = and(...conditions.filter((c): c is SQL => c !== undefined));
  const [items, [count]] = await Promise.all([
    db
      .select({ organisation: organisations, conceptIds: conceptIdsOf })
      .from(organisations)
      .where(where)
      .orderBy(asc(sql`lower(${organisations.name})`), asc(organisations.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(organisations).where(where),
  ]);
  return { items, total: count?.total ?? 0 };
}

export async function findOrganisation(db: Db, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  if (!row) return null;
  const competences = await db
    .select()
    .from(organisationCompetences)
    .where(eq(organisationCompetences.organisationId, id))
    .orderBy(strengthRank, asc(organisationCompetences.conceptId));
  return { organisation: row, competences };
}

export async function createOrganisation(db: Db, actor: Actor, id: string, input: OrganisationInput) {
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, id));
    if (existing.length > 0) throw new AppError('conflict', `An organisation with id "${id}" already exists`);
    const values = {
      id,
      name: input.name,
      nameEn: input.nameEn ?? null,
      type: input.type,
      regionId: input.regionId ?? null,
      municipality: input.municipality ?? null,
      website: input.website ?? null,
      businessId: input.businessId ?? null,
      description: { fi: '', sv: '', en: '', ...input.description },
      isPublic: input.isPublic ?? true,
    };
    const [row] = await tx.insert(organisations).values(values).returning();
    await recordAudit(tx, { actor, action: 'create', entity: 'organisation', entityId: id, changes: values });
    return row!;
  });
}

export async function updateOrganisation(db: Db, actor: Actor, id: string, patch: OrganisationPatch) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, id)).for('update');
    if (!before) throw notFound('Organisation');
    const next = {
      ...patch,
      description: patch.description ? { ...before.description, ...patch.description } : undefined,
    };
    const changes = diffFields(before as unknown as Record<string, unknown>, next as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return before;
    const [row] = await tx
      .update(organisations)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(organisations.id, id))
      .returning();
    await recordAudit(tx, { actor, action: 'update', entity: 'organisation', entityId: id, changes });
    return row!;
  });
}

export async function deleteOrganisation(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(organisations).where(eq(organisations.id, id)).returning();
    if (!row) throw notFound('Organisation');
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entity: 'organisation',
      entityId: id,
      changes: { name: row.name },
    });
  });
}
