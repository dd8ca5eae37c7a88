import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { programmeId } from '../skills/programme.ts';
import {
  findCycles,
  layersOf,
  type PathModule,
  type PathStepInput,
  validatePath,
} from './path-validation.ts';

/** The demo network's real programmes (data/demo/skills.json), as the path builder sees them. */
type DemoProgramme = Omit<PathModule, 'id' | 'isPublic'> & { organisationId: string };
const demo = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, '../../../data/demo/skills.json'), 'utf8'),
) as { programmes: DemoProgramme[] };
const modules = new Map<string, PathModule>(
  demo.programmes.map((p) => {
    const id = programmeId(p.organisationId, p.name);
    return [id, { ...p, id, isPublic: true }];
  }),
);

const KPEDU_PROCESS = 'kpedu.prosessiteollisuuden-perustutkinto';
const CENTRIA_CHEM = 'centria.insinoori-amk-kemiantekniikka';
const LUT_CHEM = 'lut.kemiantekniikan-maisteriohjelma';
const CHYDENIUS_PHD = 'uoulu-chydenius.kestavan-kemian-tohtorikoulutus-kokkola';
const CENTRIA_CONTINUING = 'centria.akkukemia-ja-akkumateriaalit-taydennyskoulutus';

const step = (programmeId: string, prerequisiteIds: string[] = []): PathStepInput => ({
  programmeId,
  prerequisiteIds,
});
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('the demo ids the tests rely on', () => {
  it('exist in data/demo/skills.json', () => {
    for (const id of [KPEDU_PROCESS, CENTRIA_CHEM, LUT_CHEM, CHYDENIUS_PHD, CENTRIA_CONTINUING])
      expect(modules.has(id), id).toBe(true);
  });
});

describe('validatePath on the demo network', () => {
  it('accepts vocational → UAS → university with full-qualification credit totals', () => {
    const report = validatePath(
      [step(KPEDU_PROCESS), step(CENTRIA_CHEM, [KPEDU_PROCESS]), step(LUT_CHEM, [CENTRIA_CHEM])],
      modules,
      { publishing: true },
    );
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.layers).toEqual([[KPEDU_PROCESS], [CENTRIA_CHEM], [LUT_CHEM]]);
    expect(report.credits.map((c) => [c.level, c.eqfLevel, c.unit, c.total, c.status])).toEqual([
      ['vocational', 4, 'osp', 180, 'matches'],
      ['applied_sciences', 6, 'ects', 240, 'matches'],
      ['university', 7, 'ects', 120, 'matches'],
    ]);
  });

  it('names the modules of a cycle in the order they run', () => {
    const report = validatePath(
      [step(KPEDU_PROCESS, [LUT_CHEM]), step(CENTRIA_CHEM, [KPEDU_PROCESS]), step(LUT_CHEM, [CENTRIA_CHEM])],
      modules,
      { publishing: false },
    );
    expect(report.valid).toBe(false);
    const cycle = report.errors.find((i) => i.code === 'cycle')!;
    expect(cycle.stepIds).toHaveLength(3);
    expect(new Set(cycle.stepIds)).toEqual(new Set([KPEDU_PROCESS, CENTRIA_CHEM, LUT_CHEM]));
    // In study order: each module before the one that requires it, back to the first.
    const at = (id: string) => cycle.stepIds.indexOf(id);
    const next = (id: string) => cycle.stepIds[(at(id) + 1) % 3];
    expect(next(KPEDU_PROCESS)).toBe(CENTRIA_CHEM);
    expect(next(CENTRIA_CHEM)).toBe(LUT_CHEM);
    expect(next(LUT_CHEM)).toBe(KPEDU_PROCESS);
    expect(cycle.message).toContain(
      'Vocational Qualification in Process Industry → Bachelor of Engineering, Chemical Engineering',
    );
    expect(report.layers).toEqual([]);
  });

  it('treats a module requiring itself as a cycle', () => {
    const report = validatePath([step(CENTRIA_CHEM, [CENTRIA_CHEM])], modules, { publishing: false });
    expect(codes(report.errors)).toEqual(['cycle']);
    expect(report.errors[0]!.stepIds).toEqual([CENTRIA_CHEM]);
  });

  it('rejects a prerequisite that is not on the path and an unknown module', () => {
    const report = validatePath(
      [step(CENTRIA_CHEM, [KPEDU_PROCESS]), step('centria.no-such-module')],
      modules,
      { publishing: false },
    );
    expect(codes(report.errors).sort()).toEqual(['prerequisite_not_on_path', 'unknown_module']);
    const missing = report.errors.find((i) => i.code === 'prerequisite_not_on_path')!;
    expect(missing.stepIds).toEqual([CENTRIA_CHEM, KPEDU_PROCESS]);
  });

  it('flags a level jump from EQF 4 straight to 7 with the missing levels, and a step down', () => {
    const jump = validatePath([step(KPEDU_PROCESS), step(LUT_CHEM, [KPEDU_PROCESS])], modules, {
      publishing: false,
    });
    const issue = jump.errors.find((i) => i.code === 'level_jump')!;
    expect(issue.params).toMatchObject({ from: 4, to: 7, missing: [5, 6] });
    expect(issue.stepIds).toEqual([KPEDU_PROCESS, LUT_CHEM]);

    const phd = validatePath([step(CENTRIA_CHEM), step(CHYDENIUS_PHD, [CENTRIA_CHEM])], modules, {
      publishing: false,
    });
    expect(phd.errors.find((i) => i.code === 'level_jump')?.params).toMatchObject({
      from: 6,
      to: 8,
      missing: [7],
    });

    const down = validatePath([step(LUT_CHEM), step(CENTRIA_CHEM, [LUT_CHEM])], modules, {
      publishing: false,
    });
    expect(down.valid).toBe(true);
    expect(codes(down.warnings)).toContain('level_down');
  });

  it('lets continuing education follow any level', () => {
    const report = validatePath([step(LUT_CHEM), step(CENTRIA_CONTINUING, [LUT_CHEM])], modules, {
      publishing: true,
    });
    expect(report.valid).toBe(true);
    expect(codes(report.warnings)).toEqual([]);
  });

  it('never sums osaamispisteet with ECTS, and compares totals with the qualification extents', () => {
    const report = validatePath(
      [step(KPEDU_PROCESS), step('kpedu.laboratorioalan-perustutkinto'), step(CENTRIA_CHEM, [KPEDU_PROCESS])],
      modules,
      { publishing: false },
    );
    // Two 180-osp vocational qualifications: 360 osp is above any vocational extent.
    const vocational = report.credits.find((c) => c.unit === 'osp')!;
    expect(vocational).toMatchObject({ level: 'vocational', total: 360, status: 'above' });
    expect(report.credits.find((c) => c.unit === 'ects')!.total).toBe(240);
    const above = report.warnings.find((i) => i.code === 'credits_above_extent')!;
    expect(above.params).toMatchObject({ total: 360, unit: 'osp', extents: [120, 150, 180] });
  });

  it('reports modules that make up part of a qualification, and modules without credits', () => {
    const vamkModule = 'vamk.akkuteknologian-opintokokonaisuus';
    expect(modules.get(vamkModule)?.credits, 'the VAMK module states no credits').toBeNull();
    const report = validatePath([step(CENTRIA_CONTINUING), step(vamkModule)], modules, { publishing: false });
    expect(codes(report.notes)).toContain('credits_missing');
    expect(report.credits).toEqual([
      expect.objectContaining({ level: 'continuing', total: 15, status: 'no_extent' }),
    ]);
    const half = new Map(modules);
    half.set('x.half', { ...modules.get(CENTRIA_CHEM)!, id: 'x.half', kind: 'module', credits: 30 });
    expect(codes(validatePath([step('x.half')], half, { publishing: false }).notes)).toContain(
      'credits_partial',
    );
    // A full programme of 200 ECTS is not a UAS extent.
    half.set('x.odd', { ...modules.get(CENTRIA_CHEM)!, id: 'x.odd', credits: 200 });
    expect(codes(validatePath([step('x.odd')], half, { publishing: false }).warnings)).toEqual([
      'credits_not_an_extent',
    ]);
  });

  it('asks for public modules and at least one module when publishing', () => {
    const hidden = new Map(modules);
    hidden.set(CENTRIA_CHEM, { ...modules.get(CENTRIA_CHEM)!, isPublic: false });
    expect(codes(validatePath([step(CENTRIA_CHEM)], hidden, { publishing: true }).errors)).toEqual([
      'module_not_public',
    ]);
    expect(validatePath([step(CENTRIA_CHEM)], hidden, { publishing: false }).valid).toBe(true);
    expect(codes(validatePath([], modules, { publishing: true }).errors)).toEqual(['empty_path']);
    expect(validatePath([], modules, { publishing: false }).valid).toBe(true);
  });

  it('reports a module listed twice', () => {
    const report = validatePath([step(CENTRIA_CHEM), step(CENTRIA_CHEM)], modules, { publishing: false });
    expect(codes(report.errors)).toEqual(['duplicate_step']);
  });
});

describe('graph helpers', () => {
  it('finds each cycle once, whichever node the search starts from', () => {
    const graph = new Map([
      ['a', ['c']],
      ['b', ['a']],
      ['c', ['b']],
      ['d', ['d']],
      ['e', []],
    ]);
    const cycles = findCycles(graph);
    expect(cycles).toHaveLength(2);
    expect(cycles.map((c) => c.length).sort()).toEqual([1, 3]);
    expect(layersOf(graph)).toBeNull();
  });

  it('layers a diamond by depth', () => {
    const graph = new Map([
      ['voc', []],
      ['uas', ['voc']],
      ['cont', ['voc']],
      ['master', ['uas', 'cont']],
    ]);
    expect(layersOf(graph)).toEqual([['voc'], ['cont', 'uas'], ['master']]);
  });
});
