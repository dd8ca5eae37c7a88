import type { Db } from '../../db/create-db.ts';
import { type DataScope, readDataVersion } from '../../db/queries/data-versions.ts';

/** How stale another server's writes may be here at most (plus one reload). */
export const VERSION_CHECK_INTERVAL_MS = 250;

export type VersionedReadModel<T extends { version: number }> = {
  /** The current value; checks the database version at most every VERSION_CHECK_INTERVAL_MS. */
  current(): Promise<T>;
  /**
   * After a write through this server: the next current() reloads, so this server reads its own
   * writes. Writers don't wait for the reload, and the writes of many requests share one reload.
   */
  refresh(): Promise<void>;
};

/**
 * Keeps an in-memory structure in step with PostgreSQL, the source of truth (decision 006).
 * Writes anywhere bump `data_versions.<scope>` (a trigger, same transaction); every server
 * notices within VERSION_CHECK_INTERVAL_MS and reloads, so several servers stay consistent.
 */
export function createVersionedReadModel<T extends { version: number }>(
  db: Db,
  scope: DataScope,
  build: (version: number) => Promise<T>,
): VersionedReadModel<T> {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  let checking: Promise<void> | null = null;
  let checkedAt = 0;
  // Own writes since the value was loaded: `written` counts them, `loadedUpTo` is the count a
  // finished load is known to include (it started after them).
  let written = 0;
  let loadedUpTo = 0;

  async function load(): Promise<T> {
    const includes = written;
    // Read the version first: a write landing during the load makes the next check reload again.
    const version = await readDataVersion(db, scope);
    const next = await build(version);
    if (!value || next.version >= value.version) value = next;
    loadedUpTo = Math.max(loadedUpTo, includes);
    checkedAt = Date.now();
    return value;
  }

  function reload(): Promise<T> {
    loading ??= load().finally(() => {
      loading = null;
    });
    return loading;
  }

  async function check(): Promise<void> {
    const version = await readDataVersion(db, scope);
    checkedAt = Date.now();
    if (!value || version !== value.version) await reload();
  }

  return {
    async current() {
      if (!value) return reload();
      // Own writes before this request not in the value yet: wait for a load that started after
      // them (one shared by every request waiting meanwhile; a load under way may predate them).
      const need = written;
      while (loadedUpTo < need) {
        if (loading) await loading;
        else await reload();
      }
      if (Date.now() - checkedAt >= VERSION_CHECK_INTERVAL_MS) {
        checking ??= check().finally(() => {
          checking = null;
        });
        await checking;
      }
      return value;
    },
    async refresh() {
      written += 1;
    },
  };
}
