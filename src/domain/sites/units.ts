/**
 * Units of quantities and rates (t/a, kt/a, MWh/a, GWh/a, m³/h …) and conversion between
 * units of one family. Rates per hour or day convert to per year assuming continuous
 * operation (8,760 h, 365 d); `convertQuantity` says so, so that a reason can say it too.
 */

type Family = 'mass' | 'energy' | 'volume';

/** Each unit as a factor to its family's base per year: t/a, MWh/a, m³/a. */
const UNITS: Record<string, { family: Family; factor: number; rate: 'year' | 'day' | 'hour' }> = {
  't/a': { family: 'mass', factor: 1, rate: 'year' },
  'kt/a': { family: 'mass', factor: 1_000, rate: 'year' },
  'Mt/a': { family: 'mass', factor: 1_000_000, rate: 'year' },
  't/d': { family: 'mass', factor: 365, rate: 'day' },
  't/h': { family: 'mass', factor: 8_760, rate: 'hour' },
  'kg/h': { family: 'mass', factor: 8.76, rate: 'hour' },
  'MWh/a': { family: 'energy', factor: 1, rate: 'year' },
  'GWh/a': { family: 'energy', factor: 1_000, rate: 'year' },
  'TWh/a': { family: 'energy', factor: 1_000_000, rate: 'year' },
  'TJ/a': { family: 'energy', factor: 1_000 / 3.6, rate: 'year' },
  kW: { family: 'energy', factor: 8.76, rate: 'hour' },
  MW: { family: 'energy', factor: 8_760, rate: 'hour' },
  'm³/a': { family: 'volume', factor: 1, rate: 'year' },
  'm³/d': { family: 'volume', factor: 365, rate: 'day' },
  'm³/h': { family: 'volume', factor: 8_760, rate: 'hour' },
};

export const KNOWN_UNITS = Object.keys(UNITS);

/** "m3/h", "M³/H" and "m³/h" are one unit; unknown units come back as written. */
export function normaliseUnit(unit: string): string {
  const compact = unit.trim().replace(/\s+/g, '').replace(/3/g, '³');
  const lower = compact.toLowerCase();
  return KNOWN_UNITS.find((u) => u.toLowerCase() === lower) ?? unit.trim();
}

export type Conversion =
  | {
      ok: true;
      value: number /** The time basis changed (per hour/day ↔ per year). */;
      assumedContinuous: boolean;
    }
  | { ok: false };

/** `value` in `from` expressed in `to`; not possible across families or for unknown units. */
export function convertQuantity(value: number, from: string, to: string): Conversion {
  const a = UNITS[normaliseUnit(from)];
  const b = UNITS[normaliseUnit(to)];
  if (!a || !b || a.family !== b.family) return { ok: false };
  return { ok: true, value: (value * a.factor) / b.factor, assumedContinuous: a.rate !== b.rate };
}

export function unitsCompatible(a: string, b: string): boolean {
  return convertQuantity(1, a, b).ok;
}
