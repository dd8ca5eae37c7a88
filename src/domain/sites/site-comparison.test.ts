import { describe, expect, it } from 'vitest';
import { siteFixture } from './site-facts.fixture.ts';
import { compareSites } from './site-comparison.ts';

const site = siteFixture;

const a = site({
  id: 'a',
  totalAreaHa: 700,
  availableAreaHa: 70,
  fairwayDepthM: 14,
  portDistanceKm: 0,
  rail: true,
  permitStatus: 'zoned',
  utilities: [{ kind: 'electricity', capacity: 50, capacityUnit: 'MW', price: 60, priceUnit: '€/MWh' }],
  tenants: ['T1', 'T2'],
});
const b = site({
  id: 'b',
  totalAreaHa: 350,
  plots: [{ id: 'p', areaHa: 90, zoning: null, available: true }],
  fairwayDepthM: 15.3,
  portDistanceKm: 40,
  rail: false,
  chemicalsHandling: false,
  permitStatus: 'environmental_permit',
  utilities: [
    { kind: 'electricity', capacity: 200, capacityUnit: 'MW', price: 48, priceUnit: '€/MWh' },
    { kind: 'steam', capacity: null, capacityUnit: 't/h', price: null, priceUnit: '€/t' },
  ],
});
const c = site({ id: 'c' });

const rows = compareSites([a, b, c]);
const row = (key: string) => rows.find((r) => r.key === key)!;

describe('compareSites', () => {
  it('marks the most land, the deepest fairway, the nearest port and the furthest permit as best', () => {
    expect(row('totalAreaHa')).toEqual({
      key: 'totalAreaHa',
      unit: 'ha',
      values: [700, 350, null],
      best: [0],
    });
    // Free land counts available plots where no area is stated.
    expect(row('availableAreaHa')).toMatchObject({ values: [70, 90, null], best: [1] });
    expect(row('fairwayDepthM')).toMatchObject({ unit: 'm', values: [14, 15.3, null], best: [1] });
    expect(row('portDistanceKm')).toMatchObject({ unit: 'km', values: [0, 40, null], best: [0] });
    expect(row('permitStatus')).toMatchObject({
      values: ['zoned', 'environmental_permit', null],
      best: [1],
    });
    expect(row('rail')).toMatchObject({ values: [true, false, null], best: [0] });
    expect(row('tenants')).toMatchObject({ values: [2, 0, 0], best: [0] });
  });

  it('has a row per utility any site offers: offered, capacity (more is better) and price (less is better)', () => {
    expect(row('utility.electricity')).toMatchObject({ values: [true, true, false], best: [0, 1] });
    expect(row('utility.electricity.capacity')).toEqual({
      key: 'utility.electricity.capacity',
      unit: 'MW',
      values: [50, 200, null],
      best: [1],
    });
    expect(row('utility.electricity.price')).toMatchObject({
      unit: '€/MWh',
      values: [60, 48, null],
      best: [1],
    });
    expect(row('utility.steam')).toMatchObject({ values: [false, true, false], best: [1] });
    expect(rows.find((r) => r.key === 'utility.steam.capacity')).toBeUndefined();
    expect(rows.find((r) => r.key === 'utility.hydrogen')).toBeUndefined();
  });

  it('marks nothing where the values do not differ, nothing is known or units differ', () => {
    expect(row('chemicalsHandling')).toMatchObject({ values: [null, false, null], best: [] });
    expect(row('readyInMonths')).toMatchObject({ values: [null, null, null], best: [] });
    expect(row('status').best).toEqual([]);
    const mixed = compareSites([
      site({
        utilities: [{ kind: 'steam', capacity: 5, capacityUnit: 't/h', price: null, priceUnit: null }],
      }),
      site({ utilities: [{ kind: 'steam', capacity: 9, capacityUnit: 'MW', price: null, priceUnit: null }] }),
    ]);
    expect(mixed.find((r) => r.key === 'utility.steam.capacity')).toMatchObject({ unit: null, best: [] });
  });

  it('keeps a fact a site does not state apart from a stated no, and never marks either best', () => {
    const unknown = site({ id: 'unknown' });
    const no = site({ id: 'no', rail: false, chemicalsHandling: false, permitStatus: 'none' });
    const rows = compareSites([unknown, no]);
    const of = (key: string) => rows.find((r) => r.key === key)!;
    expect(of('rail')).toMatchObject({ values: [null, false], best: [] });
    expect(of('chemicalsHandling')).toMatchObject({ values: [null, false], best: [] });
    expect(of('permitStatus')).toMatchObject({ values: [null, 'none'], best: [] });
    // A stated yes or permit is best beside a site that does not state it.
    const yes = site({ id: 'yes', rail: true, permitStatus: 'zoned' });
    const withYes = compareSites([unknown, yes]);
    expect(withYes.find((r) => r.key === 'rail')).toMatchObject({ values: [null, true], best: [1] });
    expect(withYes.find((r) => r.key === 'permitStatus')).toMatchObject({
      values: [null, 'zoned'],
      best: [1],
    });
  });

  it('keeps the order of the sites asked for', () => {
    expect(compareSites([c, a]).find((r) => r.key === 'totalAreaHa')!.values).toEqual([null, 700]);
  });
});
