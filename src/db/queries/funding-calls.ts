import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Db } from '../create-db.ts';
import { fundingCalls, fundingInstruments, projects } from '../schema/index.ts';
import { diffFields, recordAudit } from './audit.ts';

export type InstrumentRow = typeof fundingInstruments.$inferSelect;
export type CallRow = typeof fundingCalls.$inferSelect;
export type CallInput = Omit<typeof fundingCalls.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type CallPatch = Partial<CallInput>;

/** The funding instruments, Horizon Europe first, then national, then other EU; by id within. */
export function listInstruments(db: Db): Promise<InstrumentRow[]> {
  return db
    .select()
    .from(fundingInstruments)
    .orderBy(
      sql`case ${fundingInstruments.track} when 'horizon_europe' then 0 when 'national' then 1 else 2 end`,
      asc(fundingInstruments.id),
    );
}

export type CallWithUse = CallRow & { projectCount: number };

/**
 * Calls, soonest deadline first (calls without a deadline last), each with how many projects
 * aim at it. `upcoming`: only calls whose deadline is still ahead of `now`.
 */
export async function listCalls(
  db: Db,
  filter: { instrumentId?: string | undefined; upcoming?: boolean | undefined; now?: Date },
): Promise<CallWithUse[]> {
  const now = filter.now ?? new Date();
  const useCount = db
    .select({ callId: projects.callId, n: sql<number>`count(*)::int`.as('n') })
    .from(projects)
    .where(isNotNull(projects.callId))
    .groupBy(projects.callId)
    .as('use_count');
  const rows = await db
    .select({ call: fundingCalls, n: useCount.n })
    .from(fundingCalls)
    .leftJoin(useCount, eq(useCount.callId, fundingCalls.id))
    .where(
      and(
        filter.instrumentId ? eq(fundingCalls.instrumentId, filter.instrumentId) : undefined,
        filter.upcoming ? gte(fundingCalls.deadline, now) : undefined,
      ),
    )
    .orderBy(sql`${fundingCalls.deadline} asc nulls last`, asc(fundingCalls.id));
  return rows.map((r) => ({ ...r.call, projectCount: r.n ?? 0 }));
}

export async function findCall(db: Db, id: string): Promise<CallRow> {
  const [row] = await db.select().from(fundingCalls).where(eq(fundingCalls.id, id)).limit(1);
  if (!row) throw notFound('Call');
  return row;
}

async function requireInstrument(tx: Db, id: string): Promise<void> {
  const [row] = await tx
    .select({ id: fundingInstruments.id })
    .from(fundingInstruments)
    .where(eq(fundingInstruments.id, id));
  if (!row)
    throw new AppError('validation_failed', 'No such instrument', [
      { path: ['instrumentId'], message: 'No such instrument' },
    ]);
}

export async function createCall(db: Db, actor: Actor, input: CallInput): Promise<CallRow> {
  return db.transaction(async (tx) => {
    await requireInstrument(tx, input.instrumentId);
    const id = randomUUID();
    const [row] = await tx
      .insert(fundingCalls)
      .values({ ...input, id })
      .returning();
    await recordAudit(tx, { actor, action: 'create', entity: 'funding_call', entityId: id, changes: input });
    return row!;
  });
}

/**
 * Changes a call. A new deadline resets the reminders of the projects aiming at it (they are
 * reminded again before the new date).
 */
export async function updateCall(db: Db, actor: Actor, id: string, patch: CallPatch): Promise<CallRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(fundingCalls).where(eq(fundingCalls.id, id)).for('update');
    if (!before) throw notFound('Call');
    if (patch.instrumentId) await requireInstrument(tx, patch.instrumentId);
    const changes = diffFields(before, patch);
    const [row] = await tx
      .update(fundingCalls)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(fundingCalls.id, id))
      .returning();
    if ('deadline' in changes)
      await tx.update(projects).set({ deadlineRemindersSent: [] }).where(eq(projects.callId, id));
    await recordAudit(tx, { actor, action: 'update', entity: 'funding_call', entityId: id, changes });
    return row!;
  });
}

/** Deletes a call; projects aiming at it keep their instrument and lose the call. */
export async function deleteCall(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    // Before the delete: the foreign key then sets the projects' call to null.
    await tx.update(projects).set({ deadlineRemindersSent: [] }).where(eq(projects.callId, id));
    const [before] = await tx.delete(fundingCalls).where(eq(fundingCalls.id, id)).returning();
    if (!before) throw notFound('Call');
    await recordAudit(tx, {
      actor,
      action: 'delete',
      entity: 'funding_call',
      entityId: id,
      changes: { title: before.title, topicId: before.topicId },
    });
  });
}
