import type { GapRow } from '../skills/gap-query.ts';

/**
 * Coverage of a training path against the skills analysis: which competence gaps — published
 * cells of job role × EQF level × region (all horizons) with more people needed than trained —
 * the path's modules address, and which remain.
 *
 * Only published figures are used (the public release of disclosure.ts): a path page is public,
 * so coverage must never reveal a suppressed cell. Suppressed cells in the path's scope are only
 * counted. A cell is *closed* by the path when one of its modules prepares for the role at that
 * EQF level in that region (a network-wide cell: in any region). A cell *remains* when it is in
 * the path's scope — its regions, at the EQF levels it spans — and no module addresses it; a
 * module preparing for the role at another level or in another region is listed as *nearby*.
 */

export type CoverageModule = {
  id: string;
  eqfLevel: number;
  regionId: string | null;
  roleIds: readonly string[];
};

export type CoverageCell = {
  roleId: string;
  eqf: number;
  /** null: the whole network. */
  regionId: string | null;
  demand: number;
  supply: number;
  gap: number;
  /** Modules of the path that prepare for this role at this level in this region. */
  stepIds: string[];
  /** Modules preparing for the role at another level or in another region. */
  nearbyStepIds: string[];
};

export type CoverageGroup = {
  key: string | number | null;
  closed: number;
  remaining: number;
  closedGap: number;
  remainingGap: number;
};

export type PathCoverage = {
  /** Regions in scope: the path's regions, else those of its modules. */
  regionIds: string[];
  eqfLevels: number[];
  closed: CoverageCell[];
  remaining: CoverageCell[];
  /** Cells in scope not published (too few employers, or dominated): not shown. */
  suppressedInScope: number;
  byLevel: CoverageGroup[];
  byRegion: CoverageGroup[];
};

const round1 = (n: number) => Math.round(n * 10) / 10;

function groupBy(
  cells: { closed: CoverageCell[]; remaining: CoverageCell[] },
  key: (c: CoverageCell) => string | number | null,
) {
  const groups = new Map<string | number | null, CoverageGroup>();
  const at = (k: string | number | null) => {
    let g = groups.get(k);
    if (!g) {
      g = { key: k, closed: 0, remaining: 0, closedGap: 0, remainingGap: 0 };
      groups.set(k, g);
    }
    return g;
  };
  for (const c of cells.closed) {
    const g = at(key(c));
    g.closed += 1;
    g.closedGap = round1(g.closedGap + c.gap);
  }
  for (const c of cells.remaining) {
    const g = at(key(c));
    g.remaining += 1;
    g.remainingGap = round1(g.remainingGap + c.gap);
  }
  return [...groups.values()].sort((a, b) =>
    a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1,
  );
}

/**
 * `rows`: gap cells grouped by role × EQF level × region and by role × EQF level (network),
 * all horizons, as the public sees them. `pathRegionIds`: the path's own regions (may be empty).
 */
export function pathCoverage(
  modules: readonly CoverageModule[],
  pathRegionIds: readonly string[],
  rows: readonly GapRow[],
): PathCoverage {
  const regionIds = [
    ...new Set(
      pathRegionIds.length
        ? pathRegionIds
        : modules.map((m) => m.regionId).filter((r): r is string => r !== null),
    ),
  ].sort();
  const eqfLevels = [...new Set(modules.map((m) => m.eqfLevel))].sort((a, b) => a - b);
  const lowest = eqfLevels[0] ?? 0;
  const highest = eqfLevels.at(-1) ?? -1;
  const inScope = (row: GapRow) =>
    row.roleId !== null &&
    row.eqf !== null &&
    row.horizon === null &&
    row.eqf >= lowest &&
    row.eqf <= highest &&
    (row.region === null || regionIds.includes(row.region));

  const closed: CoverageCell[] = [];
  const remaining: CoverageCell[] = [];
  let suppressedInScope = 0;
  for (const row of rows) {
    if (!inScope(row)) continue;
    if (row.suppressed || row.gap === null || row.demand === null) {
      suppressedInScope += 1;
      continue;
    }
    if (row.gap <= 0) continue;
    const forRole = modules.filter((m) => m.roleIds.includes(row.roleId!));
    const exact = forRole.filter(
      (m) => m.eqfLevel === row.eqf && (row.region === null || m.regionId === row.region),
    );
    const cell: CoverageCell = {
      roleId: row.roleId!,
      eqf: row.eqf!,
      regionId: row.region,
      demand: row.demand,
      supply: row.supply,
      gap: row.gap,
      stepIds: exact.map((m) => m.id).sort(),
      nearbyStepIds: forRole
        .filter((m) => !exact.includes(m))
        .map((m) => m.id)
        .sort(),
    };
    (exact.length ? closed : remaining).push(cell);
  }
  const order = (a: CoverageCell, b: CoverageCell) =>
    b.gap - a.gap ||
    a.eqf - b.eqf ||
    (a.regionId ?? '~').localeCompare(b.regionId ?? '~') ||
    a.roleId.localeCompare(b.roleId);
  closed.sort(order);
  remaining.sort(order);
  return {
    regionIds,
    eqfLevels,
    closed,
    remaining,
    suppressedInScope,
    byLevel: groupBy({ closed, remaining }, (c) => c.eqf),
    byRegion: groupBy({ closed, remaining }, (c) => c.regionId),
  };
}
