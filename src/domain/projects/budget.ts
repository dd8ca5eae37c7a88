/**
 * The budget sketch of a consortium (rules.md §1.3): per partner, direct costs = personnel +
 * subcontracting + other; indirect = a flat 25 % of the direct costs excluding subcontracting;
 * total eligible = direct + indirect; grant = total × the funding rate of the action type —
 * RIA and CSA 100 %, IA 70 % for profit-making and 100 % for non-profit legal entities.
 * National and other instruments: the rate is not known here, so only the costs are shown
 * (rate and grant null). Pure: no I/O.
 */
export type BudgetActionType = 'RIA' | 'IA' | 'CSA';

export const INDIRECT_RATE = 0.25;

export type BudgetLine = {
  personnelEur: number;
  subcontractingEur: number;
  otherEur: number;
  isNonProfit: boolean;
  /**
   * False when the partner gets no EU money whatever its costs: an associated partner, or an
   * entity outside the Member States and Associated Countries (it covers its own costs).
   */
  funded: boolean;
};

export type PartnerBudget = {
  directEur: number;
  indirectEur: number;
  totalEur: number;
  /** 0–1, null when unknown (national and other instruments). */
  fundingRate: number | null;
  grantEur: number | null;
};

export type BudgetTotals = Omit<PartnerBudget, 'fundingRate'>;

const cents = (x: number) => Math.round(x * 100) / 100;

/** The funding rate of an action type for a (non-)profit entity; null when the instrument has none here. */
export function fundingRate(actionType: BudgetActionType | null, isNonProfit: boolean): number | null {
  if (actionType === 'RIA' || actionType === 'CSA') return 1;
  if (actionType === 'IA') return isNonProfit ? 1 : 0.7;
  return null;
}

export function partnerBudget(line: BudgetLine, actionType: BudgetActionType | null): PartnerBudget {
  const directEur = line.personnelEur + line.subcontractingEur + line.otherEur;
  const indirectEur = cents(INDIRECT_RATE * (directEur - line.subcontractingEur));
  const totalEur = cents(directEur + indirectEur);
  const rate = fundingRate(actionType, line.isNonProfit);
  const effectiveRate = rate === null ? null : line.funded ? rate : 0;
  return {
    directEur,
    indirectEur,
    totalEur,
    fundingRate: effectiveRate,
    grantEur: effectiveRate === null ? null : cents(totalEur * effectiveRate),
  };
}

/** Every partner's sketch and the consortium's totals (grant null when the rate is unknown). */
export function consortiumBudget(
  lines: BudgetLine[],
  actionType: BudgetActionType | null,
): { partners: PartnerBudget[]; totals: BudgetTotals } {
  const partners = lines.map((line) => partnerBudget(line, actionType));
  const sum = (pick: (p: PartnerBudget) => number) => cents(partners.reduce((s, p) => s + pick(p), 0));
  return {
    partners,
    totals: {
      directEur: sum((p) => p.directEur),
      indirectEur: sum((p) => p.indirectEur),
      totalEur: sum((p) => p.totalEur),
      grantEur:
        actionType === null || fundingRate(actionType, false) === null ? null : sum((p) => p.grantEur ?? 0),
    },
  };
}
