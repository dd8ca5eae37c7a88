import type { Db } from '../../db/create-db.ts';
import { readDataVersion } from '../../db/queries/data-versions.ts';
import { loadOrganisationsForIndex } from '../../db/queries/organisations.ts';
import { buildOrganisationIndex, type OrganisationIndex } from '../../domain/registry/organisation-index.ts';

/** How stale another server's writes may be here at most (plus one reload). */
export const VERSION_CHECK_INTERVAL_MS = 250;

export type OrganisationReadModel = {
  /** The current index; checks the database version at most every VERSION_CHECK_INTERVAL_MS. */
  current(): Promise<OrganisationIndex>;
  /** Reload now (after a write through this server, so it reads its own writes). */
  refresh(): Promise<OrganisationIndex>;
};

/**
 * Keeps the in-memory organisation index in step with PostgreSQL, the source of truth.
 * Writes anywhere bump `data_versions.registry` (a trigger, same transaction); every server
 * notices within VERSION_CHECK_INTERVAL_MS and reloads, so several servers stay consistent.
 */
export function createOrganisationReadModel(db: Db): OrganisationReadModel {
  let index: OrganisationIndex | null = null;
  let loading: Promise<OrganisationIndex> | null = null;
  let checking: Promise<void> | null = null;
  let checkedAt = 0;

  async function load(): Promise<OrganisationIndex> {
    // Read the version first: a write landing during the load makes the next check reload again.
    const version = await readDataVersion(db, 'registry');
    const rows = await loadOrganisationsForIndex(db);
    const next = buildOrganisationIndex(version, rows);
    if (!index || next.version >= index.version) index = next;
    checkedAt = Date.now();
    return index;
  }

  function reload(): Promise<OrganisationIndex> {
    loading ??= load().finally(() => {
      loading = null;
    });
    return loading;
  }

  async function check(): Promise<void> {
    const version = await readDataVersion(db, 'registry');
    checkedAt = Date.now();
    if (!index || version !== index.version) await reload();
  }

  return {
    async current() {
      if (!index) return reload();
      if (Date.now() - checkedAt >= VERSION_CHECK_INTERVAL_MS) {
        checking ??= check().finally(() => {
          checking = null;
        });
        await checking;
      }
      return index;
    },
    async refresh() {
      if (loading) await loading;
      return reload();
    },
  };
}
