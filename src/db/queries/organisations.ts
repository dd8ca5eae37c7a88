import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { IndexedOrganisation } from '../../domain/registry/organisation-index.ts';
import type { OrganisationInput, OrganisationPatch } from '../../domain/registry/organisation.ts';
import { hasSearchableWords, type SearchText } from '../../domain/registry/organisation-search.ts';
import type {
  ContactInput,
  ContactPatch,
  InfrastructureInput,
  InfrastructurePatch,
} from '../../domain/registry/profile-details.ts';
import type { Db } from '../create-db.ts';
import {
  organisationCompetences,
  organisationContacts,
  organisations,
  researchInfrastructure,
} from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';
import { rowsOf } from '../rows.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type CompetenceRow = typeof organisationCompetences.$inferSelect;

const strengthRank = sql`case ${organisationCompetences.strength} when 'core' then 0 when 'active' then 1 else 2 end`;

const conceptIdsOf = sql<string[]>`array(
  select oc.concept_id from ${organisationCompetences} oc
  where oc.organisation_id = ${organisations.id}
  order by case oc.strength when 'core' then 0 when 'active' then 1 else 2 end, oc.concept_id)`;

/** Organisations with every field people import and export, and their concept ids. */
export function loadOrganisationRecords(db: Db, where?: SQL) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      nameEn: organisations.nameEn,
      type: organisations.type,
      regionId: organisations.regionId,
      municipality: organisations.municipality,
      businessId: organisations.businessId,
      website: organisations.website,
      sme: organisations.sme,
      description: organisations.description,
      isPublic: organisations.isPublic,
      conceptIds: sql<string[]>`array(
        select oc.concept_id from ${organisationCompetences} oc
        where oc.organisation_id = ${organisations.id} order by oc.concept_id)`,
    })
    .from(organisations)
    .where(where);
}

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
      sme: input.sme ?? null,
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

// ── Research infrastructure and contact persons ──────────────────────────────────────────

export type InfrastructureRow = typeof researchInfrastructure.$inferSelect;
export type ContactRow = typeof organisationContacts.$inferSelect;

/** Infrastructure and contacts of one organisation, all of them (the route filters by role). */
export async function loadProfileDetails(db: Db, organisationId: string) {
  const [infrastructure, contacts] = await Promise.all([
    db
      .select()
      .from(researchInfrastructure)
      .where(eq(researchInfrastructure.organisationId, organisationId))
      .orderBy(asc(researchInfrastructure.createdAt), asc(researchInfrastructure.id)),
    db
      .select()
      .from(organisationContacts)
      .where(eq(organisationContacts.organisationId, organisationId))
      .orderBy(asc(organisationContacts.createdAt), asc(organisationContacts.id)),
  ]);
  return { infrastructure, contacts };
}

const emptyText = { fi: '', sv: '', en: '' };

export async function createInfrastructure(
  db: Db,
  actor: Actor,
  organisationId: string,
  input: InfrastructureInput,
): Promise<InfrastructureRow> {
  return db.transaction(async (tx) => {
    const values = {
      id: randomUUID(),
      organisationId,
      name: { ...emptyText, ...input.name },
      description: { ...emptyText, ...input.description },
      conceptIds: input.conceptIds ?? [],
      url: input.url ?? null,
      isPublic: input.isPublic ?? true,
    };
    const [row] = await tx.insert(researchInfrastructure).values(values).returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'research_infrastructure',
      entityId: values.id,
      changes: values,
    });
    return row!;
  });
}

export async function updateInfrastructure(
  db: Db,
  actor: Actor,
  organisationId: string,
  id: string,
  patch: InfrastructurePatch,
): Promise<InfrastructureRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(researchInfrastructure)
      .where(
        and(eq(researchInfrastructure.id, id), eq(researchInfrastructure.organisationId, organisationId)),
      )
      .for('update');
    if (!before) throw notFound('Research infrastructure');
    const next = {
      ...patch,
      name: patch.name ? { ...before.name, ...patch.name } : undefined,
      description: patch.description ? { ...before.description, ...patch.description } : undefined,
    };
    if (next.name && !next.name.fi && !next.name.sv && !next.name.en) {
      throw new AppError('validation_failed', 'Give a name in at least one language', [
        { path: ['name'], message: 'Give a name in at least one language' },
      ]);
    }
    const changes = diffFields(before as unknown as Record<string, unknown>, next as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return before;
    const [row] = await tx
      .update(researchInfrastructure)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(researchInfrastructure.id, id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'update',
      entity: 'research_infrastructure',
      entityId: id,
      changes,
    });
    return row!;
  });
}

export async function deleteInfrastructure(
  db: Db,
  actor: Actor,
  organisationId: string,
  id: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(researchInfrastructure)
      .where(
        and(eq(researchInfrastructure.id, id), eq(researchInfrastructure.organisationId, organisationId)),
      )
      .returning();
    if (!row) throw notFound('Research infrastructure');
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entity: 'research_infrastructure',
      entityId: id,
      changes: { organisationId, name: row.name },
    });
  });
}

// Contacts are personal data: the audit log names the fields that changed, never their values,
// so erasing a contact erases the person from the database.
export async function createContact(
  db: Db,
  actor: Actor,
  organisationId: string,
  input: ContactInput,
): Promise<ContactRow> {
  return db.transaction(async (tx) => {
    const values = {
      id: randomUUID(),
      organisationId,
      name: input.name,
      title: input.title ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      isPublic: input.isPublic ?? false,
    };
    const [row] = await tx.insert(organisationContacts).values(values).returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'organisation_contact',
      entityId: values.id,
      changes: { organisationId, fields: Object.keys(input).sort() },
    });
    return row!;
  });
}

export async function updateContact(
  db: Db,
  actor: Actor,
  organisationId: string,
  id: string,
  patch: ContactPatch,
): Promise<ContactRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(organisationContacts)
      .where(and(eq(organisationContacts.id, id), eq(organisationContacts.organisationId, organisationId)))
      .for('update');
    if (!before) throw notFound('Contact');
    const changes = diffFields(
      before as unknown as Record<string, unknown>,
      patch as Record<string, unknown>,
    );
    if (Object.keys(changes).length === 0) return before;
    const [row] = await tx
      .update(organisationContacts)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(organisationContacts.id, id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'update',
      entity: 'organisation_contact',
      entityId: id,
      changes: { organisationId, fields: Object.keys(changes).sort() },
    });
    return row!;
  });
}

export async function deleteContact(db: Db, actor: Actor, organisationId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(organisationContacts)
      .where(and(eq(organisationContacts.id, id), eq(organisationContacts.organisationId, organisationId)))
      .returning({ id: organisationContacts.id });
    if (!row) throw notFound('Contact');
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entity: 'organisation_contact',
      entityId: id,
      changes: { organisationId },
    });
  });
}

// ── Full-text search ──────────────────────────────────────────────────────────────────────

/** The text-search configurations of `organisations.search_vector` (migration 0002). */
const SEARCH_CONFIGS = ['finnish', 'swedish', 'english', 'simple'] as const;

/**
 * Organisations whose names or descriptions (fi/sv/en) match `search`, with their ts_rank.
 * Each language's stemming is tried (OR), plus a prefix query for the last word so a word
 * being typed already matches. Visibility is not applied here: the caller filters the ids.
 */
export async function searchOrganisationText(db: Db, search: SearchText): Promise<Map<string, number>> {
  if (!hasSearchableWords(search)) return new Map();
  const parts = SEARCH_CONFIGS.flatMap((config) => {
    const cfg = sql.raw(`'${config}'::regconfig`);
    const whole = sql`websearch_to_tsquery(${cfg}, ${search.text})`;
    if (!search.prefix) return [whole];
    const prefix = sql`to_tsquery(${cfg}, ${`${search.prefix}:*`})`;
    return [whole, search.head ? sql`(websearch_to_tsquery(${cfg}, ${search.head}) && ${prefix})` : prefix];
  });
  const query = sql.join(parts, sql` || `);
  const rows = await db.execute(sql`
    select o.id, ts_rank(o.search_vector, q.tq) as rank
    from organisations o, (select ${query} as tq) q
    where o.search_vector @@ q.tq`);
  const result = new Map<string, number>();
  for (const row of rowsOf<{ id: string; rank: number }>(rows)) result.set(row.id, Number(row.rank));
  return result;
}
