// The rows of GET /api/sites/compare by key: the site's own fields ("totalAreaHa",
// "permitStatus" …) and, per utility kind, whether it is offered ("utility.steam") and its
// capacity and price ("utility.steam.capacity", "utility.steam.price").
export type CompareGroup = 'land' | 'utilities' | 'logistics' | 'permits' | 'community' | 'other';

export const KNOWN_ROWS = {
  totalAreaHa: 'land',
  availableAreaHa: 'land',
  availablePlots: 'land',
  fairwayDepthM: 'logistics',
  portDistanceKm: 'logistics',
  rail: 'logistics',
  chemicalsHandling: 'logistics',
  status: 'permits',
  permitStatus: 'permits',
  readyInMonths: 'permits',
  tenants: 'community',
  sharedServices: 'community',
} as const satisfies Record<string, CompareGroup>;
export type KnownRow = keyof typeof KNOWN_ROWS;

export interface ParsedCompareKey {
  utility: string | null;
  measure: 'offered' | 'capacity' | 'price' | null;
  known: KnownRow | null;
}

export function parseCompareKey(key: string): ParsedCompareKey {
  const [head, kind, measure] = key.split('.');
  if (head === 'utility' && kind) {
    return {
      utility: kind,
      measure: measure === 'capacity' || measure === 'price' ? measure : 'offered',
      known: null,
    };
  }
  return { utility: null, measure: null, known: Object.hasOwn(KNOWN_ROWS, key) ? (key as KnownRow) : null };
}

export function compareGroupOf(key: string): CompareGroup {
  const parsed = parseCompareKey(key);
  if (parsed.utility) return 'utilities';
  return parsed.known ? KNOWN_ROWS[parsed.known] : 'other';
}

/** A comparison takes 2 to 4 sites. */
export const MAX_COMPARE = 4;

/** Site ids from an address parameter ("kip,harjavalta"): unique, at most MAX_COMPARE. */
export function readIds(value: string | null): string[] {
  const ids = (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return [...new Set(ids)].slice(0, MAX_COMPARE);
}
