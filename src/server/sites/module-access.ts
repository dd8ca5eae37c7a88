import type { Db } from '../../db/create-db.ts';
import { existingConceptIds } from '../../db/queries/concepts.ts';
import { findOrganisation } from '../../db/queries/organisations.ts';
import { listRegionRows } from '../../db/queries/regions.ts';
import { canReadOrganisation } from '../../domain/auth/permissions.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { IndexedOrganisation } from '../../domain/registry/organisation-index.ts';
import { canReadSite } from '../../domain/sites/site-permissions.ts';
import type { SiteRow } from '../../db/queries/sites.ts';
import { organisationDirectory, refreshOrganisationDirectory, type SitesData } from './sites-read-model.ts';

/**
 * Shared by the sites, services and symbiosis routes: what a caller may see (for cache keys),
 * organisations by id, the readable site or organisation a write needs, and checks that the
 * ids a body names exist.
 */

/** Everything row visibility depends on, for response-cache keys. */
export function visibilityKey(actor: Actor): string {
  return actor.kind === 'user'
    ? `${actor.role}:${actor.organisationId ?? ''}:${actor.regionId ?? ''}`
    : 'visitor';
}

/** Organisations by id; reloads once when one of `ids` is not there yet (created a moment ago). */
export async function organisationsById(
  db: Db,
  ids: Iterable<string | null>,
): Promise<ReadonlyMap<string, IndexedOrganisation>> {
  let directory = await organisationDirectory(db);
  for (const id of ids) {
    if (id && !directory.byId.has(id)) {
      await refreshOrganisationDirectory(db);
      directory = await organisationDirectory(db);
      break;
    }
  }
  return directory.byId;
}

export function readableSite(data: SitesData, actor: Actor, id: string): SiteRow {
  const site = data.siteById.get(id);
  if (!site || !canReadSite(actor, site)) throw notFound('Site');
  return site;
}

/** An organisation from the database (not the read model: writes check the current row). */
export async function loadReadableOrganisation(db: Db, actor: Actor, id: string, field: string) {
  const found = await findOrganisation(db, id);
  if (!found || !canReadOrganisation(actor, found.organisation)) {
    throw new AppError('validation_failed', `Unknown organisation "${id}"`, [
      { path: [field], message: 'Unknown organisation' },
    ]);
  }
  return found.organisation;
}

function unknown(field: string, what: string, ids: string[]): AppError {
  return new AppError('validation_failed', `Unknown ${what}: ${ids.join(', ')}`, [
    { path: [field], message: `Unknown ${what}: ${ids.join(', ')}` },
  ]);
}

export async function checkRegionIds(
  db: Db,
  field: string,
  ids: (string | null | undefined)[],
): Promise<void> {
  const wanted = ids.filter((id): id is string => Boolean(id));
  if (!wanted.length) return;
  const known = new Set((await listRegionRows(db)).map((r) => r.id));
  const missing = wanted.filter((id) => !known.has(id));
  if (missing.length) throw unknown(field, 'region', missing);
}

export async function checkConceptIds(db: Db, field: string, ids: string[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const known = await existingConceptIds(db, ids);
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) throw unknown(field, 'concept', missing);
}
