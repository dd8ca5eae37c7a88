import type { Db } from '../../db/create-db.ts';
import type { DataScope } from '../../db/queries/data-versions.ts';
import {
  loadServices,
  loadSupplyLinks,
  type ServiceRow,
  type SupplyLinkRow,
} from '../../db/queries/services.ts';
import { loadSites, type SiteRow } from '../../db/queries/sites.ts';
import { loadStreams, type StreamRow } from '../../db/queries/symbiosis.ts';
import type { IndexedOrganisation, OrganisationIndex } from '../../domain/registry/organisation-index.ts';
import { sortSitesByName } from '../../domain/sites/site.ts';
import {
  createOrganisationReadModel,
  type OrganisationReadModel,
} from '../organisations/organisation-read-model.ts';
import { createVersionedReadModel, type VersionedReadModel } from '../organisations/versioned-read-model.ts';

/**
 * The sites module's rows in memory — sites, service offerings, supply links, symbiosis
 * streams — kept current through `data_versions.sites` (bumped by triggers on all four tables,
 * migration 0003). Organisations (names, regions, visibility) come from the registry's own
 * read model. One of each per database, shared by the sites, services and symbiosis routes.
 */
export type SitesData = {
  version: number;
  /** In name order (Finnish collation). */
  sites: SiteRow[];
  siteById: Map<string, SiteRow>;
  services: ServiceRow[];
  links: SupplyLinkRow[];
  streams: StreamRow[];
};

/** `data_versions` has a `sites` row since migration 0003; the DataScope type predates it. */
const SITES_SCOPE: DataScope = 'sites';

const sitesModels = new WeakMap<Db, VersionedReadModel<SitesData>>();
const organisationModels = new WeakMap<Db, OrganisationReadModel>();

export function sitesReadModel(db: Db): VersionedReadModel<SitesData> {
  let model = sitesModels.get(db);
  if (!model) {
    model = createVersionedReadModel(db, SITES_SCOPE, async (version) => {
      const [rows, services, links, streams] = await Promise.all([
        loadSites(db),
        loadServices(db),
        loadSupplyLinks(db),
        loadStreams(db),
      ]);
      const sites = sortSitesByName(rows);
      return { version, sites, siteById: new Map(sites.map((s) => [s.id, s])), services, links, streams };
    });
    sitesModels.set(db, model);
  }
  return model;
}

export type OrganisationDirectory = { version: number; byId: Map<string, IndexedOrganisation> };
const directories = new WeakMap<OrganisationIndex, OrganisationDirectory>();

/** Organisations by id, from the registry read model (rebuilt only when the registry changes). */
export async function organisationDirectory(db: Db): Promise<OrganisationDirectory> {
  let model = organisationModels.get(db);
  if (!model) {
    model = createOrganisationReadModel(db);
    organisationModels.set(db, model);
  }
  const index = await model.current();
  let directory = directories.get(index);
  if (!directory) {
    directory = { version: index.version, byId: new Map(index.entries.map((e) => [e.org.id, e.org])) };
    directories.set(index, directory);
  }
  return directory;
}

/** Reload after a write of this server, so it reads its own writes. */
export async function refreshOrganisationDirectory(db: Db): Promise<void> {
  await organisationModels.get(db)?.refresh();
}
