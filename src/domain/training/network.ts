import type { TrainingLevel } from '../skills/gap-definitions.ts';
import { LEVEL_ORDER } from './path-validation.ts';

/**
 * The education network: which institution delivers what — by training level and by
 * competence area (the top of the value-chain taxonomy) — in which region, and where nobody
 * does. Built from public training programmes and modules only.
 */

export type NetworkProgramme = {
  id: string;
  organisationId: string;
  organisationName: string;
  level: TrainingLevel;
  eqfLevel: number;
  regionId: string | null;
  competenceIds: readonly string[];
};

export type NetworkProvider = { organisationId: string; organisationName: string; programmeIds: string[] };

export type NetworkCell = {
  regionId: string;
  /** A training level (levels view) or a competence area's concept id (competences view). */
  key: string;
  providers: NetworkProvider[];
  programmes: number;
};

export type NetworkView = {
  regionIds: string[];
  levels: TrainingLevel[];
  competenceAreas: string[];
  /** Region × training level: every pair, empty ones with no providers. */
  byLevel: NetworkCell[];
  /** Region × competence area: every pair, empty ones with no providers. */
  byCompetence: NetworkCell[];
  /** Programmes without a network region (they count in no cell). */
  withoutRegion: number;
};

function cellsFor(
  regionIds: readonly string[],
  keys: readonly string[],
  programmes: readonly NetworkProgramme[],
  keysOf: (p: NetworkProgramme) => readonly string[],
): NetworkCell[] {
  const index = new Map<string, Map<string, NetworkProvider>>();
  const counts = new Map<string, number>();
  for (const p of programmes) {
    if (p.regionId === null) continue;
    for (const key of new Set(keysOf(p))) {
      const cellKey = `${p.regionId}\u0000${key}`;
      let providers = index.get(cellKey);
      if (!providers) {
        providers = new Map();
        index.set(cellKey, providers);
      }
      const provider = providers.get(p.organisationId) ?? {
        organisationId: p.organisationId,
        organisationName: p.organisationName,
        programmeIds: [],
      };
      provider.programmeIds.push(p.id);
      providers.set(p.organisationId, provider);
      counts.set(cellKey, (counts.get(cellKey) ?? 0) + 1);
    }
  }
  const cells: NetworkCell[] = [];
  for (const regionId of regionIds)
    for (const key of keys) {
      const cellKey = `${regionId}\u0000${key}`;
      const providers = [...(index.get(cellKey)?.values() ?? [])].sort((a, b) =>
        a.organisationName.localeCompare(b.organisationName, 'fi'),
      );
      cells.push({ regionId, key, providers, programmes: counts.get(cellKey) ?? 0 });
    }
  return cells;
}

/**
 * `areaOf` maps a competence concept to its competence area (or null when it is outside the
 * areas shown). Filters: one region, one training level.
 */
export function networkView(
  programmes: readonly NetworkProgramme[],
  regionIds: readonly string[],
  competenceAreas: readonly string[],
  areaOf: (conceptId: string) => string | null,
  filter: { regionId?: string; level?: TrainingLevel },
): NetworkView {
  const regions = filter.regionId ? regionIds.filter((r) => r === filter.regionId) : [...regionIds];
  const levels = filter.level ? [filter.level] : [...LEVEL_ORDER];
  const chosen = programmes.filter((p) => !filter.level || p.level === filter.level);
  const areas = new Set(competenceAreas);
  return {
    regionIds: regions,
    levels,
    competenceAreas: [...competenceAreas],
    byLevel: cellsFor(regions, levels, chosen, (p) => [p.level]),
    byCompetence: cellsFor(regions, competenceAreas, chosen, (p) =>
      p.competenceIds.map(areaOf).filter((a): a is string => a !== null && areas.has(a)),
    ),
    withoutRegion: chosen.filter((p) => p.regionId === null).length,
  };
}
