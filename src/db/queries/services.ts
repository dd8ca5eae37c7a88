import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/auth/roles.ts';
import { notFound } from '../../domain/errors.ts';
import type { ServiceInput, ServicePatch, SupplyLinkInput } from '../../domain/sites/services.ts';
import type { Db } from '../create-db.ts';
import { serviceOfferings, supplyLinks } from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';

export type ServiceRow = typeof serviceOfferings.$inferSelect;
export type SupplyLinkRow = typeof supplyLinks.$inferSelect;

const emptyText = { fi: '', sv: '', en: '' };

export function loadServices(db: Db): Promise<ServiceRow[]> {
  return db.select().from(serviceOfferings).orderBy(asc(serviceOfferings.id));
}

export function loadSupplyLinks(db: Db): Promise<SupplyLinkRow[]> {
  return db.select().from(supplyLinks).orderBy(asc(supplyLinks.id));
}

export async function findService(db: Db, id: string): Promise<ServiceRow | null> {
  const [row] = await db.select().from(serviceOfferings).where(eq(serviceOfferings.id, id)).limit(1);
  return row ?? null;
}

export async function createService(db: Db, actor: Actor, input: ServiceInput): Promise<ServiceRow> {
  return db.transaction(async (tx) => {
    const values = {
      id: randomUUID(),
      organisationId: input.organisationId,
      category: input.category,
      description: { ...emptyText, ...input.description },
      conceptIds: input.conceptIds ?? [],
      regionIds: input.regionIds ?? [],
      isPublic: input.isPublic ?? true,
    };
    const [row] = await tx.insert(serviceOfferings).values(values).returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'service_offering',
      entityId: values.id,
      changes: values,
    });
    return row!;
  });
}

export async function updateService(
  db: Db,
  actor: Actor,
  id: string,
  patch: ServicePatch,
): Promise<ServiceRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(serviceOfferings)
      .where(eq(serviceOfferings.id, id))
      .for('update');
    if (!before) throw notFound('Service');
    const next = {
      ...patch,
      description: patch.description ? { ...before.description, ...patch.description } : undefined,
    };
    const changes = diffFields(before as unknown as Record<string, unknown>, next as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return before;
    const [row] = await tx
      .update(serviceOfferings)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(serviceOfferings.id, id))
      .returning();
    await recordAudit(tx, { actor, action: 'update', entity: 'service_offering', entityId: id, changes });
    return row!;
  });
}

export async function deleteService(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(serviceOfferings).where(eq(serviceOfferings.id, id)).returning();
    if (!row) throw notFound('Service');
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entity: 'service_offering',
      entityId: id,
      changes: { organisationId: row.organisationId, category: row.category },
    });
  });
}

export async function findSupplyLink(db: Db, id: string): Promise<SupplyLinkRow | null> {
  const [row] = await db.select().from(supplyLinks).where(eq(supplyLinks.id, id)).limit(1);
  return row ?? null;
}

export async function createSupplyLink(db: Db, actor: Actor, input: SupplyLinkInput): Promise<SupplyLinkRow> {
  return db.transaction(async (tx) => {
    const values = {
      id: randomUUID(),
      supplierId: input.supplierId,
      customerId: input.customerId,
      what: { ...emptyText, ...input.what },
      category: input.category ?? null,
      conceptIds: input.conceptIds ?? [],
      isPublic: input.isPublic ?? true,
      sources: input.sources ?? [],
    };
    const [row] = await tx.insert(supplyLinks).values(values).returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'supply_link',
      entityId: values.id,
      changes: values,
    });
    return row!;
  });
}

export async function deleteSupplyLink(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(supplyLinks).where(eq(supplyLinks.id, id)).returning();
    if (!row) throw notFound('Supply link');
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entity: 'supply_link',
      entityId: id,
      changes: { supplierId: row.supplierId, customerId: row.customerId },
    });
  });
}
