import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkEligibility,
  type EligibilityContext,
  type EligibilityPartner,
  type EntityUnit,
  meetsMinimum,
  type ProgrammeCountry,
} from './eligibility.ts';

const ms = (countryCode: string): ProgrammeCountry => ({
  countryCode,
  name: countryCode,
  status: 'member_state',
  scope: 'full',
  fromDate: null,
  toDate: null,
  transitional: false,
});
const ac = (
  countryCode: string,
  scope: ProgrammeCountry['scope'],
  fromDate: string | null,
  extra: Partial<ProgrammeCountry> = {},
): ProgrammeCountry => ({
  countryCode,
  name: countryCode,
  status: 'associated',
  scope,
  fromDate,
  toDate: null,
  transitional: false,
  ...extra,
});
/** As seeded from rules.md §1.2 (a subset). */
const COUNTRIES = [
  ms('FI'),
  ms('SE'),
  ms('DE'),
  ms('FR'),
  ac('NO', 'full', '2022-08-01'),
  ac('IS', 'full', '2022-08-01'),
  ac('GB', 'full_except_eic_fund', '2024-01-01'),
  ac('CA', 'pillar2', '2024-01-01'),
  ac('JP', 'pillar2', '2026-01-01', { transitional: true }),
  ac('CH', 'full', '2025-01-01'),
];
const ctx = (
  actionType: EligibilityContext['actionType'],
  extra: Partial<EligibilityContext> = {},
): EligibilityContext => ({
  actionType,
  programmePart: 'pillar2',
  date: '2026-04-15',
  countries: COUNTRIES,
  ...extra,
});
let n = 0;
const p = (
  country: string,
  role: EligibilityPartner['role'] = 'beneficiary',
  legalEntityGroup: string | null = null,
): EligibilityPartner => ({
  key: `k${++n}`,
  name: `${country}-${role}-${n}`,
  country,
  role,
  legalEntityGroup,
});
const rule = (r: ReturnType<typeof checkEligibility>, code: string) => r.rules.find((x) => x.code === code)!;

describe('Horizon Europe eligibility, rule by rule', () => {
  it('RIA: three independent entities in three MS/AC with one in an MS is eligible', () => {
    const r = checkEligibility([p('FI', 'coordinator'), p('SE'), p('NO')], ctx('RIA'));
    expect(r.eligible).toBe(true);
    expect(r.rules.filter((x) => x.blocking).every((x) => x.passed)).toBe(true);
  });

  it('RIA: two entities are too few (min_independent_entities fails, with the count)', () => {
    const r = checkEligibility([p('FI', 'coordinator'), p('SE')], ctx('RIA'));
    expect(r.eligible).toBe(false);
    expect(rule(r, 'min_independent_entities')).toMatchObject({
      passed: false,
      params: { required: 3, found: 2 },
    });
  });

  it('IA: three entities in only two countries fail different_countries', () => {
    const r = checkEligibility([p('FI', 'coordinator'), p('FI'), p('SE')], ctx('IA'));
    expect(r.eligible).toBe(false);
    expect(rule(r, 'min_independent_entities').passed).toBe(true);
    expect(rule(r, 'different_countries')).toMatchObject({ passed: false, params: { found: 2 } });
  });

  it('RIA: three ACs and no Member State fail member_state', () => {
    const r = checkEligibility([p('NO', 'coordinator'), p('IS'), p('CH')], ctx('RIA'));
    expect(r.eligible).toBe(false);
    expect(rule(r, 'different_countries').passed).toBe(true);
    expect(rule(r, 'member_state')).toMatchObject({ passed: false, params: { found: 0 } });
  });

  it('affiliated entities do not count', () => {
    const r = checkEligibility([p('FI', 'coordinator'), p('SE'), p('DE', 'affiliated_entity')], ctx('RIA'));
    expect(r.eligible).toBe(false);
    expect(rule(r, 'min_independent_entities').params.affiliated).toHaveLength(1);
  });

  it('associated partners do not count and are not funded', () => {
    const r = checkEligibility([p('FI', 'coordinator'), p('SE'), p('DE', 'associated_partner')], ctx('RIA'));
    expect(r.eligible).toBe(false);
    expect(r.partners[2]).toMatchObject({ counts: false, funded: false, standing: 'member_state' });
  });

  it('entities sharing a legal-entity group count once', () => {
    const grouped = [p('FI', 'coordinator'), p('SE', 'beneficiary', 'acme'), p('DE', 'beneficiary', 'acme')];
    const r = checkEligibility(grouped, ctx('RIA'));
    expect(r.eligible).toBe(false);
    expect(rule(r, 'min_independent_entities')).toMatchObject({
      passed: false,
      params: { found: 2, grouped: ['acme'] },
    });
    expect(checkEligibility([...grouped, p('FR')], ctx('RIA')).eligible).toBe(true);
  });

  it('a group in two countries counts in only one of them', () => {
    // Group acme (SE, DE) + NO: only two distinct units, whatever the countries.
    const r = checkEligibility(
      [p('SE', 'coordinator', 'acme'), p('DE', 'beneficiary', 'acme'), p('NO')],
      ctx('RIA'),
    );
    expect(r.eligible).toBe(false);
  });

  it('the Member State must be one of the three: FI+FI(group)… placement is solved jointly', () => {
    // Units: {FI}, {FI} → only one can sit in FI; with NO, IS they make 3 countries, one MS.
    expect(checkEligibility([p('FI', 'coordinator'), p('FI'), p('NO'), p('IS')], ctx('RIA')).eligible).toBe(
      true,
    );
    // Units {FI,NO} group and {NO}: the group must sit in FI for the MS, NO taken by the other → 2 only.
    expect(
      checkEligibility([p('FI', 'coordinator', 'g'), p('NO', 'beneficiary', 'g'), p('NO')], ctx('RIA'))
        .eligible,
    ).toBe(false);
  });

  it('third-country partners participate but are flagged as not funded and do not count', () => {
    const r = checkEligibility([p('FI', 'coordinator'), p('SE'), p('US')], ctx('RIA'));
    expect(r.eligible).toBe(false);
    expect(rule(r, 'third_country_not_funded')).toMatchObject({
      passed: false,
      blocking: false,
      params: { countries: ['US'] },
    });
    expect(r.partners[2]).toMatchObject({ standing: 'third_country', funded: false, counts: false });
    const ok = checkEligibility([p('FI', 'coordinator'), p('SE'), p('NO'), p('US')], ctx('RIA'));
    expect(ok.eligible).toBe(true);
  });

  it('AC status is judged at the date: Switzerland counts from 2025, Japan from 2026', () => {
    const team = [p('FI', 'coordinator'), p('SE'), p('CH')];
    expect(checkEligibility(team, ctx('RIA', { date: '2024-06-01' })).eligible).toBe(false);
    expect(checkEligibility(team, ctx('RIA', { date: '2025-06-01' })).eligible).toBe(true);
    const withJapan = [p('FI', 'coordinator'), p('SE'), p('JP')];
    expect(checkEligibility(withJapan, ctx('RIA', { date: '2025-12-31' })).eligible).toBe(false);
    const in2026 = checkEligibility(withJapan, ctx('RIA', { date: '2026-01-01' }));
    expect(in2026.eligible).toBe(true);
    expect(rule(in2026, 'transitional_association')).toMatchObject({
      passed: false,
      params: { countries: ['JP'] },
    });
  });

  it('an AC whose association ended no longer counts', () => {
    const ended = [
      ...COUNTRIES.filter((c) => c.countryCode !== 'NO'),
      ac('NO', 'full', '2022-08-01', { toDate: '2025-12-31' }),
    ];
    const team = [p('FI', 'coordinator'), p('SE'), p('NO')];
    expect(checkEligibility(team, ctx('RIA', { countries: ended })).eligible).toBe(false);
    expect(checkEligibility(team, ctx('RIA', { countries: ended, date: '2025-12-31' })).eligible).toBe(true);
  });

  it('scope: Pillar-II-only ACs count in Pillar II calls only', () => {
    const team = [p('FI', 'coordinator'), p('SE'), p('CA')];
    expect(checkEligibility(team, ctx('RIA')).eligible).toBe(true);
    expect(checkEligibility(team, ctx('RIA', { programmePart: 'other' })).eligible).toBe(false);
  });

  it('scope: the UK counts everywhere but the EIC Fund', () => {
    const team = [p('FI', 'coordinator'), p('SE'), p('GB')];
    expect(checkEligibility(team, ctx('RIA')).eligible).toBe(true);
    expect(checkEligibility(team, ctx('RIA', { programmePart: 'other' })).eligible).toBe(true);
    expect(checkEligibility(team, ctx('RIA', { programmePart: 'eic_fund' })).eligible).toBe(false);
  });

  it('CSA: one entity in an MS or an AC is enough, none is not', () => {
    expect(checkEligibility([p('NO', 'coordinator')], ctx('CSA')).eligible).toBe(true);
    expect(checkEligibility([p('FI', 'coordinator')], ctx('CSA')).eligible).toBe(true);
    const r = checkEligibility([p('US', 'coordinator'), p('FI', 'affiliated_entity')], ctx('CSA'));
    expect(r.eligible).toBe(false);
    expect(rule(r, 'min_entities_ms_ac')).toMatchObject({ passed: false, params: { required: 1, found: 0 } });
  });

  it('has_coordinator is advice: none or two coordinators warn but do not block', () => {
    const r = checkEligibility([p('FI'), p('SE'), p('NO')], ctx('RIA'));
    expect(r.eligible).toBe(true);
    expect(rule(r, 'has_coordinator')).toMatchObject({
      passed: false,
      blocking: false,
      params: { found: 0 },
    });
  });

  it('national instruments: the Horizon Europe rules do not apply', () => {
    const r = checkEligibility([p('FI', 'coordinator')], ctx(null));
    expect(r).toMatchObject({ applicable: false, eligible: true, rules: [] });
  });

  it('country codes are compared case-insensitively', () => {
    expect(checkEligibility([p('fi', 'coordinator'), p('se'), p('no')], ctx('RIA')).eligible).toBe(true);
  });
});

/** Every way to seat each unit in one of its countries (or nowhere): are `required` seated apart, one in an MS? */
function bruteForce(units: EntityUnit[], required: number, needMs: boolean): boolean {
  const go = (i: number, used: Set<string>, ms: boolean): boolean => {
    if (used.size >= required && (!needMs || ms)) return true;
    if (i === units.length) return false;
    if (go(i + 1, used, ms)) return true;
    for (const c of units[i]!.countries) {
      if (used.has(c)) continue;
      used.add(c);
      const ok = go(i + 1, used, ms || units[i]!.memberStateCountries.includes(c));
      used.delete(c);
      if (ok) return true;
    }
    return false;
  };
  return go(0, new Set(), false);
}

describe('the minimum conditions as a matching', () => {
  it('agrees with trying every placement of units (groups spanning countries included)', () => {
    const unit = fc
      .subarray(['FI', 'SE', 'DE', 'NO', 'IS', 'CH'], { minLength: 1, maxLength: 3 })
      .map((countries) => ({
        countries,
        memberStateCountries: countries.filter((c) => ['FI', 'SE', 'DE'].includes(c)),
      }));
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 6 }),
        fc.constantFrom(1, 3),
        fc.boolean(),
        (units, required, needMs) => {
          expect(meetsMinimum(units, required, needMs)).toBe(bruteForce(units, required, needMs));
        },
      ),
      { numRuns: 500, seed: 5 },
    );
  });
});
