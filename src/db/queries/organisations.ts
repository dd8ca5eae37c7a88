import { asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { IndexedOrganisation } from '../../domain/registry/organisation-index.ts';
import type { OrganisationInput, OrganisationPatch } from '../../domain/registry/organisation.ts';
import type { Db } from '../create-db.ts';
import { organisationCompetences, organisations } from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type CompetenceRow = typeof organisationCompetences.$inferSelect;

const strengthRank = sql`case ${organisationCompetences.strength} when 'core' then 0 when 'active' then 1 else 2 end`;

const conceptIdsOf = sql<string[]>`array(
  select oc.concept_id from ${organisationCompetences} oc
  where oc.organisation_id = ${organisations.id}
  order by case oc.strength when 'core' then 0 when 'active' then 1 else 2 end, oc.concept_id)`;

/** Every organisation with its concept ids, for the in-memory registry read model. */
export async function loadOrganisationsForIndex(db: Db): Promise<IndexedOrganisation[]> {
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      nameEn: organisations.nameEn,
      type: organisations.type,
      regionId: organisations.regionId,
      municipality: organisations.municipality,
      website: organisations.website,
      isPublic: organisations.isPublic,
      conceptIds: conceptIdsOf,
    })
    .from(organisations);
  return rows;
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
