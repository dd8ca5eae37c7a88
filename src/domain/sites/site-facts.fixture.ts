import type { SiteFacts } from './site.ts';

/** A site for tests: nothing stated, unless `overrides` says so. */
export function siteFixture(overrides: Partial<SiteFacts>): SiteFacts {
  return {
    id: 'x',
    name: 'X',
    regionId: null,
    status: 'operating',
    totalAreaHa: null,
    availableAreaHa: null,
    plots: [],
    utilities: [],
    fairwayDepthM: null,
    portDistanceKm: null,
    rail: null,
    chemicalsHandling: null,
    permitStatus: null,
    readyInMonths: null,
    sharedServices: [],
    tenants: [],
    ...overrides,
  };
}
