import type { EcosystemOrganisationRow, RegionMunicipalityRow, RegionRow } from '../../db/queries/regions.ts';
import { canReadOrganisation } from '../../domain/auth/permissions.ts';
import type { Actor } from '../../domain/auth/roles.ts';
import {
  buildValueChainMatrix,
  computeSpecialisation,
  countConceptsByRegion,
  topLevelConcepts,
} from '../../domain/registry/specialisation.ts';
import type { EcosystemSnapshot } from './ecosystem-read-model.ts';
import type { MunicipalityLocator } from './municipality-locations.ts';
import type { EcosystemMap, MapPoint } from './schema.ts';

/** The organisations this caller may read (visitors: the public ones), by the one permission rule. */
export function visibleOrganisations(snapshot: EcosystemSnapshot, actor: Actor): EcosystemOrganisationRow[] {
  return snapshot.organisations.filter((o) => canReadOrganisation(actor, o));
}

/** count(region, concept) over the network regions only: organisations elsewhere are not part of the network. */
function networkCounts(
  snapshot: EcosystemSnapshot,
  organisations: EcosystemOrganisationRow[],
  regions: RegionRow[],
) {
  const ids = new Set(regions.map((r) => r.id));
  const holders = organisations.flatMap((o) =>
    o.regionId && ids.has(o.regionId) ? [{ regionId: o.regionId, conceptIds: o.conceptIds }] : [],
  );
  return countConceptsByRegion(snapshot.tree, holders);
}

export function specialisationView(
  snapshot: EcosystemSnapshot,
  organisations: EcosystemOrganisationRow[],
  regions: RegionRow[],
  region: RegionRow,
  maxLevel: number,
) {
  const counts = networkCounts(snapshot, organisations, regions);
  const stated = new Set(region.specialisationConceptIds);
  const labels = new Map(snapshot.concepts.map((c) => [c.id, c.labels]));
  return computeSpecialisation(snapshot.tree, counts, region.id, { maxLevel, order: snapshot.order }).map(
    (entry) => ({
      conceptId: entry.conceptId,
      labels: labels.get(entry.conceptId) ?? {
        fi: entry.conceptId,
        sv: entry.conceptId,
        en: entry.conceptId,
      },
      lq: entry.lq,
      count: entry.count,
      level: entry.level,
      parentId: snapshot.tree.nodes.get(entry.conceptId)?.parentId ?? null,
      share: entry.share,
      networkCount: entry.networkCount,
      networkShare: entry.networkShare,
      fewData: entry.fewData,
      stated: stated.has(entry.conceptId),
    }),
  );
}

export function matrixView(
  snapshot: EcosystemSnapshot,
  organisations: EcosystemOrganisationRow[],
  regions: RegionRow[],
  level: number,
) {
  const counts = networkCounts(snapshot, organisations, regions);
  const regionIds = regions.map((r) => r.id);
  const concepts = new Map(snapshot.concepts.map((c) => [c.id, c]));
  return {
    level,
    regions: regions.map((r) => ({
      id: r.id,
      name: r.name,
      organisationCount: organisations.filter((o) => o.regionId === r.id).length,
    })),
    rows: buildValueChainMatrix(snapshot.tree, counts, regionIds, level, snapshot.order).map((row) => {
      const concept = concepts.get(row.conceptId)!;
      return { ...row, parentId: concept.parentId, labels: concept.labels };
    }),
  };
}

const firstWord = (text: string) => text.split(/[\s–—\-(,]/)[0] ?? '';

/** The main city of a region: the municipality the region is named after, else the first by name. */
export function mainMunicipality(region: RegionRow, municipalities: RegionMunicipalityRow[]) {
  const named = firstWord(region.name.fi).toLocaleLowerCase('fi');
  return (
    municipalities.find((m) => m.nameFi.toLocaleLowerCase('fi') === named) ??
    [...municipalities].sort((a, b) => a.nameFi.localeCompare(b.nameFi, 'fi'))[0] ??
    null
  );
}

/** The region's stated specialisation concepts with their labels; unknown ids keep the id as label. */
export function statedConcepts(snapshot: EcosystemSnapshot, region: RegionRow) {
  const concepts = new Map(snapshot.concepts.map((c) => [c.id, c]));
  return region.specialisationConceptIds.map((id) => {
    const concept = concepts.get(id);
    return {
      id,
      level: concept?.level ?? 0,
      labels: concept?.labels ?? { fi: id, sv: id, en: id },
    };
  });
}

export function presentMunicipality(m: { code: string; nameFi: string; nameSv: string }) {
  return { code: m.code, name: { fi: m.nameFi, sv: m.nameSv } };
}

/**
 * Organisations as points on the map, at their municipality's point (from the shipped table).
 * One that names no known municipality is shown at its region's main city; one with neither is
 * only counted. Stages are the level-1 concepts of its competences, the core competence's first.
 */
export function mapView(
  snapshot: EcosystemSnapshot,
  organisations: EcosystemOrganisationRow[],
  regions: RegionRow[],
  municipalities: RegionMunicipalityRow[],
  locator: MunicipalityLocator,
): EcosystemMap {
  const regionIds = new Set(regions.map((r) => r.id));
  const byRegion = new Map<string, RegionMunicipalityRow[]>();
  for (const m of municipalities) {
    const list = byRegion.get(m.regionId) ?? [];
    list.push(m);
    byRegion.set(m.regionId, list);
  }
  const mainCity = new Map(regions.map((r) => [r.id, mainMunicipality(r, byRegion.get(r.id) ?? [])]));

  const points = new Map<string, MapPoint[]>();
  const outside: MapPoint[] = [];
  let unplaced = 0;
  for (const o of organisations) {
    const regionId = o.regionId && regionIds.has(o.regionId) ? o.regionId : null;
    let location = locator.byName(o.municipality);
    let placedBy: MapPoint['placedBy'] = 'municipality';
    if (!location && regionId) {
      const main = mainCity.get(regionId);
      location = main ? locator.byCode(main.code) : undefined;
      placedBy = 'region';
    }
    if (!location) {
      unplaced += 1;
      continue;
    }
    const point: MapPoint = {
      id: o.id,
      name: o.name,
      nameEn: o.nameEn,
      municipality: { code: location.code, name: { fi: location.fi, sv: location.sv } },
      lon: location.lon,
      lat: location.lat,
      placedBy,
      stages: topLevelConcepts(snapshot.tree, o.conceptIds),
    };
    if (regionId) {
      const list = points.get(regionId) ?? [];
      list.push(point);
      points.set(regionId, list);
    } else {
      outside.push(point);
    }
  }

  return {
    regions: regions.map((r) => {
      const main = mainCity.get(r.id) ?? null;
      const list = byRegion.get(r.id) ?? [];
      return {
        id: r.id,
        name: r.name,
        municipalities: (main ? [main, ...list.filter((m) => m !== main)] : list).map(presentMunicipality),
        mainMunicipality: main?.code ?? null,
        organisations: points.get(r.id) ?? [],
      };
    }),
    outside,
    unplaced,
  };
}
