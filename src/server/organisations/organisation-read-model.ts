import type { Db } from '../../db/create-db.ts';
import { loadOrganisationsForIndex } from '../../db/queries/organisations.ts';
import { buildOrganisationIndex, type OrganisationIndex } from '../../domain/registry/organisation-index.ts';
import { createVersionedReadModel, type VersionedReadModel } from './versioned-read-model.ts';

export { VERSION_CHECK_INTERVAL_MS } from './versioned-read-model.ts';

export type OrganisationReadModel = VersionedReadModel<OrganisationIndex>;

/** The in-memory organisation index of the list route, kept current through `data_versions.registry`. */
export function createOrganisationReadModel(db: Db): OrganisationReadModel {
  return createVersionedReadModel(db, 'registry', async (version) =>
    buildOrganisationIndex(version, await loadOrganisationsForIndex(db)),
  );
}
