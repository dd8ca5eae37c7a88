// The taxonomy module's part of the API client: concept schemes, concept search and pages,
// history, and admins' edits. Errors become the app's ApiError, as in ../../api.ts.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, ERROR_CODES, type ErrorCode, getSession, type Localised } from '../../api.ts';
import { queryKeys, useSession } from '../../queries.ts';

export type LabelLists = { fi: string[]; sv: string[]; en: string[] };

export interface ConceptScheme {
  id: string;
  title: Localised;
  description: Localised;
  uri: string | null;
  source: string | null;
  sortOrder: number;
  conceptCount: number;
}

export interface TaxonomyConcept {
  id: string;
  scheme: string;
  parentId: string | null;
  level: number;
  labels: Localised;
  altLabels: LabelLists;
  notation: string | null;
  uri: string | null;
}

export interface ConceptRef {
  id: string;
  scheme: string;
  labels: Localised;
  notation: string | null;
  uri: string | null;
}

export type RelationKind = 'broader' | 'essential' | 'optional' | 'exact-match' | 'related';

export interface ConceptDetail extends TaxonomyConcept {
  schemeTitle: Localised;
  description: Localised;
  sources: string[];
  updatedAt: string;
  parent: ConceptRef | null;
  children: ConceptRef[];
  relations: {
    outgoing: { kind: RelationKind; concept: ConceptRef }[];
    incoming: { kind: RelationKind; concept: ConceptRef }[];
    outgoingTotal: number;
    incomingTotal: number;
  };
  exactMatch: string[];
  canEdit: boolean;
}

export interface ConceptHistoryEntry {
  id: number;
  at: string;
  action: 'create' | 'update' | 'delete' | 'import';
  actor: { id: string; name: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ConceptPatch {
  labels?: Partial<Localised>;
  altLabels?: Partial<LabelLists>;
  parentId?: string | null;
}

export interface ConceptPage {
  items: TaxonomyConcept[];
  total: number;
}

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

async function toError(response: Response): Promise<ApiError> {
  let payload: { error?: { code?: unknown; message?: unknown; details?: unknown } } | null = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (a proxy's error page): the status code tells enough.
  }
  const error = payload?.error;
  const fallback: ErrorCode =
    response.status === 400
      ? 'validation_failed'
      : response.status === 401
        ? 'unauthenticated'
        : response.status === 403
          ? 'forbidden'
          : response.status === 404
            ? 'not_found'
            : response.status === 409
              ? 'conflict'
              : response.status >= 500
                ? 'internal'
                : 'unknown';
  return new ApiError(
    response.status,
    isKnownCode(error?.code) ? error.code : fallback,
    typeof error?.message === 'string' ? error.message : response.statusText,
    error?.details,
  );
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      credentials: 'same-origin',
      ...init,
      headers: { Accept: 'application/json', ...(init.headers ?? {}) },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'Network error');
  }
  if (!response.ok) throw await toError(response);
  return response;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const conceptPath = (id: string) => `/concepts/${encodeURIComponent(id)}`;
export const skosUrl = (schemeId: string) => `/api/concept-schemes/${encodeURIComponent(schemeId)}/skos`;

export async function listConceptSchemes(signal?: AbortSignal): Promise<ConceptScheme[]> {
  return (await call('/concept-schemes', { signal })).json();
}

export async function searchConcepts(
  params: { scheme: string; q?: string; lang?: string; limit: number; offset: number },
  signal?: AbortSignal,
): Promise<ConceptPage> {
  const response = await call(`/concepts${query(params)}`, { signal });
  const items = (await response.json()) as TaxonomyConcept[];
  return { items, total: Number(response.headers.get('x-total-count') ?? items.length) };
}

export async function getConcept(id: string, signal?: AbortSignal): Promise<ConceptDetail> {
  return (await call(conceptPath(id), { signal })).json();
}

export async function getConceptHistory(id: string, signal?: AbortSignal): Promise<ConceptHistoryEntry[]> {
  return (await call(`${conceptPath(id)}/history`, { signal })).json();
}

/** A cookie-authenticated write carries the session's CSRF token; a stale one is renewed once. */
export async function patchConcept(
  id: string,
  patch: ConceptPatch,
  csrfToken: string | null,
): Promise<ConceptDetail> {
  const send = (token: string | null) =>
    call(conceptPath(id), {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', ...(token ? { 'X-CSRF-Token': token } : {}) },
      body: JSON.stringify(patch),
    });
  try {
    return (await send(csrfToken)).json();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'csrf_failed') {
      const session = await getSession();
      return (await send(session.csrfToken)).json();
    }
    throw error;
  }
}

export const taxonomyKeys = {
  schemes: ['taxonomy', 'schemes'] as const,
  scheme: (scheme: string) => ['taxonomy', 'scheme', scheme] as const,
  search: (params: object) => ['taxonomy', 'search', params] as const,
  concept: (id: string) => ['taxonomy', 'concept', id] as const,
  history: (id: string) => ['taxonomy', 'history', id] as const,
};

export function useConceptSchemes() {
  return useQuery({ queryKey: taxonomyKeys.schemes, queryFn: ({ signal }) => listConceptSchemes(signal) });
}

/** Every concept of a small scheme (at most 1000), for the tree. */
export function useSchemeConcepts(scheme: string | null) {
  return useQuery({
    queryKey: taxonomyKeys.scheme(scheme ?? ''),
    queryFn: ({ signal }) => searchConcepts({ scheme: scheme ?? '', limit: 1000, offset: 0 }, signal),
    enabled: Boolean(scheme),
  });
}

export function useConceptSearch(params: {
  scheme: string;
  q: string;
  lang: string;
  page: number;
  pageSize: number;
}) {
  const { scheme, q, lang, page, pageSize } = params;
  return useQuery({
    queryKey: taxonomyKeys.search(params),
    queryFn: ({ signal }) =>
      searchConcepts(
        { scheme, q: q || undefined, lang, limit: pageSize, offset: (page - 1) * pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useConcept(id: string) {
  return useQuery({ queryKey: taxonomyKeys.concept(id), queryFn: ({ signal }) => getConcept(id, signal) });
}

export function useConceptHistory(id: string) {
  return useQuery({
    queryKey: taxonomyKeys.history(id),
    queryFn: ({ signal }) => getConceptHistory(id, signal),
  });
}

export function useUpdateConcept(id: string) {
  const queryClient = useQueryClient();
  const session = useSession();
  return useMutation({
    mutationFn: (patch: ConceptPatch) => patchConcept(id, patch, session.data?.csrfToken ?? null),
    onSuccess: (concept) => {
      queryClient.setQueryData(taxonomyKeys.concept(id), concept);
      void queryClient.invalidateQueries({ queryKey: ['taxonomy'] });
      // Other pages show value-chain labels from their own cache.
      void queryClient.invalidateQueries({ queryKey: queryKeys.concepts(concept.scheme) });
    },
  });
}
