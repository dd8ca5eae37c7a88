import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRelease } from './disclosure.ts';
import {
  buildRoundCube,
  buildSupplyCube,
  comboIndex,
  createGapDims,
  decodeCell,
  type GapAnswer,
  type GapDims,
  HORIZON_SLOTS,
  type RoundCube,
  replaceEmployerAnswers,
} from './gap-cube.ts';
import { gapCell, queryGapCells } from './gap-query.ts';

/**
 * The cube against a naive recomputation from the answers: after any sequence of employers
 * answering, re-answering and withdrawing, every cell of every roll-up has the same demand,
 * the same number of distinct employers and the same largest employer as counting from scratch.
 */

const ROLES = ['job-role.a', 'job-role.b', 'job-role.c'];
const REGIONS = ['kokkola', 'vaasa', 'pori'];
const dims = createGapDims(ROLES, REGIONS);

const answer = (employers: number) =>
  fc.record({
    employerId: fc.integer({ min: 0, max: employers - 1 }).map((i) => `employer-${i}`),
    roleId: fc.constantFrom(...ROLES),
    eqfLevel: fc.integer({ min: 1, max: 8 }),
    regionId: fc.constantFrom(...REGIONS),
    now: fc.integer({ min: 0, max: 40 }),
    in1to3: fc.integer({ min: 0, max: 40 }),
    in3to5: fc.integer({ min: 0, max: 40 }),
  });

/** Every cell counted the slow way: filter the answers, group by employer. */
function naive(d: GapDims, answers: readonly GapAnswer[]) {
  const cells: { employers: number; demand: number; largest: number }[] = [];
  for (let cell = 0; cell < d.cellCount; cell++) {
    const [r, e, g, h] = decodeCell(d, cell);
    const perEmployer = new Map<string, number>();
    for (const a of answers) {
      if (r !== d.nR && d.roles[r] !== a.roleId) continue;
      if (e !== d.nE && e + 1 !== a.eqfLevel) continue;
      if (g !== d.nG && d.regions[g] !== a.regionId) continue;
      const value = h === 0 ? a.now : h === 1 ? a.in1to3 : h === 2 ? a.in3to5 : a.now + a.in1to3 + a.in3to5;
      perEmployer.set(a.employerId, (perEmployer.get(a.employerId) ?? 0) + value);
    }
    const values = [...perEmployer.values()];
    cells.push({
      employers: perEmployer.size,
      demand: values.reduce((s, v) => s + v, 0),
      largest: Math.max(0, ...values),
    });
  }
  return cells;
}

function expectSameAsNaive(cube: RoundCube, answers: readonly GapAnswer[]) {
  const expected = naive(cube.dims, answers);
  for (let cell = 0; cell < cube.dims.cellCount; cell++) {
    const combo = (cell - (cell % HORIZON_SLOTS)) / HORIZON_SLOTS;
    const want = expected[cell]!;
    expect(cube.employers[combo], `employers of cell ${decodeCell(cube.dims, cell)}`).toBe(want.employers);
    expect(cube.demand[cell]).toBe(want.demand);
    expect(cube.maxShare[cell], `largest of cell ${decodeCell(cube.dims, cell)}`).toBe(want.largest);
  }
}

describe('gap cube', () => {
  it('equals a naive recomputation of every roll-up', () => {
    fc.assert(
      fc.property(fc.array(answer(8), { maxLength: 60 }), (answers) => {
        expectSameAsNaive(buildRoundCube(dims, answers), answers);
      }),
      { numRuns: 60 },
    );
  });

  it('stays equal to it while employers answer, answer again and withdraw, one at a time', () => {
    const step = fc.record({
      employer: fc.integer({ min: 0, max: 5 }),
      answers: fc.array(answer(1), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(
        fc.array(answer(6), { maxLength: 40 }),
        fc.array(step, { minLength: 1, maxLength: 12 }),
        (start, steps) => {
          let current = [...start];
          const cube = buildRoundCube(dims, current);
          for (const { employer, answers } of steps) {
            const employerId = `employer-${employer}`;
            const mine = answers.map((a) => ({ ...a, employerId }));
            const revision = cube.revision;
            expect(replaceEmployerAnswers(cube, employerId, mine)).toBe(true);
            expect(cube.revision).toBeGreaterThan(revision);
            current = [...current.filter((a) => a.employerId !== employerId), ...mine];
            expectSameAsNaive(cube, current);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a replacement naming a role it does not know, changing nothing', () => {
    const answers: GapAnswer[] = [
      { employerId: 'x', roleId: 'job-role.a', eqfLevel: 6, regionId: 'vaasa', now: 1, in1to3: 2, in3to5: 3 },
    ];
    const cube = buildRoundCube(dims, answers);
    const before = Float64Array.from(cube.demand);
    const unknown = { ...answers[0]!, roleId: 'job-role.unknown' };
    expect(replaceEmployerAnswers(cube, 'x', [unknown])).toBe(false);
    expect(cube.demand).toEqual(before);
  });
});

describe('gap views', () => {
  // Six employers in Kokkola: enough to publish; one in Vaasa: not.
  const answers: GapAnswer[] = [];
  for (let i = 0; i < 6; i++)
    answers.push({
      employerId: `k${i}`,
      roleId: 'job-role.a',
      eqfLevel: 6,
      regionId: 'kokkola',
      now: 2,
      in1to3: 3,
      in3to5: 1,
    });
  answers.push({
    employerId: 'v',
    roleId: 'job-role.a',
    eqfLevel: 6,
    regionId: 'vaasa',
    now: 9,
    in1to3: 9,
    in3to5: 9,
  });
  const cube = buildRoundCube(dims, answers);
  const release = computeRelease(cube);
  const supply = buildSupplyCube(dims, [
    { roleIds: ['job-role.a', 'job-role.b'], eqfLevel: 6, regionId: 'kokkola', yearlyGraduates: 10 },
    { roleIds: ['job-role.c'], eqfLevel: 4, regionId: 'pori', yearlyGraduates: 7 },
    { roleIds: ['job-role.c'], eqfLevel: 4, regionId: null, yearlyGraduates: 100 },
  ]);

  it('rolls up any dimension, and a filter fixes one', () => {
    const byRegion = queryGapCells(cube, release, supply, { horizon: '1-3' }, new Set(['region']), {
      kind: 'all',
    });
    expect(byRegion.map((r) => [r.region, r.demand, r.supply])).toEqual([
      ['kokkola', 18, 20], // 10 a year shared by roles a and b, over 2 years
      ['vaasa', 9, 0],
      ['pori', 0, 14],
    ]);
    const total = queryGapCells(cube, release, supply, {}, new Set(), { kind: 'all' });
    expect(total).toHaveLength(1);
    expect(total[0]).toMatchObject({
      roleId: null,
      eqf: null,
      region: null,
      horizon: null,
      demand: 6 * 6 + 27,
      employers: 7,
    });
    // Supply over all horizons = 5 years; the programme without a region counts nowhere.
    expect(total[0]!.supply).toBe((10 + 7) * 5);
    const kokkolaA = queryGapCells(
      cube,
      release,
      supply,
      { roleId: 'job-role.a', regionId: 'kokkola' },
      new Set(['horizon']),
      { kind: 'public' },
    );
    expect(kokkolaA.map((r) => [r.horizon, r.demand, r.supply, r.gap])).toEqual([
      ['now', 12, 5, 7],
      ['1-3', 18, 10, 8],
      ['3-5', 6, 10, -4],
    ]);
  });

  it('hides a small cell from the public and from other regions, not from its own coordinator', () => {
    const vaasa = { roleId: 'job-role.a', regionId: 'vaasa', eqf: 6, horizon: 'now' as const };
    expect(gapCell(cube, release, supply, vaasa, { kind: 'public' })).toMatchObject({
      demand: null,
      gap: null,
      employers: null,
      suppressed: true,
    });
    expect(gapCell(cube, release, supply, vaasa, { kind: 'region', regionId: 'kokkola' })?.suppressed).toBe(
      true,
    );
    expect(gapCell(cube, release, supply, vaasa, { kind: 'region', regionId: 'vaasa' })).toMatchObject({
      demand: 9,
      employers: 1,
      suppressed: false,
      restricted: true,
    });
    expect(gapCell(cube, release, supply, vaasa, { kind: 'all' })?.demand).toBe(9);
    // Vaasa's lone employer would otherwise be network total − Kokkola: the total goes too.
    const network = gapCell(
      cube,
      release,
      supply,
      { roleId: 'job-role.a', eqf: 6, horizon: 'now' },
      { kind: 'public' },
    );
    expect(network?.suppressed).toBe(true);
  });

  it('answers nothing for a value it does not know, and an empty cell as zero for trends', () => {
    expect(
      queryGapCells(cube, release, supply, { roleId: 'job-role.zz' }, new Set(['eqf']), { kind: 'all' }),
    ).toEqual([]);
    expect(
      gapCell(cube, release, supply, { roleId: 'job-role.b', regionId: 'pori' }, { kind: 'public' }),
    ).toMatchObject({
      demand: 0,
      supply: 0,
      employers: 0,
      suppressed: false,
    });
    expect(comboIndex(dims, dims.nR, dims.nE, dims.nG)).toBe(dims.comboCount - 1);
  });
});
