import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SiteFacts } from './site.ts';
import { siteFixture } from './site-facts.fixture.ts';
import {
  atLeastSatisfaction,
  atMostSatisfaction,
  matchSite,
  matchSites,
  type SiteRequirements,
  SiteRequirementsSchema,
} from './site-matching.ts';

/** The demo sites as matching sees them (data/demo/sites.json). */
const demoSites: SiteFacts[] = (
  JSON.parse(fs.readFileSync(new URL('../../../data/demo/sites.json', import.meta.url), 'utf8')) as {
    sites: SiteFacts[];
  }
).sites;

type GoldenCase = {
  name: string;
  requirements: SiteRequirements;
  expected?: string[];
  scores?: number[];
  expectedTop?: string[];
  expectedCount?: number;
  /** Why an expectation is what it is, when that is not obvious. */
  note?: string;
};
const golden = JSON.parse(
  fs.readFileSync(new URL('./site-matching-golden.json', import.meta.url), 'utf8'),
) as {
  cases: GoldenCase[];
};

const site = (overrides: Partial<SiteFacts>) => siteFixture({ regionId: 'kokkola', ...overrides });

describe('golden set: investor requirements against the demo sites', () => {
  it('has 14 demo sites', () => expect(demoSites).toHaveLength(14));

  for (const c of golden.cases) {
    it(c.name, () => {
      const requirements = SiteRequirementsSchema.parse(c.requirements);
      const results = matchSites(demoSites, requirements);
      if (c.expected) expect(results.map((r) => r.siteId)).toEqual(c.expected);
      if (c.scores) expect(results.map((r) => r.score)).toEqual(c.scores);
      if (c.expectedTop)
        expect(results.slice(0, c.expectedTop.length).map((r) => r.siteId)).toEqual(c.expectedTop);
      if (c.expectedCount !== undefined) expect(results).toHaveLength(c.expectedCount);
      // Every result meets every hard requirement and says why it fits.
      for (const r of results) {
        expect(r.eligible).toBe(true);
        expect(r.unmet.filter((u) => u.hard)).toEqual([]);
      }
    });
  }
});

describe('a requirement no site meets', () => {
  const requirements = SiteRequirementsSchema.parse({ landHa: { value: 1000, hard: true } });

  it('returns no sites', () => expect(matchSites(demoSites, requirements)).toEqual([]));

  it('lists every site as excluded with the reason when asked', () => {
    const results = matchSites(demoSites, requirements, { includeExcluded: true });
    expect(results).toHaveLength(14);
    expect(results.every((r) => !r.eligible)).toBe(true);
    const kip = results.find((r) => r.siteId === 'kip')!;
    expect(kip.unmet).toEqual([
      { key: 'landHa', hard: true, code: 'land_short', params: { requiredHa: 1000, availableHa: 70 } },
    ]);
    const kotka = results.find((r) => r.siteId === 'kotka-hamina-power-coast')!;
    // No stated free area: the 50 ha plot marked available counts.
    expect(kotka.unmet[0]).toMatchObject({ code: 'land_short', params: { availableHa: 50 } });
    const harjavalta = results.find((r) => r.siteId === 'harjavalta')!;
    expect(harjavalta.unmet).toEqual([
      { key: 'landHa', hard: true, code: 'land_unknown', params: { requiredHa: 1000 } },
    ]);
  });

  it('puts the excluded sites that miss fewer hard requirements first', () => {
    const results = matchSites(
      demoSites,
      SiteRequirementsSchema.parse({
        rail: { value: true, hard: true },
        chemicalsHandling: { value: true, hard: true },
        landHa: { value: 60, hard: true },
      }),
      { includeExcluded: true },
    );
    expect(results[0]).toMatchObject({ siteId: 'kip', eligible: true });
    const excluded = results.slice(1);
    const misses = excluded.map((r) => r.unmet.filter((u) => u.hard).length);
    expect(misses).toEqual([...misses].sort((a, b) => a - b));
    // GigaVaasa's sources state neither rail nor chemicals handling: not stated, not "no".
    const gigavaasa = excluded.find((r) => r.siteId === 'gigavaasa')!;
    expect(gigavaasa.unmet.map((u) => u.code)).toEqual(['land_unknown', 'rail_unknown', 'chemicals_unknown']);
  });
});

describe('a fact the site does not state is not a no', () => {
  const unknown = site({ id: 'unknown', name: 'Unknown' });
  const no = site({
    id: 'no',
    name: 'No',
    rail: false,
    chemicalsHandling: false,
    permitStatus: 'none',
  });
  const yes = site({
    id: 'yes',
    name: 'Yes',
    rail: true,
    chemicalsHandling: true,
    permitStatus: 'zoned',
  });

  it('leaves out a site that does not state a hard requirement, saying it is not stated', () => {
    const requirements = SiteRequirementsSchema.parse({
      rail: { value: true, hard: true },
      chemicalsHandling: { value: true, hard: true },
      permit: { value: 'zoned', hard: true },
    });
    const results = matchSites([unknown, no, yes], requirements, { includeExcluded: true });
    // Both miss three must-haves; the one that may yet have them comes before the stated no.
    expect(results.map((r) => [r.siteId, r.eligible])).toEqual([
      ['yes', true],
      ['unknown', false],
      ['no', false],
    ]);
    expect(results.find((r) => r.siteId === 'unknown')!.unmet).toEqual([
      { key: 'rail', hard: true, code: 'rail_unknown', params: {} },
      { key: 'chemicalsHandling', hard: true, code: 'chemicals_unknown', params: {} },
      { key: 'permit', hard: true, code: 'permit_unknown', params: { required: 'zoned' } },
    ]);
    expect(results.find((r) => r.siteId === 'no')!.unmet).toEqual([
      { key: 'rail', hard: true, code: 'no_rail', params: {} },
      { key: 'chemicalsHandling', hard: true, code: 'no_chemicals_handling', params: {} },
      { key: 'permit', hard: true, code: 'permit_below', params: { required: 'zoned', actual: 'none' } },
    ]);
  });

  it('scores an unstated preference like any other unstated value, above a stated no', () => {
    for (const requirement of [
      { rail: { value: true, hard: false } },
      { chemicalsHandling: { value: true, hard: false } },
      { permit: { value: 'zoned', hard: false } },
    ]) {
      const requirements = SiteRequirementsSchema.parse(requirement);
      const score = (s: SiteFacts) => matchSite(s, requirements).score;
      // The same 0.3 as free land the site does not state.
      expect(score(unknown), JSON.stringify(requirement)).toBe(
        matchSite(unknown, SiteRequirementsSchema.parse({ landHa: { value: 10, hard: false } })).score,
      );
      expect(score(unknown)).toBe(30);
      expect(score(no)).toBe(0);
      expect(score(yes)).toBeGreaterThanOrEqual(80);
      expect(matchSites([no, unknown, yes], requirements).map((r) => r.siteId)).toEqual([
        'yes',
        'unknown',
        'no',
      ]);
    }
  });
});

describe('scoring', () => {
  it('has diminishing returns above a minimum and partial credit below it', () => {
    expect(atLeastSatisfaction(50, 50)).toBeCloseTo(0.8);
    expect(atLeastSatisfaction(50, 100)).toBeCloseTo(0.9);
    expect(atLeastSatisfaction(50, 1000)).toBeCloseTo(0.99);
    // Doubling the surplus gains less than reaching the requirement did.
    expect(atLeastSatisfaction(50, 100) - atLeastSatisfaction(50, 50)).toBeLessThan(
      atLeastSatisfaction(50, 50) - atLeastSatisfaction(50, 25),
    );
    expect(atLeastSatisfaction(50, 25)).toBeCloseTo(0.3);
    expect(atMostSatisfaction(60, 30)).toBeCloseTo(0.9);
    expect(atMostSatisfaction(60, 120)).toBeCloseTo(0.3);
    expect(atMostSatisfaction(0, 0)).toBe(1);
  });

  it('weights preferences', () => {
    const railOnly = site({ id: 'rail', name: 'Rail', rail: true });
    const portOnly = site({ id: 'port', name: 'Port', fairwayDepthM: 12 });
    const prefer = (railWeight: number, portWeight: number) =>
      matchSites(
        [railOnly, portOnly],
        SiteRequirementsSchema.parse({
          rail: { value: true, hard: false, weight: railWeight },
          portDepthM: { value: 10, hard: false, weight: portWeight },
        }),
      ).map((r) => r.siteId);
    expect(prefer(5, 1)).toEqual(['rail', 'port']);
    expect(prefer(1, 5)).toEqual(['port', 'rail']);
  });

  it('judges permits in order, prices and readiness as maxima, and reads utilities by unit', () => {
    const s = site({
      permitStatus: 'environmental_permit',
      readyInMonths: 9,
      utilities: [
        { kind: 'electricity', capacity: 120, capacityUnit: 'MW', price: 55, priceUnit: '€/MWh' },
        { kind: 'wastewater_treatment', capacity: 100, capacityUnit: 'm³/h', price: null, priceUnit: null },
      ],
    });
    const result = matchSite(
      s,
      SiteRequirementsSchema.parse({
        permit: { value: 'eia_done', hard: true },
        readyWithinMonths: { value: 6, hard: false },
        maxElectricityPriceEurMwh: { value: 60, hard: true },
        electricityMw: { value: 100, hard: true },
        wastewaterTreatment: { value: 2000, hard: true },
      }),
    );
    expect(result.eligible).toBe(true);
    expect(result.reasons.map((r) => r.code)).toEqual([
      'electricity_ok',
      'wastewater_ok',
      'permit_ok',
      'price_ok',
    ]);
    // 100 m³/h is 2,400 m³/d.
    expect(result.reasons[1]!.params).toEqual({ requiredM3d: 2000, capacityM3d: 2400 });
    expect(result.unmet).toEqual([
      { key: 'readyWithinMonths', hard: false, code: 'ready_later', params: { maxMonths: 6, months: 9 } },
    ]);
    const below = matchSite(
      s,
      SiteRequirementsSchema.parse({ permit: { value: 'seveso_ready', hard: true } }),
    );
    expect(below.unmet).toEqual([
      {
        key: 'permit',
        hard: true,
        code: 'permit_below',
        params: { required: 'seveso_ready', actual: 'environmental_permit' },
      },
    ]);
  });

  it('scores 100 for every site when nothing is required', () => {
    expect(matchSites([site({})], {}).map((r) => r.score)).toEqual([100]);
  });

  it('refuses unknown requirement keys and out-of-range weights', () => {
    expect(SiteRequirementsSchema.safeParse({ landHA: { value: 5, hard: true } }).success).toBe(false);
    expect(SiteRequirementsSchema.safeParse({ landHa: { value: 5, hard: true, weight: 9 } }).success).toBe(
      false,
    );
    expect(SiteRequirementsSchema.safeParse({ landHa: { value: -5, hard: true } }).success).toBe(false);
    expect(SiteRequirementsSchema.safeParse({ permit: { value: 'approved', hard: true } }).success).toBe(
      false,
    );
  });
});
