import { describe, expect, it } from 'vitest';
import { spreadMarkers } from './spread-markers.ts';

const closestPair = (points: { x: number; y: number }[]) => {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++)
      best = Math.min(best, Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y));
  return best;
};

describe('spreadMarkers', () => {
  it('leaves markers that are far enough apart where they are', () => {
    const points = [
      { id: 'a', x: 10, y: 10 },
      { id: 'b', x: 100, y: 10 },
    ];
    expect(spreadMarkers(points, 20)).toEqual(points);
  });

  it('spreads eight streams of one site around the site, none overlapping, none far away', () => {
    const points = Array.from({ length: 8 }, (_, i) => ({ id: `s${i}`, x: 300, y: 400 }));
    const spread = spreadMarkers(points, 20);
    expect(closestPair(spread)).toBeGreaterThanOrEqual(19.9);
    // A sunflower around the place, not a line running off across the country.
    for (const p of spread) expect(Math.hypot(p.x - 300, p.y - 400)).toBeLessThan(60);
    const cx = spread.reduce((sum, p) => sum + p.x, 0) / spread.length;
    const cy = spread.reduce((sum, p) => sum + p.y, 0) / spread.length;
    expect(Math.hypot(cx - 300, cy - 400)).toBeLessThan(15);
  });

  it('pushes two nearby places apart symmetrically and keeps the input untouched', () => {
    const points = [
      { x: 100, y: 100 },
      { x: 105, y: 100 },
    ];
    const spread = spreadMarkers(points, 20);
    expect(closestPair(spread)).toBeGreaterThanOrEqual(19.9);
    expect((spread[0]!.x + spread[1]!.x) / 2).toBeCloseTo(102.5);
    expect(points[0]).toEqual({ x: 100, y: 100 });
  });

  it('is deterministic', () => {
    const points = Array.from({ length: 5 }, (_, i) => ({ x: 50 + (i % 2), y: 50 }));
    expect(spreadMarkers(points, 15)).toEqual(spreadMarkers(points, 15));
  });
});
