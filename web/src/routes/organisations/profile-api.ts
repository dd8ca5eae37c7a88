// The profile parts of the registry API — competences, suggestions, research infrastructure,
// contacts — with their TanStack Query hooks. Writes carry the session's CSRF token, fetched
// from GET /api/session and refreshed once when the server says it has changed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ApiError,
  type CompetenceStrength,
  ERROR_CODES,
  type ErrorCode,
  getSession,
  type Localised,
  type Organisation,
} from '../../api.ts';
import { queryKeys } from '../../queries.ts';

export type CompetenceSource = 'manual' | 'suggestion' | 'import' | 'reference';

export interface ProfileCompetence {
  conceptId: string;
  strength: CompetenceStrength;
  evidence: string | null;
  source: CompetenceSource;
}

export interface Infrastructure {
  id: string;
  name: Localised;
  description: Localised;
  conceptIds: string[];
  url: string | null;
  isPublic: boolean;
  updatedAt: string;
}

export interface Contact {
  id: string;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  isPublic: boolean;
  updatedAt: string;
}

/** The profile as GET /api/organisations/:id returns it. */
export interface Profile extends Omit<Organisation, 'competences'> {
  competences: ProfileCompetence[];
  infrastructure: Infrastructure[];
  contacts: Contact[];
}

export interface Suggestion {
  conceptId: string;
  label: Localised;
  score: number;
  evidence: string[];
}

export interface InfrastructureInput {
  name: Partial<Localised>;
  description?: Partial<Localised>;
  url?: string | null;
  isPublic?: boolean;
}

export interface ContactInput {
  name: string;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
  isPublic?: boolean;
}

let csrfToken: string | null = null;

async function currentCsrfToken(refresh: boolean): Promise<string | null> {
  if (refresh || !csrfToken) csrfToken = (await getSession()).csrfToken;
  return csrfToken;
}

async function toApiError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (a proxy's error page): the status decides.
  }
  const error =
    typeof payload === 'object' && payload !== null && 'error' in payload
      ? (payload as { error: { code?: unknown; message?: unknown; details?: unknown } }).error
      : null;
  const known = (ERROR_CODES as readonly unknown[]).includes(error?.code);
  const code = (known ? error?.code : response.status >= 500 ? 'internal' : 'unknown') as ErrorCode;
  const message = typeof error?.message === 'string' ? error.message : response.statusText;
  return new ApiError(response.status, code, message, error?.details);
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') {
      const token = await currentCsrfToken(attempt > 0);
      if (token) headers['X-CSRF-Token'] = token;
    }
    let response: Response;
    try {
      response = await fetch(`/api${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError(0, 'network', error instanceof Error ? error.message : 'Network error');
    }
    if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
    const error = await toApiError(response);
    // The session may have been renewed in another tab: fetch the new token and retry once.
    if (error.code === 'csrf_failed' && attempt === 0) continue;
    throw error;
  }
}

const org = (id: string) => `/organisations/${encodeURIComponent(id)}`;
const part = (id: string) => encodeURIComponent(id);

export const suggestionsKey = (id: string) => ['organisations', 'suggestions', id] as const;

export function useSuggestions(organisationId: string, enabled: boolean) {
  return useQuery({
    queryKey: suggestionsKey(organisationId),
    queryFn: () => call<Suggestion[]>('GET', `${org(organisationId)}/competence-suggestions`),
    enabled,
  });
}

/** After any profile change: the profile, its suggestions and every list may have changed. */
function useRefreshProfile(organisationId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.organisation(organisationId) }),
      queryClient.invalidateQueries({ queryKey: suggestionsKey(organisationId) }),
      queryClient.invalidateQueries({ queryKey: ['organisations', 'list'] }),
    ]);
  };
}

export function useSetCompetence(organisationId: string) {
  const refresh = useRefreshProfile(organisationId);
  return useMutation({
    mutationFn: (input: { conceptId: string; strength: CompetenceStrength; evidence?: string | null }) =>
      call<ProfileCompetence>('PUT', `${org(organisationId)}/competences/${part(input.conceptId)}`, {
        strength: input.strength,
        ...(input.evidence !== undefined ? { evidence: input.evidence } : {}),
      }),
    onSuccess: refresh,
  });
}

export function useRemoveCompetence(organisationId: string) {
  const refresh = useRefreshProfile(organisationId);
  return useMutation({
    mutationFn: (conceptId: string) =>
      call<void>('DELETE', `${org(organisationId)}/competences/${part(conceptId)}`),
    onSuccess: refresh,
  });
}

export function useAcceptSuggestion(organisationId: string) {
  const refresh = useRefreshProfile(organisationId);
  return useMutation({
    mutationFn: (input: { conceptId: string; strength: CompetenceStrength }) =>
      call<ProfileCompetence>(
        'POST',
        `${org(organisationId)}/competence-suggestions/${part(input.conceptId)}/accept`,
        { strength: input.strength },
      ),
    onSuccess: refresh,
  });
}

export function useRejectSuggestion(organisationId: string) {
  const refresh = useRefreshProfile(organisationId);
  return useMutation({
    mutationFn: (conceptId: string) =>
      call<void>('POST', `${org(organisationId)}/competence-suggestions/${part(conceptId)}/reject`),
    onSuccess: refresh,
  });
}

export function useSaveInfrastructure(organisationId: string) {
  const refresh = useRefreshProfile(organisationId);
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: InfrastructureInput }) =>
      id
        ? call<Infrastructure>('PATCH', `${org(organisationId)}/infrastructure/${part(id)}`, input)
        : call<Infrastructure>('POST', `${org(organisationId)}/infrastructure`, input),
    onSuccess: refresh,
  });
}

export function useDeleteInfrastructure(organisationId: string) {
  const refresh = useRefreshProfile(organisationId);
  return useMutation({
    mutationFn: (id: string) => call<void>('DELETE', `${org(organisationId)}/infrastructure/${part(id)}`),
    onSuccess: refresh,
  });
}

export function useSaveContact(organisationId: string) {
  const refresh = useRefreshProfile(organisationId);
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: ContactInput }) =>
      id
        ? call<Contact>('PATCH', `${org(organisationId)}/contacts/${part(id)}`, input)
        : call<Contact>('POST', `${org(organisationId)}/contacts`, input),
    onSuccess: refresh,
  });
}

export function useDeleteContact(organisationId: string) {
  const refresh = useRefreshProfile(organisationId);
  return useMutation({
    mutationFn: (id: string) => call<void>('DELETE', `${org(organisationId)}/contacts/${part(id)}`),
    onSuccess: refresh,
  });
}
