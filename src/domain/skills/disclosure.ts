import { DOMINANCE_SHARE, MIN_EMPLOYERS } from './gap-definitions.ts';
import { comboIndex, decodeCell, type GapDims, HORIZON_SLOTS, type RoundCube } from './gap-cube.ts';

/**
 * Disclosure control of the gap analysis: which cells of a round are published.
 *
 * **Primary suppression.** A cell (of any roll-up level) with fewer than MIN_EMPLOYERS responding
 * employers, or where the largest employer gives more than DOMINANCE_SHARE of the demand, is
 * suppressed.
 *
 * **Who might attack.** (1) Anyone: everything the API publishes, across every view — every
 * filter and roll-up is a cell of the same lattice with the same status, so the whole release
 * is the set of published cells — plus the knowledge that a cell not listed is empty (zero).
 * (2) A region's coordinator, who also sees every figure of their own region un-suppressed and
 * could subtract it from network-wide roll-ups. Neither may learn a suppressed figure — for a
 * coordinator, the part of it outside their region — exactly, neither by subtracting published
 * totals along any hierarchy nor by any other linear combination, given that headcounts are
 * whole numbers ≥ 0. (Respondents know their own answers; against them the dominance rule is the
 * usual protection.)
 *
 * **The rule: every suppressed cell carries a witness.** A witness is a change δ to the base
 * cells (role × level × region × horizon) that leaves every published figure as it is but changes
 * the suppressed one: the data x and x + δ then give the attacker identical releases, so the
 * suppressed value cannot be recovered. Two shapes of δ are used. *Hypercubes*: for each of role,
 * EQF level, region and horizon either one value a (held fixed) or two values a, b (δ alternates
 * +1/−1 between them); δ is the product, on the 2^k corner cells. Summing δ over a lattice cell
 * factorises per dimension, so the cells it changes are exactly 16: for a varied dimension the
 * cell must fix it to a or b; for a fixed one it must fix a or roll it up. A *diagonal* hypercube
 * takes role and level together as one factor, +1 on (r, e) and −1 on (r′, e′): its sums vanish
 * on "all roles, all levels", so it changes neither region nor network totals. *Pairs*: +1 on one
 * base cell and −1 on another that differs in several dimensions; they change the cells above
 * exactly one of the two. Publishing rule: *every cell a witness changes
 * is suppressed*. Corners must be non-empty cells (a known-empty cell cannot move), and the corners
 * δ lowers must hold ≥ 1 (x + δ stays ≥ 0 and whole); a single corner (δ = +1) always works.
 *
 * Every suppressed cell lies in some witness's 16, so the public can recover none of them (a value
 * that x and x + δ give differently is no function of what both publish alike). The confidential
 * figures — the cells that fail the primary rule — are also protected from every coordinator who
 * may not see them: a coordinator knows their own region's cells, so only a witness whose corners
 * avoid that region hides anything from them. A confidential cell of region g therefore gets
 * either a witness in g alone, or two that pair g with two different other regions; a confidential
 * network-wide cell (region rolled up; only a witness within one region can move it) with answers
 * in two or more regions gets witnesses in two regions. (A coordinator may work out a cell that is
 * suppressed only to shield another — e.g. a network total = their region + the published rest —
 * which tells them nothing confidential.)
 *
 * **The algorithm.** For each primary suppression without enough witnesses, choose the cheapest
 * witness (fewest newly suppressed cells, weighted by their employers and roll-up level — margins
 * are expensive to lose; a pair of two-region witnesses is weighed against one single-region witness) and suppress
 * what it touches. Suppression only grows, and a witness stays valid when more cells are
 * suppressed, so at the end every primary cell is protected against every attacker. The witnesses
 * are returned so that a test can check each against the raw data (disclosure.test.ts), and
 * independent attackers there try subtraction along every hierarchy and full linear algebra on
 * random rounds.
 */

type Values = readonly [number] | readonly [number, number];
/** A base cell: role, EQF index, region, horizon (0–2). */
export type Corner = readonly [r: number, e: number, g: number, h: number];

/** One witness: a hypercube (per dimension one value, fixed, or two, varied) or a ± pair of cells. */
export type Witness =
  | {
      kind: 'cube';
      role: Values;
      eqf: Values;
      region: Values;
      horizon: Values;
      /** Role and level varied together: corners (role[0], eqf[0]) + and (role[1], eqf[1]) − only. */
      diagonal?: true;
    }
  | { kind: 'pair'; plus: Corner; minus: Corner };

/** The regions a witness's corners lie in (a coordinator of one of them can see it move). */
export function witnessRegions(w: Witness): number[] {
  return w.kind === 'cube' ? [...w.region] : [...new Set([w.plus[2], w.minus[2]])];
}

export type Release = {
  /** Per cell: 1 when the cell is not published. */
  readonly suppressed: Uint8Array;
  /** Per cell: 1 when the cell failed the threshold or the dominance rule itself. */
  readonly primary: Uint8Array;
  readonly witnesses: readonly Witness[];
  /** Suppressed cell → the witnesses (indices) whose 16 cells include it. */
  readonly coverage: ReadonlyMap<number, readonly number[]>;
  /** The cube revision this release was computed for. */
  readonly revision: number;
};

/** Whether a cell fails the threshold or the dominance rule on its own. */
export function failsPrimaryRule(employers: number, demand: number, largest: number): boolean {
  if (employers <= 0) return false;
  if (employers < MIN_EMPLOYERS) return true;
  return demand > 0 && largest > DOMINANCE_SHARE * demand;
}

export function computeRelease(cube: RoundCube): Release {
  return new ReleaseBuilder(cube).run();
}

type Candidate = { witness: Witness; cost: number; varied: number };

class ReleaseBuilder {
  private readonly dims: GapDims;
  private readonly suppressed: Uint8Array;
  private readonly primary: Uint8Array;
  private readonly coverage = new Map<number, number[]>();
  private readonly witnesses: Witness[] = [];

  private readonly starCount: Uint8Array;

  constructor(private readonly cube: RoundCube) {
    this.dims = cube.dims;
    this.suppressed = new Uint8Array(this.dims.cellCount);
    this.primary = new Uint8Array(this.dims.cellCount);
    this.starCount = new Uint8Array(this.dims.cellCount);
    for (let cell = 0; cell < this.dims.cellCount; cell++) this.starCount[cell] = this.stars(cell);
  }

  run(): Release {
    const { cube, dims } = this;
    // Finest cells first: their witnesses then tend to cover the margins' needs too.
    const byStars: number[][] = [[], [], [], [], []];
    for (let combo = 0; combo < dims.comboCount; combo++) {
      const employers = cube.employers[combo]!;
      if (employers === 0) continue;
      for (let h = 0; h < HORIZON_SLOTS; h++) {
        const cell = combo * HORIZON_SLOTS + h;
        if (!failsPrimaryRule(employers, cube.demand[cell]!, cube.maxShare[cell]!)) continue;
        this.primary[cell] = 1;
        this.suppressed[cell] = 1;
        byStars[this.stars(cell)]!.push(cell);
      }
    }
    for (const cells of byStars) for (const cell of cells) this.protect(cell);
    return {
      suppressed: this.suppressed,
      primary: this.primary,
      witnesses: this.witnesses,
      coverage: this.coverage,
      revision: cube.revision,
    };
  }

  private stars(cell: number): number {
    const { nR, nE, nG } = this.dims;
    const [r, e, g, h] = decodeCell(this.dims, cell);
    return +(r === nR) + +(e === nE) + +(g === nG) + +(h === HORIZON_SLOTS - 1);
  }

  /** Regions whose part of the cell is non-empty. */
  private regionsWithAnswers(cell: number): number[] {
    const [r, e] = decodeCell(this.dims, cell);
    const regions: number[] = [];
    for (let g = 0; g < this.dims.nG; g++)
      if (this.cube.employers[comboIndex(this.dims, r, e, g)]! > 0) regions.push(g);
    return regions;
  }

  private covering(cell: number): Witness[] {
    return (this.coverage.get(cell) ?? []).map((i) => this.witnesses[i]!);
  }

  /** Adds witnesses until the primary cell is hidden from the public and every coordinator. */
  private protect(cell: number): void {
    const g = decodeCell(this.dims, cell)[2];
    if (g === this.dims.nG) {
      // Network-wide: witnesses within one region each, in two regions (or its only one).
      const regions = this.regionsWithAnswers(cell);
      for (;;) {
        const have = new Set(
          this.covering(cell).flatMap((w) => {
            const within = witnessRegions(w);
            return within.length === 1 ? within : [];
          }),
        );
        if (have.size >= Math.min(2, regions.length)) return;
        let best: Candidate | null = null;
        for (const region of regions) {
          if (have.has(region)) continue;
          const found = this.cheapest(cell, [region], best?.cost ?? Number.POSITIVE_INFINITY);
          if (found && (!best || found.cost < best.cost)) best = found;
        }
        // A non-empty cell always has a single-corner witness in a region with answers.
        if (!best) throw new Error(`no witness for cell ${cell}`);
        this.apply(best.witness);
      }
    }
    for (;;) {
      const covering = this.covering(cell).map(witnessRegions);
      if (covering.some((regions) => regions.length === 1)) return;
      const partners = new Set(covering.flatMap((regions) => regions.filter((region) => region !== g)));
      if (partners.size >= 2) return;
      const single = this.cheapest(cell, [g], Number.POSITIVE_INFINITY);
      if (single?.cost === 0) {
        this.apply(single.witness);
        continue;
      }
      // Two-region witnesses: the cheapest with each partner not yet used (each must beat the
      // single-region one to be worth it).
      const paired: Candidate[] = [];
      for (let a = 0; a < this.dims.nG; a++) {
        if (a === g || partners.has(a)) continue;
        const found = this.cheapest(cell, [g, a], single ? single.cost : Number.POSITIVE_INFINITY);
        if (found) paired.push(found);
      }
      paired.sort((x, y) => x.cost - y.cost);
      const needed = 2 - partners.size;
      const pairCost =
        paired.length >= needed ? paired.slice(0, needed).reduce((sum, c) => sum + c.cost, 0) : Infinity;
      if (single && single.cost <= pairCost) this.apply(single.witness);
      else if (paired.length >= needed) this.apply(paired[0]!.witness);
      else if (single) this.apply(single.witness);
      else throw new Error(`no witness for cell ${cell}`);
    }
  }

  private apply(witness: Witness): void {
    const index = this.witnesses.push(witness) - 1;
    for (const cell of touchedCells(this.dims, witness)) {
      this.suppressed[cell] = 1;
      const list = this.coverage.get(cell);
      if (list) list.push(index);
      else this.coverage.set(cell, [index]);
    }
  }

  private value([r, e, g, h]: Corner): number {
    return this.cube.demand[comboIndex(this.dims, r, e, g) * HORIZON_SLOTS + h]!;
  }

  private nonEmpty(r: number, e: number, g: number): boolean {
    return this.cube.employers[comboIndex(this.dims, r, e, g)]! > 0;
  }

  /** The cheapest witness with corners in `regions` (one, or two to vary between) that moves `cell`. */
  private cheapest(cell: number, regions: Values, bound: number): Candidate | null {
    let best = this.cheapestProduct(cell, regions, bound);
    if (best?.cost === 0) return best;
    const pair = this.cheapestPair(cell, regions, best?.cost ?? bound);
    if (pair && (!best || pair.cost < best.cost)) best = pair;
    return best;
  }

  /** What suppressing a cell costs now: its employers, weighted by how much it rolls up; 0 when suppressed. */
  private weight(cell: number): number {
    if (this.suppressed[cell]) return 0;
    const level = 1 + this.starCount[cell]!;
    return (1 + this.cube.employers[(cell - (cell % HORIZON_SLOTS)) / HORIZON_SLOTS]!) * level * level;
  }

  /**
   * For one region factor and one horizon factor, the cost of every role × level cell (each
   * summed over the regions and horizons the witness touches): a hypercube or diagonal then
   * costs the sum of its 4 or 6 role × level cells (see touchedCells).
   */
  private roleLevelCosts(regions: Values, horizon: Values): Float64Array {
    const { nR, nE, nG } = this.dims;
    const gs = regions.length === 2 ? regions : [regions[0], nG];
    const hs = horizon.length === 2 ? horizon : [horizon[0], HORIZON_SLOTS - 1];
    const costs = new Float64Array((nR + 1) * (nE + 1));
    for (let r = 0; r <= nR; r++)
      for (let e = 0; e <= nE; e++) {
        let sum = 0;
        for (const g of gs)
          for (const h of hs) sum += this.weight(comboIndex(this.dims, r, e, g) * HORIZON_SLOTS + h);
        costs[r * (nE + 1) + e] = sum;
      }
    return costs;
  }

  /**
   * Hypercubes — per dimension the cell fixes, that value alone or it and a partner; per
   * dimension it rolls up, any one value — and diagonals (role and level varied together), whose
   * (r, e) must sum into the cell. Corners must be non-empty, and one sign class must hold ≥ 1.
   */
  private cheapestProduct(cell: number, regions: Values, bound: number): Candidate | null {
    const { dims } = this;
    const [r, e, , h] = decodeCell(dims, cell);
    const stride = dims.nE + 1;
    const nonEmpty = (rr: number, ee: number) => regions.every((g) => this.nonEmpty(rr, ee, g));
    const shared: [number, number][] = [];
    for (let rr = 0; rr < dims.nR; rr++)
      for (let ee = 0; ee < dims.nE; ee++) if (nonEmpty(rr, ee)) shared.push([rr, ee]);
    let best = null as Candidate | null;
    const consider = (witness: Witness, cost: number, varied: number) => {
      if (cost > bound || (best && (cost > best.cost || (cost === best.cost && varied <= best.varied))))
        return;
      // Only a single corner (+1) moves whatever the values; any ± witness must be checked.
      const single = witness.kind === 'cube' && !witness.diagonal && varied === 0;
      if (!single && !this.canMove(witness)) return;
      best = { witness, cost, varied };
    };
    for (const horizon of options(h, HORIZON_SLOTS - 1)) {
      const costs = this.roleLevelCosts(regions, horizon);
      const at = (rr: number, ee: number) => costs[rr * stride + ee]!;
      const pick = (values: Values, star: number) => (values.length === 2 ? values : [values[0], star]);
      for (const role of options(r, dims.nR)) {
        for (const eqf of options(e, dims.nE)) {
          if (!role.every((rr) => eqf.every((ee) => nonEmpty(rr, ee)))) continue;
          let cost = 0;
          for (const rr of pick(role, dims.nR)) for (const ee of pick(eqf, dims.nE)) cost += at(rr, ee);
          const varied = role.length + eqf.length + regions.length + horizon.length - 4;
          consider({ kind: 'cube', role, eqf, region: regions, horizon }, cost, varied);
          if (best?.cost === 0 && best.varied === 4) return best;
        }
      }
      // Diagonals: (r0, e0) in the cell, (r1, e1) differing in both — the cheapest (r1, e1) first.
      if (r === dims.nR && e === dims.nE) continue;
      const others = shared
        .map(([r1, e1]) => ({ r1, e1, cost: at(r1, e1) + at(r1, dims.nE) + at(dims.nR, e1) }))
        .sort((x, y) => x.cost - y.cost);
      for (const [r0, e0] of shared) {
        if ((r !== dims.nR && r0 !== r) || (e !== dims.nE && e0 !== e)) continue;
        const own = at(r0, e0) + at(r0, dims.nE) + at(dims.nR, e0);
        for (const { r1, e1, cost } of others) {
          if (best && own + cost > best.cost) break;
          if (r1 === r0 || e1 === e0) continue;
          const witness: Witness = {
            kind: 'cube',
            role: [r0, r1],
            eqf: [e0, e1],
            region: regions,
            horizon,
            diagonal: true,
          };
          const before = best;
          consider(witness, own + cost, 0);
          // The cheapest movable partner of (r0, e0) is found: the rest cost more.
          if (best !== before) break;
        }
      }
    }
    return best;
  }

  /**
   * Pairs: +1 on a non-empty base cell inside `cell` (in the first region), −1 on one outside it
   * in the same region (or in the second region), differing in two dimensions or more (those
   * differing in one are hypercubes already).
   */
  private cheapestPair(cell: number, regions: Values, bound: number): Candidate | null {
    const { dims } = this;
    const [r, e, , h] = decodeCell(dims, cell);
    const g = regions[0];
    const other = regions[1] ?? g;
    const inside = (c: Corner) =>
      (r === dims.nR || c[0] === r) &&
      (e === dims.nE || c[1] === e) &&
      (h === HORIZON_SLOTS - 1 || c[3] === h);
    const plusCells = this.baseCells(g).filter(inside);
    const minusCells = this.baseCells(other).filter((c) => other !== g || !inside(c));
    const minusCosts = minusCells.map((c) => this.commonCost(c, c));
    let best: Candidate | null = null;
    for (const plus of plusCells) {
      const plusCost = this.commonCost(plus, plus);
      for (const [i, minus] of minusCells.entries()) {
        let differing = 0;
        for (let d = 0; d < 4; d++) if (plus[d] !== minus[d]) differing++;
        if (differing < 2) continue;
        // The cells above both cancel: Σ above plus + Σ above minus − 2 Σ above both.
        const cost = plusCost + minusCosts[i]! - 2 * this.commonCost(plus, minus);
        if (cost > bound || (best && cost >= best.cost)) continue;
        if (this.value(plus) < 1 && this.value(minus) < 1) continue;
        best = { witness: { kind: 'pair', plus, minus }, cost, varied: 0 };
        if (cost === 0) return best;
      }
    }
    return best;
  }

  /**
   * Σ weight over the cells above both base cells: per dimension the shared value or "all" (with
   * a = b, every cell above a).
   */
  private commonCost(a: Corner, b: Corner): number {
    const { nR, nE, nG } = this.dims;
    let sum = 0;
    for (let mask = 0; mask < 16; mask++) {
      // Bit d set: dimension d fixed to the shared value (only where a and b agree).
      if (
        (mask & 1 && a[0] !== b[0]) ||
        (mask & 2 && a[1] !== b[1]) ||
        (mask & 4 && a[2] !== b[2]) ||
        (mask & 8 && a[3] !== b[3])
      )
        continue;
      const combo = comboIndex(this.dims, mask & 1 ? a[0] : nR, mask & 2 ? a[1] : nE, mask & 4 ? a[2] : nG);
      sum += this.weight(combo * HORIZON_SLOTS + (mask & 8 ? a[3] : HORIZON_SLOTS - 1));
    }
    return sum;
  }

  private readonly baseCache = new Map<number, Corner[]>();

  /** A region's non-empty base cells. */
  private baseCells(g: number): Corner[] {
    let cells = this.baseCache.get(g);
    if (!cells) {
      cells = [];
      for (let r = 0; r < this.dims.nR; r++)
        for (let e = 0; e < this.dims.nE; e++)
          if (this.nonEmpty(r, e, g)) for (let h = 0; h < HORIZON_SLOTS - 1; h++) cells.push([r, e, g, h]);
      this.baseCache.set(g, cells);
    }
    return cells;
  }

  /** x + δ or x − δ stays ≥ 0: the corners of one sign class all hold ≥ 1. */
  private canMove(witness: Witness): boolean {
    let plusOk = true;
    let minusOk = true;
    for (const [r, e, g, h, sign] of witnessCorners(witness)) {
      if (this.value([r, e, g, h]) >= 1) continue;
      if (sign > 0) plusOk = false;
      else minusOk = false;
    }
    return plusOk || minusOk;
  }
}

/** A dimension's choices: a fixed value alone or with each partner; any value when rolled up. */
function options(value: number, n: number): Values[] {
  if (value === n) return Array.from({ length: n }, (_, a) => [a] as const);
  const list: Values[] = [[value]];
  for (let b = 0; b < n; b++) if (b !== value) list.push([value, b]);
  return list;
}

/** A base cell and every cell it rolls up into: 16 cells. */
function ancestorsOf(dims: GapDims, [r, e, g, h]: Corner): number[] {
  const cells: number[] = [];
  for (const rr of [r, dims.nR])
    for (const ee of [e, dims.nE])
      for (const gg of [g, dims.nG])
        for (const hh of [h, HORIZON_SLOTS - 1])
          cells.push(comboIndex(dims, rr, ee, gg) * HORIZON_SLOTS + hh);
  return cells;
}

/** The cells whose δ-sum is not 0 — the ones a witness changes (see the header). */
export function touchedCells(dims: GapDims, w: Witness): number[] {
  if (w.kind === 'pair') {
    const plus = ancestorsOf(dims, w.plus);
    const minus = new Set(ancestorsOf(dims, w.minus));
    const plusSet = new Set(plus);
    return [...plus.filter((c) => !minus.has(c)), ...[...minus].filter((c) => !plusSet.has(c))];
  }
  const pick = (values: Values, star: number) => (values.length === 2 ? values : [values[0], star]);
  // Role × level cells whose factor sum is not 0.
  const roleEqf: [number, number][] = [];
  if (w.diagonal) {
    const [r0, r1] = [w.role[0], w.role[1]!];
    const [e0, e1] = [w.eqf[0], w.eqf[1]!];
    roleEqf.push([r0, e0], [r1, e1], [r0, dims.nE], [r1, dims.nE], [dims.nR, e0], [dims.nR, e1]);
  } else {
    for (const r of pick(w.role, dims.nR)) for (const e of pick(w.eqf, dims.nE)) roleEqf.push([r, e]);
  }
  const cells: number[] = [];
  for (const [r, e] of roleEqf)
    for (const g of pick(w.region, dims.nG))
      for (const h of pick(w.horizon, HORIZON_SLOTS - 1))
        cells.push(comboIndex(dims, r, e, g) * HORIZON_SLOTS + h);
  return cells;
}

/** δ on the base cells: [role, eqf, region, horizon, ±1] for every corner. */
export function witnessCorners(w: Witness): [number, number, number, number, 1 | -1][] {
  if (w.kind === 'pair')
    return [
      [...w.plus, 1],
      [...w.minus, -1],
    ];
  // Role × level corners with their parity: the diagonal's two, or the rectangle's product.
  const roleEqf: [number, number, number][] = w.diagonal
    ? [
        [w.role[0], w.eqf[0], 0],
        [w.role[1]!, w.eqf[1]!, 1],
      ]
    : w.role.flatMap((r, i) => w.eqf.map((e, j): [number, number, number] => [r, e, i + j]));
  const corners: [number, number, number, number, 1 | -1][] = [];
  for (const [r, e, parity] of roleEqf)
    w.region.forEach((g, k) => {
      w.horizon.forEach((h, l) => {
        corners.push([r, e, g, h, (parity + k + l) % 2 === 0 ? 1 : -1]);
      });
    });
  return corners;
}
