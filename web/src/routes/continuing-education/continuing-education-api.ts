// The continuing-education part of the API (src/server/training/continuing-education.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Localised, request } from '../../api.ts';

export const DELIVERIES = ['on_site', 'online', 'blended'] as const;

export interface ContinuingOffer {
  id: string;
  name: Localised;
  organisationId: string;
  organisationName: string;
  regionId: string | null;
  eqfLevel: number;
  credits: number | null;
  creditUnit: string | null;
  language: string | null;
  delivery: string | null;
  workBasedShare: number | null;
  competenceIds: string[];
  url: string | null;
  /** Only for the provider, its region's coordinator and admins. */
  interest: { headcount: number; organisations: number } | null;
}

export interface Interest {
  id: string;
  programmeId: string;
  programmeName: Localised;
  organisationId: string | null;
  organisationName: string | null;
  contactName: string;
  contactEmail: string | null;
  headcount: number;
  message: string;
  createdAt: string;
}

export interface InterestInput {
  contactName: string;
  contactEmail: string | null;
  headcount: number;
  message: string;
}

export type ContinuingQuery = { region?: string; language?: string; delivery?: string; q?: string };

const keys = {
  all: ['continuing-education'] as const,
  list: (query: ContinuingQuery) => ['continuing-education', 'list', query] as const,
  interests: ['continuing-education', 'interests'] as const,
};

export function useContinuingOffers(query: ContinuingQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => request<ContinuingOffer[]>('GET', '/continuing-education', { signal, query }),
  });
}

export function useInterests(enabled: boolean) {
  return useQuery({
    queryKey: keys.interests,
    queryFn: ({ signal }) => request<Interest[]>('GET', '/continuing-education/interests', { signal }),
    enabled,
  });
}

export function useRegisterInterest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ programmeId, input }: { programmeId: string; input: InterestInput }) =>
      request<Interest>('POST', `/continuing-education/${encodeURIComponent(programmeId)}/interest`, {
        body: input,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}
