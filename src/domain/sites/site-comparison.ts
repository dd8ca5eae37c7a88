/**
 * Side-by-side comparison of 2–4 sites: one row per fact, the sites' values in the order
 * asked, and which of them is best where "best" means something (more land, deeper fairway,
 * lower price, a further permit). A fact a site does not state is null and is never best.
 * Pure: no I/O.
 */
import { availableLandHa, PERMIT_STATUSES, permitRank, type SiteFacts, UTILITY_KINDS } from './site.ts';

export type ComparisonValue = number | string | boolean | null;
export type ComparisonRow = {
  /** `totalAreaHa`, `utility.electricity.capacity`, `permitStatus` … */
  key: string;
  unit: string | null;
  values: ComparisonValue[];
  /** Indexes of the best value; empty when the values cannot be ranked or do not differ. */
  best: number[];
};

type Better = 'more' | 'less' | 'true' | 'permit' | 'none';

function bestOf(values: ComparisonValue[], better: Better): number[] {
  if (better === 'none') return [];
  const rank = (v: ComparisonValue): number | null => {
    if (v === null) return null;
    if (better === 'true') return v === true ? 1 : 0;
    if (better === 'permit') return permitRank(String(v));
    if (typeof v !== 'number') return null;
    return better === 'more' ? v : -v;
  };
  const ranks = values.map(rank);
  const known = ranks.filter((r): r is number => r !== null);
  if (known.length === 0) return [];
  const top = Math.max(...known);
  // A stated no (or no permit yet) is never best, even beside sites that do not state it.
  if ((better === 'true' || better === 'permit') && top === 0) return [];
  const best = ranks.flatMap((r, i) => (r === top ? [i] : []));
  // Every site the same: nothing stands out.
  return best.length === values.length ? [] : best;
}

function row(key: string, unit: string | null, values: ComparisonValue[], better: Better): ComparisonRow {
  return { key, unit, values, best: bestOf(values, better) };
}

/** Rows of one utility kind: offered at all, then capacity and price where any site states them. */
function utilityRows(sites: SiteFacts[], kind: string): ComparisonRow[] {
  const utilities = sites.map((s) => s.utilities.find((u) => u.kind === kind));
  if (utilities.every((u) => u === undefined)) return [];
  const rows = [
    row(
      `utility.${kind}`,
      null,
      utilities.map((u) => u !== undefined),
      'true',
    ),
  ];
  const withCapacity = utilities.filter((u) => u && u.capacity !== null);
  if (withCapacity.length) {
    const units = new Set(withCapacity.map((u) => u!.capacityUnit));
    const sameUnit = units.size === 1;
    rows.push(
      row(
        `utility.${kind}.capacity`,
        sameUnit ? ([...units][0] ?? null) : null,
        utilities.map((u) => u?.capacity ?? null),
        sameUnit ? 'more' : 'none',
      ),
    );
  }
  const withPrice = utilities.filter((u) => u && u.price !== null);
  if (withPrice.length) {
    const units = new Set(withPrice.map((u) => u!.priceUnit));
    const sameUnit = units.size === 1;
    rows.push(
      row(
        `utility.${kind}.price`,
        sameUnit ? ([...units][0] ?? null) : null,
        utilities.map((u) => u?.price ?? null),
        sameUnit ? 'less' : 'none',
      ),
    );
  }
  return rows;
}

export function compareSites(sites: SiteFacts[]): ComparisonRow[] {
  const values = <T extends ComparisonValue>(pick: (s: SiteFacts) => T) => sites.map(pick);
  const kinds = [
    ...UTILITY_KINDS,
    ...new Set(
      sites.flatMap((s) => s.utilities.map((u) => u.kind)).filter((k) => !UTILITY_KINDS.includes(k as never)),
    ),
  ];
  return [
    row(
      'totalAreaHa',
      'ha',
      values((s) => s.totalAreaHa),
      'more',
    ),
    row('availableAreaHa', 'ha', values(availableLandHa), 'more'),
    row(
      'availablePlots',
      null,
      values((s) => s.plots.filter((p) => p.available).length),
      'more',
    ),
    ...kinds.flatMap((kind) => utilityRows(sites, kind)),
    row(
      'fairwayDepthM',
      'm',
      values((s) => s.fairwayDepthM),
      'more',
    ),
    row(
      'portDistanceKm',
      'km',
      values((s) => s.portDistanceKm),
      'less',
    ),
    row(
      'rail',
      null,
      values((s) => s.rail),
      'true',
    ),
    row(
      'chemicalsHandling',
      null,
      values((s) => s.chemicalsHandling),
      'true',
    ),
    row(
      'permitStatus',
      null,
      // Not stated (null) stays null: "not published", never ranked as no permit.
      values((s) => (PERMIT_STATUSES.includes(s.permitStatus as never) ? s.permitStatus : null)),
      'permit',
    ),
    row(
      'readyInMonths',
      'months',
      values((s) => s.readyInMonths),
      'less',
    ),
    row(
      'status',
      null,
      values((s) => s.status),
      'none',
    ),
    row(
      'tenants',
      null,
      values((s) => s.tenants.length),
      'more',
    ),
    row(
      'sharedServices',
      null,
      values((s) => s.sharedServices.length),
      'more',
    ),
  ];
}
