import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildRoundCube,
  comboIndex,
  createGapDims,
  decodeCell,
  type GapAnswer,
  type GapDims,
  HORIZON_SLOTS,
  type RoundCube,
} from './gap-cube.ts';
import {
  computeRelease,
  failsPrimaryRule,
  type Release,
  witnessCorners,
  witnessRegions,
} from './disclosure.ts';

/**
 * Disclosure control, proved on random rounds by attackers who take everything the API can
 * publish — every cell of every roll-up of the round — and try to get a suppressed figure back:
 * by subtraction along every hierarchy (with the knowledge that headcounts are ≥ 0), by any
 * linear combination (Gaussian elimination), and as a region's coordinator who also knows every
 * figure of their own region. Each witness the release names is checked against the raw data too.
 */

const ROLES = ['job-role.a', 'job-role.b', 'job-role.c', 'job-role.d'];
const REGIONS = ['kokkola', 'vaasa', 'pori'];

type Instance = { dims: GapDims; cube: RoundCube; answers: GapAnswer[]; release: Release };

const headcount = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 6 }) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 60 }) },
);

/** A random round: a few roles, levels, regions and employers, sparse and skewed like real ones. */
const instance = fc
  .record({
    roles: fc.integer({ min: 1, max: 4 }),
    levels: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 3 }),
    regions: fc.integer({ min: 1, max: 3 }),
    employers: fc.integer({ min: 1, max: 14 }),
  })
  .chain((shape) =>
    fc
      .array(
        fc.record({
          employer: fc.integer({ min: 0, max: shape.employers - 1 }),
          role: fc.integer({ min: 0, max: shape.roles - 1 }),
          level: fc.constantFrom(...shape.levels),
          region: fc.integer({ min: 0, max: shape.regions - 1 }),
          now: headcount,
          in1to3: headcount,
          in3to5: headcount,
        }),
        { minLength: 1, maxLength: 40 },
      )
      .map((rows): Instance => {
        const dims = createGapDims(ROLES.slice(0, shape.roles), REGIONS.slice(0, shape.regions));
        const answers = rows.map((a) => ({
          employerId: `employer-${a.employer}`,
          roleId: ROLES[a.role]!,
          eqfLevel: a.level,
          regionId: REGIONS[a.region]!,
          now: a.now,
          in1to3: a.in1to3,
          in3to5: a.in3to5,
        }));
        const cube = buildRoundCube(dims, answers);
        return { dims, cube, answers, release: computeRelease(cube) };
      }),
  );

// ── The lattice as an attacker sees it ──

type BaseCell = [r: number, e: number, g: number, h: number];

/** Non-empty base cells: the unknowns (empty cells are known to be zero). */
function baseCells({ dims, cube }: Instance): { cells: BaseCell[]; index: Map<string, number> } {
  const cells: BaseCell[] = [];
  for (let r = 0; r < dims.nR; r++)
    for (let e = 0; e < dims.nE; e++)
      for (let g = 0; g < dims.nG; g++)
        if (cube.employers[comboIndex(dims, r, e, g)]! > 0)
          for (let h = 0; h < 3; h++) cells.push([r, e, g, h]);
  return { cells, index: new Map(cells.map((c, i) => [c.join(','), i])) };
}

function contains(dims: GapDims, cell: number, [r, e, g, h]: BaseCell): boolean {
  const [cr, ce, cg, ch] = decodeCell(dims, cell);
  return (
    (cr === dims.nR || cr === r) &&
    (ce === dims.nE || ce === e) &&
    (cg === dims.nG || cg === g) &&
    (ch === 3 || ch === h)
  );
}

function nonEmptyCells({ dims, cube }: Instance): number[] {
  const cells: number[] = [];
  for (let cell = 0; cell < dims.cellCount; cell++)
    if (cube.employers[(cell - (cell % HORIZON_SLOTS)) / HORIZON_SLOTS]! > 0) cells.push(cell);
  return cells;
}

const regionOf = (dims: GapDims, cell: number) => decodeCell(dims, cell)[2];

/** The true value of every base cell. */
function baseValues(inst: Instance, cells: BaseCell[]): number[] {
  return cells.map(([r, e, g, h]) => inst.cube.demand[comboIndex(inst.dims, r, e, g) * HORIZON_SLOTS + h]!);
}

// ── Attacker 1: subtraction along every hierarchy, with zeros forced by non-negativity ──

function subtractionAttack(inst: Instance, coordinatorRegion: number | null): Map<number, number> {
  const { dims, cube, release } = inst;
  const known = new Map<number, number>();
  for (let cell = 0; cell < dims.cellCount; cell++) {
    const combo = (cell - (cell % HORIZON_SLOTS)) / HORIZON_SLOTS;
    const own = coordinatorRegion !== null && regionOf(dims, cell) === coordinatorRegion;
    if (cube.employers[combo] === 0) known.set(cell, 0);
    else if (!release.suppressed[cell] || own) known.set(cell, cube.demand[cell]!);
  }
  // Every relation parent = Σ children, along each dimension the parent rolls up.
  const relations: { parent: number; children: number[] }[] = [];
  for (let cell = 0; cell < dims.cellCount; cell++) {
    const [r, e, g, h] = decodeCell(dims, cell);
    const at = (rr: number, ee: number, gg: number, hh: number) =>
      comboIndex(dims, rr, ee, gg) * HORIZON_SLOTS + hh;
    if (r === dims.nR) relations.push({ parent: cell, children: range(dims.nR).map((v) => at(v, e, g, h)) });
    if (e === dims.nE) relations.push({ parent: cell, children: range(dims.nE).map((v) => at(r, v, g, h)) });
    if (g === dims.nG) relations.push({ parent: cell, children: range(dims.nG).map((v) => at(r, e, v, h)) });
    if (h === 3) relations.push({ parent: cell, children: range(3).map((v) => at(r, e, g, v)) });
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const { parent, children } of relations) {
      const unknown = children.filter((c) => !known.has(c));
      const knownSum = children.reduce((sum, c) => sum + (known.get(c) ?? 0), 0);
      const total = known.get(parent);
      if (total === undefined) {
        if (unknown.length === 0) {
          known.set(parent, knownSum);
          changed = true;
        }
      } else if (unknown.length === 1) {
        known.set(unknown[0]!, total - knownSum);
        changed = true;
      } else if (unknown.length > 1 && total === knownSum) {
        // Headcounts are ≥ 0: what is left over is 0, so each unknown child is 0.
        for (const c of unknown) known.set(c, 0);
        changed = true;
      }
    }
  }
  return known;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

// ── Attacker 2: any linear combination (Gaussian elimination over a large prime field) ──

const P = 67_108_859; // < 2^26: products stay exact in doubles
const mod = (a: number) => ((a % P) + P) % P;
function inverse(a: number): number {
  let [t, newT, r, newR] = [0, 1, P, mod(a)];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}

class RowSpace {
  private readonly rows: { pivot: number; row: number[] }[] = [];
  reduce(vector: number[]): number[] {
    const v = vector.map(mod);
    for (const { pivot, row } of this.rows) {
      const f = v[pivot]!;
      if (f === 0) continue;
      for (let j = 0; j < v.length; j++) if (row[j]) v[j] = mod(v[j]! - ((f * row[j]!) % P));
    }
    return v;
  }
  add(vector: number[]): void {
    const v = this.reduce(vector);
    const pivot = v.findIndex((x) => x !== 0);
    if (pivot < 0) return;
    const inv = inverse(v[pivot]!);
    this.rows.push({ pivot, row: v.map((x) => (x * inv) % P) });
  }
  contains(vector: number[]): boolean {
    return this.reduce(vector).every((x) => x === 0);
  }
}

/**
 * Suppressed cells the public can derive, or confidential (primary) cells a coordinator can derive
 * the part outside their own region of.
 */
function linearAttack(inst: Instance, coordinatorRegion: number | null): number[] {
  const { dims, release } = inst;
  const { cells } = baseCells(inst);
  const space = new RowSpace();
  const indicator = (cell: number, skipRegion: number | null) =>
    cells.map((b) => (contains(dims, cell, b) && b[2] !== skipRegion ? 1 : 0));
  for (const cell of nonEmptyCells(inst)) if (!release.suppressed[cell]) space.add(indicator(cell, null));
  if (coordinatorRegion !== null)
    cells.forEach((b, i) => {
      if (b[2] === coordinatorRegion) space.add(cells.map((_, j) => (j === i ? 1 : 0)));
    });
  const leaks: number[] = [];
  for (const cell of nonEmptyCells(inst)) {
    // The public may learn no suppressed cell; a coordinator no confidential one (primary).
    const secret = coordinatorRegion === null ? release.suppressed[cell] : release.primary[cell];
    if (!secret || regionOf(dims, cell) === coordinatorRegion) continue;
    const target = indicator(cell, coordinatorRegion);
    if (target.every((x) => x === 0)) continue; // all of it is the coordinator's own region
    if (space.contains(target)) leaks.push(cell);
  }
  return leaks;
}

function hasAnswersOutside(inst: Instance, cell: number, region: number): boolean {
  const { cells } = baseCells(inst);
  return cells.some((b) => b[2] !== region && contains(inst.dims, cell, b));
}

describe('disclosure control', () => {
  it('suppresses every cell with fewer than 3 employers or one employer above 80 %', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        for (const cell of nonEmptyCells(inst)) {
          const combo = (cell - (cell % HORIZON_SLOTS)) / HORIZON_SLOTS;
          const byEmployer = new Map<string, number>();
          for (const a of inst.answers) {
            const b: BaseCell = [
              inst.dims.roleIndex.get(a.roleId)!,
              a.eqfLevel - 1,
              inst.dims.regionIndex.get(a.regionId)!,
              0,
            ];
            const values = [a.now, a.in1to3, a.in3to5];
            for (let h = 0; h < 3; h++) {
              b[3] = h;
              if (contains(inst.dims, cell, b))
                byEmployer.set(a.employerId, (byEmployer.get(a.employerId) ?? 0) + values[h]!);
            }
            if (
              contains(inst.dims, combo * HORIZON_SLOTS + 3, [b[0], b[1], b[2], 0]) &&
              !byEmployer.has(a.employerId)
            )
              byEmployer.set(a.employerId, 0);
          }
          const total = [...byEmployer.values()].reduce((s, v) => s + v, 0);
          const largest = Math.max(0, ...byEmployer.values());
          const mustHide = byEmployer.size < 3 || (total > 0 && largest > 0.8 * total);
          expect(
            failsPrimaryRule(inst.cube.employers[combo]!, inst.cube.demand[cell]!, inst.cube.maxShare[cell]!),
          ).toBe(mustHide);
          if (mustHide) expect(inst.release.suppressed[cell]).toBe(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('no suppressed figure is recovered by subtraction along any hierarchy, nor a confidential one by any coordinator', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const publicKnows = subtractionAttack(inst, null);
        for (const cell of nonEmptyCells(inst)) {
          if (inst.release.suppressed[cell])
            expect(publicKnows.has(cell), `cell ${decodeCell(inst.dims, cell)}`).toBe(false);
          // What it does derive is right (the attack is not fooling itself).
          else expect(publicKnows.get(cell)).toBe(inst.cube.demand[cell]);
        }
        for (let g = 0; g < inst.dims.nG; g++) {
          const coordinatorKnows = subtractionAttack(inst, g);
          for (const cell of nonEmptyCells(inst)) {
            if (!inst.release.primary[cell] || regionOf(inst.dims, cell) === g) continue;
            if (!hasAnswersOutside(inst, cell, g)) continue;
            expect(coordinatorKnows.has(cell), `coordinator ${g}, cell ${decodeCell(inst.dims, cell)}`).toBe(
              false,
            );
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('no suppressed figure is a linear combination of published ones, nor a confidential one of what a coordinator knows', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        expect(linearAttack(inst, null)).toEqual([]);
        for (let g = 0; g < inst.dims.nG; g++) expect(linearAttack(inst, g)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('every suppressed cell has witnesses that move it and nothing published, keeping counts ≥ 0; a confidential one, one that avoids each coordinator’s region', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const { dims, release } = inst;
        const { cells, index } = baseCells(inst);
        const values = baseValues(inst, cells);
        const published = nonEmptyCells(inst).filter((c) => !release.suppressed[c]);
        for (const cell of nonEmptyCells(inst)) {
          if (!release.suppressed[cell]) continue;
          const witnesses = release.coverage.get(cell) ?? [];
          expect(witnesses.length, 'hidden from the public').toBeGreaterThan(0);
          if (release.primary[cell]) {
            // Each coordinator who may not see it has a witness whose corners avoid their region.
            for (let coordinator = 0; coordinator < dims.nG; coordinator++) {
              if (coordinator === regionOf(dims, cell) || !hasAnswersOutside(inst, cell, coordinator))
                continue;
              const avoiding = witnesses.filter(
                (w) => !witnessRegions(release.witnesses[w]!).includes(coordinator),
              );
              expect(avoiding.length, `coordinator ${coordinator}`).toBeGreaterThan(0);
            }
          }
          for (const w of witnesses) {
            const delta = new Array<number>(cells.length).fill(0);
            for (const [r, e, rg, h, sign] of witnessCorners(release.witnesses[w]!)) {
              const i = index.get([r, e, rg, h].join(','));
              expect(i, 'a corner is a non-empty cell').toBeDefined();
              delta[i!] = sign;
            }
            const sum = (c: number) =>
              cells.reduce((s, b, i) => s + (contains(dims, c, b) ? delta[i]! : 0), 0);
            expect(sum(cell)).not.toBe(0);
            for (const c of published) expect(sum(c)).toBe(0);
            const up = values.every((v, i) => v + delta[i]! >= 0);
            const down = values.every((v, i) => v - delta[i]! >= 0);
            expect(up || down).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the attackers have teeth: thresholds alone leak, and a coordinator sees more than the public', () => {
    // Role a at EQF 6: Kokkola and Vaasa one employer each, Pori five.
    const dims = createGapDims(['job-role.a'], ['kokkola', 'vaasa', 'pori']);
    const answers: GapAnswer[] = [];
    const need = (employerId: string, regionId: string, n: number) =>
      answers.push({ employerId, roleId: 'job-role.a', eqfLevel: 6, regionId, now: n, in1to3: n, in3to5: n });
    need('k', 'kokkola', 4);
    need('v', 'vaasa', 2);
    for (let i = 0; i < 5; i++) need(`p${i}`, 'pori', 3);
    const cube = buildRoundCube(dims, answers);
    const primaryOnly: Release = { ...computeRelease(cube), suppressed: computeRelease(cube).primary };
    const inst: Instance = { dims, cube, answers, release: primaryOnly };
    // Publishing everything but the small cells: Kokkola + Vaasa = total − Pori, but not each …
    expect(linearAttack(inst, null)).toEqual([]);
    // … yet Kokkola's coordinator, knowing Kokkola, gets Vaasa by subtraction and by algebra.
    const vaasa = comboIndex(dims, 0, 5, 1) * HORIZON_SLOTS;
    expect(linearAttack(inst, 0)).toContain(vaasa);
    expect(subtractionAttack(inst, 0).get(vaasa)).toBe(2);
    // With one small region the public gets it too.
    const lonely = buildRoundCube(
      dims,
      answers.filter((a) => a.employerId !== 'v'),
    );
    const leaky: Instance = {
      dims,
      cube: lonely,
      answers,
      release: { ...computeRelease(lonely), suppressed: computeRelease(lonely).primary },
    };
    expect(linearAttack(leaky, null)).toContain(comboIndex(dims, 0, 5, 0) * HORIZON_SLOTS);
    expect(subtractionAttack(leaky, null).get(comboIndex(dims, 0, 5, 0) * HORIZON_SLOTS)).toBe(4);
    // The real release of both rounds resists all of it.
    for (const c of [cube, lonely]) {
      const safe: Instance = { dims, cube: c, answers, release: computeRelease(c) };
      for (const who of [null, 0, 1, 2]) expect(linearAttack(safe, who)).toEqual([]);
    }
  });

  it('publishes what is safe: a dense round keeps its cells and every roll-up', () => {
    const dims = createGapDims(['job-role.a', 'job-role.b'], ['kokkola', 'vaasa']);
    const answers: GapAnswer[] = [];
    for (let employer = 0; employer < 6; employer++)
      for (const roleId of dims.roles)
        for (const regionId of dims.regions)
          answers.push({
            employerId: `e${employer}`,
            roleId,
            eqfLevel: 6,
            regionId,
            now: 2,
            in1to3: 3,
            in3to5: 1,
          });
    const cube = buildRoundCube(dims, answers);
    const release = computeRelease(cube);
    expect(release.suppressed.reduce((s, v) => s + v, 0)).toBe(0);
    const total = comboIndex(dims, dims.nR, dims.nE, dims.nG) * HORIZON_SLOTS + 3;
    expect(cube.demand[total]).toBe(6 * 2 * 2 * 6);
    expect(cube.employers[comboIndex(dims, dims.nR, dims.nE, dims.nG)]).toBe(6);
  });

  it('hides the one small cell and enough around it — but keeps the network totals', () => {
    // Kokkola has 4 employers for role a at EQF 6 and 4 at EQF 7; role b is one employer's only.
    const dims = createGapDims(['job-role.a', 'job-role.b'], ['kokkola', 'vaasa']);
    const answers: GapAnswer[] = [];
    const need = (employerId: string, roleId: string, eqfLevel: number, regionId: string, n: number) =>
      answers.push({ employerId, roleId, eqfLevel, regionId, now: n, in1to3: n, in3to5: n });
    for (const region of ['kokkola', 'vaasa'])
      for (let i = 0; i < 4; i++) {
        need(`${region}-${i}`, 'job-role.a', 6, region, 3);
        need(`${region}-${i}`, 'job-role.a', 7, region, 2);
        need(`${region}-${i}`, 'job-role.b', 6, region, 1);
        need(`${region}-${i}`, 'job-role.b', 7, region, 2);
      }
    need('kokkola-solo', 'job-role.b', 5, 'kokkola', 7);
    const cube = buildRoundCube(dims, answers);
    const release = computeRelease(cube);
    const cell = (r: number, e: number, g: number, h: number) =>
      comboIndex(dims, r, e, g) * HORIZON_SLOTS + h;
    // The lone answer is hidden in every horizon …
    for (let h = 0; h < 4; h++) expect(release.suppressed[cell(1, 4, 0, h)]).toBe(1);
    // … while the network total, each region's total and each role's total stay published.
    expect(release.suppressed[cell(dims.nR, dims.nE, dims.nG, 3)]).toBe(0);
    expect(release.suppressed[cell(dims.nR, dims.nE, 0, 3)]).toBe(0);
    expect(release.suppressed[cell(1, dims.nE, dims.nG, 3)]).toBe(0);
  });
});
