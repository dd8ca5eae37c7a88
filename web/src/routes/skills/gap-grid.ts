// The heatmap's model, pure: job roles × one other dimension from the gap API's rows, in a stable
// order, every position present (empty ones too) so the grid can be walked with the arrow keys.
import type { GapRow, Horizon } from './skills-api.ts';

export const COLUMN_DIMENSIONS = ['eqf', 'region', 'horizon'] as const;
export type ColumnDimension = (typeof COLUMN_DIMENSIONS)[number];

export function isColumnDimension(value: string | null | undefined): value is ColumnDimension {
  return typeof value === 'string' && (COLUMN_DIMENSIONS as readonly string[]).includes(value);
}

/** The column a row of the API falls in ("6", "kokkola", "1-3"), or null when rolled up. */
export function columnOf(row: GapRow, column: ColumnDimension): string | null {
  if (column === 'eqf') return row.eqf === null ? null : String(row.eqf);
  if (column === 'region') return row.region;
  return row.horizon;
}

export interface HeatCell {
  roleId: string;
  column: string;
  /** null: no employer answered and no programme trains for it. */
  row: GapRow | null;
}

export interface HeatGrid {
  roles: string[];
  columns: string[];
  /** Row-major: the cell of role i and column j is cells[i * columns.length + j]. */
  cells: HeatCell[];
  /** The largest published |gap|, at least 1: the two ends of the colour scale. */
  maxAbsGap: number;
}

/**
 * Roles with any figure as rows, the largest published shortage first (then by name); columns in
 * the given order, with any other column the data has appended.
 */
export function buildHeatGrid(
  rows: readonly GapRow[],
  column: ColumnDimension,
  columnOrder: readonly string[],
  roleLabel: (roleId: string) => string,
  compare: (a: string, b: string) => number,
): HeatGrid {
  const byKey = new Map<string, GapRow>();
  const shortage = new Map<string, number>();
  const extraColumns = new Set<string>();
  let maxAbsGap = 1;
  for (const row of rows) {
    const col = columnOf(row, column);
    if (row.roleId === null || col === null) continue;
    byKey.set(cellKey(row.roleId, col), row);
    shortage.set(row.roleId, (shortage.get(row.roleId) ?? 0) + (row.suppressed ? 0 : (row.gap ?? 0)));
    if (!columnOrder.includes(col)) extraColumns.add(col);
    if (!row.suppressed && row.gap !== null) maxAbsGap = Math.max(maxAbsGap, Math.abs(row.gap));
  }
  const roles = [...shortage.keys()].sort(
    (a, b) => shortage.get(b)! - shortage.get(a)! || compare(roleLabel(a), roleLabel(b)),
  );
  const columns = [...columnOrder, ...[...extraColumns].sort(compare)];
  const cells = roles.flatMap((roleId) =>
    columns.map((col) => ({ roleId, column: col, row: byKey.get(cellKey(roleId, col)) ?? null })),
  );
  return { roles, columns, cells, maxAbsGap };
}

/** How a cell is named in the address (?cell=…): role ids have no "|". */
export function cellKey(roleId: string, column: string): string {
  return `${roleId}|${column}`;
}

export function parseCellKey(value: string): { roleId: string; column: string } | null {
  const at = value.lastIndexOf('|');
  if (at <= 0 || at === value.length - 1) return null;
  return { roleId: value.slice(0, at), column: value.slice(at + 1) };
}

/** Where an arrow key, Home or End moves from cell `index` in a grid of `columns` columns. */
export function moveInGrid(index: number, key: string, count: number, columns: number): number | null {
  if (count === 0 || columns === 0) return null;
  const row = Math.floor(index / columns);
  const col = index % columns;
  const rows = Math.ceil(count / columns);
  let next: number;
  switch (key) {
    case 'ArrowRight':
      next = col < columns - 1 ? index + 1 : index;
      break;
    case 'ArrowLeft':
      next = col > 0 ? index - 1 : index;
      break;
    case 'ArrowDown':
      next = row < rows - 1 ? index + columns : index;
      break;
    case 'ArrowUp':
      next = row > 0 ? index - columns : index;
      break;
    case 'Home':
      next = row * columns;
      break;
    case 'End':
      next = row * columns + columns - 1;
      break;
    default:
      return null;
  }
  return Math.min(count - 1, Math.max(0, next));
}

/** The horizon filter applies unless horizons are the columns; likewise region and level. */
export function gapFilters(
  column: ColumnDimension,
  filters: { region: string; eqf: string; horizon: string },
): { region?: string; eqf?: number; horizon?: Horizon } {
  const eqf = Number(filters.eqf);
  return {
    ...(column !== 'region' && filters.region ? { region: filters.region } : {}),
    ...(column !== 'eqf' && Number.isInteger(eqf) && eqf >= 1 && eqf <= 8 ? { eqf } : {}),
    ...(column !== 'horizon' &&
    (filters.horizon === 'now' || filters.horizon === '1-3' || filters.horizon === '3-5')
      ? { horizon: filters.horizon }
      : {}),
  };
}

/** Dark or white text, whichever contrasts more with a fill given as #rrggbb or rgb(r, g, b). */
export function textColourOn(fill: string, dark = '#1b2631', light = '#ffffff'): string {
  const rgb = parseColour(fill);
  if (!rgb) return dark;
  const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const background = luminance(rgb);
  return contrast(background, luminance(parseColour(dark)!)) >=
    contrast(background, luminance(parseColour(light)!))
    ? dark
    : light;
}

function parseColour(value: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value.trim());
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const rgb = /^rgb\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*\)$/i.exec(value.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return null;
}

function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The rounds with results (open or closed), newest first, as the API picks its default round. */
export function roundsWithResults<
  R extends {
    id: string;
    status: string;
    closesAt: string | null;
    opensAt: string | null;
    createdAt: string;
  },
>(rounds: readonly R[]): R[] {
  const date = (r: R) => Date.parse(r.closesAt ?? r.opensAt ?? r.createdAt);
  return rounds
    .filter((r) => r.status !== 'draft')
    .sort((a, b) => date(b) - date(a) || (a.id < b.id ? -1 : 1));
}
