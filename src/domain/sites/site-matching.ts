/**
 * Investor matching: an investor's requirements against the sites. Hard requirements filter
 * (a site that does not meet one, or does not state what it would need to, is excluded);
 * every requirement, hard or not, is scored and weighted (1–5, default 3). Meeting a
 * minimum scores 0.8 and more with diminishing returns above it (1 − 0.2·required/actual),
 * falling short scores up to 0.6 in proportion, an unstated value scores 0.3 — a rail
 * connection, chemicals handling or permit the site does not state too (`rail_unknown`,
 * `chemicals_unknown`, `permit_unknown`), while a stated no scores 0 (`no_rail` …). Each
 * result lists why it fits (`reasons`) and what it misses (`unmet`), with stable codes and
 * the numbers as params for the web app to say in fi/sv/en. Pure: no I/O.
 */
import { z } from 'zod';
import {
  availableLandHa,
  findUtility,
  PERMIT_STATUSES,
  permitRank,
  type SiteFacts,
  sortSitesByName,
  UTILITY_UNITS,
  type UtilityKind,
} from './site.ts';
import { convertQuantity } from './units.ts';

const Weight = z.number().int().min(1).max(5).optional();
const Amount = z.number().finite().min(0).max(1e9);
const requirement = <T extends z.ZodType>(value: T) =>
  z.strictObject({ value, hard: z.boolean(), weight: Weight });

export const SiteRequirementsSchema = z
  .strictObject({
    /** Minimum free land, ha. */
    landHa: requirement(Amount),
    /** Minimum electricity capacity, MW. */
    electricityMw: requirement(Amount),
    /** Minimum process water, m³/h. */
    processWaterM3h: requirement(Amount),
    /** Minimum steam, t/h. */
    steamTh: requirement(Amount),
    /** Minimum m³/h, or true: must be offered. */
    coolingWater: requirement(z.union([Amount, z.boolean()])),
    /** Minimum m³/d, or true: must be offered. */
    wastewaterTreatment: requirement(z.union([Amount, z.boolean()])),
    industrialGases: requirement(z.boolean()),
    /** Minimum fairway depth of the site's port, m. */
    portDepthM: requirement(Amount),
    rail: requirement(z.boolean()),
    chemicalsHandling: requirement(z.boolean()),
    /** At least this permit status. */
    permit: requirement(z.enum(PERMIT_STATUSES)),
    /** At most this many months until building can start. */
    readyWithinMonths: requirement(Amount),
    /** At most this electricity price, €/MWh. */
    maxElectricityPriceEurMwh: requirement(Amount),
    /** The site lies in one of these regions. */
    regionIds: requirement(z.array(z.string().min(1).max(64)).min(1).max(20)),
  })
  .partial();
export type SiteRequirements = z.infer<typeof SiteRequirementsSchema>;
export type RequirementKey = keyof SiteRequirements;

export const REQUIREMENT_KEYS = Object.keys(SiteRequirementsSchema.shape) as RequirementKey[];

export type MatchParams = Record<string, number | string>;
export type MatchReason = { key: RequirementKey; code: string; params: MatchParams };
export type UnmetRequirement = MatchReason & { hard: boolean };
export type SiteMatch = {
  siteId: string;
  name: string;
  score: number;
  eligible: boolean;
  reasons: MatchReason[];
  unmet: UnmetRequirement[];
};

/** One requirement judged against one site. */
type Judgement = { met: boolean; satisfaction: number; code: string; params: MatchParams };

/** Score of a stated value that should reach `required`. */
export function atLeastSatisfaction(required: number, actual: number): number {
  if (actual >= required) return actual === 0 ? 1 : 1 - (0.2 * required) / actual;
  return required === 0 ? 1 : (0.6 * actual) / required;
}

/** Score of a stated value that should stay at or below `max`. */
export function atMostSatisfaction(max: number, actual: number): number {
  if (actual <= max) return max === 0 ? 1 : 1 - (0.2 * actual) / max;
  return (0.6 * max) / actual;
}

const UNKNOWN_SATISFACTION = 0.3;
const round = (n: number) => Math.round(n * 100) / 100;

function minimum(
  prefix: string,
  required: number,
  actual: number | null,
  units: [string, string],
): Judgement {
  const [requiredKey, actualKey] = units;
  if (actual === null) {
    return {
      met: false,
      satisfaction: UNKNOWN_SATISFACTION,
      code: `${prefix}_unknown`,
      params: { [requiredKey]: required },
    };
  }
  const params = { [requiredKey]: required, [actualKey]: round(actual) };
  const met = actual >= required;
  return {
    met,
    satisfaction: atLeastSatisfaction(required, actual),
    code: `${prefix}_${met ? 'ok' : 'short'}`,
    params,
  };
}

function presence(prefix: string, offered: boolean, absent = `${prefix}_unknown`): Judgement {
  return offered
    ? { met: true, satisfaction: 1, code: `${prefix}_ok`, params: {} }
    : { met: false, satisfaction: 0, code: absent, params: {} };
}

/**
 * A yes/no fact the site may not state: yes meets it, a stated no scores nothing (`absent`),
 * and an unstated one is unmet but scores like any other unstated value (`<prefix>_unknown`).
 */
function statedPresence(prefix: string, stated: boolean | null, absent: string): Judgement {
  if (stated === null)
    return { met: false, satisfaction: UNKNOWN_SATISFACTION, code: `${prefix}_unknown`, params: {} };
  return presence(prefix, stated, absent);
}

/** A utility's capacity in the unit the requirement is stated in, when the site states it. */
function capacityIn(site: SiteFacts, kind: UtilityKind): number | null {
  const utility = findUtility(site, kind);
  if (!utility || utility.capacity === null) return null;
  const wanted = UTILITY_UNITS[kind].capacity!;
  const unit = utility.capacityUnit ?? wanted;
  if (unit === wanted) return utility.capacity;
  const converted = convertQuantity(utility.capacity, unit, wanted);
  return converted.ok ? converted.value : null;
}

function utilityRequirement(
  site: SiteFacts,
  kind: UtilityKind,
  prefix: string,
  value: number | boolean,
  units: [string, string],
): Judgement | null {
  if (value === false || value === 0) return null;
  if (value === true) {
    const offered = findUtility(site, kind) !== undefined;
    return { ...presence(prefix, offered), satisfaction: offered ? 1 : UNKNOWN_SATISFACTION };
  }
  return minimum(prefix, value, capacityIn(site, kind), units);
}

function judge(site: SiteFacts, key: RequirementKey, value: unknown): Judgement | null {
  switch (key) {
    case 'landHa': {
      const required = value as number;
      return required === 0
        ? null
        : minimum('land', required, availableLandHa(site), ['requiredHa', 'availableHa']);
    }
    case 'electricityMw':
      return utilityRequirement(site, 'electricity', 'electricity', value as number, [
        'requiredMw',
        'capacityMw',
      ]);
    case 'processWaterM3h':
      return utilityRequirement(site, 'process_water', 'process_water', value as number, [
        'requiredM3h',
        'capacityM3h',
      ]);
    case 'steamTh':
      return utilityRequirement(site, 'steam', 'steam', value as number, ['requiredTh', 'capacityTh']);
    case 'coolingWater':
      return utilityRequirement(site, 'cooling_water', 'cooling_water', value as number | boolean, [
        'requiredM3h',
        'capacityM3h',
      ]);
    case 'wastewaterTreatment':
      return utilityRequirement(site, 'wastewater_treatment', 'wastewater', value as number | boolean, [
        'requiredM3d',
        'capacityM3d',
      ]);
    case 'industrialGases':
      return utilityRequirement(site, 'industrial_gases', 'industrial_gases', value as boolean, ['', '']);
    case 'portDepthM': {
      const required = value as number;
      if (required === 0) return null;
      if (site.fairwayDepthM === null)
        return {
          met: false,
          satisfaction: UNKNOWN_SATISFACTION,
          code: 'port_unknown',
          params: { requiredM: required },
        };
      const met = site.fairwayDepthM >= required;
      return {
        met,
        satisfaction: atLeastSatisfaction(required, site.fairwayDepthM),
        code: met ? 'port_ok' : 'port_shallow',
        params: { requiredM: required, depthM: site.fairwayDepthM },
      };
    }
    case 'rail':
      return value === true ? statedPresence('rail', site.rail, 'no_rail') : null;
    case 'chemicalsHandling':
      return value === true
        ? statedPresence('chemicals', site.chemicalsHandling, 'no_chemicals_handling')
        : null;
    case 'permit': {
      const required = permitRank(value as string);
      if (required === 0) return null;
      if (site.permitStatus === null)
        return {
          met: false,
          satisfaction: UNKNOWN_SATISFACTION,
          code: 'permit_unknown',
          params: { required: value as string },
        };
      const actual = permitRank(site.permitStatus);
      const top = PERMIT_STATUSES.length - 1;
      const met = actual >= required;
      const satisfaction = met
        ? required === top
          ? 1
          : 0.8 + (0.2 * (actual - required)) / (top - required)
        : (0.6 * actual) / required;
      return {
        met,
        satisfaction,
        code: met ? 'permit_ok' : 'permit_below',
        params: { required: value as string, actual: PERMIT_STATUSES[actual]! },
      };
    }
    case 'readyWithinMonths': {
      const max = value as number;
      if (site.readyInMonths === null)
        return {
          met: false,
          satisfaction: UNKNOWN_SATISFACTION,
          code: 'ready_unknown',
          params: { maxMonths: max },
        };
      const met = site.readyInMonths <= max;
      return {
        met,
        satisfaction: atMostSatisfaction(max, site.readyInMonths),
        code: met ? 'ready_ok' : 'ready_later',
        params: { maxMonths: max, months: site.readyInMonths },
      };
    }
    case 'maxElectricityPriceEurMwh': {
      const max = value as number;
      const electricity = findUtility(site, 'electricity');
      const price =
        electricity && electricity.price !== null && (electricity.priceUnit ?? '€/MWh') === '€/MWh'
          ? electricity.price
          : null;
      if (price === null)
        return {
          met: false,
          satisfaction: UNKNOWN_SATISFACTION,
          code: 'price_unknown',
          params: { maxEurMwh: max },
        };
      const met = price <= max;
      return {
        met,
        satisfaction: atMostSatisfaction(max, price),
        code: met ? 'price_ok' : 'price_above',
        params: { maxEurMwh: max, priceEurMwh: price },
      };
    }
    case 'regionIds': {
      const wanted = value as string[];
      const met = site.regionId !== null && wanted.includes(site.regionId);
      return {
        met,
        satisfaction: met ? 1 : 0,
        code: met ? 'region_ok' : 'region_other',
        params: { regionId: site.regionId ?? '' },
      };
    }
  }
}

/** One site against the requirements. */
export function matchSite(site: SiteFacts, requirements: SiteRequirements): SiteMatch {
  const reasons: MatchReason[] = [];
  const unmet: UnmetRequirement[] = [];
  let weighted = 0;
  let weights = 0;
  let eligible = true;
  for (const key of REQUIREMENT_KEYS) {
    const requirement = requirements[key];
    if (!requirement) continue;
    const judgement = judge(site, key, requirement.value);
    if (!judgement) continue;
    const weight = requirement.weight ?? 3;
    weighted += weight * judgement.satisfaction;
    weights += weight;
    if (judgement.met) reasons.push({ key, code: judgement.code, params: judgement.params });
    else {
      unmet.push({ key, hard: requirement.hard, code: judgement.code, params: judgement.params });
      if (requirement.hard) eligible = false;
    }
  }
  const score = weights === 0 ? 100 : Math.round((100 * weighted) / weights);
  return { siteId: site.id, name: site.name, score, eligible, reasons, unmet };
}

/**
 * The sites that meet every hard requirement, best first (ties by name); with
 * `includeExcluded` the others follow (fewest unmet hard requirements first), each saying what
 * it misses. `inNameOrder`: the sites already come sorted by name (the read model sorts once),
 * so ties keep their order without comparing names again.
 */
export function matchSites(
  sites: SiteFacts[],
  requirements: SiteRequirements,
  options: { includeExcluded?: boolean; inNameOrder?: boolean } = {},
): SiteMatch[] {
  const ordered = options.inNameOrder ? sites : sortSitesByName(sites);
  const results = ordered.map((site) => matchSite(site, requirements));
  // Array.prototype.sort is stable: equal scores stay in name order.
  const eligible = results.filter((r) => r.eligible).sort((a, b) => b.score - a.score);
  if (!options.includeExcluded) return eligible;
  const hardMisses = (r: SiteMatch) => r.unmet.filter((u) => u.hard).length;
  const excluded = results
    .filter((r) => !r.eligible)
    .sort((a, b) => hardMisses(a) - hardMisses(b) || b.score - a.score);
  return [...eligible, ...excluded];
}
