import { describe, expect, it } from 'vitest';
import { greatCircleKm, matchPair, matchStreams, type StreamFacts } from './symbiosis-matching.ts';

let n = 0;
function stream(overrides: Partial<StreamFacts>): StreamFacts {
  n += 1;
  return {
    id: `s${n}`,
    organisationId: null,
    direction: 'offer',
    streamType: 'sodium_sulphate',
    quantity: null,
    unit: null,
    lat: 60.5,
    lon: 27,
    availability: 'continuous',
    availableFrom: null,
    ...overrides,
  };
}

describe('greatCircleKm', () => {
  it('measures along the earth', () => {
    // Helsinki cathedral to Turku cathedral: about 151 km as the crow flies.
    expect(greatCircleKm({ lat: 60.1699, lon: 24.9522 }, { lat: 60.4523, lon: 22.2781 })).toBeCloseTo(
      150,
      -1,
    );
    expect(greatCircleKm({ lat: 63.8, lon: 23 }, { lat: 63.8, lon: 23 })).toBe(0);
  });
});

describe('matchPair', () => {
  it('pairs only an offer with a need of the same type', () => {
    const offer = stream({});
    expect(matchPair(offer, stream({ direction: 'need', streamType: 'gypsum' }))).toBeNull();
    expect(matchPair(offer, stream({ direction: 'offer' }))).toBeNull();
    expect(matchPair(stream({ direction: 'need' }), offer)).toBeNull();
    expect(matchPair(offer, stream({ direction: 'need' }))).not.toBeNull();
  });

  it('says how much of the need the offer covers, converting units', () => {
    const need = stream({ direction: 'need', quantity: 5000, unit: 't/a' });
    const small = matchPair(stream({ quantity: 2, unit: 'kt/a' }), need)!;
    expect(small.quantityCovered).toBe(0.4);
    expect(small.reasons).toContainEqual({
      code: 'covers_part',
      params: { share: 0.4, offered: 2000, needed: 5000, unit: 't/a' },
    });
    const big = matchPair(stream({ quantity: 10, unit: 'kt/a' }), need)!;
    expect(big.quantityCovered).toBe(1);
    expect(big.score).toBeGreaterThan(small.score);
  });

  it('converts a steam rate to a yearly amount, and says it assumed continuous operation', () => {
    const match = matchPair(
      stream({ streamType: 'steam', quantity: 20, unit: 't/h' }),
      stream({ streamType: 'steam', direction: 'need', quantity: 100, unit: 'kt/a' }),
    )!;
    expect(match.quantityCovered).toBe(1);
    expect(match.reasons.map((r) => r.code)).toContain('assumed_continuous');
  });

  it('leaves the coverage open when units cannot be compared or a quantity is missing', () => {
    const incompatible = matchPair(
      stream({ streamType: 'steam', quantity: 20, unit: 't/h' }),
      stream({ streamType: 'steam', direction: 'need', quantity: 1000, unit: 'MWh/a' }),
    )!;
    expect(incompatible.quantityCovered).toBeNull();
    expect(incompatible.reasons.map((r) => r.code)).toContain('units_incompatible');
    const unknown = matchPair(stream({}), stream({ direction: 'need', quantity: 5, unit: 'kt/a' }))!;
    expect(unknown.quantityCovered).toBeNull();
    expect(unknown.reasons.map((r) => r.code)).toContain('quantity_unknown');
  });

  it('prefers the nearer offer, and heat must be much nearer than a material', () => {
    const need = stream({ direction: 'need', quantity: 10, unit: 'kt/a', lat: 60.47, lon: 26.95 });
    const near = matchPair(stream({ quantity: 10, unit: 'kt/a', lat: 60.57, lon: 27.2 }), need)!;
    const far = matchPair(stream({ quantity: 10, unit: 'kt/a', lat: 63.85, lon: 23.03 }), need)!;
    expect(near.distanceKm).toBeLessThan(20);
    expect(far.distanceKm).toBeGreaterThan(400);
    expect(near.score).toBeGreaterThan(far.score);
    expect(far.reasons).toContainEqual({ code: 'far', params: { km: far.distanceKm!, halfKm: 150 } });

    // 15 km is close for sodium sulphate on a truck, far for waste heat in a pipe.
    const heatNeed = stream({
      streamType: 'waste_heat',
      direction: 'need',
      quantity: 10,
      unit: 'GWh/a',
      lat: 60.47,
      lon: 26.95,
    });
    const heat = matchPair(
      stream({ streamType: 'waste_heat', quantity: 10, unit: 'GWh/a', lat: 60.57, lon: 27.2 }),
      heatNeed,
    )!;
    expect(heat.distanceKm).toBe(near.distanceKm);
    expect(heat.score).toBeLessThan(near.score);
    expect(heat.reasons.map((r) => r.code)).toContain('far');
  });

  it('scores a location it does not know below a near one and says so', () => {
    const need = stream({ direction: 'need' });
    const nowhere = matchPair(stream({ lat: null, lon: null }), need)!;
    expect(nowhere.distanceKm).toBeNull();
    expect(nowhere.reasons.map((r) => r.code)).toContain('location_unknown');
    expect(nowhere.score).toBeLessThan(matchPair(stream({}), need)!.score);
  });

  it('prefers a supply rhythm that fits, and notes an offer that starts later than needed', () => {
    const need = stream({ direction: 'need', availability: 'continuous', availableFrom: '2026' });
    const steady = matchPair(stream({}), need)!;
    const seasonal = matchPair(stream({ availability: 'seasonal', availableFrom: '2028-01' }), need)!;
    expect(seasonal.score).toBeLessThan(steady.score);
    expect(seasonal.reasons).toContainEqual({
      code: 'availability_differs',
      params: { offer: 'seasonal', need: 'continuous' },
    });
    expect(seasonal.reasons).toContainEqual({
      code: 'available_later',
      params: { from: '2028-01', needed: '2026' },
    });
  });
});

describe('matchStreams', () => {
  const need = stream({ id: 'need', direction: 'need', quantity: 20, unit: 'kt/a', lat: 60.47, lon: 26.95 });
  const hamina = stream({ id: 'hamina', quantity: 200, unit: 'kt/a', lat: 60.66, lon: 27.25 });
  const kokkola = stream({ id: 'kokkola', quantity: 100, unit: 'kt/a', lat: 63.85, lon: 23.03 });
  const acid = stream({ id: 'acid', streamType: 'sulphuric_acid', quantity: 300, unit: 'kt/a' });
  const all = [kokkola, need, hamina, acid];

  it('ranks a stream’s counterparts best first', () => {
    expect(matchStreams(all, 'need').map((m) => m.offerId)).toEqual(['hamina', 'kokkola']);
    expect(matchStreams(all, 'hamina').map((m) => m.needId)).toEqual(['need']);
    expect(matchStreams(all, 'acid')).toEqual([]);
  });

  it('pairs every offer with every need without a stream, and nothing for an unknown one', () => {
    expect(matchStreams(all)).toHaveLength(2);
    expect(matchStreams(all, 'nope')).toEqual([]);
  });
});
