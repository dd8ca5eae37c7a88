import { ORGANISATION_TYPES, type OrganisationType } from '../../src/domain/registry/organisation-types.ts';
// A small typed wrapper around fetch for the Kenno JSON API (see PRODUCT.md, "The stable API surface").
// Every failure becomes an ApiError with a code from the API's error list, so pages can
// translate errors by code instead of showing raw server text.

export type Localised = { fi: string; sv: string; en: string };

export type Role = 'member' | 'coordinator' | 'admin';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  regionId: string | null;
}

export interface Session {
  user: User | null;
  csrfToken: string | null;
}

export interface Health {
  status: 'ok';
  db: 'pglite' | 'postgres';
  version: string;
}

export { ORGANISATION_TYPES } from '../../src/domain/registry/organisation-types.ts';
export type { OrganisationType } from '../../src/domain/registry/organisation-types.ts';

export function isOrganisationType(value: string): value is OrganisationType {
  return (ORGANISATION_TYPES as readonly string[]).includes(value);
}

export interface Region {
  id: string;
  code: string;
  nuts3: string;
  name: Localised;
  maakunta: { code: string; name: Localised };
  specialisation: { stated: Localised; conceptIds: string[] };
  organisationCount: number;
}

export interface Concept {
  id: string;
  scheme: string;
  parentId: string | null;
  level: number;
  labels: Localised;
}

export interface OrganisationSummary {
  id: string;
  name: string;
  nameEn: string | null;
  type: OrganisationType;
  regionId: string | null;
  municipality: string | null;
  website: string | null;
  isPublic: boolean;
  conceptIds: string[];
}

export type CompetenceStrength = 'core' | 'active' | 'interest';

export interface Competence {
  conceptId: string;
  strength: CompetenceStrength;
  evidence: string | null;
}

export interface Organisation extends OrganisationSummary {
  businessId: string | null;
  /** A small or medium-sized enterprise (EU definition); null: not known. */
  sme: boolean | null;
  description: Localised;
  competences: Competence[];
  sources: string[];
  createdAt: string;
  updatedAt: string;
  canEdit: boolean;
}

export interface OrganisationInput {
  name?: string;
  nameEn?: string | null;
  type?: OrganisationType;
  regionId?: string | null;
  municipality?: string | null;
  website?: string | null;
  businessId?: string | null;
  sme?: boolean | null;
  description?: Localised;
  isPublic?: boolean;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  token: string;
  createdAt: string;
}

export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'rate_limited',
  'db_unavailable',
  'gone',
  'internal',
] as const;

/** The API's codes plus two that only the client produces. */
export type ErrorCode = (typeof ERROR_CODES)[number] | 'network' | 'unknown';

export interface ValidationIssue {
  path: string[];
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(status: number, code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field-level problems of a validation_failed error, in a predictable shape. */
  get issues(): ValidationIssue[] {
    if (!Array.isArray(this.details)) return [];
    const issues: ValidationIssue[] = [];
    for (const item of this.details as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const record = item as { path?: unknown; message?: unknown };
      const path = Array.isArray(record.path) ? record.path.map((part) => String(part)) : [];
      const message = typeof record.message === 'string' ? record.message : '';
      issues.push({ path, message });
    }
    return issues;
  }
}

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'validation_failed';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 429:
      return 'rate_limited';
    case 502:
    case 503:
    case 504:
      return 'db_unavailable';
    default:
      return status >= 500 ? 'internal' : 'unknown';
  }
}

// The CSRF token belongs to the cookie session; it is refreshed whenever the session is read.
let csrfToken: string | null = null;

export type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra headers, e.g. a survey respondent's X-Survey-Token. */
  headers?: Record<string, string>;
  /** 'omit' for calls authenticated by something other than the session (a survey link). */
  credentials?: RequestCredentials;
  referrerPolicy?: ReferrerPolicy;
  /** 'no-store' for answers that depend on a header the browser's cache does not key on. */
  cache?: RequestCache;
}

/** The address of an API route with its query (empty values left out), e.g. for a download link. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/api${path}?${search}` : `/api${path}`;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const credentials = options.credentials ?? 'same-origin';
  if (method !== 'GET' && csrfToken && credentials !== 'omit') headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials,
      ...(options.referrerPolicy ? { referrerPolicy: options.referrerPolicy } : {}),
      ...(options.cache ? { cache: options.cache } : {}),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'Network error');
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // A proxy or a crashed server may answer with HTML; fall back to the status code.
  }
  const error =
    typeof payload === 'object' && payload !== null && 'error' in payload
      ? (payload as { error: { code?: unknown; message?: unknown; details?: unknown } }).error
      : null;
  const code = isKnownCode(error?.code) ? error.code : codeForStatus(response.status);
  const message = typeof error?.message === 'string' ? error.message : response.statusText;
  return new ApiError(response.status, code, message, error?.details);
}

/** The one fetch wrapper of the web app: each module's API file calls this (path without /api). */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  if (!response.ok && method !== 'GET' && response.status === 403) {
    const error = await toApiError(response.clone());
    // The session may have been renewed elsewhere (another tab); fetch a fresh token and retry once.
    if (error.code === 'csrf_failed' && path !== '/session') {
      await getSession();
      response = await send(method, path, options);
    }
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export function getHealth(): Promise<Health> {
  return request<Health>('GET', '/health');
}

export async function getSession(): Promise<Session> {
  const session = await request<Session>('GET', '/session');
  csrfToken = session.csrfToken;
  return session;
}

export async function signIn(email: string, password: string): Promise<Session> {
  const session = await request<Session>('POST', '/session', { body: { email, password } });
  csrfToken = session.csrfToken;
  return session;
}

export async function signOut(): Promise<void> {
  await request<void>('DELETE', '/session');
  csrfToken = null;
}

export function listTokens(): Promise<ApiToken[]> {
  return request<ApiToken[]>('GET', '/tokens');
}

export function createToken(name: string): Promise<CreatedApiToken> {
  return request<CreatedApiToken>('POST', '/tokens', { body: { name } });
}

export function deleteToken(id: string): Promise<void> {
  return request<void>('DELETE', `/tokens/${encodeURIComponent(id)}`);
}

export function listRegions(): Promise<Region[]> {
  return request<Region[]>('GET', '/regions');
}

export function listConcepts(scheme: string): Promise<Concept[]> {
  return request<Concept[]>('GET', '/concepts', { query: { scheme } });
}

export interface OrganisationQuery {
  q?: string;
  region?: string;
  type?: string;
  concept?: string;
  page?: number;
  pageSize?: number;
}

export function listOrganisations(
  query: OrganisationQuery,
  signal?: AbortSignal,
): Promise<Paged<OrganisationSummary>> {
  return request<Paged<OrganisationSummary>>('GET', '/organisations', { query: { ...query }, signal });
}

export function getOrganisation(id: string, signal?: AbortSignal): Promise<Organisation> {
  return request<Organisation>('GET', `/organisations/${encodeURIComponent(id)}`, { signal });
}

export function updateOrganisation(id: string, input: OrganisationInput): Promise<Organisation> {
  return request<Organisation>('PATCH', `/organisations/${encodeURIComponent(id)}`, { body: input });
}
