import { ALL_HORIZONS_YEARS, EQF_COUNT, HORIZON_YEARS, HORIZONS, supplyPerRole } from './gap-definitions.ts';

/**
 * The gap cube: every cell of the roll-up lattice of a survey round, pre-aggregated in typed
 * arrays and kept current one employer at a time, so that any filter and roll-up the API offers
 * is a lookup — with exact distinct-employer counts and the largest single employer's share,
 * which the disclosure rule needs (gap-definitions.ts says what is counted).
 *
 * Layout. Roles, EQF levels and regions are indexed 0…n−1 and n stands for "all" (STAR). A
 * *combo* is (role|all, eqf|all, region|all): `(r·(nE+1) + e)·(nG+1) + g`. A *cell* adds the
 * horizon (0 now, 1 in 1–3 years, 2 in 3–5 years, 3 all): `combo·4 + h`. Employers are counted
 * per combo (an employer answers all three horizons at once); demand and the largest employer's
 * demand per cell. With 40 roles and 8 regions that is 13,284 cells per round: a few hundred kB.
 *
 * Each employer's own answers are kept (as base combos and their three headcounts), so that its
 * answers can be replaced — a respondent submitting again, an import — by subtracting its old
 * contribution and adding the new one in O(its answers × 8), instead of rebuilding the round.
 */

export const HORIZON_SLOTS = 4;
export const HORIZON_ALL = 3;

export type GapDims = {
  readonly roles: readonly string[];
  readonly regions: readonly string[];
  readonly roleIndex: ReadonlyMap<string, number>;
  readonly regionIndex: ReadonlyMap<string, number>;
  readonly nR: number;
  readonly nE: number;
  readonly nG: number;
  /** Combos of the lattice: (nR+1)(nE+1)(nG+1). */
  readonly comboCount: number;
  /** Cells of the lattice: comboCount × 4. */
  readonly cellCount: number;
};

/** Role and region dictionaries; EQF levels 1–8 and the three horizons are fixed. */
export function createGapDims(roles: Iterable<string>, regions: Iterable<string>): GapDims {
  const roleList = [...new Set(roles)];
  const regionList = [...new Set(regions)];
  const nR = roleList.length;
  const nE = EQF_COUNT;
  const nG = regionList.length;
  const comboCount = (nR + 1) * (nE + 1) * (nG + 1);
  return {
    roles: roleList,
    regions: regionList,
    roleIndex: new Map(roleList.map((id, i) => [id, i])),
    regionIndex: new Map(regionList.map((id, i) => [id, i])),
    nR,
    nE,
    nG,
    comboCount,
    cellCount: comboCount * HORIZON_SLOTS,
  };
}

export function comboIndex(dims: GapDims, r: number, e: number, g: number): number {
  return (r * (dims.nE + 1) + e) * (dims.nG + 1) + g;
}

export function decodeCombo(dims: GapDims, combo: number): [r: number, e: number, g: number] {
  const g = combo % (dims.nG + 1);
  const rest = (combo - g) / (dims.nG + 1);
  const e = rest % (dims.nE + 1);
  return [(rest - e) / (dims.nE + 1), e, g];
}

export function decodeCell(dims: GapDims, cell: number): [r: number, e: number, g: number, h: number] {
  const h = cell % HORIZON_SLOTS;
  return [...decodeCombo(dims, (cell - h) / HORIZON_SLOTS), h];
}

/** The 8 combos a base combo (r, e, g) adds to: itself and every roll-up of it. */
export function ancestorCombos(dims: GapDims, r: number, e: number, g: number, out: Int32Array): void {
  let i = 0;
  for (const rr of [r, dims.nR])
    for (const ee of [e, dims.nE]) for (const gg of [g, dims.nG]) out[i++] = comboIndex(dims, rr, ee, gg);
}

/** One stated need, as the cube takes it. */
export type GapAnswer = {
  employerId: string;
  roleId: string;
  eqfLevel: number;
  regionId: string;
  now: number;
  in1to3: number;
  in3to5: number;
};

/** One employer's answers in a round, summed per base combo. */
type EmployerRows = { combos: Int32Array; values: Float64Array };

export type RoundCube = {
  readonly dims: GapDims;
  readonly employerIndex: Map<string, number>;
  readonly employerIds: string[];
  readonly contributions: (EmployerRows | undefined)[];
  /** Distinct responding employers per combo. */
  readonly employers: Int32Array;
  /** Demand per cell. */
  readonly demand: Float64Array;
  /** The largest single employer's demand per cell (the dominance rule). */
  readonly maxShare: Float64Array;
  /** Bumped by every change; a disclosure release computed for an older revision is stale. */
  revision: number;
  scratch: Scratch | null;
};

type Scratch = { sums: Float64Array; mark: Int32Array; touched: Int32Array; stamp: number };

export function createRoundCube(dims: GapDims): RoundCube {
  return {
    dims,
    employerIndex: new Map(),
    employerIds: [],
    contributions: [],
    employers: new Int32Array(dims.comboCount),
    demand: new Float64Array(dims.cellCount),
    maxShare: new Float64Array(dims.cellCount),
    revision: 0,
    scratch: null,
  };
}

/** Whether the dims know every role and region of these answers (else the cube must be rebuilt). */
export function dimsCover(dims: GapDims, answers: readonly GapAnswer[]): boolean {
  return answers.every(
    (a) =>
      dims.roleIndex.has(a.roleId) &&
      dims.regionIndex.has(a.regionId) &&
      Number.isInteger(a.eqfLevel) &&
      a.eqfLevel >= 1 &&
      a.eqfLevel <= dims.nE,
  );
}

/** A round's cube from its counted answers. Answers whose role or region the dims lack are skipped. */
export function buildRoundCube(dims: GapDims, answers: Iterable<GapAnswer>): RoundCube {
  const cube = createRoundCube(dims);
  const byEmployer = new Map<string, GapAnswer[]>();
  for (const answer of answers) {
    const list = byEmployer.get(answer.employerId);
    if (list) list.push(answer);
    else byEmployer.set(answer.employerId, [answer]);
  }
  for (const [employerId, list] of byEmployer) {
    const rows = employerRows(dims, list);
    if (rows.combos.length === 0) continue;
    const index = employerSlot(cube, employerId);
    cube.contributions[index] = rows;
    accumulate(cube, rows, 1, null);
  }
  cube.revision++;
  return cube;
}

/**
 * Replaces everything one employer answered in the round (its new answers; none removes it).
 * Returns false — and changes nothing — when an answer names a role or region the dims lack:
 * then the caller rebuilds with wider dims.
 */
export function replaceEmployerAnswers(
  cube: RoundCube,
  employerId: string,
  answers: readonly GapAnswer[],
): boolean {
  if (!dimsCover(cube.dims, answers)) return false;
  const index = employerSlot(cube, employerId);
  const old = cube.contributions[index];
  const dirty = old ? new Uint8Array(cube.dims.cellCount) : null;
  let anyDirty = false;
  if (old) anyDirty = accumulate(cube, old, -1, dirty);
  const rows = employerRows(cube.dims, answers);
  cube.contributions[index] = rows.combos.length ? rows : undefined;
  accumulate(cube, rows, 1, null);
  if (anyDirty && dirty) recomputeMaxShares(cube, dirty);
  cube.revision++;
  return true;
}

function employerSlot(cube: RoundCube, employerId: string): number {
  let index = cube.employerIndex.get(employerId);
  if (index === undefined) {
    index = cube.employerIds.length;
    cube.employerIds.push(employerId);
    cube.employerIndex.set(employerId, index);
  }
  return index;
}

function employerRows(dims: GapDims, answers: readonly GapAnswer[]): EmployerRows {
  const byCombo = new Map<number, [number, number, number]>();
  for (const a of answers) {
    const r = dims.roleIndex.get(a.roleId);
    const g = dims.regionIndex.get(a.regionId);
    const e = a.eqfLevel - 1;
    if (r === undefined || g === undefined || !(e >= 0 && e < dims.nE)) continue;
    const combo = comboIndex(dims, r, e, g);
    const sums = byCombo.get(combo);
    if (sums) {
      sums[0] += a.now;
      sums[1] += a.in1to3;
      sums[2] += a.in3to5;
    } else byCombo.set(combo, [a.now, a.in1to3, a.in3to5]);
  }
  const combos = new Int32Array(byCombo.size);
  const values = new Float64Array(byCombo.size * 3);
  let i = 0;
  for (const [combo, sums] of byCombo) {
    combos[i] = combo;
    values.set(sums, i * 3);
    i++;
  }
  return { combos, values };
}

function scratchOf(cube: RoundCube): Scratch {
  cube.scratch ??= {
    sums: new Float64Array(cube.dims.cellCount),
    mark: new Int32Array(cube.dims.comboCount),
    touched: new Int32Array(cube.dims.comboCount),
    stamp: 0,
  };
  return cube.scratch;
}

/**
 * Sums one employer's answers into every combo they roll up to (scratch), then calls `visit`
 * with each touched combo; `sums` holds the employer's 4 horizon totals at `combo·4`.
 */
function forEachEmployerCombo(
  cube: RoundCube,
  rows: EmployerRows,
  visit: (combo: number, sums: Float64Array) => void,
): void {
  const { dims } = cube;
  const s = scratchOf(cube);
  s.stamp++;
  let touchedCount = 0;
  const ancestors = new Int32Array(8);
  for (let i = 0; i < rows.combos.length; i++) {
    const [r, e, g] = decodeCombo(dims, rows.combos[i]!);
    const v0 = rows.values[i * 3]!;
    const v1 = rows.values[i * 3 + 1]!;
    const v2 = rows.values[i * 3 + 2]!;
    ancestorCombos(dims, r, e, g, ancestors);
    for (const a of ancestors) {
      const at = a * HORIZON_SLOTS;
      if (s.mark[a] !== s.stamp) {
        s.mark[a] = s.stamp;
        s.touched[touchedCount++] = a;
        s.sums[at] = 0;
        s.sums[at + 1] = 0;
        s.sums[at + 2] = 0;
        s.sums[at + 3] = 0;
      }
      s.sums[at]! += v0;
      s.sums[at + 1]! += v1;
      s.sums[at + 2]! += v2;
      s.sums[at + 3]! += v0 + v1 + v2;
    }
  }
  for (let i = 0; i < touchedCount; i++) visit(s.touched[i]!, s.sums);
}

/** Adds (sign 1) or removes (sign −1) an employer; on removal marks cells whose maximum it was. */
function accumulate(cube: RoundCube, rows: EmployerRows, sign: 1 | -1, dirty: Uint8Array | null): boolean {
  let anyDirty = false;
  forEachEmployerCombo(cube, rows, (combo, sums) => {
    cube.employers[combo]! += sign;
    for (let h = 0; h < HORIZON_SLOTS; h++) {
      const cell = combo * HORIZON_SLOTS + h;
      const value = sums[cell]!;
      cube.demand[cell]! += sign * value;
      if (sign > 0) {
        if (value > cube.maxShare[cell]!) cube.maxShare[cell] = value;
      } else if (dirty && value > 0 && value >= cube.maxShare[cell]!) {
        dirty[cell] = 1;
        anyDirty = true;
      }
    }
  });
  return anyDirty;
}

/** The largest employer left a cell or gave less: find the new largest, exactly. */
function recomputeMaxShares(cube: RoundCube, dirty: Uint8Array): void {
  for (let cell = 0; cell < dirty.length; cell++) if (dirty[cell]) cube.maxShare[cell] = 0;
  for (const rows of cube.contributions) {
    if (!rows) continue;
    forEachEmployerCombo(cube, rows, (combo, sums) => {
      for (let h = 0; h < HORIZON_SLOTS; h++) {
        const cell = combo * HORIZON_SLOTS + h;
        if (dirty[cell] && sums[cell]! > cube.maxShare[cell]!) cube.maxShare[cell] = sums[cell]!;
      }
    });
  }
}

/** Training supply per combo (yearly graduates, shared among a programme's roles). */
export type SupplyCube = { readonly dims: GapDims; readonly yearly: Float64Array };

export type SupplyProgramme = {
  roleIds: readonly string[];
  eqfLevel: number;
  regionId: string | null;
  yearlyGraduates: number | null;
};

export function buildSupplyCube(dims: GapDims, programmes: Iterable<SupplyProgramme>): SupplyCube {
  const yearly = new Float64Array(dims.comboCount);
  const ancestors = new Int32Array(8);
  for (const p of programmes) {
    const g = p.regionId === null ? undefined : dims.regionIndex.get(p.regionId);
    const e = p.eqfLevel - 1;
    if (g === undefined || !(e >= 0 && e < dims.nE)) continue;
    const roles = [...new Set(p.roleIds)];
    const share = supplyPerRole(p.yearlyGraduates, roles.length);
    if (share === 0) continue;
    for (const roleId of roles) {
      const r = dims.roleIndex.get(roleId);
      if (r === undefined) continue;
      ancestorCombos(dims, r, e, g, ancestors);
      for (const a of ancestors) yearly[a]! += share;
    }
  }
  return { dims, yearly };
}

/** Years of supply a horizon slot counts. */
export function horizonYears(h: number): number {
  return h === HORIZON_ALL ? ALL_HORIZONS_YEARS : HORIZON_YEARS[HORIZONS[h]!];
}
