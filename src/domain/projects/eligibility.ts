import type { PartnerRoleName } from './partner-roles.ts';

/**
 * The Horizon Europe eligibility check of a consortium (rules.md §1.1–1.2), rule by rule:
 * - RIA and IA: at least 3 independent legal entities, each established in a different Member
 *   State (MS) or Associated Country (AC), at least one of them in an MS;
 * - CSA: at least 1 legal entity established in an MS or AC;
 * - affiliated entities and associated partners do not count; partners sharing a legal-entity
 *   group are under common control and count once;
 * - AC status is judged at a date (the call deadline, else today) and by scope: a Pillar-II-only
 *   AC counts in Pillar II collaborative calls (every battery call is Cluster 5, Pillar II); an
 *   AC associated to all but the EIC Fund counts everywhere except the EIC Fund;
 * - anyone may participate, but entities outside the MS and ACs are flagged as not funded.
 * Each rule answers {code, passed, blocking, params}; the page words it in the reader's language.
 * Pure: no I/O.
 */
export type ProgrammeCountry = {
  countryCode: string;
  name: string;
  status: 'member_state' | 'associated';
  scope: 'full' | 'pillar2' | 'full_except_eic_fund';
  /** ISO dates (YYYY-MM-DD) or null for open-ended. */
  fromDate: string | null;
  toDate: string | null;
  transitional: boolean;
};

/** Which part of Horizon Europe the call is in (decides which ACs count). */
export type ProgrammePart = 'pillar2' | 'eic_fund' | 'other';

export type EligibilityActionType = 'RIA' | 'IA' | 'CSA';

export type EligibilityPartner = {
  key: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  role: PartnerRoleName;
  legalEntityGroup: string | null;
};

export type CountryStanding = 'member_state' | 'associated' | 'third_country';

export type EligibilityRuleCode =
  | 'min_independent_entities'
  | 'different_countries'
  | 'member_state'
  | 'min_entities_ms_ac'
  | 'has_coordinator'
  | 'third_country_not_funded'
  | 'transitional_association';

export type RuleParams = Record<string, number | string | string[]>;

export type EligibilityRule = {
  code: EligibilityRuleCode;
  passed: boolean;
  /** A blocking rule decides eligibility; the others are advice. */
  blocking: boolean;
  params: RuleParams;
};

export type PartnerStanding = {
  key: string;
  standing: CountryStanding;
  /** Counts toward the minimum conditions (a beneficiary or coordinator in an MS or AC). */
  counts: boolean;
  funded: boolean;
};

export type EligibilityResult = {
  /** False for instruments the Horizon Europe rules do not apply to (national and other). */
  applicable: boolean;
  eligible: boolean;
  actionType: EligibilityActionType | null;
  date: string;
  rules: EligibilityRule[];
  partners: PartnerStanding[];
};

export type EligibilityContext = {
  actionType: EligibilityActionType | null;
  programmePart: ProgrammePart;
  /** YYYY-MM-DD */
  date: string;
  countries: readonly ProgrammeCountry[];
};

/** Minimum number of independent legal entities (in as many different MS/AC) by action type. */
export const MIN_ENTITIES: Record<EligibilityActionType, number> = { RIA: 3, IA: 3, CSA: 1 };

function inForce(c: ProgrammeCountry, date: string): boolean {
  return (c.fromDate === null || c.fromDate <= date) && (c.toDate === null || date <= c.toDate);
}

function scopeCovers(scope: ProgrammeCountry['scope'], part: ProgrammePart): boolean {
  if (scope === 'full') return true;
  if (scope === 'pillar2') return part === 'pillar2';
  return part !== 'eic_fund';
}

/** A country's standing for a call in `part` at `date`. */
export function countryStanding(
  countries: ReadonlyMap<string, ProgrammeCountry>,
  code: string,
  part: ProgrammePart,
  date: string,
): CountryStanding {
  const c = countries.get(code.toUpperCase());
  if (!c || !inForce(c, date)) return 'third_country';
  if (c.status === 'member_state') return 'member_state';
  return scopeCovers(c.scope, part) ? 'associated' : 'third_country';
}

/** Roles that count as independent legal entities (affiliated entities and associated partners do not). */
export function countsAsEntity(role: EligibilityPartner['role']): boolean {
  return role === 'coordinator' || role === 'beneficiary';
}

/**
 * An independent legal entity for the minimum conditions: one partner, or all partners of one
 * legal-entity group (under common control: they count once, in one of their countries).
 */
export type EntityUnit = { countries: string[]; memberStateCountries: string[] };

/** Largest number of units that can be placed in pairwise different countries (bipartite matching). */
export function maxDistinctCountries(units: readonly EntityUnit[], excluded: string | null = null): number {
  const owner = new Map<string, number>();
  const tryUnit = (u: number, seen: Set<string>): boolean => {
    for (const c of units[u]!.countries) {
      if (c === excluded || seen.has(c)) continue;
      seen.add(c);
      const o = owner.get(c);
      if (o === undefined || tryUnit(o, seen)) {
        owner.set(c, u);
        return true;
      }
    }
    return false;
  };
  let n = 0;
  for (let u = 0; u < units.length; u++) if (tryUnit(u, new Set())) n++;
  return n;
}

/**
 * Whether `required` units can be placed in `required` different countries, with at least one in a
 * Member State when `needMemberState` (RIA/IA). A maximum matching decides the first part; the
 * second then only needs some unit with a Member State country: in a maximum matching that unit,
 * if unmatched or matched elsewhere, can take its MS country (or that country is already held by
 * another unit, which is then in an MS) without making the matching smaller.
 */
export function meetsMinimum(
  units: readonly EntityUnit[],
  required: number,
  needMemberState: boolean,
): boolean {
  if (units.length < required) return false;
  if (needMemberState && !units.some((u) => u.memberStateCountries.length > 0)) return false;
  return maxDistinctCountries(units, null) >= required;
}

/** Group the counting partners (in an MS or AC) into independent entities. */
export function entityUnits(
  partners: readonly { country: string; legalEntityGroup: string | null; standing: CountryStanding }[],
): EntityUnit[] {
  const byGroup = new Map<string, EntityUnit>();
  const units: EntityUnit[] = [];
  partners.forEach((p, i) => {
    if (p.standing === 'third_country') return;
    const key = p.legalEntityGroup ? `g:${p.legalEntityGroup}` : `p:${i}`;
    let unit = byGroup.get(key);
    if (!unit) {
      unit = { countries: [], memberStateCountries: [] };
      byGroup.set(key, unit);
      units.push(unit);
    }
    const country = p.country.toUpperCase();
    if (!unit.countries.includes(country)) unit.countries.push(country);
    if (p.standing === 'member_state' && !unit.memberStateCountries.includes(country))
      unit.memberStateCountries.push(country);
  });
  return units;
}

export function countryMap(countries: readonly ProgrammeCountry[]): Map<string, ProgrammeCountry> {
  return new Map(countries.map((c) => [c.countryCode.toUpperCase(), c]));
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

export function checkEligibility(
  partners: readonly EligibilityPartner[],
  ctx: EligibilityContext,
): EligibilityResult {
  const countries = countryMap(ctx.countries);
  const standings = partners.map((p) => countryStanding(countries, p.country, ctx.programmePart, ctx.date));
  const partnerStandings: PartnerStanding[] = partners.map((p, i) => ({
    key: p.key,
    standing: standings[i]!,
    counts: countsAsEntity(p.role) && standings[i] !== 'third_country',
    funded: ctx.actionType !== null && p.role !== 'associated_partner' && standings[i] !== 'third_country',
  }));
  if (ctx.actionType === null)
    return {
      applicable: false,
      eligible: true,
      actionType: null,
      date: ctx.date,
      rules: [],
      partners: partnerStandings,
    };

  const required = MIN_ENTITIES[ctx.actionType];
  const counting = partners
    .map((p, i) => ({ ...p, standing: standings[i]! }))
    .filter((p) => countsAsEntity(p.role) && p.standing !== 'third_country');
  const units = entityUnits(counting);
  const names = (filter: (p: EligibilityPartner, i: number) => boolean) =>
    partners.filter(filter).map((p) => p.name);
  const notCounted = {
    affiliated: names((p) => p.role === 'affiliated_entity'),
    associatedPartners: names((p) => p.role === 'associated_partner'),
    grouped: sorted(counting.filter((p) => p.legalEntityGroup).map((p) => p.legalEntityGroup!)),
  };
  const countingCountries = sorted(counting.map((p) => p.country.toUpperCase()));
  const msCountries = sorted(
    counting.filter((p) => p.standing === 'member_state').map((p) => p.country.toUpperCase()),
  );
  const rules: EligibilityRule[] = [];

  if (ctx.actionType === 'CSA') {
    rules.push({
      code: 'min_entities_ms_ac',
      passed: units.length >= required,
      blocking: true,
      params: { required, found: units.length, countries: countingCountries, ...notCounted },
    });
  } else {
    const distinct = maxDistinctCountries(units, null);
    rules.push(
      {
        code: 'min_independent_entities',
        passed: units.length >= required,
        blocking: true,
        params: { required, found: units.length, ...notCounted },
      },
      {
        code: 'different_countries',
        passed: distinct >= required,
        blocking: true,
        params: { required, found: distinct, countries: countingCountries },
      },
      {
        code: 'member_state',
        passed: msCountries.length > 0,
        blocking: true,
        params: { found: msCountries.length, countries: msCountries },
      },
    );
  }
  const coordinators = names((p) => p.role === 'coordinator');
  rules.push({
    code: 'has_coordinator',
    passed: coordinators.length === 1,
    blocking: false,
    params: { found: coordinators.length, names: coordinators },
  });
  const thirdCountry = names((_, i) => standings[i] === 'third_country');
  rules.push({
    code: 'third_country_not_funded',
    passed: thirdCountry.length === 0,
    blocking: false,
    params: {
      names: thirdCountry,
      countries: sorted(
        partners.filter((_, i) => standings[i] === 'third_country').map((p) => p.country.toUpperCase()),
      ),
    },
  });
  const transitional = sorted(
    partners
      .filter((p, i) => standings[i] === 'associated' && countries.get(p.country.toUpperCase())?.transitional)
      .map((p) => p.country.toUpperCase()),
  );
  rules.push({
    code: 'transitional_association',
    passed: transitional.length === 0,
    blocking: false,
    params: { countries: transitional },
  });
  const eligible =
    rules.every((r) => !r.blocking || r.passed) && meetsMinimum(units, required, ctx.actionType !== 'CSA');
  return {
    applicable: true,
    eligible,
    actionType: ctx.actionType,
    date: ctx.date,
    rules,
    partners: partnerStandings,
  };
}
