import type { Db } from '../../db/create-db.ts';

/**
 * In-process wake-up between the upload routes and the runner of the same server, so an import
 * queued here starts at once instead of at the next poll. Keyed by the database handle: runners
 * of other databases (other test apps in the same process) are not woken. Other servers find
 * the import by polling.
 */
const listeners = new WeakMap<Db, Set<() => void>>();

export function onImportQueued(db: Db, listener: () => void): () => void {
  let set = listeners.get(db);
  if (!set) {
    set = new Set();
    listeners.set(db, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

export function notifyImportQueued(db: Db): void {
  for (const listener of listeners.get(db) ?? []) listener();
}
