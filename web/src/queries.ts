import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { pickLabel, useLocale } from './locale.ts';
import {
  ApiError,
  type Concept,
  type Organisation,
  type OrganisationInput,
  type OrganisationQuery,
  type Session,
  createToken,
  deleteToken,
  getOrganisation,
  getSession,
  listConcepts,
  listOrganisations,
  listRegions,
  listTokens,
  signIn,
  signOut,
  request,
  updateOrganisation,
} from './api.ts';

export const queryKeys = {
  session: ['session'] as const,
  regions: ['regions'] as const,
  concepts: (scheme: string) => ['concepts', scheme] as const,
  organisations: (query: OrganisationQuery) => ['organisations', 'list', query] as const,
  organisation: (id: string) => ['organisations', 'detail', id] as const,
  tokens: ['tokens'] as const,
};

/** Client errors will not fix themselves; retry only what may be temporary. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function useSession() {
  return useQuery({ queryKey: queryKeys.session, queryFn: getSession, staleTime: 60_000 });
}

export function useRegions() {
  return useQuery({ queryKey: queryKeys.regions, queryFn: listRegions, staleTime: 5 * 60_000 });
}

export const VALUE_CHAIN_SCHEME = 'value-chain';

export function useConcepts(scheme: string = VALUE_CHAIN_SCHEME) {
  return useQuery({
    queryKey: queryKeys.concepts(scheme),
    queryFn: () => listConcepts(scheme),
    staleTime: 10 * 60_000,
  });
}

/** Concepts by id, for turning conceptIds into labels. */
export function indexConcepts(concepts: Concept[] | undefined): Map<string, Concept> {
  return new Map((concepts ?? []).map((concept) => [concept.id, concept]));
}

/** A value-chain concept's label in the reader's language (its id until the concepts have loaded). */
export function useConceptLabel(): (id: string) => string {
  const concepts = useConcepts();
  const { language } = useLocale();
  const index = useMemo(() => indexConcepts(concepts.data), [concepts.data]);
  return (id) => {
    const found = index.get(id);
    return found ? pickLabel(found.labels, language) : id;
  };
}

export function useOrganisations(query: OrganisationQuery) {
  return useQuery({
    queryKey: queryKeys.organisations(query),
    queryFn: ({ signal }) => listOrganisations(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOrganisation(id: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.organisation(id ?? ''),
    queryFn: ({ signal }) => getOrganisation(id ?? '', signal),
    enabled: Boolean(id),
  });
}

function useRefreshAfterSessionChange() {
  const queryClient = useQueryClient();
  return (session: Session) => {
    queryClient.setQueryData(queryKeys.session, session);
    // What a person may see and edit depends on who they are: refetch everything else.
    queryClient.removeQueries({ queryKey: queryKeys.tokens });
    void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
  };
}

export function useSignIn() {
  const refresh = useRefreshAfterSessionChange();
  return useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) => signIn(email, password),
    onSuccess: refresh,
  });
}

/** Erases the signed-in person's account and data (DELETE /api/me), then acts as a sign-out. */
export function useEraseAccount() {
  const refresh = useRefreshAfterSessionChange();
  return useMutation({
    mutationFn: (password: string) => request<void>('DELETE', '/me', { body: { password } }),
    onSuccess: () => refresh({ user: null, csrfToken: null }),
  });
}

export function useSignOut() {
  const refresh = useRefreshAfterSessionChange();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => refresh({ user: null, csrfToken: null }),
  });
}

export function useUpdateOrganisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganisationInput) => updateOrganisation(id, input),
    onSuccess: (organisation: Organisation) => {
      queryClient.setQueryData(queryKeys.organisation(id), organisation);
      void queryClient.invalidateQueries({ queryKey: ['organisations', 'list'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.regions });
    },
  });
}

export function useTokens(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.tokens, queryFn: listTokens, enabled });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createToken(name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

export function useDeleteToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteToken(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}
