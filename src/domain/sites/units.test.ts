import { describe, expect, it } from 'vitest';
import { convertQuantity, normaliseUnit, unitsCompatible } from './units.ts';

describe('units', () => {
  it('converts within a family', () => {
    expect(convertQuantity(2, 'kt/a', 't/a')).toEqual({ ok: true, value: 2000, assumedContinuous: false });
    expect(convertQuantity(1500, 'MWh/a', 'GWh/a')).toEqual({
      ok: true,
      value: 1.5,
      assumedContinuous: false,
    });
    expect(convertQuantity(1, 'TJ/a', 'MWh/a')).toMatchObject({ ok: true, value: expect.closeTo(277.78, 2) });
  });

  it('converts rates to yearly amounts assuming continuous operation, and says so', () => {
    expect(convertQuantity(10, 't/h', 'kt/a')).toEqual({ ok: true, value: 87.6, assumedContinuous: true });
    expect(convertQuantity(100, 'm³/h', 'm³/d')).toEqual({ ok: true, value: 2400, assumedContinuous: true });
    expect(convertQuantity(1, 'MW', 'MWh/a')).toEqual({ ok: true, value: 8760, assumedContinuous: true });
  });

  it('refuses to convert across families or unknown units', () => {
    expect(convertQuantity(1, 't/h', 'MWh/a')).toEqual({ ok: false });
    expect(convertQuantity(1, 'barrels', 't/a')).toEqual({ ok: false });
    expect(unitsCompatible('GWh/a', 'MW')).toBe(true);
    expect(unitsCompatible('m³/h', 't/a')).toBe(false);
  });

  it('reads units as people type them', () => {
    expect(normaliseUnit('m3/h')).toBe('m³/h');
    expect(normaliseUnit(' KT/A ')).toBe('kt/a');
    expect(normaliseUnit('gwh/a')).toBe('GWh/a');
    expect(normaliseUnit('furlongs')).toBe('furlongs');
  });
});
