// The imports part of the API (src/server/imports): a multipart upload and small JSON calls.
// Uses the same error type as web/src/api.ts; the CSRF token comes from GET /api/session.
import { ApiError, type ErrorCode, ERROR_CODES, getSession, type Localised } from '../../api.ts';

export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'done' | 'failed';

export interface ImportField {
  key: string;
  label: Localised;
  required: boolean;
  hint?: Localised;
}

export interface ImportKind {
  kind: string;
  title: Localised;
  fields: ImportField[];
  maxBytes: number;
  /** Values the upload names besides the file, e.g. the survey round answers are imported into. */
  params?: ImportField[];
}

export interface RowError {
  row: number;
  column: string | null;
  message: string;
  field?: string;
  code?: string;
  params?: Record<string, string | number>;
}

export interface FileProblem {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportListItem {
  id: string;
  kind: string;
  status: ImportStatus;
  fileName: string;
  createdAt: string;
  finishedAt: string | null;
  progress: { done: number; total: number };
  rows: number;
  summary: ImportSummary | null;
  errorCount: number;
  createdBy: string | null;
}

export interface ImportView extends ImportListItem {
  fileType: 'csv' | 'xlsx';
  fileSize: number;
  startedAt: string | null;
  phase: 'validating' | 'saving' | null;
  attempts: number;
  errors: RowError[];
  moreErrors: number;
  fileError: FileProblem | null;
  failure: { code: string; message: string } | null;
  preview: { headers: string[]; rows: string[][] };
  mapping: Record<string, string> | null;
  suggestedMapping: Record<string, string>;
  savedMappingName: string | null;
  missingRequired: string[];
  fields: ImportField[];
  canCommit: boolean;
}

async function csrfToken(): Promise<string | null> {
  return (await getSession()).csrfToken;
}

async function toApiError(response: Response): Promise<ApiError> {
  let payload: { error?: { code?: unknown; message?: unknown; details?: unknown } } | null = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (a proxy's error page): the status decides.
  }
  const code = payload?.error?.code;
  const known: ErrorCode =
    typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)
      ? (code as ErrorCode)
      : response.status === 413 || response.status === 415
        ? 'validation_failed'
        : response.status >= 500
          ? 'internal'
          : 'unknown';
  const message = typeof payload?.error?.message === 'string' ? payload.error.message : response.statusText;
  return new ApiError(response.status, known, message, payload?.error?.details);
}

async function call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = await csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'Network error');
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

export function listImportKinds(): Promise<ImportKind[]> {
  return call<ImportKind[]>('GET', '/import-kinds');
}

export function listImports(): Promise<{ items: ImportListItem[] }> {
  return call<{ items: ImportListItem[] }>('GET', '/imports');
}

export function getImport(id: string, signal?: AbortSignal): Promise<ImportView> {
  return call<ImportView>('GET', `/imports/${encodeURIComponent(id)}`, undefined, signal);
}

export function commitImport(
  id: string,
  mapping: Record<string, string>,
  saveMappingAs?: string,
): Promise<ImportView> {
  return call<ImportView>('POST', `/imports/${encodeURIComponent(id)}/commit`, {
    mapping,
    ...(saveMappingAs ? { saveMappingAs } : {}),
  });
}

export async function uploadImport(
  kind: string,
  file: File,
  params: Record<string, string> = {},
): Promise<{ id: string }> {
  const form = new FormData();
  // The kind first: the server then knows the size limit before the file arrives.
  form.append('kind', kind);
  if (Object.keys(params).length > 0) form.append('params', JSON.stringify(params));
  form.append('file', file, file.name);
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = await csrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  let response: Response;
  try {
    response = await fetch('/api/imports', {
      method: 'POST',
      headers,
      body: form,
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'Network error');
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as { id: string };
}

/** The file-level problem in an upload's error, if the server named one. */
export function fileProblemOf(error: unknown): FileProblem | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details as { fileError?: FileProblem } | undefined;
  return details?.fileError && typeof details.fileError.code === 'string' ? details.fileError : null;
}

export const importKeys = {
  kinds: ['imports', 'kinds'] as const,
  list: ['imports', 'list'] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
};
