// The consortium part of the projects module: partners, budget sketch, eligibility check, the
// consortium builder (suggest, evaluate) and the programme countries. Types, calls through the
// app's one fetch wrapper, and TanStack Query hooks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TradeOffCode } from '../../../../src/domain/projects/consortium-suggest.ts';
import type { EligibilityRuleCode } from '../../../../src/domain/projects/eligibility.ts';
import type { PartnerCandidate } from '../../../../src/domain/projects/partner-candidate.ts';
import { PARTNER_ROLES, type PartnerRoleName } from '../../../../src/domain/projects/partner-roles.ts';
import type { ProgrammeCountry as CountryStatus } from '../../../../src/domain/projects/eligibility.ts';
import { request } from '../../api.ts';

export { PARTNER_ROLES };
export type PartnerRole = PartnerRoleName;
export type ActionType = 'RIA' | 'IA' | 'CSA';

export interface Partner {
  id: string;
  projectId: string;
  organisationId: string | null;
  cordisOrganisationId: string | null;
  name: string;
  country: string;
  role: PartnerRole;
  affiliatedToPartnerId: string | null;
  legalEntityGroup: string | null;
  isNonProfit: boolean;
  isSme: boolean;
  regionId: string | null;
  personnelEur: number;
  subcontractingEur: number;
  otherEur: number;
  conceptIds: string[];
  position: number;
}

export type PartnerInput = Partial<Omit<Partner, 'id' | 'projectId' | 'position'>> &
  Pick<Partner, 'name' | 'country' | 'role'>;

export interface PartnerBudget {
  directEur: number;
  indirectEur: number;
  totalEur: number;
  fundingRate: number | null;
  grantEur: number | null;
}

export interface Budget {
  actionType: ActionType | null;
  partners: (PartnerBudget & {
    partnerId: string;
    name: string;
    personnelEur: number;
    subcontractingEur: number;
    otherEur: number;
    funded: boolean;
  })[];
  totals: Omit<PartnerBudget, 'fundingRate'>;
}

export type RuleParams = Record<string, number | string | string[]>;

export type RuleCode = EligibilityRuleCode;
export type { TradeOffCode };
export type Infeasible =
  | 'size_range'
  | 'unknown_must_include'
  | 'must_include_exceeds_size'
  | 'must_include_exceeds_country_cap';

export interface EligibilityRule {
  code: RuleCode;
  passed: boolean;
  blocking: boolean;
  params: RuleParams;
}

export interface Eligibility {
  applicable: boolean;
  eligible: boolean;
  actionType: ActionType | null;
  date: string;
  rules: EligibilityRule[];
  partners: {
    key: string;
    standing: 'member_state' | 'associated' | 'third_country';
    counts: boolean;
    funded: boolean;
  }[];
}

export type Candidate = PartnerCandidate;

export interface Coverage {
  covered: string[];
  missing: string[];
}

export interface SuggestedConsortium {
  members: Candidate[];
  coverage: Coverage;
  eligibility: Eligibility;
  score: { coverage: number; value: number };
  tradeOffs: { code: TradeOffCode; params: RuleParams }[];
}

export interface SuggestInput {
  stageIds: string[];
  instrumentId: string;
  size: { min: number; max: number };
  mustInclude?: string[];
  projectId?: string;
  maxPerCountry?: number | null;
  minSmes?: number | null;
  regionIds?: string[];
  query?: { challengeId?: string; text?: string; topic?: string };
  k?: number;
}

export interface SuggestResult {
  consortia: SuggestedConsortium[];
  candidatesConsidered: number;
  candidates: Candidate[];
  complete: boolean;
  infeasible: Infeasible | null;
}

export interface EvaluateResult {
  members: { key: string; name: string; country: string; stageIds: string[] }[];
  coverage: Coverage;
  eligibility: Eligibility;
}

export type ProgrammeCountry = CountryStatus & { source: string; updatedAt: string };

export type ProgrammeCountryInput = Omit<ProgrammeCountry, 'countryCode' | 'updatedAt'>;

const path = (id: string) => `/projects/${encodeURIComponent(id)}`;

export const consortiumKeys = {
  all: (id: string) => ['projects', 'consortium', id] as const,
  partners: (id: string) => ['projects', 'consortium', id, 'partners'] as const,
  budget: (id: string) => ['projects', 'consortium', id, 'budget'] as const,
  eligibility: (id: string) => ['projects', 'consortium', id, 'eligibility'] as const,
  countries: ['programme-countries'] as const,
};

export function usePartners(id: string) {
  return useQuery({
    queryKey: consortiumKeys.partners(id),
    queryFn: ({ signal }) =>
      request<{ partners: Partner[]; canEdit: boolean }>('GET', `${path(id)}/partners`, { signal }),
  });
}

export function useBudget(id: string) {
  return useQuery({
    queryKey: consortiumKeys.budget(id),
    queryFn: ({ signal }) => request<Budget>('GET', `${path(id)}/budget`, { signal }),
  });
}

export function useEligibility(id: string) {
  return useQuery({
    queryKey: consortiumKeys.eligibility(id),
    queryFn: ({ signal }) => request<Eligibility>('GET', `${path(id)}/eligibility`, { signal }),
  });
}

/** Any change to the partners changes the budget, the check and the project's partner count. */
function useConsortiumWrite<I, O>(id: string, fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consortiumKeys.all(id) });
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}

export function useAddPartner(id: string) {
  return useConsortiumWrite(id, (input: PartnerInput) =>
    request<Partner>('POST', `${path(id)}/partners`, { body: input }),
  );
}

export function useUpdatePartner(id: string) {
  return useConsortiumWrite(id, ({ partnerId, patch }: { partnerId: string; patch: Partial<Partner> }) =>
    request<Partner>('PATCH', `${path(id)}/partners/${encodeURIComponent(partnerId)}`, { body: patch }),
  );
}

export function useRemovePartner(id: string) {
  return useConsortiumWrite(id, (partnerId: string) =>
    request<void>('DELETE', `${path(id)}/partners/${encodeURIComponent(partnerId)}`),
  );
}

/** Adds a whole suggested consortium: the first member coordinates unless one already does. */
export function useAdoptConsortium(id: string) {
  return useConsortiumWrite(id, async (input: { members: Candidate[]; hasCoordinator: boolean }) => {
    for (const [i, m] of input.members.entries()) {
      await request<Partner>('POST', `${path(id)}/partners`, {
        body: {
          name: m.name,
          country: m.country,
          role: i === 0 && !input.hasCoordinator ? 'coordinator' : 'beneficiary',
          organisationId: m.organisationId,
          cordisOrganisationId: m.cordisOrganisationId,
          isNonProfit: m.isNonProfit,
          isSme: m.isSme,
          regionId: m.regionId,
          legalEntityGroup: m.legalEntityGroup,
          conceptIds: m.stageIds,
        } satisfies PartnerInput,
      });
    }
  });
}

export function suggestConsortia(input: SuggestInput): Promise<SuggestResult> {
  return request<SuggestResult>('POST', '/consortia/suggest', { body: input });
}

export function evaluateConsortium(input: {
  instrumentId: string;
  stageIds: string[];
  members: (
    | string
    | { key?: string; name: string; country: string; stageIds: string[]; legalEntityGroup: string | null }
  )[];
}): Promise<EvaluateResult> {
  return request<EvaluateResult>('POST', '/consortia/evaluate', { body: input });
}

export function useProgrammeCountries() {
  return useQuery({
    queryKey: consortiumKeys.countries,
    queryFn: ({ signal }) => request<ProgrammeCountry[]>('GET', '/programme-countries', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function usePutProgrammeCountry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, input }: { code: string; input: ProgrammeCountryInput }) =>
      request<ProgrammeCountry>('PUT', `/programme-countries/${encodeURIComponent(code)}`, { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consortiumKeys.countries }),
  });
}

export function useDeleteProgrammeCountry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => request<void>('DELETE', `/programme-countries/${encodeURIComponent(code)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consortiumKeys.countries }),
  });
}
