import { describe, expect, it } from 'vitest';
import { consortiumBudget, fundingRate, partnerBudget } from './budget.ts';

const line = (personnelEur: number, subcontractingEur: number, otherEur: number, isNonProfit = false) => ({
  personnelEur,
  subcontractingEur,
  otherEur,
  isNonProfit,
  funded: true,
});

describe('budget sketch (rules.md §1.3)', () => {
  it('the worked example: an IA company with 400,000 direct incl. 50,000 subcontracting', () => {
    const b = partnerBudget(line(300_000, 50_000, 50_000), 'IA');
    expect(b).toEqual({
      directEur: 400_000,
      indirectEur: 87_500,
      totalEur: 487_500,
      fundingRate: 0.7,
      grantEur: 341_250,
    });
  });

  it('the ffg.at example: direct 100 → indirect 25 → total 125 → grant 125 (100 %) or 87.50 (70 %)', () => {
    expect(partnerBudget(line(100, 0, 0), 'RIA').grantEur).toBe(125);
    expect(partnerBudget(line(100, 0, 0), 'IA').grantEur).toBe(87.5);
    expect(partnerBudget(line(100, 0, 0, true), 'IA').grantEur).toBe(125);
    expect(partnerBudget(line(100, 0, 0), 'CSA').grantEur).toBe(125);
  });

  it('subcontracting is outside the indirect-cost base', () => {
    expect(partnerBudget(line(0, 100_000, 0), 'RIA').indirectEur).toBe(0);
    expect(partnerBudget(line(0, 0, 100_000), 'RIA').indirectEur).toBe(25_000);
  });

  it('rates by action type and non-profit status; national instruments show costs only', () => {
    expect(fundingRate('RIA', false)).toBe(1);
    expect(fundingRate('CSA', false)).toBe(1);
    expect(fundingRate('IA', false)).toBe(0.7);
    expect(fundingRate('IA', true)).toBe(1);
    expect(fundingRate(null, true)).toBeNull();
    const national = partnerBudget(line(100_000, 0, 0), null);
    expect(national.totalEur).toBe(125_000);
    expect(national.grantEur).toBeNull();
  });

  it('a partner that is not funded (associated partner, third country) gets no grant but keeps its costs', () => {
    const b = partnerBudget({ ...line(100_000, 0, 0), funded: false }, 'RIA');
    expect(b.totalEur).toBe(125_000);
    expect(b.grantEur).toBe(0);
  });

  it('totals add up per partner', () => {
    const { partners, totals } = consortiumBudget(
      [line(300_000, 50_000, 50_000), line(200_000, 0, 0, true)],
      'IA',
    );
    expect(partners.map((p) => p.grantEur)).toEqual([341_250, 250_000]);
    expect(totals).toEqual({
      directEur: 600_000,
      indirectEur: 137_500,
      totalEur: 737_500,
      grantEur: 591_250,
    });
    expect(consortiumBudget([line(1, 0, 0)], null).totals.grantEur).toBeNull();
  });
});
