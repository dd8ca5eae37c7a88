import type { Actor, UserActor } from '../auth/roles.ts';

/**
 * Who may import (PRODUCT.md: admins run imports; coordinators curate their region): admins
 * every kind, coordinators the kinds that allow them — and then only rows of their own region,
 * which the kind checks row by row. Members and visitors never.
 */
export function canImport(actor: Actor): actor is UserActor {
  return actor.kind === 'user' && (actor.role === 'admin' || actor.role === 'coordinator');
}

export function canImportKind(actor: Actor, kind: { coordinatorsMayImport?: boolean }): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'coordinator' && actor.regionId !== null && kind.coordinatorsMayImport === true;
}

/** An import — its file, preview and report — is seen by the person who made it and by admins. */
export function canReadImport(actor: Actor, imported: { createdBy: string | null }): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'admin') return true;
  return canImport(actor) && imported.createdBy === actor.userId;
}
