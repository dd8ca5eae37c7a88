import { describe, expect, it } from 'vitest';
import { compareGroupOf, MAX_COMPARE, parseCompareKey, readIds } from './compare-rows.ts';

describe('comparison rows', () => {
  it('reads the utility rows of GET /api/sites/compare', () => {
    expect(parseCompareKey('utility.steam')).toEqual({ utility: 'steam', measure: 'offered', known: null });
    expect(parseCompareKey('utility.electricity.price')).toEqual({
      utility: 'electricity',
      measure: 'price',
      known: null,
    });
    expect(compareGroupOf('utility.process_water.capacity')).toBe('utilities');
  });

  it('groups the site fields and keeps unknown rows under other', () => {
    expect(compareGroupOf('availableAreaHa')).toBe('land');
    expect(compareGroupOf('fairwayDepthM')).toBe('logistics');
    expect(compareGroupOf('permitStatus')).toBe('permits');
    expect(compareGroupOf('sharedServices')).toBe('community');
    expect(compareGroupOf('somethingNew')).toBe('other');
    expect(parseCompareKey('toString').known).toBeNull();
  });

  it('takes unique ids from the address, at most four', () => {
    expect(readIds(' kip, harjavalta,kip,,gigavaasa ')).toEqual(['kip', 'harjavalta', 'gigavaasa']);
    expect(readIds('a,b,c,d,e')).toHaveLength(MAX_COMPARE);
    expect(readIds(null)).toEqual([]);
  });
});
