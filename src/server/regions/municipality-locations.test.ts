import { describe, expect, it } from 'vitest';
import { shippedMunicipalityLocator } from './municipality-locations.ts';

describe('municipality locations (shipped table)', () => {
  const locator = shippedMunicipalityLocator();

  it('finds a municipality by its Finnish or Swedish name in any case, and by code', () => {
    expect(locator.byName('Kokkola')?.code).toBe('272');
    expect(locator.byName('  karleby ')?.code).toBe('272');
    expect(locator.byName('Helsingfors')?.fi).toBe('Helsinki');
    expect(locator.byCode('905')?.sv).toBe('Vasa');
  });

  it('takes the first known municipality of a field naming several, and nothing for unknown text', () => {
    expect(locator.byName('Outokumpu / Espoo')?.code).toBe('309');
    expect(locator.byName('Atlantis')).toBeUndefined();
    expect(locator.byName(null)).toBeUndefined();
  });

  it('covers every municipality of the network regions with a point inside Finland', () => {
    const codes = ['272', '236', '288', '297', '853', '895', '734', '609', '079', '214', '179', '405'];
    for (const code of [...codes, '285', '075', '905', '499', '286', '489', '624', '935']) {
      const place = locator.byCode(code);
      expect(place, code).toBeDefined();
      expect(place!.lon).toBeGreaterThan(19);
      expect(place!.lon).toBeLessThan(32);
      expect(place!.lat).toBeGreaterThan(59.5);
      expect(place!.lat).toBeLessThan(70.2);
    }
  });
});
