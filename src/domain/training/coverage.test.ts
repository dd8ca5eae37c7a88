import { describe, expect, it } from 'vitest';
import type { GapRow } from '../skills/gap-query.ts';
import { type CoverageModule, pathCoverage } from './coverage.ts';
import { networkView } from './network.ts';

/** Real-shaped gap cells: the demo's roles, levels and regions, some suppressed as the public sees them. */
const row = (
  roleId: string,
  eqf: number,
  region: string | null,
  demand: number | null,
  supply: number,
  suppressed = false,
): GapRow => ({
  roleId,
  eqf,
  region,
  horizon: null,
  demand: suppressed ? null : demand,
  supply,
  gap: suppressed || demand === null ? null : demand - supply,
  employers: suppressed ? null : 4,
  suppressed,
  restricted: false,
});

const OPERATOR = 'job-role.chemical-plant-control-room-operator';
const PROCESS_ENGINEER = 'job-role.process-engineer-chemicals';
const CHEMICAL_ENGINEER = 'job-role.chemical-engineer';
const POWER = 'job-role.power-electronics-engineer';

const path: CoverageModule[] = [
  { id: 'kpedu.process', eqfLevel: 4, regionId: 'kokkola', roleIds: [OPERATOR] },
  { id: 'centria.chem', eqfLevel: 6, regionId: 'kokkola', roleIds: [PROCESS_ENGINEER] },
  { id: 'lut.chem', eqfLevel: 7, regionId: 'lappeenranta', roleIds: [CHEMICAL_ENGINEER, PROCESS_ENGINEER] },
];

const rows: GapRow[] = [
  row(OPERATOR, 4, 'kokkola', 262, 45),
  row(OPERATOR, 4, null, 538, 122.5),
  row(PROCESS_ENGINEER, 6, 'kokkola', 80, 24),
  row(PROCESS_ENGINEER, 7, 'kokkola', 30, 0),
  row(CHEMICAL_ENGINEER, 7, 'lappeenranta', 10, 24), // supply exceeds demand: no gap
  row(POWER, 6, 'kokkola', 40, 0),
  row(POWER, 6, 'vaasa', 90, 30), // outside the path's regions
  row(OPERATOR, 3, 'kokkola', 20, 0), // below the path's levels
  row(PROCESS_ENGINEER, 6, 'lappeenranta', null, 12, true),
];

describe('pathCoverage', () => {
  const coverage = pathCoverage(path, [], rows);

  it('takes the scope from the modules when the path names no regions', () => {
    expect(coverage.regionIds).toEqual(['kokkola', 'lappeenranta']);
    expect(coverage.eqfLevels).toEqual([4, 6, 7]);
  });

  it('closes the gaps a module prepares for at that level and region', () => {
    expect(coverage.closed.map((c) => [c.roleId, c.eqf, c.regionId, c.gap, c.stepIds])).toEqual([
      [OPERATOR, 4, null, 415.5, ['kpedu.process']],
      [OPERATOR, 4, 'kokkola', 217, ['kpedu.process']],
      [PROCESS_ENGINEER, 6, 'kokkola', 56, ['centria.chem']],
    ]);
  });

  it('lists the gaps that remain, with the modules nearby', () => {
    expect(coverage.remaining.map((c) => [c.roleId, c.eqf, c.regionId, c.nearbyStepIds])).toEqual([
      [POWER, 6, 'kokkola', []],
      // A master's programme for the role, but in Lappeenranta: nearby, not closing the Kokkola gap.
      [PROCESS_ENGINEER, 7, 'kokkola', ['centria.chem', 'lut.chem']],
    ]);
  });

  it('only counts suppressed cells, and leaves out cells outside its regions and levels', () => {
    expect(coverage.suppressedInScope).toBe(1);
    const all = [...coverage.closed, ...coverage.remaining];
    expect(all.some((c) => c.regionId === 'vaasa' || c.eqf === 3)).toBe(false);
  });

  it('sums by level and by region', () => {
    expect(coverage.byLevel).toEqual([
      { key: 4, closed: 2, remaining: 0, closedGap: 632.5, remainingGap: 0 },
      { key: 6, closed: 1, remaining: 1, closedGap: 56, remainingGap: 40 },
      { key: 7, closed: 0, remaining: 1, closedGap: 0, remainingGap: 30 },
    ]);
    expect(coverage.byRegion.map((g) => g.key)).toEqual(['kokkola', null]);
  });

  it('uses the path’s own regions when it names them', () => {
    const vaasa = pathCoverage(path, ['vaasa'], rows);
    expect(vaasa.remaining.map((c) => [c.roleId, c.regionId])).toEqual([[POWER, 'vaasa']]);
  });

  it('is empty for an empty path', () => {
    const none = pathCoverage([], [], rows);
    expect(none.closed).toEqual([]);
    expect(none.remaining).toEqual([]);
  });
});

describe('networkView', () => {
  const programmes = [
    {
      id: 'kpedu.a',
      organisationId: 'kpedu',
      organisationName: 'Kpedu',
      level: 'vocational' as const,
      eqfLevel: 4,
      regionId: 'kokkola',
      competenceIds: ['refining.hydromet'],
    },
    {
      id: 'centria.a',
      organisationId: 'centria',
      organisationName: 'Centria',
      level: 'applied_sciences' as const,
      eqfLevel: 6,
      regionId: 'kokkola',
      competenceIds: ['pcam.coprecipitation', 'refining'],
    },
    {
      id: 'centria.b',
      organisationId: 'centria',
      organisationName: 'Centria',
      level: 'applied_sciences' as const,
      eqfLevel: 6,
      regionId: 'kokkola',
      competenceIds: [],
    },
    {
      id: 'aalto.a',
      organisationId: 'aalto',
      organisationName: 'Aalto',
      level: 'university' as const,
      eqfLevel: 7,
      regionId: null,
      competenceIds: ['cam'],
    },
  ];
  const areaOf = (id: string) => id.split('.')[0]!;
  const view = networkView(programmes, ['kokkola', 'vaasa'], ['refining', 'pcam', 'cam'], areaOf, {});

  it('has every region × level cell, with providers and the empty ones', () => {
    expect(view.byLevel).toHaveLength(8);
    const cell = (r: string, k: string) => view.byLevel.find((c) => c.regionId === r && c.key === k)!;
    expect(cell('kokkola', 'applied_sciences')).toMatchObject({
      providers: [{ organisationId: 'centria', programmeIds: ['centria.a', 'centria.b'] }],
      programmes: 2,
    });
    expect(cell('vaasa', 'vocational').providers).toEqual([]);
    expect(view.withoutRegion).toBe(1);
  });

  it('rolls competences up to their area, one programme counted once per area', () => {
    const refining = view.byCompetence.find((c) => c.regionId === 'kokkola' && c.key === 'refining')!;
    expect(refining.providers.map((p) => p.organisationId)).toEqual(['centria', 'kpedu']);
    expect(refining.programmes).toBe(2);
    expect(view.byCompetence.find((c) => c.regionId === 'kokkola' && c.key === 'cam')!.providers).toEqual([]);
  });

  it('filters to a region and a level', () => {
    const filtered = networkView(programmes, ['kokkola', 'vaasa'], ['refining'], areaOf, {
      regionId: 'kokkola',
      level: 'vocational',
    });
    expect(filtered.byLevel.map((c) => [c.regionId, c.key, c.programmes])).toEqual([
      ['kokkola', 'vocational', 1],
    ]);
    expect(filtered.byCompetence[0]!.providers.map((p) => p.organisationId)).toEqual(['kpedu']);
  });
});
