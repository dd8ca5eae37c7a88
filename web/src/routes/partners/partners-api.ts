// Partner search (POST /api/partners/search): types and the call through the app's one fetch wrapper.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api.ts';
import type { PartnerHit, PartnerReason } from '../../../../src/domain/partners/partner-index.ts';
import type { PartnerCandidate } from '../../../../src/domain/projects/partner-candidate.ts';

export type { PartnerCandidate, PartnerHit, PartnerReason };

export interface PartnerSearchInput {
  challengeId?: string;
  text?: string;
  topic?: string;
  chosen?: string[];
  projectId?: string;
  filters?: { countries?: string[]; types?: string[]; sme?: boolean };
  limit?: number;
}

export interface PartnerSearchResult {
  results: PartnerHit[];
  total: number;
  query: { conceptIds: string[]; chosen: { key: string; name: string }[] };
}

export function usePartnerSearch(input: PartnerSearchInput | null) {
  return useQuery({
    queryKey: ['partners', 'search', input],
    queryFn: ({ signal }) =>
      request<PartnerSearchResult>('POST', '/partners/search', { body: input, signal }),
    enabled: input !== null,
    staleTime: 30_000,
  });
}

/** Adds a found partner to a project's consortium as a beneficiary (the consortium page edits the rest). */
export function useAddToProject(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (c: PartnerCandidate) =>
      request<{ id: string }>('POST', `/projects/${encodeURIComponent(projectId)}/partners`, {
        body: {
          organisationId: c.organisationId,
          cordisOrganisationId: c.cordisOrganisationId,
          name: c.name,
          country: c.country,
          role: 'beneficiary',
          isNonProfit: c.isNonProfit,
          isSme: c.isSme,
          regionId: c.regionId,
          conceptIds: [],
        },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['partners'] }),
  });
}

export function useProjectTitle(projectId: string) {
  return useQuery({
    queryKey: ['projects', 'detail', projectId],
    queryFn: ({ signal }) =>
      request<{ id: string; title: string }>('GET', `/projects/${encodeURIComponent(projectId)}`, { signal }),
    enabled: Boolean(projectId),
  });
}
