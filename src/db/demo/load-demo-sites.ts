import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { SERVICE_CATEGORIES } from '../../domain/sites/services.ts';
import { PERMIT_STATUSES, SITE_STATUSES, UTILITY_KINDS } from '../../domain/sites/site.ts';
import { STREAM_AVAILABILITIES, STREAM_DIRECTIONS, STREAM_TYPE_KEYS } from '../../domain/sites/streams.ts';
import type { Db } from '../create-db.ts';
import { recordAudit } from '../queries/audit.ts';
import {
  meta,
  organisations,
  regions,
  serviceOfferings,
  sites,
  supplyLinks,
  symbiosisStreams,
} from '../schema/index.ts';
import { DATA_DIR } from './demo-files.ts';

/**
 * The demo sites, service offerings, supply links and symbiosis streams (data/demo/sites.json,
 * services.json, symbiosis-streams.json; provenance in data/README.md). Loaded once with the
 * demo network — and once into a database whose demo network predates them; `reset` replaces
 * every site, service, link and stream with the shipped ones.
 */
const LOADED_KEY = 'demo_sites_loaded_at';

const Localized = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
const nullableNumber = z.number().nullable();

const SitesFileSchema = z.object({
  sites: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      operatorOrganisationId: z.string().nullable(),
      regionId: z.string().nullable(),
      municipality: z.string().nullable(),
      lat: z.number(),
      lon: z.number(),
      status: z.enum(SITE_STATUSES),
      description: Localized,
      totalAreaHa: nullableNumber,
      availableAreaHa: nullableNumber,
      plots: z.array(
        z.object({
          id: z.string(),
          areaHa: z.number(),
          zoning: z.string().nullable(),
          available: z.boolean(),
        }),
      ),
      utilities: z.array(
        z.object({
          kind: z.enum(UTILITY_KINDS),
          capacity: nullableNumber,
          capacityUnit: z.string().nullable(),
          price: nullableNumber,
          priceUnit: z.string().nullable(),
          note: z.string(),
        }),
      ),
      portName: z.string().nullable(),
      fairwayDepthM: nullableNumber,
      portDistanceKm: nullableNumber,
      /** null where no source of the site states it. */
      rail: z.boolean().nullable(),
      chemicalsHandling: z.boolean().nullable(),
      permitStatus: z.enum(PERMIT_STATUSES).nullable(),
      permitNote: z.string().nullable(),
      readyInMonths: nullableNumber,
      sharedServices: z.array(z.string()),
      tenants: z.array(z.string()),
      tenantOrganisationIds: z.array(z.string()),
      sources: z.array(z.string()),
    }),
  ),
});

const ServicesFileSchema = z.object({
  services: z.array(
    z.object({
      id: z.string(),
      organisationId: z.string(),
      category: z.enum(SERVICE_CATEGORIES),
      description: Localized,
      conceptIds: z.array(z.string()),
      regionIds: z.array(z.string()),
    }),
  ),
  supplyLinks: z.array(
    z.object({
      id: z.string(),
      supplierId: z.string(),
      customerId: z.string(),
      what: Localized,
      category: z.enum(SERVICE_CATEGORIES),
      conceptIds: z.array(z.string()),
      sources: z.array(z.string()),
    }),
  ),
});

const StreamsFileSchema = z.object({
  streams: z.array(
    z.object({
      id: z.string(),
      organisationId: z.string().nullable(),
      siteId: z.string().nullable(),
      direction: z.enum(STREAM_DIRECTIONS),
      streamType: z.enum(STREAM_TYPE_KEYS),
      label: Localized,
      quantity: nullableNumber,
      unit: z.string().nullable(),
      quality: z.string().nullable(),
      lat: nullableNumber,
      lon: nullableNumber,
      availability: z.enum(STREAM_AVAILABILITIES),
      availableFrom: z.string().nullable(),
    }),
  ),
});

function readJson<T>(schema: z.ZodType<T>, relative: string): T {
  const file = path.join(DATA_DIR, relative);
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not valid: ${parsed.error.message}`);
  return parsed.data;
}

export function readDemoSiteFiles() {
  return {
    sites: readJson(SitesFileSchema, 'demo/sites.json').sites,
    ...readJson(ServicesFileSchema, 'demo/services.json'),
    streams: readJson(StreamsFileSchema, 'demo/symbiosis-streams.json').streams,
  };
}

export type DemoSitesResult =
  | { loaded: false }
  | { loaded: true; sites: number; services: number; supplyLinks: number; streams: number };

/** Runs inside the demo network's transaction, after the organisations are in. */
export async function loadDemoSites(tx: Db, options: { reset: boolean }): Promise<DemoSitesResult> {
  if (options.reset) {
    await tx.delete(symbiosisStreams);
    await tx.delete(supplyLinks);
    await tx.delete(serviceOfferings);
    await tx.delete(sites);
  } else {
    const [done] = await tx.select({ key: meta.key }).from(meta).where(eq(meta.key, LOADED_KEY));
    if (done) return { loaded: false };
  }
  const files = readDemoSiteFiles();
  // Rows pointing at an organisation or region that is no longer there are left out.
  const orgIds = new Set((await tx.select({ id: organisations.id }).from(organisations)).map((r) => r.id));
  const regionIds = new Set((await tx.select({ id: regions.id }).from(regions)).map((r) => r.id));
  const knownOrg = (id: string | null) => (id && orgIds.has(id) ? id : null);

  const siteRows = files.sites.map((s) => ({
    ...s,
    operatorOrganisationId: knownOrg(s.operatorOrganisationId),
    regionId: s.regionId && regionIds.has(s.regionId) ? s.regionId : null,
    tenantOrganisationIds: s.tenantOrganisationIds.filter((id) => orgIds.has(id)),
    isPublic: true,
  }));
  const siteIds = new Set(siteRows.map((s) => s.id));
  const serviceRows = files.services
    .filter((s) => orgIds.has(s.organisationId))
    .map((s) => ({ ...s, regionIds: s.regionIds.filter((id) => regionIds.has(id)), isPublic: true }));
  const linkRows = files.supplyLinks
    .filter((l) => orgIds.has(l.supplierId) && orgIds.has(l.customerId))
    .map((l) => ({ ...l, isPublic: true }));
  const streamRows = files.streams
    .filter((s) => s.organisationId === null || orgIds.has(s.organisationId))
    .map((s) => ({ ...s, siteId: s.siteId && siteIds.has(s.siteId) ? s.siteId : null, isPublic: true }));

  if (siteRows.length) await tx.insert(sites).values(siteRows).onConflictDoNothing();
  if (serviceRows.length) await tx.insert(serviceOfferings).values(serviceRows).onConflictDoNothing();
  if (linkRows.length) await tx.insert(supplyLinks).values(linkRows).onConflictDoNothing();
  if (streamRows.length) await tx.insert(symbiosisStreams).values(streamRows).onConflictDoNothing();

  await tx
    .insert(meta)
    .values({ key: LOADED_KEY, value: new Date().toISOString() })
    .onConflictDoUpdate({ target: meta.key, set: { value: sql`excluded.value`, updatedAt: new Date() } });
  const counts = {
    sites: siteRows.length,
    services: serviceRows.length,
    supplyLinks: linkRows.length,
    streams: streamRows.length,
  };
  await recordAudit(tx, {
    actor: { kind: 'system' },
    action: options.reset ? 'demo_reset' : 'demo_load',
    entity: 'demo_sites',
    changes: counts,
  });
  return { loaded: true, ...counts };
}
