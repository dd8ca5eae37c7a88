import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/auth/roles.ts';
import { notFound } from '../../domain/errors.ts';
import type { StreamInput, StreamPatch } from '../../domain/sites/streams.ts';
import { normaliseUnit } from '../../domain/sites/units.ts';
import type { Db } from '../create-db.ts';
import { symbiosisStreams } from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';

export type StreamRow = typeof symbiosisStreams.$inferSelect;

const emptyText = { fi: '', sv: '', en: '' };

export function loadStreams(db: Db): Promise<StreamRow[]> {
  return db.select().from(symbiosisStreams).orderBy(asc(symbiosisStreams.id));
}

export async function findStream(db: Db, id: string): Promise<StreamRow | null> {
  const [row] = await db.select().from(symbiosisStreams).where(eq(symbiosisStreams.id, id)).limit(1);
  return row ?? null;
}

const unitOf = (unit: string | null | undefined) => (unit ? normaliseUnit(unit) : unit);

export async function createStream(db: Db, actor: Actor, input: StreamInput): Promise<StreamRow> {
  return db.transaction(async (tx) => {
    const values = {
      id: randomUUID(),
      organisationId: input.organisationId ?? null,
      siteId: input.siteId ?? null,
      direction: input.direction,
      streamType: input.streamType,
      label: { ...emptyText, ...input.label },
      quantity: input.quantity ?? null,
      unit: unitOf(input.unit) ?? null,
      quality: input.quality ?? null,
      lat: input.lat ?? null,
      lon: input.lon ?? null,
      availability: input.availability ?? 'continuous',
      availableFrom: input.availableFrom ?? null,
      isPublic: input.isPublic ?? true,
    };
    const [row] = await tx.insert(symbiosisStreams).values(values).returning();
    await recordAudit(tx, {
      actor,
      action: 'create',
      entity: 'symbiosis_stream',
      entityId: values.id,
      changes: values,
    });
    return row!;
  });
}

export async function updateStream(db: Db, actor: Actor, id: string, patch: StreamPatch): Promise<StreamRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(symbiosisStreams)
      .where(eq(symbiosisStreams.id, id))
      .for('update');
    if (!before) throw notFound('Stream');
    const next = {
      ...patch,
      unit: unitOf(patch.unit),
      label: patch.label ? { ...before.label, ...patch.label } : undefined,
    };
    const changes = diffFields(before as unknown as Record<string, unknown>, next as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return before;
    const [row] = await tx
      .update(symbiosisStreams)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(symbiosisStreams.id, id))
      .returning();
    await recordAudit(tx, { actor, action: 'update', entity: 'symbiosis_stream', entityId: id, changes });
    return row!;
  });
}

export async function deleteStream(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(symbiosisStreams).where(eq(symbiosisStreams.id, id)).returning();
    if (!row) throw notFound('Stream');
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entity: 'symbiosis_stream',
      entityId: id,
      changes: { organisationId: row.organisationId, siteId: row.siteId, streamType: row.streamType },
    });
  });
}
