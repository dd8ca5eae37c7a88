import {
  comboIndex,
  HORIZON_ALL,
  HORIZON_SLOTS,
  horizonYears,
  type RoundCube,
  type SupplyCube,
} from './gap-cube.ts';
import type { Release } from './disclosure.ts';
import { type GapDimension, type Horizon, HORIZONS, roundFigure } from './gap-definitions.ts';

/**
 * Gap views from the cube: any subset of role, EQF level, region and horizon as groups, the
 * others either filtered to one value or rolled up. Every row is one lattice cell, so its
 * published/suppressed status is the same in every view (disclosure.ts).
 */

/** Who is looking: admins see every figure, a coordinator their own region's, others the release. */
export type GapViewer = { kind: 'public' } | { kind: 'all' } | { kind: 'region'; regionId: string };

export type GapFilter = { roleId?: string; eqf?: number; regionId?: string; horizon?: Horizon };

export type GapRow = {
  roleId: string | null;
  eqf: number | null;
  region: string | null;
  horizon: Horizon | null;
  demand: number | null;
  supply: number;
  gap: number | null;
  employers: number | null;
  suppressed: boolean;
  /** Shown un-suppressed to this viewer only (their own region, or an admin); not public. */
  restricted: boolean;
};

type Slots = { role: number[]; eqf: number[]; region: number[]; horizon: number[] } | null;

function slots(cube: RoundCube, filter: GapFilter, groupBy: ReadonlySet<GapDimension>): Slots {
  const { dims } = cube;
  // Filtered: that one value (none when it is unknown); grouped: every value; else rolled up.
  const pick = (
    dimension: GapDimension,
    wanted: number | undefined,
    given: boolean,
    n: number,
    all: number,
  ) =>
    given
      ? wanted === undefined
        ? null
        : [wanted]
      : groupBy.has(dimension)
        ? Array.from({ length: n }, (_, i) => i)
        : [all];
  const eqf = filter.eqf;
  const eqfIndex =
    eqf !== undefined && Number.isInteger(eqf) && eqf >= 1 && eqf <= dims.nE ? eqf - 1 : undefined;
  const horizonIndex = filter.horizon === undefined ? -1 : HORIZONS.indexOf(filter.horizon);
  const role = pick(
    'role',
    filter.roleId === undefined ? undefined : dims.roleIndex.get(filter.roleId),
    filter.roleId !== undefined,
    dims.nR,
    dims.nR,
  );
  const level = pick('eqf', eqfIndex, eqf !== undefined, dims.nE, dims.nE);
  const region = pick(
    'region',
    filter.regionId === undefined ? undefined : dims.regionIndex.get(filter.regionId),
    filter.regionId !== undefined,
    dims.nG,
    dims.nG,
  );
  const horizon = pick(
    'horizon',
    horizonIndex < 0 ? undefined : horizonIndex,
    filter.horizon !== undefined,
    HORIZONS.length,
    HORIZON_ALL,
  );
  if (!role || !level || !region || !horizon) return null;
  return { role, eqf: level, region, horizon };
}

export function queryGapCells(
  cube: RoundCube,
  release: Release,
  supply: SupplyCube,
  filter: GapFilter,
  groupBy: ReadonlySet<GapDimension>,
  viewer: GapViewer,
): GapRow[] {
  const s = slots(cube, filter, groupBy);
  if (!s) return [];
  const rows: GapRow[] = [];
  for (const r of s.role)
    for (const e of s.eqf)
      for (const g of s.region)
        for (const h of s.horizon) {
          const row = presentCell(cube, release, supply, r, e, g, h, viewer, false);
          if (row) rows.push(row);
        }
  return rows;
}

/** One cell (every dimension filtered or rolled up), also when it is empty: for trends. */
export function gapCell(
  cube: RoundCube,
  release: Release,
  supply: SupplyCube,
  filter: GapFilter,
  viewer: GapViewer,
): GapRow | null {
  const s = slots(cube, filter, new Set());
  if (!s) return null;
  return presentCell(cube, release, supply, s.role[0]!, s.eqf[0]!, s.region[0]!, s.horizon[0]!, viewer, true);
}

function presentCell(
  cube: RoundCube,
  release: Release,
  supply: SupplyCube,
  r: number,
  e: number,
  g: number,
  h: number,
  viewer: GapViewer,
  keepEmpty: boolean,
): GapRow | null {
  const { dims } = cube;
  const combo = comboIndex(dims, r, e, g);
  const cell = combo * HORIZON_SLOTS + h;
  const employers = cube.employers[combo]!;
  const supplied = roundFigure(supply.yearly[combo]! * horizonYears(h));
  if (employers === 0 && supplied === 0 && !keepEmpty) return null;
  const regionId = g === dims.nG ? null : dims.regions[g]!;
  const hidden = employers > 0 && release.suppressed[cell] === 1;
  const privileged =
    viewer.kind === 'all' || (viewer.kind === 'region' && regionId !== null && viewer.regionId === regionId);
  const suppressed = hidden && !privileged;
  const demand = cube.demand[cell]!;
  return {
    roleId: r === dims.nR ? null : dims.roles[r]!,
    eqf: e === dims.nE ? null : e + 1,
    region: regionId,
    horizon: h === HORIZON_ALL ? null : HORIZONS[h]!,
    demand: suppressed ? null : demand,
    supply: supplied,
    gap: suppressed ? null : roundFigure(demand - supplied),
    employers: suppressed ? null : employers,
    suppressed,
    restricted: hidden && privileged,
  };
}
