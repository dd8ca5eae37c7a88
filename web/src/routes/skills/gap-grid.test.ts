import { describe, expect, it } from 'vitest';
import {
  buildHeatGrid,
  cellKey,
  gapFilters,
  moveInGrid,
  parseCellKey,
  roundsWithResults,
  textColourOn,
} from './gap-grid.ts';
import type { GapRow } from './skills-api.ts';

function row(roleId: string, eqf: number, gap: number | null, extra: Partial<GapRow> = {}): GapRow {
  const suppressed = gap === null;
  return {
    roleId,
    eqf,
    region: null,
    horizon: null,
    demand: suppressed ? null : 10,
    supply: 5,
    gap,
    employers: suppressed ? null : 4,
    suppressed,
    restricted: false,
    ...extra,
  };
}

const label = (id: string) => ({ a: 'Assembler', b: 'Chemist', c: 'Welder' })[id] ?? id;
const compare = (x: string, y: string) => x.localeCompare(y);

describe('the heatmap grid', () => {
  it('puts the largest shortage first, every position present, and columns the data adds at the end', () => {
    const grid = buildHeatGrid(
      [row('a', 4, -3), row('b', 6, 12), row('b', 4, 2), row('c', 9 as number, null)],
      'eqf',
      ['4', '6'],
      label,
      compare,
    );
    expect(grid.roles).toEqual(['b', 'c', 'a']);
    expect(grid.columns).toEqual(['4', '6', '9']);
    expect(grid.cells).toHaveLength(9);
    // Row-major: Chemist's level 6 is row 0, column 1.
    expect(grid.cells[1]).toMatchObject({ roleId: 'b', column: '6', row: { gap: 12 } });
    expect(grid.cells[2]).toMatchObject({ roleId: 'b', column: '9', row: null });
    // A suppressed figure never sets the colour scale (it is unknown to the reader).
    expect(grid.maxAbsGap).toBe(12);
  });

  it('leaves out roll-up rows (no role or no column value)', () => {
    const grid = buildHeatGrid(
      [row('a', 4, 1), { ...row('a', 4, 50), eqf: null }],
      'eqf',
      ['4'],
      label,
      compare,
    );
    expect(grid.cells.map((c) => c.row?.gap)).toEqual([1]);
    expect(grid.maxAbsGap).toBe(1);
  });

  it('takes regions and horizons as columns too', () => {
    const grid = buildHeatGrid(
      [row('a', 4, 2, { region: 'vaasa', eqf: null }), row('a', 4, 3, { region: 'kokkola', eqf: null })],
      'region',
      ['kokkola', 'vaasa'],
      label,
      compare,
    );
    expect(grid.cells.map((c) => [c.column, c.row?.gap])).toEqual([
      ['kokkola', 3],
      ['vaasa', 2],
    ]);
  });
});

describe('moving in the grid with the keyboard', () => {
  // 3 rows × 4 columns.
  it.each([
    [5, 'ArrowRight', 6],
    [7, 'ArrowRight', 7],
    [4, 'ArrowLeft', 4],
    [5, 'ArrowDown', 9],
    [9, 'ArrowDown', 9],
    [1, 'ArrowUp', 1],
    [6, 'Home', 4],
    [5, 'End', 7],
  ])('from %i, %s goes to %i', (from, key, to) => {
    expect(moveInGrid(from, key, 12, 4)).toBe(to);
  });

  it('ignores other keys', () => {
    expect(moveInGrid(0, 'a', 12, 4)).toBeNull();
  });
});

describe('cell keys in the address', () => {
  it('round-trips a role and a column', () => {
    expect(parseCellKey(cellKey('job-role.chemist', '1-3'))).toEqual({
      roleId: 'job-role.chemist',
      column: '1-3',
    });
  });

  it('rejects keys without both parts', () => {
    expect(parseCellKey('job-role.chemist')).toBeNull();
    expect(parseCellKey('|6')).toBeNull();
    expect(parseCellKey('job-role.chemist|')).toBeNull();
  });
});

describe('the filters a heatmap sends', () => {
  it('drops the filter of the dimension that is the columns, and values that are not valid', () => {
    const filters = { region: 'kokkola', eqf: '6', horizon: '1-3' };
    expect(gapFilters('eqf', filters)).toEqual({ region: 'kokkola', horizon: '1-3' });
    expect(gapFilters('region', filters)).toEqual({ eqf: 6, horizon: '1-3' });
    expect(gapFilters('horizon', { region: '', eqf: '12', horizon: 'soon' })).toEqual({});
  });
});

describe('text on a coloured cell', () => {
  it('is white on a dark fill and dark on a light one, whichever contrasts more', () => {
    expect(textColourOn('rgb(103, 0, 31)')).toBe('#ffffff');
    expect(textColourOn('#2166ac')).toBe('#ffffff');
    expect(textColourOn('rgb(247, 247, 247)')).toBe('#1b2631');
    expect(textColourOn('#fddbc7')).toBe('#1b2631');
  });
});

describe('rounds with results', () => {
  it('leaves drafts out and puts the newest first, as the API picks its default', () => {
    const round = (
      id: string,
      status: string,
      closesAt: string | null,
      createdAt = '2026-01-01T00:00:00Z',
    ) => ({
      id,
      status,
      closesAt,
      opensAt: null,
      createdAt,
    });
    const ordered = roundsWithResults([
      round('old', 'closed', '2025-04-30T13:00:00Z'),
      round('draft', 'draft', '2027-01-01T00:00:00Z'),
      round('new', 'open', '2026-12-18T14:00:00Z'),
      round('undated', 'open', null, '2026-11-20T00:00:00Z'),
    ]);
    expect(ordered.map((r) => r.id)).toEqual(['new', 'undated', 'old']);
  });
});
