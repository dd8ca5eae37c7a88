// Marker placement for point maps, apart from the drawing so it can be tested alone.

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Spreads markers that would overlap, so a cluster (several streams of one site, two sites of
 * one town) stays readable: markers at the very same place go on a sunflower spiral around it,
 * then a few rounds push any still-close pair apart. Pure and deterministic.
 */
export function spreadMarkers<T extends { x: number; y: number }>(points: T[], minDistance: number): T[] {
  const out = points.map((p) => ({ ...p }));
  const groups = new Map<string, T[]>();
  for (const p of out) {
    const key = `${Math.round(p.x)}:${Math.round(p.y)}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const cx = group[0]!.x;
    const cy = group[0]!.y;
    group.forEach((p, i) => {
      const radius = minDistance * 0.6 * Math.sqrt(i + 0.5);
      p.x = cx + radius * Math.cos(i * GOLDEN_ANGLE);
      p.y = cy + radius * Math.sin(i * GOLDEN_ANGLE);
    });
  }
  for (let round = 0; round < 30; round++) {
    let moved = false;
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const distance = Math.hypot(dx, dy);
        if (distance >= minDistance || distance < 1e-9) continue;
        const push = (minDistance - distance) / 2 + 0.01;
        a.x -= (dx / distance) * push;
        a.y -= (dy / distance) * push;
        b.x += (dx / distance) * push;
        b.y += (dy / distance) * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return out;
}
