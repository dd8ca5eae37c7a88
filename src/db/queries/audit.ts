import type { Actor } from '../../domain/auth/roles.ts';
import type { Db } from '../create-db.ts';
import { auditLog } from '../schema/index.ts';

export type AuditEntry = {
  actor: Actor | { kind: 'system' } | { kind: 'cli' };
  action: string;
  entity: string;
  entityId?: string | null;
  changes?: Record<string, unknown> | null;
};

/** Every write calls this inside its own transaction, so the write and its audit row land together. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const actor = entry.actor;
  await db.insert(auditLog).values({
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorKind:
      actor.kind === 'user'
        ? actor.via === 'token'
          ? 'token'
          : actor.via === 'cli'
            ? 'cli'
            : 'user'
        : actor.kind === 'visitor'
          ? 'system'
          : actor.kind,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    changes: entry.changes ?? null,
  });
}

/** Field-by-field difference of two rows, for the audit log. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(value))
      changes[key] = { from: before[key], to: value };
  }
  return changes;
}
